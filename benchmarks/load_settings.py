"""Settings of the gunicorn that benchmarks/load.py starts: skillup.settings.production,
unchanged, plus two things a benchmark needs.

- ROOT_URLCONF: benchmarks.load_urls, the product's URLs plus one trivial view (the floor).
- STATIC_ROOT: the run's own collectstatic output (the manifest storage of production needs
  one), never the checkout's staticfiles/.

Nothing is relaxed: SSL redirect, HSTS, secure __Host- cookies and CSRF stay as in production.
The benchmark plays the TLS-terminating proxy instead (X-Forwarded-Proto: https and one
X-Forwarded-For entry per simulated visitor, with TRUSTED_PROXY_COUNT=1).
"""

from skillup.settings.production import *  # noqa: F403
from skillup.settings.production import env

ROOT_URLCONF = "benchmarks.load_urls"
STATIC_ROOT = env.path("LOAD_STATIC_ROOT")
