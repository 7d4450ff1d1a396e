from django.apps import AppConfig
from django.apps import apps as global_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from .taxonomy import load_taxonomy


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = _("Matchmaking")

    def ready(self) -> None:
        # Migration 0002 loads the skill taxonomy; a flush (transactional and live-server tests,
        # `flush`) empties it and only post_migrate runs again, so load it there too (idempotent).
        post_migrate.connect(seed_taxonomy, sender=self, dispatch_uid="matching.seed_taxonomy")


def seed_taxonomy(sender=None, *, apps=None, using="default", **kwargs) -> None:
    apps = apps or global_apps
    try:
        # the models as migrated (after `migrate matching zero` there are none)
        Framework = apps.get_model("matching", "Framework")
        Skill = apps.get_model("matching", "Skill")
    except LookupError:
        return
    load_taxonomy(Framework, Skill, using=using)
