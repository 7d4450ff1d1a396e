"""The "practices version": a number bumped whenever what the public sees of the practices
changes (a publication, a published practice's new text or SME, a call's title).

Everything cached about the published practices (facet counts, filter choices, searches,
visitors' list pages) is keyed on it, so one bump makes all of it stale at once. Kept apart
from the browse filters so that the services can bump it without importing them.
"""

import time
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from asgiref.local import Local
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.views.decorators.cache import cache_page

VERSION_KEY = "practices:version"
T = TypeVar("T")

# What one request reads once (the practices version: a search's API answer read it five times,
# for its validators, the filter choices, the search, the facet index), a cache read each.
# Only while a request runs: a task or a command always reads the cache.
_request = Local()


def per_request(key: str, make: Callable[[], T]) -> T:
    """make() once per request (every time outside one)."""
    memo = getattr(_request, "memo", None)
    if memo is None:
        return make()
    if key not in memo:
        memo[key] = make()
    return memo[key]


def _request_begins(**_kwargs) -> None:
    _request.memo = {}


def _request_ends(**_kwargs) -> None:
    _request.memo = None


request_started.connect(_request_begins, dispatch_uid="practices.cache.request_begins")
request_finished.connect(_request_ends, dispatch_uid="practices.cache.request_ends")


def practices_version() -> int:
    """The current version (read once per request: see per_request)."""
    return per_request(VERSION_KEY, _read_version)


def _read_version() -> int:
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
    memo = getattr(_request, "memo", None)
    if memo is not None:  # (a request that publishes reads the new version after)
        memo.pop(VERSION_KEY, None)


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
