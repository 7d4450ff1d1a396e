"""The "practices version": a number bumped whenever what the public sees of the practices
changes (a publication, a published practice's new text or SME, a call's title).

Everything cached about the published practices (facet counts, filter choices, searches,
visitors' list pages) is keyed on it, so one bump makes all of it stale at once. Kept apart
from the browse filters so that the services can bump it without importing them.
"""

import time
from functools import wraps

from django.core.cache import cache
from django.views.decorators.cache import cache_page

VERSION_KEY = "practices:version"


def practices_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        # a fresh number, never a reused one: entries cached under an evicted version stay dead
        cache.add(VERSION_KEY, time.time_ns(), None)
        version = cache.get(VERSION_KEY) or time.time_ns()
    return version


def practices_version_bump() -> None:
    """Forget every cached facet count, filter choice, search and visitor's list page. Called
    once committed by services.published_practices_changed (a publication, a published
    practice's new text or SME) and by the call admin (call titles)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet (or evicted): any new number will do
        cache.set(VERSION_KEY, time.time_ns(), None)


def cache_page_per_version(timeout: int):
    """Django's cache_page, keyed on the practices version as well: a page listing published
    practices (the sitemap) is cached for `timeout` seconds, and a publication or a practice
    taken down shows in it at once."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            key_prefix = f"practices-v{practices_version()}"
            return cache_page(timeout, key_prefix=key_prefix)(view)(request, *args, **kwargs)

        return wrapped

    return decorator
