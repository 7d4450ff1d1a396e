"""A practice's page for visitors who share it (issue #15): share links, the Open Graph image the
portal draws, the schema.org data, and related practices."""

import io
import json
from datetime import datetime, timedelta
from html.parser import HTMLParser
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from PIL import Image

from accounts.enums import MembershipRole
from practices import og_image, selectors, services, share
from practices.cache import practices_version_bump
from practices.models import Topic, TrainingTool
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PracticeFactory,
    PublishedPracticeFactory,
)

pytestmark = pytest.mark.django_db

TITLE = "Cafés & Łódź: Ελληνικά for everyone"
HOSTILE = '</script><script>alert("x")</script><!-- & done'


class Page(HTMLParser):
    """The parts of a page these tests read: tags with their attributes, and the JSON-LD."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.json_ld: list[str] = []
        self._in_json_ld = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        self._in_json_ld = tag == "script" and attributes.get("type") == "application/ld+json"

    def handle_endtag(self, tag):
        self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld.append(data)

    def find(self, tag: str, **attributes) -> list[dict]:
        return [
            attrs
            for name, attrs in self.tags
            if name == tag and all(attrs.get(k) == v for k, v in attributes.items())
        ]

    def meta(self, key: str) -> str:
        found = self.find("meta", property=key) or self.find("meta", name=key)
        assert len(found) == 1, key
        return found[0]["content"]


def _page(practice) -> tuple[str, Page]:
    response = Client().get(practice.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    return html, Page(html)


def _sme_admin(practice):
    return MembershipFactory(organisation=practice.organisation, role=MembershipRole.ADMIN).user


# --------------------------------------------------------------------------------------------
# Share links
# --------------------------------------------------------------------------------------------
def test_share_links_carry_the_address_and_title_encoded():
    practice = PublishedPracticeFactory(title=TITLE, slug="cafes-lodz")
    url = "http://testserver/en/practices/cafes-lodz/"

    _html, page = _page(practice)

    links = {a["data-share"]: a for a in page.find("a") if "data-share" in a}
    assert list(links) == ["email", "linkedin", "x", "mastodon"]
    email = urlsplit(links["email"]["href"])
    assert (email.scheme, email.path) == ("mailto", "")
    assert "+" not in email.query  # mailto: reads "+" as a plus sign: spaces are %20
    assert parse_qs(email.query) == {"subject": [TITLE], "body": [f"{TITLE}\n{url}"]}
    linkedin = urlsplit(links["linkedin"]["href"])
    assert linkedin.netloc + linkedin.path == "www.linkedin.com/sharing/share-offsite/"
    assert parse_qs(linkedin.query) == {"url": [url]}
    x = urlsplit(links["x"]["href"])
    assert x.netloc + x.path == "x.com/intent/post"
    assert parse_qs(x.query) == {"url": [url], "text": [TITLE]}
    mastodon = urlsplit(links["mastodon"]["href"])
    assert (mastodon.netloc, mastodon.query) == ("share.joinmastodon.org", "")
    assert mastodon.fragment.startswith("text=")
    assert unquote(mastodon.fragment.removeprefix("text=")) == f"{TITLE} {url}"


def test_share_links_are_plain_named_links_without_tracking():
    practice = PublishedPracticeFactory(title=TITLE)

    _html, page = _page(practice)

    links = [a for a in page.find("a") if "data-share" in a]
    assert [a["aria-label"] for a in links] == [
        "Share by email",
        "Share on LinkedIn",
        "Share on X",
        "Share on Mastodon",
    ]
    assert {a["rel"] for a in links} == {"noopener noreferrer"}
    assert [a for a in links if "utm_" in a["href"] or "target" in a] == []


def test_copy_link_without_script_is_a_read_only_field_with_the_address():
    practice = PublishedPracticeFactory(slug="copy-me")

    _html, page = _page(practice)

    (field,) = page.find("input", id="share-url")
    assert field["value"] == "http://testserver/en/practices/copy-me/"
    assert "readonly" in field
    assert page.find("label", **{"for": "share-url"}) != []
    (button,) = [b for b in page.find("button") if "data-copy-link" in b]
    assert "hidden" in button  # shown by static/js/share.js only
    assert page.find("script", src="/static/js/share.js") != []


def test_page_loads_no_script_or_image_from_another_site():
    practice = PublishedPracticeFactory(title=TITLE)

    _html, page = _page(practice)

    sources = [
        a["src"] for tag in ("script", "img", "iframe") for a in page.find(tag) if "src" in a
    ]
    assert sources != []
    assert [src for src in sources if not src.startswith("/")] == []


# --------------------------------------------------------------------------------------------
# Open Graph and Twitter card tags
# --------------------------------------------------------------------------------------------
def test_open_graph_tags_point_at_the_portals_image():
    practice = PublishedPracticeFactory(title=TITLE, slug="cafes-lodz")

    _html, page = _page(practice)

    assert page.meta("og:title") == TITLE
    assert page.meta("og:type") == "article"
    assert page.meta("og:url") == "http://testserver/en/practices/cafes-lodz/"
    assert page.meta("og:image") == "http://testserver/en/practices/cafes-lodz/og.png"
    assert (page.meta("og:image:width"), page.meta("og:image:height")) == ("1200", "630")
    assert page.meta("twitter:card") == "summary_large_image"
    assert page.meta("twitter:image") == page.meta("og:image")
    assert page.meta("og:description") == practice.display_description[:200]


# --------------------------------------------------------------------------------------------
# The image
# --------------------------------------------------------------------------------------------
def test_og_image_is_a_1200_by_630_png_for_everyone():
    practice = PublishedPracticeFactory(title=TITLE, slug="cafes-lodz")

    response = Client().get("/en/practices/cafes-lodz/og.png")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "public, max-age=300"
    image = Image.open(io.BytesIO(response.content))
    assert (image.format, image.size) == ("PNG", (1200, 630))
    assert practice.pk  # the practice exists: the 200 is its image


@pytest.mark.parametrize("state", ["draft", "submitted", "selected"], ids=str)
def test_og_image_is_404_for_a_practice_not_published(state):
    PracticeFactory(state=state, slug="not-yet", title="Not yet")

    response = Client().get("/en/practices/not-yet/og.png")

    assert response.status_code == 404


def test_og_image_is_404_for_an_unknown_slug():
    assert Client().get("/en/practices/no-such-practice/og.png").status_code == 404


def test_og_image_is_404_once_taken_down_even_when_cached():
    practice = PublishedPracticeFactory(slug="gone-soon")
    client = Client()
    assert client.get("/en/practices/gone-soon/og.png").status_code == 200
    with translation.override("en"):
        assert cache.get(share.og_cache_key(practice)) is not None

    services.practice_take_down(user=_sme_admin(practice), practice=practice)

    assert client.get("/en/practices/gone-soon/og.png").status_code == 404
    assert client.get("/en/practices/gone-soon/").status_code == 410


def test_og_image_is_drawn_once_then_served_from_the_cache():
    """The first request stores the PNG under the practice, language and practices version;
    the next one serves what is stored (a stand-in put there proves it: nothing is redrawn);
    a new practices version draws it again."""
    practice = PublishedPracticeFactory(slug="cached")
    client = Client()
    with translation.override("en"):
        key = share.og_cache_key(practice)
    assert cache.get(key) is None

    first = client.get("/en/practices/cached/og.png").content
    assert cache.get(key) == first
    stand_in = b"\x89PNG stand-in"
    cache.set(key, stand_in)
    second = client.get("/en/practices/cached/og.png").content
    practices_version_bump()
    third = client.get("/en/practices/cached/og.png").content

    assert second == stand_in
    assert third == first  # drawn again, the same card


def test_og_image_is_cached_per_language():
    organisation = OrganisationFactory(country="DE")  # Germany, Allemagne
    practice = PublishedPracticeFactory(organisation=organisation, slug="deux-langues")

    english = Client().get("/en/practices/deux-langues/og.png").content
    french = Client().get("/fr/practices/deux-langues/og.png").content

    assert english != french  # the label and the country are in the visitor's language
    with translation.override("fr"):
        assert cache.get(share.og_cache_key(practice)) == french


def test_og_image_refuses_post():
    PublishedPracticeFactory(slug="read-only")

    response = Client().post("/en/practices/read-only/og.png")

    assert response.status_code == 405


def test_og_card_shows_the_public_texts_only():
    organisation = OrganisationFactory(name="Kőműves Kft.", country="HU")
    practice = PublishedPracticeFactory(
        organisation=organisation, title="Internal working title", public_title=TITLE
    )

    with translation.override("en"):
        card = share.og_card(practice)

    assert card == og_image.OgCard(
        site_name="SkillUp",
        kicker="Good practice",
        title=TITLE,
        sme="Kőműves Kft.",
        country="Hungary",
    )


@pytest.mark.parametrize("char", ["é", "ł", "ő", "ț", "Ω", "λ", "Ж"], ids=str)
def test_og_font_draws_the_letters_of_eu_languages(char):
    """Not the empty box a font draws for a letter it lacks (Pillow's default font does that
    for every one of these)."""
    font = og_image._font(og_image.BOLD, 60)
    missing = font.getmask("\ue000")  # a private-use code point: no font has it

    drawn = font.getmask(char)

    assert drawn.getbbox() is not None
    assert bytes(drawn) != bytes(missing) or drawn.size != missing.size


def test_a_long_title_is_wrapped_in_three_lines_ending_with_an_ellipsis():
    title = "Zażółć gęślą jaźń: " + "a very long title about learning online " * 6

    lines, font = og_image.title_lines(title)

    assert len(lines) == 3
    assert lines[-1].endswith("…")
    assert font.size == min(og_image.TITLE_SIZES)
    assert max(font.getlength(line) for line in lines) <= og_image.TEXT_WIDTH
    assert (
        " ".join(lines).removesuffix("…").split() == title.split()[: len(" ".join(lines).split())]
    )


def test_a_short_title_is_drawn_large_without_ellipsis():
    lines, font = og_image.title_lines("Friday learning hour")

    assert (lines, font.size) == (["Friday learning hour"], max(og_image.TITLE_SIZES))


def test_a_word_longer_than_a_line_is_cut():
    font = og_image._font(og_image.BOLD, 68)

    lines = og_image.wrap("x" * 80, font, og_image.TEXT_WIDTH)

    assert "".join(lines) == "x" * 80
    assert max(font.getlength(line) for line in lines) <= og_image.TEXT_WIDTH


# --------------------------------------------------------------------------------------------
# schema.org JSON-LD
# --------------------------------------------------------------------------------------------
def _json_ld(page: Page) -> dict:
    (text,) = page.json_ld
    return json.loads(text)


def test_json_ld_describes_the_practice_as_an_article():
    organisation = OrganisationFactory(name="Atelier Boréal SARL", country="FR")
    practice = PublishedPracticeFactory(organisation=organisation, title=TITLE, slug="cafes-lodz")
    practice.topics.set([Topic.objects.get(slug="cybersecurity")])

    _html, page = _page(practice)

    data = _json_ld(page)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Article"
    assert data["headline"] == TITLE
    assert data["description"] == practice.display_description
    assert datetime.fromisoformat(data["datePublished"]) == practice.published_at
    assert data["url"] == "http://testserver/en/practices/cafes-lodz/"
    assert data["image"]["url"] == "http://testserver/en/practices/cafes-lodz/og.png"
    assert data["author"] == {"@type": "Organization", "name": "Atelier Boréal SARL"}
    assert data["publisher"]["name"] == "SkillUp"
    assert data["keywords"] == "Cybersecurity"


def test_json_ld_keeps_a_hostile_title_inside_the_data():
    practice = PublishedPracticeFactory(title=HOSTILE)

    html, page = _page(practice)

    assert _json_ld(page)["headline"] == HOSTILE
    start = html.index('<script type="application/ld+json">')
    end = html.index("</script>", start)
    assert "<" not in html[start + len('<script type="application/ld+json">') : end]
    assert '<script>alert("x")' not in html


def test_json_ld_names_the_sme_and_nothing_confidential():
    practice = PublishedPracticeFactory(
        title="Internal title CANARY-share-title",
        public_title="Public title",
        short_description="Internal summary CANARY-share-summary",
        public_description="Public summary",
        pending_decision_comment="CANARY-share-comment",
    )
    member = _sme_admin(practice)

    _html, page = _page(practice)

    text = page.json_ld[0]
    assert "Public title" in text and "Public summary" in text
    assert [c for c in ("CANARY-share", member.email) if c in text] == []
    assert set(_json_ld(page)["author"]) == {"@type", "name"}


# --------------------------------------------------------------------------------------------
# Related practices
# --------------------------------------------------------------------------------------------
def _taxonomy():
    topics = list(Topic.objects.order_by("pk")[:3])
    tools = list(TrainingTool.objects.order_by("pk")[:2])
    return topics, tools


def _filed(practice, topics=(), tools=()):
    practice.topics.set(topics)
    practice.tools.set(tools)
    return practice


def _with_prefetch(practice):
    return selectors.published_practices().get(pk=practice.pk)


def test_related_practices_share_the_most_first_then_the_newest():
    (t1, t2, t3), (x, y) = _taxonomy()
    now = timezone.now()

    def published(days_ago, **filed):
        return _filed(
            PublishedPracticeFactory(published_at=now - timedelta(days=days_ago)), **filed
        )

    this = published(0, topics=[t1, t2], tools=[x])
    two_shared_old = published(30, topics=[t1, t2], tools=[y])
    one_topic_new = published(1, topics=[t1, t3], tools=[y])
    one_tool_older = published(5, topics=[t3], tools=[x])
    published(2, topics=[t3], tools=[y])  # nothing shared
    published(40, topics=[t2], tools=[])  # one shared, the oldest: fourth, left out
    _filed(PracticeFactory(state="selected", slug="selected"), topics=[t1, t2], tools=[x])
    taken = published(3, topics=[t1, t2], tools=[x])
    services.practice_take_down(user=_sme_admin(taken), practice=taken)

    related = list(selectors.related_practices(_with_prefetch(this)))

    assert related == [two_shared_old, one_topic_new, one_tool_older]


@pytest.mark.parametrize("candidates", [100, 1])
def test_related_practices_are_picked_among_the_newest_of_each_topic(monkeypatch, candidates):
    """Each topic and tool gives its newest RELATED_CANDIDATES published practices (newest by
    id: walked backwards in an index), not all of them: a page at 100,000 practices."""
    (t1, t2, _t3), (x, _y) = _taxonomy()
    this = _filed(PublishedPracticeFactory(), topics=[t1])
    older = _filed(PublishedPracticeFactory(), topics=[t1, t2], tools=[x])
    newer = _filed(PublishedPracticeFactory(), topics=[t1])
    _filed(PracticeFactory(state="in_review", slug="in-review"), topics=[t1])  # not a candidate
    monkeypatch.setattr(selectors, "RELATED_CANDIDATES", candidates)

    related = list(selectors.related_practices(_with_prefetch(this)))

    assert related == ([newer, older] if candidates == 100 else [newer])


def test_no_related_practices_without_topics_or_tools():
    (t1, _t2, _t3), _tools = _taxonomy()
    this = PublishedPracticeFactory(tools=[])
    _filed(this)
    _filed(PublishedPracticeFactory(), topics=[t1])
    practice = _with_prefetch(this)

    with CaptureQueriesContext(connection) as queries:
        related = list(selectors.related_practices(practice))

    assert (related, len(queries)) == ([], 0)


def test_related_practices_show_on_the_page_without_the_practice_itself():
    (t1, _t2, _t3), _tools = _taxonomy()
    this = _filed(PublishedPracticeFactory(title="This one"), topics=[t1])
    other = _filed(PublishedPracticeFactory(title="Another one", slug="another"), topics=[t1])

    response = Client().get(this.get_absolute_url())

    html = response.content.decode()
    start = html.index('id="related-heading"')
    related = html[start : html.index("</section>", start)]
    assert response.context["related"] == [other]
    assert 'href="/en/practices/another/"' in related
    assert this.get_absolute_url() not in related


def _page_queries(url: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert Client().get(url).status_code == 200
    return len(queries)


def test_practice_page_queries_do_not_grow_with_related_practices():
    (t1, t2, _t3), (x, _y) = _taxonomy()
    this = _filed(PublishedPracticeFactory(), topics=[t1, t2], tools=[x])
    _filed(PublishedPracticeFactory(), topics=[t1])
    at_one = _page_queries(this.get_absolute_url())

    for _ in range(12):
        _filed(PublishedPracticeFactory(), topics=[t1, t2], tools=[x])
    at_many = _page_queries(this.get_absolute_url())

    assert at_one == at_many
