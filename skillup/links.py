"""Full addresses for links that leave the site (emails): settings.SITE_URL + a path.

Most pages live under i18n_patterns, so a path carries a language prefix (/en/…, /fr/…): a
link in an email is reversed in the recipient's language, so it opens the page in the language
the email is written in.
"""

from django.conf import settings
from django.shortcuts import resolve_url
from django.utils import translation


def language_of(user) -> str:
    """The language a person's emails and links are in: their own, else the site's."""
    return user.language or settings.LANGUAGE_CODE


def absolute_url(to, *args, language: str | None = None, **kwargs) -> str:
    """The full address of `to`: a view name (reversed with `args`/`kwargs`), a model (its
    get_absolute_url()) or a path, as django.shortcuts.resolve_url takes them.

    `language` sets the language prefix of the path; None keeps the active language (enough for
    pages outside i18n_patterns, such as the admin).
    """
    if language is None:
        return f"{settings.SITE_URL}{resolve_url(to, *args, **kwargs)}"
    with translation.override(language):
        return f"{settings.SITE_URL}{resolve_url(to, *args, **kwargs)}"
