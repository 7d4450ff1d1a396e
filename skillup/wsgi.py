"""The WSGI application (gunicorn skillup.wsgi:application).

Once loaded, what every request reads is loaded too (the URL patterns, each language's
catalogue) and frozen out of the garbage collector's sight (gc.freeze): these objects live as
long as the process, and a full collection walked all 260,000 of them, 100 to 160 ms added to
whichever request happened to trigger it (one in a hundred or so at 100,000 practices: the tail
of the API's and the pages' times). Reference counting still frees them; only the cyclic
collector no longer walks them.
"""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "skillup.settings.production")
application = get_wsgi_application()


def _load_what_every_request_reads() -> None:
    from django.conf import settings
    from django.urls import get_resolver
    from django.utils import translation

    for code, _name in settings.LANGUAGES:
        with translation.override(code):  # (activating a language loads its catalogue)
            get_resolver().reverse_dict  # noqa: B018 (the URL patterns, per language)


_load_what_every_request_reads()
gc.collect()
gc.freeze()
