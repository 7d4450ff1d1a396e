from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Good practices")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        # Migration 0003 seeds the taxonomy; a flush (live-server tests, `flush`) empties it and
        # only post_migrate runs again, so re-seed there too (idempotent).
        post_migrate.connect(seed_taxonomy, sender=self, dispatch_uid="practices.seed_taxonomy")


def seed_taxonomy(sender=None, **kwargs) -> None:
    from .models import Topic, TrainingTool
    from .taxonomy import TOOLS, TOPICS

    topics = set(Topic.objects.values_list("slug", flat=True))
    Topic.objects.bulk_create(
        [Topic(slug=slug, name=name) for slug, name in TOPICS if slug not in topics]
    )
    tools = set(TrainingTool.objects.values_list("slug", flat=True))
    TrainingTool.objects.bulk_create(
        [TrainingTool(slug=s, name=n, url=u) for s, n, u in TOOLS if s not in tools]
    )
