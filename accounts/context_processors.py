from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info


def portal(request) -> dict:
    """What the base template needs on every page: the language switcher's links."""
    path = request.get_full_path()
    return {
        "language_links": [
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": translate_url(path, code),
            }
            for code, _name in settings.LANGUAGES
        ],
        "site_name": settings.SITE_NAME,
    }
