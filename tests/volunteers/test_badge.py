"""A pledging company's badge (issue #17): /<lang>/pledges/<slug>/badge.svg and the snippet to
embed it on the pledge's page.

The SVG is parsed as XML and read element by element: what it says, in which language and
plural form, what it may not contain (script, event attributes, links, external references),
its headers, its size measured with the font, its count beside the page's, its queries, and a
404 for every pledge outside the Pledge Viewer, a badge in the portal's cache included.

The badge's own strings are new: until their translations are merged, the tests of plural
forms and of long texts read them from a small catalog of the proposed translations, compiled
here and put before the project's (TRANSLATIONS below, also what the lead merges). The language
itself is checked against strings the project already translates.
"""

import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from matching.enums import PartnershipState
from tests.factories import CompanyFactory, MentorProfileFactory, PledgeFactory
from tests.matching.factories import NeedsProfileFactory, PartnershipFactory
from volunteers import badge, services

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SLUG = "big-digital-se-2026"


# --------------------------------------------------------------------------------------------
# The proposed translations of the badge's strings, as a catalog put before the project's
# --------------------------------------------------------------------------------------------
SMES = ("%(count)s SME supported", "%(count)s SMEs supported")
LABEL = "Digital Volunteer · %(smes)s"
TRANSLATIONS = {
    "fr": {
        "plural": "nplurals=2; plural=(n > 1);",
        LABEL: "Volontaire du numérique · %(smes)s",
        SMES: ("%(count)s PME accompagnée", "%(count)s PME accompagnées"),
    },
    "de": {
        "plural": "nplurals=2; plural=(n != 1);",
        LABEL: "Digital Volunteer · %(smes)s",
        SMES: ("%(count)s unterstütztes KMU", "%(count)s unterstützte KMU"),
    },
    "pl": {
        "plural": "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || "
        "n%100>=20) ? 1 : 2);",
        LABEL: "Cyfrowy Wolontariusz · %(smes)s",
        SMES: ("%(count)s wspierane MŚP", "%(count)s wspierane MŚP", "%(count)s wspieranych MŚP"),
    },
}


def _mo(plural: str, messages: dict) -> bytes:
    """A GNU .mo file (the format gettext reads) of `messages`: msgid → msgstr, or (msgid,
    msgid_plural) → (msgstr[0], msgstr[1]...)."""
    header = f"Content-Type: text/plain; charset=UTF-8\nPlural-Forms: {plural}\n"
    entries = {b"": header.encode()}
    for key, value in messages.items():
        if isinstance(key, tuple):
            entries["\0".join(key).encode()] = "\0".join(value).encode()
        else:
            entries[key.encode()] = value.encode()
    keys = sorted(entries)
    start = 7 * 4 + 2 * 8 * len(keys)
    ids, strs, id_table, str_table = b"", b"", [], []
    for key in keys:
        id_table.append((len(key), start + len(ids)))
        ids += key + b"\0"
    for key in keys:
        value = entries[key]
        str_table.append((len(value), start + len(ids) + len(strs)))
        strs += value + b"\0"
    out = struct.pack("<7I", 0x950412DE, 0, len(keys), 28, 28 + 8 * len(keys), 0, 0)
    for length, offset in id_table + str_table:
        out += struct.pack("<2I", length, offset)
    return out + ids + strs


@pytest.fixture
def proposed_translations(tmp_path: Path):
    """The proposed translations, found before the project's own catalogs."""
    for language, messages in TRANSLATIONS.items():
        folder = tmp_path / language / "LC_MESSAGES"
        folder.mkdir(parents=True)
        entries = {key: value for key, value in messages.items() if key != "plural"}
        (folder / "django.mo").write_bytes(_mo(messages["plural"], entries))
    with override_settings(LOCALE_PATHS=[tmp_path, *settings.LOCALE_PATHS]):
        yield


# --------------------------------------------------------------------------------------------
# Fixtures and helpers
# --------------------------------------------------------------------------------------------
@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def pledge(world):
    return PledgeFactory(company=world.company, state="approved", slug=SLUG, is_public=True)


def support(company, smes: int, **fields) -> None:
    """`smes` SMEs, each in a partnership with a mentor of `company`."""
    mentor = MentorProfileFactory(company=company, state="approved")
    for _ in range(smes):
        PartnershipFactory(mentor=mentor, needs=NeedsProfileFactory(), **fields)


def badge_url(slug: str = SLUG, language: str = "en") -> str:
    with translation.override(language):
        return reverse("volunteers:pledge_badge", kwargs={"slug": slug})


