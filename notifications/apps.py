from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        import skillup.celery  # noqa: F401  (load the Celery app so shared tasks bind to it)

        # each app's reminders.py registers its producers with @reminder
        autodiscover_modules("reminders")
