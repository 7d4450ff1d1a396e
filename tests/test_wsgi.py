"""The WSGI module gunicorn loads: it loads what every request reads and freezes it out of the
cyclic garbage collector's sight (skillup/wsgi.py)."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = textwrap.dedent(
    """
    import gc
    from skillup.wsgi import application
    from django.conf import settings
    from django.urls import reverse
    from django.utils import translation
    frozen = gc.get_freeze_count()
    tracked = len(gc.get_objects())
    addresses = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            addresses.add(reverse("practices:practice_list"))
    print(callable(application), frozen, tracked, len(addresses))
    """
)


def test_the_wsgi_module_loads_and_freezes_what_lives_as_long_as_the_process():
    done = subprocess.run(
        [sys.executable, "-c", CHILD],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "skillup.settings.test"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    is_callable, frozen, tracked, addresses = done.stdout.split()[-4:]
    assert is_callable == "True"
    # Django, the apps, the URL patterns and the catalogues: well over 100,000 objects frozen,
    # a few thousand left for the collector to walk
    assert int(frozen) > 100_000
    assert int(tracked) < int(frozen) // 10
    assert int(addresses) == 7  # one address per interface language, all loaded