def page_url(language: str = "en") -> str:
    with translation.override(language):
        return reverse("volunteers:pledge_detail", kwargs={"slug": SLUG})


def parse(response) -> ET.Element:
    return ET.fromstring(response.content)  # noqa: S314 - our own output, not untrusted input


def texts(root: ET.Element) -> list[str]:
    return [element.text for element in root.iter(f"{SVG}text")]


def label_of(root: ET.Element) -> ET.Element:
    return list(root.iter(f"{SVG}text"))[1]


# --------------------------------------------------------------------------------------------
# What it is
# --------------------------------------------------------------------------------------------
def test_badge_url():
    assert badge_url() == "/en/pledges/big-digital-se-2026/badge.svg"
    assert badge_url(language="fr") == "/fr/pledges/big-digital-se-2026/badge.svg"


def test_badge_is_an_accessible_svg_with_the_count(client, pledge, world):
    support(world.company, 3)

    response = client.get(badge_url())

    assert response.status_code == 200
    root = parse(response)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert texts(root) == ["SkillUp", "Digital Volunteer · 3 SMEs supported"]
    title = root.find(f"{SVG}title").text
    assert title == (
        "SkillUp: Digital Volunteer · 3 SMEs supported "
        "(Digital Volunteers pledge of Big Digital SE)"
    )
    assert root.get("aria-label") == title
    assert root.get(XML_LANG) == "en"
    assert root.get("height") == "24"
    assert int(root.get("width")) > 200  # whole pixels: the snippet's <img> says the same


def test_badge_has_no_script_event_attribute_link_or_external_reference(client, pledge, world):
    support(world.company, 1)
    body = client.get(badge_url()).content.decode()
    root = ET.fromstring(body)  # noqa: S314 - our own output

    tags = {element.tag.removeprefix(SVG) for element in root.iter()}
    assert tags <= {"svg", "title", "rect", "g", "text"}
    attributes = {name for element in root.iter() for name in element.attrib}
    assert not [name for name in attributes if name.lower().startswith("on")]
    assert not [name for name in attributes if name.endswith("href")]
    assert "url(" not in body and "<script" not in body.lower() and "style" not in body
    assert "http" not in body.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_badge_headers_allow_an_img_on_another_site_and_nothing_else(client, pledge):
    response = client.get(badge_url())

    assert response["Content-Type"] == "image/svg+xml"
    assert response["X-Content-Type-Options"] == "nosniff"
    policy = {
        part.split()[0]: part.split()[1:]
        for part in response["Content-Security-Policy"].split("; ")
    }
    assert policy["default-src"] == ["'none'"]
    assert "script-src" not in policy  # default-src 'none' covers scripts
    # an <img> on another site is neither a frame nor a same-origin load
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert "Set-Cookie" not in response
    assert response["Cache-Control"] == "public, max-age=3600"
    assert response["ETag"].startswith('"')


