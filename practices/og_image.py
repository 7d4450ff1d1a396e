"""A practice's Open Graph image: the 1200 x 630 PNG that link previews (LinkedIn, X, Mastodon,
chat apps) show beside its address. Pure drawing: a card of texts in, PNG bytes out; no ORM.
What goes on the card and how it is cached is in share.py.

Drawn with the DejaVu Sans fonts shipped beside this module (fonts/, licence there): Pillow's
built-in font draws no accented letter (é, ł, ő) and no Greek or Cyrillic, and a font of the
operating system may be missing on a server or in CI.
"""

import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
FONTS = Path(__file__).resolve().parent / "fonts"
REGULAR = FONTS / "DejaVuSans.ttf"
BOLD = FONTS / "DejaVuSans-Bold.ttf"

# The portal's blue (static/css/skillup.css --skillup-blue) with white text (11.6:1) and the
# yellow of the European flag as an accent (on the blue: 8.8:1).
BACKGROUND = (0, 51, 153)
TEXT = (255, 255, 255)
MUTED = (214, 224, 245)  # on the blue: 8.4:1
ACCENT = (255, 204, 0)

MARGIN = 80
TEXT_WIDTH = WIDTH - 2 * MARGIN
TITLE_LINES = 3
# the title's size: the largest at which it fits in three lines, else the smallest, ellipsised
TITLE_SIZES = (68, 60, 52)
ELLIPSIS = "…"


@dataclass(frozen=True)
class OgCard:
    """The texts of one image, already in the visitor's language."""

    site_name: str  # "SkillUp"
    kicker: str  # "Good practice"
    title: str
    sme: str
    country: str


@cache
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size)


def _split_long_word(word: str, font, width: int) -> list[str]:
    """A word wider than the line (a long compound, an address): cut where it must."""
    pieces, piece = [], ""
    for char in word:
        if piece and font.getlength(piece + char) > width:
            pieces.append(piece)
            piece = char
        else:
            piece += char
    return [*pieces, piece] if piece else pieces


def wrap(text: str, font, width: int) -> list[str]:
    """The text in lines no wider than `width` pixels, broken between words."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if font.getlength(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        if font.getlength(word) <= width:
            line = word
        else:
            *full, line = _split_long_word(word, font, width)
            lines.extend(full)
    if line:
        lines.append(line)
    return lines


def ellipsise(text: str, font, width: int, *, cut: bool = False) -> str:
    """The text, shortened by whole words with "…" at its end until it fits `width` pixels
    (`cut`: the text is already the start of a longer one: "…" even if it fits)."""
    if not cut and font.getlength(text) <= width:
        return text
    text = text.rstrip()
    while text and font.getlength(text + ELLIPSIS) > width:
        # whole words first ("for our staff…", not "for our sta…"); a single word letter by letter
        text = text.rsplit(" ", 1)[0].rstrip() if " " in text else text[:-1]
    return text + ELLIPSIS


def title_lines(title: str) -> tuple[list[str], ImageFont.FreeTypeFont]:
    """The title in at most three lines, at the largest size where it fits; a title too long
    even at the smallest size ends with "…" on its third line."""
    for size in TITLE_SIZES:
        font = _font(BOLD, size)
        lines = wrap(title, font, TEXT_WIDTH)
        if len(lines) <= TITLE_LINES:
            return lines, font
    kept = lines[:TITLE_LINES]
    kept[-1] = ellipsise(kept[-1], font, TEXT_WIDTH, cut=True)
    return kept, font


def draw(card: OgCard) -> bytes:
    """The PNG of one card: the portal's name at the top, the title in the middle, the SME and
    its country at the bottom."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    canvas = ImageDraw.Draw(image)
    canvas.rectangle((0, 0, 16, HEIGHT), fill=ACCENT)

    # the portal's name and what the page is
    name_font = _font(BOLD, 40)
    canvas.text((MARGIN, 64), card.site_name, font=name_font, fill=TEXT)
    name_width = name_font.getlength(card.site_name)
    kicker_font = _font(REGULAR, 32)
    kicker = ellipsise(card.kicker, kicker_font, TEXT_WIDTH - int(name_width) - 48)
    canvas.text((MARGIN + name_width + 14, 70), "· " + kicker, font=kicker_font, fill=ACCENT)

    # the title, centred vertically between the header and the footer
    lines, font = title_lines(card.title)
    line_height = int(font.size * 1.22)
    top = 150 + (300 - line_height * len(lines)) // 2
    for index, line in enumerate(lines):
        canvas.text((MARGIN, top + index * line_height), line, font=font, fill=TEXT)

    # who and where
    canvas.rectangle((MARGIN, 470, MARGIN + 120, 476), fill=ACCENT)
    sme_font = _font(BOLD, 38)
    canvas.text((MARGIN, 496), ellipsise(card.sme, sme_font, TEXT_WIDTH), font=sme_font, fill=TEXT)
    country_font = _font(REGULAR, 32)
    canvas.text(
        (MARGIN, 548),
        ellipsise(card.country, country_font, TEXT_WIDTH),
        font=country_font,
        fill=MUTED,
    )

    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
