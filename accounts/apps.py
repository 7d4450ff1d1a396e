from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and organisations")

    def ready(self) -> None:
        from .roles import sync_group_permissions, sync_site

        post_migrate.connect(sync_group_permissions, dispatch_uid="accounts.sync_group_permissions")
        post_migrate.connect(sync_site, dispatch_uid="accounts.sync_site")