def test_badge_answers_304_to_its_etag_and_head_and_refuses_post(client, pledge):
    first = client.get(badge_url())

    again = client.get(badge_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    head = client.head(badge_url())
    post = client.post(badge_url())

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert head.status_code == 200
    assert head.content == b""
    assert head["Content-Type"] == "image/svg+xml"
    assert post.status_code == 405


# --------------------------------------------------------------------------------------------
# The count: the page's, in the right plural form
# --------------------------------------------------------------------------------------------
def test_badge_count_is_the_pledge_page_count(client, pledge, world):
    support(world.company, 2)
    support(world.company, 1, state=PartnershipState.COMPLETED)
    support(world.company, 4, state=PartnershipState.ENDED_EARLY)  # never counted
    support(CompanyFactory(), 5)  # another company's mentors

    page = client.get(page_url())
    svg = parse(client.get(badge_url()))

    page_count = page.context["progress"][0].done
    assert page_count == 3
    assert label_of(svg).text == f"Digital Volunteer · {page_count} SMEs supported"


@pytest.mark.parametrize(
    ("smes", "text"),
    [(0, "0 SMEs supported"), (1, "1 SME supported"), (2, "2 SMEs supported")],
)
def test_badge_plural_in_english(client, pledge, world, smes, text):
    support(world.company, smes)

    assert label_of(parse(client.get(badge_url()))).text == f"Digital Volunteer · {text}"


@pytest.mark.parametrize(
    ("smes", "text"),
    [
        (1, "1 wspierane MŚP"),
        (3, "3 wspierane MŚP"),
        (5, "5 wspieranych MŚP"),
        (12, "12 wspieranych MŚP"),
        (22, "22 wspierane MŚP"),
    ],
)
def test_badge_plural_forms_in_polish(client, pledge, world, proposed_translations, smes, text):
    support(world.company, smes)

    label = label_of(parse(client.get(badge_url(language="pl")))).text

    assert label == f"Cyfrowy Wolontariusz · {text}"


# --------------------------------------------------------------------------------------------
# The language: the address's
# --------------------------------------------------------------------------------------------
def test_french_address_gives_a_french_badge(client, pledge, world):
    """Whatever the visitor's browser asks for: the /fr/ badge is French. Its title uses the
    pledge's name as the project already translates it."""
    support(world.company, 2)

    root = parse(client.get(badge_url(language="fr"), HTTP_ACCEPT_LANGUAGE="de"))

    assert root.get(XML_LANG) == "fr"
    title = root.find(f"{SVG}title").text
    assert "Engagement de Big Digital SE au titre des Volontaires du numérique" in title
    with translation.override("fr"):
        assert label_of(root).text == badge.label_text(2)


def test_french_badge_with_its_translations(client, pledge, world, proposed_translations):
    support(world.company, 2)

    root = parse(client.get(badge_url(language="fr")))

    assert label_of(root).text == "Volontaire du numérique · 2 PME accompagnées"


def test_each_language_is_cached_apart(client, pledge, world, proposed_translations):
    english = label_of(parse(client.get(badge_url()))).text
    french = label_of(parse(client.get(badge_url(language="fr")))).text

    assert english == "Digital Volunteer · 0 SMEs supported"
    assert french == "Volontaire du numérique · 0 PME accompagnée"


# --------------------------------------------------------------------------------------------
# The size: measured with the font, in every language
# --------------------------------------------------------------------------------------------
def _size(root: ET.Element) -> tuple[float, float, float]:
    """(badge width, label part width, label text length) of a parsed badge."""
    yellow, blue, *_ = root.iter(f"{SVG}rect")  # the yellow is the whole badge
    label_rect = yellow
    text = label_of(root)
    return (
        float(label_rect.get("width")),
        float(label_rect.get("width")) - float(blue.get("width")),
        float(text.get("textLength")),
    )


@pytest.mark.parametrize("language", ["en", "fr", "de", "pl"])
def test_badge_text_fits_its_box_in_every_language(
    client, pledge, world, proposed_translations, language
):
    support(world.company, 12)
    root = parse(client.get(badge_url(language=language)))
    width, label_width, text_length = _size(root)

    # the text's length is what the font measures, and the box holds it with its padding
    assert text_length == pytest.approx(badge.text_width(label_of(root).text), abs=0.1)
    assert label_width >= text_length + 2 * badge.PADDING
    assert float(root.get("width")) == width
    assert root.get("viewBox") == f"0 0 {root.get('width')} 24"


def test_badge_grows_with_a_longer_text(client, pledge, world, proposed_translations):
    support(world.company, 12)

    widths = {
        language: _size(parse(client.get(badge_url(language=language))))
        for language in ("en", "de", "pl")
    }

    # "12 wspieranych MŚP" and "12 unterstützte KMU" are longer than "12 SMEs supported"
    assert widths["pl"][2] > widths["en"][2]
    assert widths["de"][2] > widths["en"][2]
    assert widths["pl"][0] > widths["en"][0]
    assert widths["de"][0] > widths["en"][0]


def test_badge_keeps_its_size_while_the_count_grows(pledge):
    """The snippet's width and height stay right: the box is as wide for 1 as for 999."""
    with translation.override("en"):
        sizes = {badge.badge_layout(pledge, smes).width for smes in (0, 1, 7, 42, 999)}
        much_longer = badge.layout(
            badge.BadgeTexts(
                programme="SkillUp",
                label="Digital Volunteer · " + "very " * 20,
                title="",
                language="en",
            )
        )

    assert len(sizes) == 1
    assert much_longer.width > sizes.pop()


# --------------------------------------------------------------------------------------------
# Only for pledges in the viewer, a cached badge included
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "fields",
    [
        {"state": "draft"},
        {"state": "pending"},
        {"state": "rejected"},
        {"state": "withdrawn"},
        {"state": "approved", "is_public": False},
    ],
)
def test_badge_is_a_404_outside_the_viewer(client, world, fields):
    PledgeFactory(company=world.company, slug=SLUG, **fields)

    assert client.get(badge_url()).status_code == 404


