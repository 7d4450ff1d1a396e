from datetime import UTC, datetime

from django.apps import AppConfig
from django.apps import apps as global_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from .commitments import FIRST_AGREEMENT_TEXT, FIRST_AGREEMENT_VERSION


class VolunteersConfig(AppConfig):
    name = "volunteers"
    verbose_name = _("Digital Volunteers")

    def ready(self) -> None:
        # Migration 0002 puts the first confidentiality agreement in force; a flush (live-server
        # tests, `flush`) empties it and only post_migrate runs again, so seed it there too.
        post_migrate.connect(seed_agreement, sender=self, dispatch_uid="volunteers.seed_agreement")


def seed_agreement(sender=None, *, apps=None, using="default", **kwargs) -> None:
    apps = apps or global_apps
    try:
        Agreement = apps.get_model("volunteers", "ConfidentialityAgreement")
    except LookupError:
        return
    if not Agreement.objects.using(using).exists():
        Agreement.objects.using(using).create(
            version=FIRST_AGREEMENT_VERSION,
            text=FIRST_AGREEMENT_TEXT,
            effective_at=datetime(2026, 1, 1, tzinfo=UTC),
        )
