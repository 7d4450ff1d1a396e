"""Rate limits for the portal's own forms (allauth limits its log-in, sign-up and reset forms).

A fixed-window counter in the cache, as pretalx does. Not allauth's limiter: it reads its rates
from ACCOUNT_RATE_LIMITS only and is not meant for use outside allauth. Not django-ratelimit:
its checks reject the locmem cache of tests and warn on our fail-open Redis backend, for what
these few lines do. With Redis down the counters fail open (a message too many beats refusing
everyone). Keys are hashed, so no address or email is stored in the cache; one function says
how a refusal looks.
"""

import hashlib
from dataclasses import dataclass
from functools import wraps

from allauth.account.adapter import get_adapter
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TOO_MANY_MESSAGE = _("You have done this too often for now. Please try again later.")


@dataclass(frozen=True)
class Limit:
    """At most `count` uses per `seconds` for one key (an address, a person, an organisation)."""

    name: str
    count: int
    seconds: int


def client_ip(request: HttpRequest) -> str:
    """allauth's notion of the client address (honours ALLAUTH_TRUSTED_PROXY_COUNT), so our
    limits and the log-in limits agree on who a visitor is."""
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return "unknown"


def _cache_key(limit: Limit, key: str) -> str:
    digest = hashlib.sha256(f"{limit.name}:{key}".encode()).hexdigest()[:32]
    window = int(timezone.now().timestamp()) // limit.seconds
    return f"ratelimit:{limit.name}:{digest}:{window}"


def hit(limit: Limit, key: str) -> bool:
    """Count one use for `key` in the current window; False once past the limit."""
    cache_key = _cache_key(limit, key)
    cache.add(cache_key, 0, limit.seconds)
    try:
        used = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, limit.seconds)
        used = 1
    return used is None or used <= limit.count


def exceeded(limit: Limit, key: str) -> bool:
    """Whether `key` is already past the limit, without counting a use."""
    used = cache.get(_cache_key(limit, key))
    return used is not None and used >= limit.count


def too_many_requests(request: HttpRequest, message: str = TOO_MANY_MESSAGE) -> HttpResponse:
    """The friendly 429 page (allauth's own limits render the same template)."""
    return render(request, "429.html", {"message": message}, status=429)


# Pages reached through a secret link (invitations, unsubscribe): unknown links from one address.
# Tokens are 256-bit or signed, so guessing is hopeless anyway; this stops the scan itself.
# Valid links never count: mail providers send one-click unsubscribes from shared addresses.
TOKEN_GUESSES = Limit("token-guesses", 20, 10 * 60)


def limit_token_guesses(view):
    """Refuse with 429 an address past TOKEN_GUESSES unknown links; a 404 counts as one."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        address = client_ip(request)
        if exceeded(TOKEN_GUESSES, address):
            return too_many_requests(request)
        try:
            return view(request, *args, **kwargs)
        except Http404:
            hit(TOKEN_GUESSES, address)
            raise

    return wrapper
