from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The open-data API (#17): read-only JSON of what the public pages already show."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "api"
    verbose_name = _("Open-data API")
