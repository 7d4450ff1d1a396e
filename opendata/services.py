"""Writes of the open data: the datasets regenerated when what they are made from changed.

datasets_refresh() is what the beat tasks call (opendata.tasks): every few minutes it compares
datasets.fingerprint() with the one the manifest recorded and regenerates only when they differ
(a publication, a takedown, an SME accepting the open licence, a pledge entering or leaving the
viewer); the nightly run regenerates whatever the fingerprint says (a pledge's progress, a
renamed SME). One generation at a time: a cache lock, held at most as long as a task may run.
"""

import logging

from django.conf import settings
from django.core.cache import cache

from . import datasets

logger = logging.getLogger(__name__)

LOCK_KEY = "opendata:regenerating"


def datasets_refresh(*, force: bool = False, directory=None) -> bool:
    """Regenerate the datasets if their fingerprint changed since the last generation (or if
    `force`, or if they were never generated). Returns whether it regenerated; False too when
    another generation holds the lock (it will have the changes, or the next check will)."""
    if not force:
        manifest = datasets.read_manifest(directory)
        if manifest is not None and manifest.get("fingerprint") == datasets.fingerprint():
            return False
    if not cache.add(LOCK_KEY, 1, timeout=settings.OPEN_DATA_LOCK_SECONDS):
        return False
    try:
        files = datasets.regenerate(directory)
    finally:
        cache.delete(LOCK_KEY)
    summary = ", ".join(f"{entry['name']}={entry['rows']}" for entry in files)
    logger.info("Open datasets regenerated: %s", summary)
    return True
