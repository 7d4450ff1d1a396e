"""HTTP caching of the API's answers: ETag, Last-Modified, Cache-Control, and 304s.

- Practices (list and detail) are tied to the practices version (practices/cache.py: bumped by
  every publication, new public text or takedown): their ETag is known before any work, so a
  conditional request answers 304 at the cost of one cache read.
- The other answers (calls, pledges with their progress, the taxonomy, the figures) change
  with things no single version follows (a partnership, a check-in, a call's text): their ETag
  is a digest of the JSON itself, worked out once the answer is built. A 304 still saves the
  transfer.

Last-Modified is when the portal first served that version (or that body): a fresh time for
each change, never earlier than the change itself, kept in the cache with the ETag.

A practices answer's body is also kept in the cache under its ETag for API_CACHE_SECONDS (as
the list page is for visitors, skillup/pagecache.py): the next client asking the same address
in the same version is answered from the cache; a publication changes the version, hence the
ETag and the key, at once.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, quote_etag
from django.utils.translation import get_language

from practices.cache import practices_version

SEEN_SECONDS = 7 * 24 * 3600  # a version or a body not served for a week starts afresh


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def first_served(key: str) -> int:
    """The time (whole seconds) this version or body was first served."""
    cache_key = f"api:seen:{key}"
    seen = cache.get(cache_key)  # (one read once it is known: every request but the first)
    if seen is None:
        now = int(time.time())
        cache.add(cache_key, now, SEEN_SECONDS)
        seen = cache.get(cache_key) or now
    return seen


def practices_validators(request) -> tuple[str, int]:
    """(ETag, Last-Modified) of a practices answer: this address (its links name the host) in
    this language under the current practices version."""
    version = practices_version()
    address = request.build_absolute_uri()
    etag = quote_etag(f"p{version}-{_digest(address, get_language() or '')}")
    return etag, first_served(f"v{version}")


def _body_key(etag: str) -> str:
    return f"api:body:{etag}"


def cached_body(etag: str) -> HttpResponse | None:
    """The answer kept under this ETag (see the module docstring), or None."""
    if not settings.API_CACHE_SECONDS:
        return None
    content = cache.get(_body_key(etag))
    if content is None:
        return None
    response = HttpResponse(content, content_type="application/json")
    response.from_api_cache = True
    return response


def not_modified(request, etag: str, last_modified: int):
    """A 304 (with the headers the full answer would carry) when the client already has this
    answer, else None."""
    response = get_conditional_response(request._request, etag=etag, last_modified=last_modified)
    if response is not None:
        _headers(response, etag, last_modified)
    return response


def _headers(response, etag: str, last_modified: int) -> None:
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = f"public, max-age={settings.API_MAX_AGE}"
    patch_vary_headers(response, ["Accept-Language"])


def finish(request, response, *, etag: str | None = None, last_modified: int | None = None):
    """Headers of a successful answer (and the 304 for a client that has it already)."""
    if response.status_code != 200:
        return response
    if etag is None:
        response.render()
        etag = quote_etag(f"b-{_digest(get_language() or '', response.content.decode())}")
        last_modified = first_served(etag)
    elif settings.API_CACHE_SECONDS and not getattr(response, "from_api_cache", False):
        response.render()
        cache.set(_body_key(etag), response.content, settings.API_CACHE_SECONDS)
    _headers(response, etag, last_modified)
    return get_conditional_response(
        request._request, etag=etag, last_modified=last_modified, response=response
    )
