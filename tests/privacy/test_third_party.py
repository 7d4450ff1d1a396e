"""G-07 (server side): no page makes the browser fetch anything from another site. Every script,
stylesheet, image, font, frame and media source is relative or on SITE_URL; links (<a href>) to
other sites are fine, they load nothing until followed."""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tests.factories import CallFactory, PledgeFactory, PublishedPracticeFactory
from tests.matching.factories import mentoring_scene

pytestmark = pytest.mark.django_db

# (tag, attribute) pairs that make the browser fetch a resource on its own
LOADING_ATTRIBUTES = {
    ("script", "src"),
    ("link", "href"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("iframe", "src"),
    ("frame", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("track", "src"),
    ("input", "src"),
}
# <link> relations that only name a page (no fetch): alternate languages, the canonical URL
NAVIGATION_RELS = {"alternate", "canonical", "next", "prev", "author", "license", "help"}


class ResourceCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        attributes = dict(attrs)
        rels = set((attributes.get("rel") or "").split())
        if tag == "link" and rels and rels <= NAVIGATION_RELS:
            return
        if "style" in attributes:
            self.urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", attributes["style"] or "")
        for name, value in attrs:
            if (tag, name) in LOADING_ATTRIBUTES and value:
                if name == "srcset":
                    self.urls += [part.strip().split(" ")[0] for part in value.split(",")]
                else:
                    self.urls.append(value)


def third_party(urls: list[str]) -> list[str]:
    site = urlsplit(settings.SITE_URL).netloc
    # "//host/x" and "https://host/x" both name a host; "/x", "x" and "data:…" do not
    return [url for url in urls if urlsplit(url.strip()).netloc not in ("", site)]


def resources_of(html: str) -> list[str]:
    collector = ResourceCollector()
    collector.feed(html)
    # <style> blocks would be refused by the CSP anyway; check their url() too
    for block in re.findall(r"<style[^>]*>(.*?)</style>", html, re.S):
        collector.urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", block)
    return collector.urls


def test_collector_spots_a_third_party_font_and_script():
    html = (
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<script src="//cdn.example.com/x.js"></script><img src="/static/a.png">'
        '<link rel="alternate" hreflang="fr" href="https://elsewhere.example/fr/">'
        '<a href="https://europa.eu/">Europa</a>'
    )

    assert third_party(resources_of(html)) == [
        "https://fonts.googleapis.com/css?family=Roboto",
        "//cdn.example.com/x.js",
    ]


def _public_urls(world) -> list[str]:
    practice = PublishedPracticeFactory(organisation=world.sme)
    call = CallFactory()
    pledge = PledgeFactory(company=world.company, state="approved", is_public=True)
    return [
        reverse("home"),
        reverse("privacy_notice"),
        reverse("practices:practice_list"),
        reverse("practices:practice_detail", kwargs={"slug": practice.slug}),
        reverse("practices:practice_contact", kwargs={"slug": practice.slug}),
        reverse("practices:call_detail", kwargs={"slug": call.slug}),
        reverse("volunteers:pledge_list"),
        reverse("volunteers:pledge_detail", kwargs={"slug": pledge.slug}),
        reverse("matching:skill_list"),
        reverse("account_login"),
        reverse("account_signup"),
        reverse("account_reset_password"),
        "/en/no-such-page/",
        "/fr/",
    ]


def test_public_pages_load_nothing_from_other_sites(world, client):
    urls = _public_urls(world)

    found = {}
    with translation.override("en"):  # /fr/ activates French: leave no trace for other tests
        for url in urls:
            response = client.get(url)
            assert response.status_code in (200, 404), url
            assert resources_of(response.content.decode()), url  # the page has resources at all
            if bad := third_party(resources_of(response.content.decode())):
                found[url] = bad

    assert found == {}


def test_logged_in_pages_load_nothing_from_other_sites(world, client_for):
    scene = mentoring_scene(world)
    pages = [
        ("sme_admin", reverse("dashboard")),
        ("sme_admin", reverse("organisation_detail", kwargs={"pk": world.sme.pk})),
        ("sme_admin", reverse("matching:needs_edit", kwargs={"pk": world.sme.pk})),
        ("sme_admin", reverse("matching:mentoring_home")),
        ("sme_admin", reverse("account_delete")),
        ("sme_admin", reverse("notifications:preferences")),
        ("company_admin", reverse("volunteers:company_pledge", kwargs={"pk": world.company.pk})),
        ("outsider", reverse("organisation_create")),
    ]
    mentor = scene.mentor.user

    found = {}
    for role, url in pages:
        response = client_for(role).get(url)
        assert response.status_code == 200, url
        if bad := third_party(resources_of(response.content.decode())):
            found[url] = bad
    from django.test import Client

    as_mentor = Client()
    as_mentor.force_login(mentor)
    for url in (reverse("volunteers:mentor_profile"), reverse("matching:mentoring_home")):
        response = as_mentor.get(url)
        assert response.status_code == 200, url
        if bad := third_party(resources_of(response.content.decode())):
            found[url] = bad

    assert found == {}


def test_stylesheets_import_no_fonts_or_images_from_other_sites():
    """Fonts and images referenced from CSS are fetched too: every url() and @import in the
    project's static CSS is relative or a data: URI."""
    found = []
    for path in Path(settings.BASE_DIR, "static").rglob("*.css"):
        text = path.read_text(encoding="utf-8", errors="replace")
        text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)  # licence comments name their sites
        refs = re.findall(r"url\(\s*['\"]?([^'\")]+)", text)
        refs += re.findall(r"@import\s+(?:url\()?\s*['\"]([^'\"]+)", text)
        found += [
            f"{path.name}: {ref}"
            for ref in refs
            if not ref.startswith("data:") and urlsplit(ref).netloc
        ]

    assert found == []
