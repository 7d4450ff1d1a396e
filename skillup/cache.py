"""The Redis cache backend, failing open when Redis is unreachable."""

from django_redis.cache import RedisCache


class FailOpenRedisCache(RedisCache):
    """django-redis with IGNORE_EXCEPTIONS answers `None` from `add()` when Redis is down, which
    callers read as "the key exists". allauth's rate limiter takes its lock with `add()`, so a
    Redis outage would refuse every log-in with 429. Decision: rate limits and cache locks fail
    open during an outage (logged by django-redis), so people can still log in."""

    def add(self, *args, **kwargs) -> bool:
        added = super().add(*args, **kwargs)
        return True if added is None else added
