"""Local development: DEBUG on, everything else from base (SQLite, eager Celery, console mail)."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
