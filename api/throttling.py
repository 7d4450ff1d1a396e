"""The API's per-client rate limit: DRF's throttling on the project's cache (Redis in
production, fail-open; locmem in tests), keyed on the client address the rest of the portal
uses (skillup.ratelimit.client_ip: allauth's, honouring TRUSTED_PROXY_COUNT)."""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from skillup.ratelimit import client_ip


class ApiClientThrottle(SimpleRateThrottle):
    """settings.API_RATE_LIMIT requests ("120/min") per client address, every endpoint together;
    beyond it DRF answers 429 with Retry-After. The rate is read at each request (DRF's own
    classes read theirs once, at import): tests and benchmarks may change it."""

    scope = "api"

    def get_rate(self) -> str | None:
        return settings.API_RATE_LIMIT or None

    def get_cache_key(self, request, view) -> str:
        return self.cache_format % {"scope": self.scope, "ident": client_ip(request._request)}
