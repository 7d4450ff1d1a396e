"""Whole-page caching of public list pages for visitors without a session.

A visitor with no session cookie is anonymous and has no messages waiting, so every such visitor
gets the same page for the same path and query string (the language is in the path). Those
pages are cached for a short time under a key that also carries a version, so a change that
must show at once (a publication) bumps the version instead of waiting for the timeout. People
who are logged in, or have a session for any other reason, always get a freshly rendered page,
and their pages are never stored.

Django's cache_page would key on the Cookie header (Vary: Cookie): a visitor's CSRF cookie alone
would give them their own entry. The page must not depend on anything but the path and query:
no per-request nonce (the site's CSP allows scripts by origin, not by nonce); a page that
renders a CSRF token or a message, or writes the session, is served but never stored.

A page whose stored copy is out of date (a newer version, or its time is up) is rendered again
by one request at a time: the first takes a short render lock (cache.add, atomic in Redis) and
renders; visitors asking for the same page meanwhile get the stored copy, marked stale, instead
of each rendering it too. After a publication bumps the version, a page many people are opening
(a newsletter's practice, the home page) is rendered once rather than once per worker thread. A
visitor thus sees the previous version only while another request is rendering the current one
(RENDER_LOCK_SECONDS at the very most, if that request died); the first request after a change
always gets the new page.
"""

import hashlib
import time
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

PREFIX = "pagecache"
# How long a render lock lives if the request holding it dies before it lets go.
RENDER_LOCK_SECONDS = 5
# How long a copy is kept past its time to be served stale while it is rendered again.
STALE_SECONDS = 60


def is_cacheable_request(request: HttpRequest) -> bool:
    return (
        getattr(settings, "PAGE_CACHE_ENABLED", True)
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def _is_the_same_for_everyone(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether nothing of this visitor's own went into the page, checked on the response rather
    than trusted to the view: no cookie set; no CSRF token rendered (its cookie is only set later,
    by the middleware, so the token's flag tells); no session created or written; no message
    shown (messages live in the session, which is only saved after the view)."""
    return (
        response.status_code == 200
        and not getattr(response, "streaming", False)
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not request.session.session_key
        and not request.session.modified
        and not len(messages.get_messages(request))
    )


def cache_for_visitors(*, timeout: int, version: Callable[[], object] | None = None):
    """Cache a view's 200 responses for visitors without a session for `timeout` seconds, keyed
    by the full path; a copy of an older `version()` is rendered again (without a version, a
    change shows once `timeout` ends)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not is_cacheable_request(request):
                return view(request, *args, **kwargs)
            path = request.get_full_path().encode("utf-8", "surrogateescape")
            current = version() if version is not None else "-"
            key = f"{PREFIX}:{view.__module__}.{view.__name__}:" + hashlib.sha256(path).hexdigest()
            stored = cache.get(key)
            lock = None
            if stored is not None:
                stored_version, fresh_until, content, content_type = stored
                if stored_version == current and time.time() < fresh_until:
                    return _served(content, content_type, "hit")
                lock = f"{key}:rendering"
                if not cache.add(lock, 1, RENDER_LOCK_SECONDS):
                    return _served(content, content_type, "stale")
            try:
                response = view(request, *args, **kwargs)
                if _is_the_same_for_everyone(request, response):
                    fresh_until = time.time() + timeout
                    copy = (current, fresh_until, response.content, response["Content-Type"])
                    cache.set(key, copy, timeout + STALE_SECONDS)
                    response["X-Page-Cache"] = "miss"
                elif stored is not None and response.status_code != 200:
                    cache.delete(key)  # (a practice taken down: its old page is not served again)
            finally:
                if lock is not None:
                    cache.delete(lock)
            return response

        return wrapped

    return decorator


def _served(content: bytes, content_type: str, how: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["X-Page-Cache"] = how
    return response