def test_unknown_and_bad_slugs_are_404(client, pledge):
    assert client.get(badge_url("no-such-pledge")).status_code == 404
    assert client.get("/en/pledges/%E2%80%AE/badge.svg").status_code == 404


def test_withdrawn_pledge_loses_its_cached_badge_at_once(client, pledge, world):
    first = client.get(badge_url())
    assert first.status_code == 200
    assert _any_badge_cached(pledge)

    services.pledge_transition(pledge=pledge, target="withdrawn", actor=world.company_admin)

    assert client.get(badge_url()).status_code == 404
    assert client.get(badge_url(), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 404


def _any_badge_cached(pledge) -> bool:
    with translation.override("en"):
        return cache.get(badge.cache_key(pledge)) is not None


def test_pledge_made_private_loses_its_cached_badge(client, pledge):
    assert client.get(badge_url()).status_code == 200
    assert _any_badge_cached(pledge)

    type(pledge).objects.filter(pk=pledge.pk).update(is_public=False)

    assert client.get(badge_url()).status_code == 404


# --------------------------------------------------------------------------------------------
# Queries
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("smes", [1, 8])
def test_badge_queries_do_not_grow_with_the_partnerships(
    client, pledge, world, django_assert_num_queries, smes
):
    support(world.company, smes)

    with django_assert_num_queries(2):  # the pledge's state, then its count
        drawn = client.get(badge_url())
    with django_assert_num_queries(1):  # cached: the state only
        cached = client.get(badge_url())

    assert drawn.content == cached.content
    assert f"{smes} SME" in drawn.content.decode()


# --------------------------------------------------------------------------------------------
# The snippet on the pledge's page
# --------------------------------------------------------------------------------------------
def test_public_pledge_page_shows_the_badge_and_the_snippet(client, pledge, world):
    support(world.company, 2)
    with translation.override("en"):
        expected = badge.badge_layout(pledge, 2)

    response = client.get(page_url())

    html = response.content.decode()
    assert response.status_code == 200
    snippet = response.context["badge"]["snippet"]
    assert snippet == (
        '<a href="http://testserver/en/pledges/big-digital-se-2026/">'
        '<img src="http://testserver/en/pledges/big-digital-se-2026/badge.svg" '
        'alt="Digital Volunteers pledge of Big Digital SE" '
        f'width="{expected.width}" height="24"></a>'
    )
    # shown as text to copy, in a read-only field with a Copy button
    assert (
        '<textarea class="form-control form-control-sm font-monospace pledge-badge-code" '
        'id="badge-snippet"' in html
    )
    assert "&lt;a href=&quot;http://testserver/en/pledges/big-digital-se-2026/&quot;&gt;" in html
    assert 'data-copy-link="badge-snippet"' in html
    assert "readonly" in html.split('id="badge-snippet"')[1].split(">")[0]
    assert '<img src="/en/pledges/big-digital-se-2026/badge.svg"' in html
    assert "js/share.js" in html


def test_snippet_is_in_the_page_language(client, pledge):
    response = client.get("/fr/pledges/big-digital-se-2026/")

    snippet = response.context["badge"]["snippet"]
    assert 'href="http://testserver/fr/pledges/big-digital-se-2026/"' in snippet
    assert 'src="http://testserver/fr/pledges/big-digital-se-2026/badge.svg"' in snippet
    assert "Engagement de Big Digital SE au titre des Volontaires du numérique" in snippet


def test_snippet_escapes_the_company_name(client, world):
    world.company.name = 'Quote " & <Angle> AG'
    world.company.save()
    PledgeFactory(company=world.company, state="approved", slug=SLUG, is_public=True)

    response = client.get(page_url())
    svg = client.get(badge_url())

    assert (
        'alt="Digital Volunteers pledge of Quote &quot; &amp; &lt;Angle&gt; AG"'
        in (response.context["badge"]["snippet"])
    )
    assert "<Angle>" not in response.content.decode()
    assert 'Quote " & <Angle> AG' in parse(svg).find(f"{SVG}title").text


def test_no_badge_on_a_pledge_page_that_is_not_public(client_for, world):
    PledgeFactory(company=world.company, state="pending", slug=SLUG, is_public=True)

    response = client_for("company_admin").get(page_url())

    assert response.status_code == 200  # the company's admins see their pending pledge
    assert "badge" not in response.context
    assert "badge-snippet" not in response.content.decode()
    assert "badge.svg" not in response.content.decode()
