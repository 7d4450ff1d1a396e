"""The accessibility statement (issue #7, test A-15): in every language, linked from the footer,
with the parts of the EU model statement (Implementing Decision (EU) 2018/1523)."""

import re

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


@pytest.mark.parametrize("language", LANGUAGE_CODES, ids=LANGUAGE_CODES)
def test_statement_renders_in_every_language_with_one_h1(client, language):
    response = client.get(f"/{language}/accessibility/")

    assert response.status_code == 200
    body = response.content.decode()
    assert f'<html lang="{language}">' in body
    assert body.count("<h1") == 1
    assert '<main id="main"' in body


def test_statement_has_the_parts_of_the_model_statement(client, settings):
    settings.ACCESSIBILITY_CONTACT_EMAIL = "a11y@programme.example.eu"
    settings.ACCESSIBILITY_ENFORCEMENT_URL = "https://enforcement.example.eu/web-accessibility"

    body = client.get("/en/accessibility/").content.decode()

    headings = re.findall(r'<h2 id="[\w-]+">(.*?)</h2>', body)
    assert headings == [
        "Compliance status",
        "Non-accessible content and what is not verified yet",
        "Preparation of this statement",
        "Feedback and contact information",
        "Enforcement procedure",
    ]
    assert "<strong>partially compliant</strong>" in body
    assert "EN 301 549 v3.2.1" in body and "WCAG) 2.1 at level AA" in body
    assert "Directive (EU) 2016/2102" in body
    assert re.search(
        r'This statement was prepared on <time datetime="2026-11-29">29 November 2026</time>\.',
        body,
    )
    assert "axe-core" in body and "keyboard-only journeys" in body
    assert '<a href="mailto:a11y@programme.example.eu">a11y@programme.example.eu</a>' in body
    assert '<a href="https://enforcement.example.eu/web-accessibility">' in body


@pytest.mark.parametrize("url", ["/en/", "/en/accounts/login/", "/en/privacy/", "/fr/"])
def test_footer_links_to_the_statement_in_the_page_language(client, url):
    body = client.get(url).content.decode()

    footer = body[body.index("<footer") :]
    language = url.split("/")[1]
    assert f'href="/{language}/accessibility/"' in footer


def test_french_statement_keeps_its_address_and_language(client):
    response = client.get("/fr/accessibility/")

    assert response.status_code == 200
    assert 'href="/en/accessibility/" hreflang="en"' in response.content.decode()
