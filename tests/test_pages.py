"""Portal-wide pages: landmarks and skip link, friendly errors, languages, security headers."""

import re

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import path, reverse
from django.utils import translation

from skillup.urls import urlpatterns as portal_urlpatterns

pytestmark = pytest.mark.django_db


def _boom(request):
    raise RuntimeError("secret-internal-detail")


urlpatterns = [*portal_urlpatterns, path("boom/", _boom)]


@pytest.mark.parametrize("role", ["anonymous", "sme_admin", "coordinator"])
def test_pages_have_skip_link_landmarks_and_one_h1(client_for, role):
    for url in ("/en/", "/en/dashboard/" if role != "anonymous" else "/en/accounts/login/"):
        body = client_for(role).get(url).content.decode()

        assert re.search(r'<a class="[^"]*skip-link[^"]*" href="#main">', body)
        assert '<main id="main"' in body
        assert "<header" in body and "<footer" in body and "<nav" in body
        assert body.count("<h1") == 1


def test_root_redirects_to_a_language_prefixed_home(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr")

    assert (response.status_code, response["Location"]) == (302, "/fr/")


def test_french_home_is_in_french_with_switcher_links(client):
    body = client.get("/fr/").content.decode()

    assert '<html lang="fr">' in body
    assert "Aller au contenu principal" in body
    assert '<h2 id="how-heading">Comment participer</h2>' in body
    assert 'href="/en/" hreflang="en" lang="en"' in body
    assert 'href="/fr/" hreflang="fr" lang="fr" aria-current="true"' in body


def test_german_home_is_in_german_with_switcher_links(client):
    body = client.get("/de/").content.decode()

    assert '<html lang="de">' in body
    assert "Zum Hauptinhalt springen" in body
    assert '<h2 id="how-heading">So nehmen Sie teil</h2>' in body
    assert 'href="/fr/" hreflang="fr" lang="fr">Français</a>' in body
    assert 'href="/de/" hreflang="de" lang="de" aria-current="true">Deutsch</a>' in body


def test_language_switcher_keeps_the_path(client):
    body = client.get("/en/accounts/login/").content.decode()

    assert 'href="/fr/accounts/login/" hreflang="fr"' in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/de/",
        "/en/accounts/login/?next=/en/dashboard/",
        "/fr/practices/?country=FR&q=formation%20%C3%A9t%C3%A9",
        "/it/practices/{slug}/",
        "/en/practices/{slug}/contact/",
        "/en/no-such-page/",
    ],
)
def test_the_switcher_links_are_translate_urls_links_for_every_language(client, path):
    from django.urls import translate_url

    from tests.factories import PracticeFactory

    practice = PracticeFactory(state="published")
    path = path.format(slug=practice.slug)
    body = client.get(path).content.decode()

    with translation.override(path.split("/")[1]):  # as the page resolved it, in its language
        expected = {code: translate_url(path, code) for code, _name in settings.LANGUAGES}
    assert len(set(expected.values())) == (1 if "no-such-page" in path else 7)
    for code, url in expected.items():
        assert f'href="{url.replace("&", "&amp;")}" hreflang="{code}"' in body


def test_unknown_page_gets_friendly_404(client):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "Back to the home page" in response.content.decode()


@override_settings(ROOT_URLCONF=__name__)
def test_server_error_gets_generic_500_without_details():
    client = Client(raise_request_exception=False)

    response = client.get("/boom/")

    assert response.status_code == 500
    body = response.content.decode()
    assert "Something went wrong on our side" in body
    assert "secret-internal-detail" not in body
    assert "Traceback" not in body


def test_forbidden_page_is_friendly(client_for, world):
    response = client_for("sme_member").get(
        reverse("organisation_update", kwargs={"pk": world.sme.pk})
    )

    assert response.status_code == 403
    assert "You cannot open this page" in response.content.decode()


def test_post_without_csrf_token_gets_friendly_403(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.sme_admin)

    response = client.post(reverse("organisation_create"), {"name": "X"})

    assert response.status_code == 403
    assert "This form has expired" in response.content.decode()


def test_messages_render_as_status_region(client_for):
    client = client_for("outsider")

    response = client.post(
        reverse("organisation_create"),
        {
            "name": "Status Test",
            "kind": "sme",
            "country": "BE",
            "sector": "C",
            "size_band": "micro",
            "website": "",
        },
        follow=True,
    )

    assert re.search(
        r'<div class="alert alert-success"\s+role="status">', response.content.decode()
    )


def test_security_headers_on_public_pages(client):
    response = client.get("/en/")

    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "object-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "'unsafe-inline'" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_no_page_loads_anything_from_another_host(client):
    body = client.get("/en/").content.decode()

    assert re.findall(r'(?:src|href)="(https?:)?//', body) == []
    assert "<script>" not in body
    assert " style=" not in body


def test_dashboard_shows_each_roles_section(client_for, world):
    def headings(role):
        body = client_for(role).get("/en/dashboard/").content.decode()
        return re.findall(r'<h2 class="h[45]" id="([a-z]+)-heading"', body)

    assert headings("outsider") == ["start", "account"]
    assert headings("sme_admin") == ["sme", "account"]
    assert headings("company_admin") == ["company", "account"]
    assert headings("reviewer") == ["review", "account"]
    assert headings("coordinator") == ["coordination", "account"]


def test_dashboard_is_never_cached(client_for):
    response = client_for("sme_admin").get("/en/dashboard/")

    assert "no-store" in response["Cache-Control"]


def test_dashboard_lists_open_invitations_for_the_address(client_for, world):
    from datetime import timedelta

    from django.utils import timezone

    from tests.factories import InvitationFactory, MentorInvitationFactory

    email = world.outsider.email.upper()  # addresses compare without case
    MentorInvitationFactory(company=world.company, email=email)
    InvitationFactory(organisation=world.sme, email=email)
    MentorInvitationFactory(
        company=world.company, email="someone.else@example.eu"
    )  # another person's
    MentorInvitationFactory(
        company=world.company, email=f"x{email}", expires_at=timezone.now() - timedelta(days=1)
    )

    response = client_for("outsider").get("/en/dashboard/")

    assert [(kind, name) for kind, name, _url in response.context["open_invitations"]] == [
        ("member", world.sme.name),
        ("mentor", world.company.name),
    ]
    page = response.content.decode()
    assert "Register your organisation" not in page
    assert "/en/mentor-invitations/" in page and "/en/invitations/" in page
