from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils.translation import get_language_info, override


def portal(request) -> dict:
    """What the base template needs on every page: the language switcher's links."""
    return {
        "language_links": [
            {"code": code, "name": get_language_info(code)["name_local"], "url": url}
            for code, url in _language_urls(request)
        ],
        "site_name": settings.SITE_NAME,
    }


def _language_urls(request) -> list[tuple[str, str]]:
    """(language, this page's address in it) for every interface language, as Django's
    translate_url gives them, from the match the request was routed by: translate_url resolves
    the path again for each language (seven resolutions a page, on every page)."""
    path = request.get_full_path()
    match = getattr(request, "resolver_match", None)
    if match is None or not match.url_name:  # an error page, a view without a name
        return [(code, translate_url(path, code)) for code, _name in settings.LANGUAGES]
    parts = urlsplit(path)
    urls = []
    for code, _name in settings.LANGUAGES:
        with override(code):
            try:
                translated = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                urls.append((code, path))
                continue
        urls.append((code, urlunsplit(parts._replace(path=translated))))
    return urls
