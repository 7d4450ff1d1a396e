from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Good practices")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate, post_save

        # Migration 0003 seeds the taxonomy; a flush (live-server tests, `flush`) empties it and
        # only post_migrate runs again, so re-seed there too (idempotent).
        post_migrate.connect(seed_taxonomy, sender=self, dispatch_uid="practices.seed_taxonomy")
        post_save.connect(
            organisation_saved,
            sender="accounts.Organisation",
            dispatch_uid="practices.organisation_saved",
        )


# What of an SME its published practices show and are found by: its name is in their search
# documents, its country, sector and size are facets.
SHOWN_ORGANISATION_FIELDS = frozenset({"name", "country", "sector", "size_band"})


def organisation_saved(sender, instance, created, update_fields=None, **kwargs) -> None:
    """An SME changed what its published practices show: rebuild their search documents now,
    and start a new practices version once committed (facet counts, cached searches and
    visitors' pages are worked out again)."""
    if created or (
        update_fields is not None and not SHOWN_ORGANISATION_FIELDS & set(update_fields)
    ):
        return
    from .enums import PracticeState
    from .models import Practice
    from .services import published_practices_changed

    ids = list(
        Practice.objects.filter(organisation=instance, state=PracticeState.PUBLISHED).values_list(
            "pk", flat=True
        )
    )
    if ids:
        published_practices_changed(ids)


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
