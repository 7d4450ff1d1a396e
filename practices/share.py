"""What a published practice's page gives to whoever shares it (issue #15): the share links,
the Open Graph image (drawn by og_image.py, cached here) and the schema.org data.

Share links are plain links, built here: no script, button or pixel of another site is loaded,
and no tracking parameter is added. Mastodon has no single site: the link goes to Mastodon's
own share page (share.joinmastodon.org, open source, run by the Mastodon project), which asks
the visitor for their server and passes the text on. The text travels in the address's
fragment (#text=…), which browsers never send to a server: that page's server does not even
learn what is shared.

The image is cached in Django's cache under the practice, the language (the country's name is
translated) and the practices version (cache.py): a new title, a new SME name or a practice
taken down bumps the version, so no stale image is served; the view checks the practice is
published before it looks in the cache, so a taken-down practice's image is a 404 at once.
"""

import json
from dataclasses import dataclass
from urllib.parse import quote

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from . import og_image
from .cache import practices_version
from .models import Practice

OG_CACHE_SECONDS = 24 * 3600  # a new practices version makes it stale before that anyway
OG_IMAGE_TYPE = "image/png"


# --------------------------------------------------------------------------------------------
# Share links
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ShareLink:
    network: str  # "linkedin": what tests and the stylesheet know it by
    label: str  # what the link shows: "LinkedIn"
    name: str  # its accessible name, the label included: "Share on LinkedIn"
    url: str


def _q(text: str) -> str:
    """Percent-encoded for a query or fragment (spaces as %20: mailto: reads no "+")."""
    return quote(text, safe="")


def share_links(*, url: str, title: str) -> list[ShareLink]:
    """The links to share the page at `url` (absolute) titled `title`."""
    mastodon = "Mastodon"
    body = f"{title}\n{url}"
    return [
        ShareLink(
            "email",
            pgettext("share by", "Email"),
            _("Share by email"),
            f"mailto:?subject={_q(title)}&body={_q(body)}",
        ),
        ShareLink(
            "linkedin",
            "LinkedIn",
            _("Share on %(network)s") % {"network": "LinkedIn"},
            f"https://www.linkedin.com/sharing/share-offsite/?url={_q(url)}",
        ),
        ShareLink(
            "x",
            "X",
            _("Share on %(network)s") % {"network": "X"},
            f"https://x.com/intent/post?url={_q(url)}&text={_q(title)}",
        ),
        ShareLink(
            "mastodon",
            mastodon,
            _("Share on %(network)s") % {"network": mastodon},
            f"https://share.joinmastodon.org/#text={_q(f'{title} {url}')}",
        ),
    ]


# --------------------------------------------------------------------------------------------
# The Open Graph image
# --------------------------------------------------------------------------------------------
def og_image_url(practice: Practice) -> str:
    """The image's absolute address (link previews fetch it from another site)."""
    path = reverse("practices:practice_og_image", kwargs={"slug": practice.slug})
    return f"{settings.SITE_URL}{path}"


def og_card(practice: Practice) -> og_image.OgCard:
    """What the image of a published practice shows: public texts only (its public title, its
    SME's name and country), in the active language."""
    return og_image.OgCard(
        site_name=settings.SITE_NAME,
        kicker=_("Good practice"),
        title=practice.display_title,
        sme=practice.organisation.name,
        country=str(practice.organisation.country.name),
    )


def og_cache_key(practice: Practice) -> str:
    return f"practices:og:{practices_version()}:{practice.pk}:{get_language()}"


def og_image_png(practice: Practice) -> bytes:
    """The PNG of a published practice, drawn once per practices version and language."""
    key = og_cache_key(practice)
    png = cache.get(key)
    if png is None:
        png = og_image.draw(og_card(practice))
        cache.set(key, png, OG_CACHE_SECONDS)
    return png


# --------------------------------------------------------------------------------------------
# schema.org
# --------------------------------------------------------------------------------------------
def structured_data(practice: Practice, *, url: str) -> dict:
    """The practice as a schema.org Article: what search engines show of it. Its public texts
    only, in their language (inLanguage); the SME by its name alone."""
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": Truncator(practice.display_title).chars(110),
        "description": Truncator(practice.display_description).chars(300),
        "datePublished": practice.published_at.isoformat(),
        "inLanguage": practice.text_language,
        "url": url,
        "mainEntityOfPage": url,
        "image": {
            "@type": "ImageObject",
            "url": og_image_url(practice),
            "width": og_image.WIDTH,
            "height": og_image.HEIGHT,
        },
        "author": {"@type": "Organization", "name": practice.organisation.name},
        "publisher": {
            "@type": "Organization",
            "name": settings.SITE_NAME,
            "url": f"{settings.SITE_URL}/",
        },
    }
    topics = [str(topic) for topic in practice.topics.all()]
    if topics:
        data["keywords"] = ", ".join(topics)
    return data


# What may not appear raw inside a <script> element: "</script>" or "<!--" would end it early.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(data: dict) -> SafeString:
    """The data as a JSON-LD element. A data block, never run (the CSP's script-src does not
    apply to it); the escapes are Django's json_script's, so a title such as
    "</script><script>…" stays text inside the JSON."""
    text = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308
