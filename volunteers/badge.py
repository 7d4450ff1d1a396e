"""A pledging company's badge (issue #17): a small SVG the company embeds on its own site with
an <img>, "SkillUp | Digital Volunteer · 12 SMEs supported", linked to its pledge's page.

The count is the pledge page's "SMEs supported" (selectors.partnership_totals, the rule of
pledge_partnerships). The texts are in the language of the badge's address (/fr/…), the count
in its plural form (ngettext).

Sizes are measured, not guessed from the number of characters: each text is measured with
Pillow on DejaVu Sans, the font the portal ships for its Open Graph images (practices/fonts/,
read by path: volunteers may not import practices), at the badge's size. The SVG names that font
first, and each text carries its measured width as `textLength`, so a viewer without DejaVu
Sans (Verdana instead, or another sans-serif) fits the text to the same box: nothing overflows
in any language. The box keeps its width while the count grows (up to 999, whichever plural form
the language uses), so the width and height given in the snippet a company copied stay right.

The SVG is drawn from a template (templates/volunteers/pledge_badge.svg, escaped as XML by the
template engine): no script, no style sheet, no link, no external reference; colours are
presentation attributes. It is cached per pledge, language and company name; the view checks
the pledge is public before it reads the cache.
"""

import hashlib
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.cache import cache as django_cache
from django.template.loader import render_to_string
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from PIL import ImageFont

from . import selectors
from .models import Pledge

CONTENT_TYPE = "image/svg+xml"
# The portal's own cache keeps a badge this long: a new partnership shows within the quarter
# of an hour (browsers and proxies may keep it for the view's max-age on top).
CACHE_SECONDS = 15 * 60

FONTS = Path(__file__).resolve().parent.parent / "practices" / "fonts"
REGULAR = FONTS / "DejaVuSans.ttf"
BOLD = FONTS / "DejaVuSans-Bold.ttf"
FONT_FAMILY = "DejaVu Sans,Verdana,Geneva,sans-serif"
FONT_SIZE = 12
HEIGHT = 24
PADDING = 9  # each side of a text
CORNER = 3  # the radius of the badge's corners
BASELINE = 16  # the texts' baseline: 12 px DejaVu Sans centred in 24 px
# The portal's blue (static/css/skillup.css --skillup-blue) with white, and the yellow of the
# European flag with that blue (8.8:1 both ways round, as on the Open Graph image).
BLUE = "#003399"
YELLOW = "#ffcc00"
WHITE = "#ffffff"
# Counts whose texts the box is wide enough for, whatever the count now: each plural form of
# the portal's languages at three digits (English one/other, French one/many/other, Polish
# one/few/many...), so the box does not change size until a thousand SMEs.
RESERVED_COUNTS = (1, 101, 102, 105, 111, 112, 121, 122, 125, 200, 555, 999)


@dataclass(frozen=True)
class BadgeTexts:
    """What one badge says, already in its language."""

    programme: str  # "SkillUp", on the blue
    label: str  # "Digital Volunteer · 12 SMEs supported", on the yellow
    title: str  # the whole of it for screen readers: <title> and aria-label
    language: str  # "fr"
    reserved: tuple[str, ...] = ()  # labels the box must be wide enough for (other counts)


@dataclass(frozen=True)
class Part:
    """One coloured part of the badge and its text, centred."""

    text: str
    x: int
    width: int
    text_x: float
    text_length: float


@dataclass(frozen=True)
class Badge:
    width: int
    height: int
    programme: Part
    label: Part
    title: str
    language: str
    corner: int  # where the blue's rounded right corners are squared off
    corner_radius: int = CORNER
    font_family: str = FONT_FAMILY
    font_size: int = FONT_SIZE
    baseline: int = BASELINE
    blue: str = BLUE
    yellow: str = YELLOW
    white: str = WHITE


# --------------------------------------------------------------------------------------------
# Drawing: texts in, SVG out (no ORM)
# --------------------------------------------------------------------------------------------
@cache
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size)


def text_width(text: str, *, bold: bool = False) -> float:
    """The width of `text` in pixels at the badge's size, DejaVu Sans (Bold)."""
    return _font(BOLD if bold else REGULAR, FONT_SIZE).getlength(text)


def _px(value: float) -> float:
    return round(value, 1)


def layout(texts: BadgeTexts) -> Badge:
    """Where each part goes: the programme's name on the blue, the label on the yellow, each as
    wide as its text measures plus padding (the label's part as wide as the widest of its
    reserved texts)."""
    programme_length = text_width(texts.programme, bold=True)
    label_length = text_width(texts.label)
    # whole pixels for the boxes: the snippet's <img> gives the size as integers
    programme_width = math.ceil(programme_length + 2 * PADDING)
    label_box = max([label_length, *(text_width(text) for text in texts.reserved)])
    label_width = math.ceil(label_box + 2 * PADDING)
    return Badge(
        width=programme_width + label_width,
        height=HEIGHT,
        programme=Part(
            text=texts.programme,
            x=0,
            width=programme_width,
            text_x=_px(programme_width / 2),
            text_length=_px(programme_length),
        ),
        label=Part(
            text=texts.label,
            x=programme_width,
            width=label_width,
            text_x=_px(programme_width + label_width / 2),
            text_length=_px(label_length),
        ),
        title=texts.title,
        language=texts.language,
        corner=programme_width - CORNER,
    )


def svg(badge: Badge) -> str:
    return render_to_string("volunteers/pledge_badge.svg", {"badge": badge})


# --------------------------------------------------------------------------------------------
# A pledge's badge: its texts, its size for the snippet, its cached SVG
# --------------------------------------------------------------------------------------------
def smes_text(count: int) -> str:
    return ngettext("%(count)s SME supported", "%(count)s SMEs supported", count) % {"count": count}


def label_text(count: int) -> str:
    return _("Digital Volunteer · %(smes)s") % {"smes": smes_text(count)}


def alt_text(pledge: Pledge) -> str:
    """What the badge is, whatever its count (the snippet a company copies keeps it)."""
    return _("Digital Volunteers pledge of %(name)s") % {"name": pledge.company.name}


def badge_texts(pledge: Pledge, smes: int) -> BadgeTexts:
    """The texts of a pledge's badge in the active language."""
    label = label_text(smes)
    # everything the badge shows, and whose pledge it is
    title = _("%(programme)s: %(label)s (%(pledge)s)") % {
        "programme": settings.SITE_NAME,
        "label": label,
        "pledge": alt_text(pledge),
    }
    return BadgeTexts(
        programme=settings.SITE_NAME,
        label=label,
        title=title,
        language=get_language(),
        reserved=tuple(label_text(count) for count in RESERVED_COUNTS),
    )


def badge_layout(pledge: Pledge, smes: int) -> Badge:
    return layout(badge_texts(pledge, smes))


def cache_key(pledge: Pledge) -> str:
    # the company's name is in the accessible title: a new name is a new badge
    name = hashlib.sha256(pledge.company.name.encode()).hexdigest()[:16]
    return f"volunteers:badge:{pledge.pk}:{get_language()}:{name}"


def badge_svg(pledge: Pledge) -> str:
    """The SVG of a public pledge's badge in the active language, from the cache or drawn (one
    query for the count). The caller has checked the pledge is public."""
    key = cache_key(pledge)
    drawn = django_cache.get(key)
    if drawn is None:
        smes, _hours = selectors.partnership_totals(pledge)
        drawn = svg(badge_layout(pledge, smes))
        django_cache.set(key, drawn, CACHE_SECONDS)
    return drawn
