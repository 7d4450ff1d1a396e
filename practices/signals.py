"""What practices does when something happens elsewhere: connected in PracticesConfig.ready()."""

from .enums import PracticeState
from .models import Practice, Topic, TrainingTool
from .selectors import fold
from .services import published_practices_changed
from .taxonomy import TOOLS, TOPICS

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
    ids = list(
        Practice.objects.filter(organisation=instance, state=PracticeState.PUBLISHED).values_list(
            "pk", flat=True
        )
    )
    if ids:
        published_practices_changed(ids)


def seed_taxonomy(sender=None, **kwargs) -> None:
    """Migration 0003 seeds the taxonomy; a flush (live-server tests, `flush`) empties it and
    only post_migrate runs again, so it is re-seeded here too (idempotent)."""
    topics = set(Topic.objects.values_list("slug", flat=True))
    Topic.objects.bulk_create(
        [Topic(slug=slug, name=name) for slug, name in TOPICS if slug not in topics]
    )
    tools = set(TrainingTool.objects.values_list("slug", flat=True))
    TrainingTool.objects.bulk_create(
        [TrainingTool(slug=s, name=n, url=u) for s, n, u in TOOLS if s not in tools]
    )


def sqlite_connected(sender, connection, **kwargs) -> None:
    """SQLite's search (selectors._like) compares texts folded by skillup_fold: lower case
    without accents, which SQLite's own lower() and LIKE do for ASCII letters only."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "skillup_fold", 1, lambda text: None if text is None else fold(text), deterministic=True
        )
