from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Good practices")

    def ready(self) -> None:
        # the receivers import the models: only once the app registry is ready
        from .signals import organisation_saved, seed_taxonomy, sqlite_connected

        # Migration 0003 seeds the taxonomy; a flush (live-server tests, `flush`) empties it and
        # only post_migrate runs again, so re-seed there too (idempotent).
        post_migrate.connect(seed_taxonomy, sender=self, dispatch_uid="practices.seed_taxonomy")
        post_save.connect(
            organisation_saved,
            sender="accounts.Organisation",
            dispatch_uid="practices.organisation_saved",
        )
        connection_created.connect(sqlite_connected, dispatch_uid="practices.sqlite_connected")
