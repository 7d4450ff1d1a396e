"""A published practice taken down by its SME (#15): confirmed on a page (POST, CSRF), gone
from the public site at once (list, page, search, feed, sitemap, the visitors' cached pages),
logged with who and when, the coordinators told, and published again only with a new consent."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse

from accounts.enums import ConsentKind, MembershipRole
from accounts.models import Consent
from accounts.services import consent_give
from notifications.models import Notification
from practices import services
from practices.models import Practice, PracticeTransition
from skillup.errors import ApplicationError
from tests.factories import MembershipFactory, PracticeFactory, PublishedPracticeFactory
from tests.harness import at_once

pytestmark = pytest.mark.django_db

TITLE = "Zeppelin learning lunches"  # one word of it, "zeppelin", is searched for
OTHER_TITLE = "Friday coding club"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def published(world):
    """Atelier's published practice (with a consent on record), and another SME's."""
    practice = PublishedPracticeFactory(
        organisation=world.sme, title=TITLE, public_title=TITLE, slug="zeppelin-lunches"
    )
    consent_give(user=world.sme_admin, kind=ConsentKind.PUBLICATION, about=practice)
    PublishedPracticeFactory(
        organisation=world.other_sme, title=OTHER_TITLE, public_title=OTHER_TITLE
    )
    return practice


def take_down_url(practice) -> str:
    return reverse("practices:submission_take_down", kwargs={"pk": practice.pk})


def publish_again_url(practice) -> str:
    return reverse("practices:submission_publish_again", kwargs={"pk": practice.pk})


def detail_url(practice) -> str:
    return reverse("practices:submission_detail", kwargs={"pk": practice.pk})


def public_pages(client: Client, practice) -> dict[str, tuple[int, str]]:
    """What a visitor without a session gets from every public place a practice shows."""
    urls = {
        "list": "/en/practices/",
        "search": "/en/practices/?q=zeppelin",
        "page": f"/en/practices/{practice.slug}/",
        "contact": f"/en/practices/{practice.slug}/contact/",
        "feed": "/en/practices/feed/",
        "sitemap": "/sitemap-practices.xml",
        "home": "/en/",
    }
    pages = {}
    for name, url in urls.items():
        response = client.get(url)
        pages[name] = (response.status_code, response.content.decode())
    return pages


def fetch(client: Client, url: str) -> tuple[int, bytes]:
    """Status and body; a stream is read to its end, which closes the file (a bare close()
    would close the test's database connection)."""
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, body


def shows(pages: dict[str, tuple[int, str]], practice) -> dict[str, bool]:
    """Where `practice` shows: its title on the pages and in the feed, its address in the
    sitemap."""
    address = f"/en/practices/{practice.slug}/"
    return {
        name: (address if name == "sitemap" else practice.display_title) in body
        for name, (_status, body) in pages.items()
    }


def other(world):
    return Practice.objects.get(title=OTHER_TITLE)


# --------------------------------------------------------------------------------------------
# Taking it down
# --------------------------------------------------------------------------------------------
def test_sme_admin_takes_a_published_practice_off_every_public_place_at_once(
    world, client_for, published, django_capture_on_commit_callbacks
):
    visitor = Client()
    before = public_pages(visitor, published)  # the visitors' pages and searches now cached
    admin = client_for("sme_admin")
    page = admin.get(detail_url(published)).content.decode()
    confirm = admin.get(take_down_url(published))

    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(take_down_url(published), {"comment": "We changed our training."})
    after = public_pages(visitor, published)
    landing = admin.get(response["Location"]).content.decode()

    assert shows(before, published) == dict.fromkeys(before, True)
    assert take_down_url(published) in page  # the way to it, from the practice's page
    assert confirm.status_code == 200 and confirm.context["form"] is not None
    assert (response.status_code, response["Location"]) == (302, detail_url(published))
    assert shows(after, published) == dict.fromkeys(after, False)
    assert (after["page"][0], after["contact"][0]) == (410, 410)
    assert "This practice is no longer published" in after["page"][1]
    assert shows(after, other(world)) | {"page": True, "contact": True, "search": True} == (
        dict.fromkeys(after, True)
    )  # the rest of the site is as it was
    assert "is off the public site" in landing and "State: Taken down" in landing


def test_take_down_is_logged_consent_withdrawn_and_coordinators_told(world, client_for, published):
    coordinator_of_the_sme = MembershipFactory(
        organisation=world.sme, role=MembershipRole.MEMBER, user__is_staff=True
    ).user
    coordinator_of_the_sme.groups.add(*world.coordinator.groups.all())

    client_for("sme_admin").post(take_down_url(published), {"comment": "We changed it."})

    published.refresh_from_db()
    move = PracticeTransition.objects.get(practice=published)
    assert (move.from_state, move.to_state, move.actor, move.comment) == (
        "published",
        "taken_down",
        world.sme_admin,
        "We changed it.",
    )
    assert move.created_at is not None
    assert (published.state, published.publication_consent) == ("taken_down", False)
    assert published.publication_consent_at is None
    assert Consent.objects.get(object_id=str(published.pk)).withdrawn_at is not None
    emails = list(Notification.objects.filter(event="practice_taken_down"))
    # coordinators, the one in conflict of interest (a member of the SME) excepted
    assert [email.to_email for email in emails] == [world.coordinator.email]
    body = emails[0].body_text
    assert TITLE in body and "We changed it." in body and str(world.sme_admin) in body
    assert f"/admin/practices/practice/{published.pk}/change/" in body


def test_take_down_needs_a_post_with_the_csrf_token(world, published):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.sme_admin)

    page = client.get(take_down_url(published))
    forged = client.post(take_down_url(published), {"comment": ""})

    published.refresh_from_db()
    assert page.status_code == 200 and 'name="csrfmiddlewaretoken"' in page.content.decode()
    assert forged.status_code == 403
    assert published.state == "published"


def test_a_member_who_is_not_an_admin_cannot_take_it_down(world, client_for, published):
    client = client_for("sme_member")

    page = client.get(take_down_url(published))
    detail = client.get(detail_url(published)).content.decode()
    refused = client.post(take_down_url(published), {"comment": ""})

    published.refresh_from_db()
    assert page.status_code == 200 and page.context["not_allowed"] == services.MSG_SME_ADMIN_ONLY
    assert take_down_url(published) not in detail
    assert refused.status_code == 409
    assert str(services.MSG_SME_ADMIN_ONLY) in refused.content.decode()
    assert published.state == "published"
    assert not Notification.objects.exists()


@pytest.mark.parametrize("role", ["other_sme_admin", "company_admin", "coordinator", "outsider"])
def test_nobody_outside_the_sme_reaches_the_take_down_page(world, client_for, published, role):
    client = client_for(role)

    responses = [client.get(take_down_url(published)), client.post(take_down_url(published))]

    published.refresh_from_db()
    assert [r.status_code for r in responses] == [404, 404]
    assert published.state == "published"


@pytest.mark.parametrize("state", ["selected", "taken_down", "declined"])
def test_only_a_published_practice_is_taken_down(world, client_for, state):
    practice = PracticeFactory(organisation=world.sme, state=state, slug=f"p-{state}")

    page = client_for("sme_admin").get(take_down_url(practice))
    refused = client_for("sme_admin").post(take_down_url(practice), {"comment": ""})

    practice.refresh_from_db()
    assert page.status_code == 200 and page.context["not_allowed"]
    assert "Take it off the public site" not in page.content.decode().split("</h1>", 1)[1]
    assert refused.status_code == 409
    assert practice.state == state


def test_a_taken_down_practices_file_is_no_longer_public(world, client_for, published):
    published.attachment = SimpleUploadedFile("plan.pdf", PDF, "application/pdf")
    published.save()
    url = reverse("practices:practice_attachment", kwargs={"pk": published.pk})
    before = fetch(Client(), url)

    client_for("sme_admin").post(take_down_url(published), {"comment": ""})

    assert before == (200, PDF)
    assert fetch(Client(), url)[0] == 404
    assert fetch(client_for("sme_member"), url) == (200, PDF)  # still the SME's own


def test_staff_cannot_publish_a_taken_down_practice_again(world, published):
    services.practice_take_down(user=world.sme_admin, practice=published)

    with pytest.raises(ApplicationError):
        services.practice_transition(practice=published, target="published", actor=world.reviewer)

    published.refresh_from_db()
    assert published.state == "taken_down"


# --------------------------------------------------------------------------------------------
# Publishing it again: only with a new consent
# --------------------------------------------------------------------------------------------
def test_publish_again_needs_the_consent_ticked(world, client_for, published):
    services.practice_take_down(user=world.sme_admin, practice=published)
    client = client_for("sme_admin")

    page = client.get(publish_again_url(published))
    unticked = client.post(publish_again_url(published), {})

    published.refresh_from_db()
    assert page.status_code == 200 and page.context["form"]["consent"].value() is False
    assert unticked.status_code == 200
    assert "consent" in unticked.context["form"].errors
    assert (published.state, published.publication_consent) == ("taken_down", False)


def test_publish_again_with_a_new_consent_puts_it_back_everywhere(
    world, client_for, published, django_capture_on_commit_callbacks
):
    services.practice_take_down(user=world.sme_admin, practice=published)
    visitor = Client()
    gone = public_pages(visitor, published)
    Notification.objects.all().delete()

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("sme_admin").post(publish_again_url(published), {"consent": "on"})
    back = public_pages(visitor, published)

    published.refresh_from_db()
    assert shows(gone, published) == dict.fromkeys(gone, False)
    assert (response.status_code, response["Location"]) == (302, detail_url(published))
    assert shows(back, published) == dict.fromkeys(back, True)
    assert back["page"][0] == 200
    assert (published.state, published.publication_consent) == ("published", True)
    consents = Consent.objects.filter(object_id=str(published.pk)).order_by("pk")
    assert [c.withdrawn_at is None for c in consents] == [False, True]  # the old one, the new
    assert consents.last().user == world.sme_admin
    assert list(
        PracticeTransition.objects.filter(practice=published)
        .order_by("pk")
        .values_list("to_state", "actor")
    ) == [("taken_down", world.sme_admin.pk), ("published", world.sme_admin.pk)]
    assert set(Notification.objects.values_list("event", flat=True)) == {"practice_published"}


def test_a_member_who_is_not_an_admin_cannot_publish_it_again(world, client_for, published):
    services.practice_take_down(user=world.sme_admin, practice=published)

    refused = client_for("sme_member").post(publish_again_url(published), {"consent": "on"})

    published.refresh_from_db()
    assert refused.status_code == 409
    assert (published.state, published.publication_consent) == ("taken_down", False)
    assert not Consent.objects.filter(
        object_id=str(published.pk), withdrawn_at__isnull=True
    ).exists()


def test_publish_again_of_a_practice_still_published_is_refused(world, client_for, published):
    response = client_for("sme_admin").post(publish_again_url(published), {"consent": "on"})

    assert response.status_code == 409
    assert PracticeTransition.objects.count() == 0


def test_the_gone_page_is_never_kept_by_the_browser(world, published):
    """A 410 may be cached by default: published again, the page must show at once."""
    services.practice_take_down(user=world.sme_admin, practice=published)

    response = Client().get(f"/en/practices/{published.slug}/")

    assert response.status_code == 410
    assert "no-store" in response["Cache-Control"]
    assert TITLE not in response.content.decode()


@pytest.mark.skipif(
    connection.vendor == "sqlite", reason="SQLite has no concurrent writers; runs on PostgreSQL"
)
@pytest.mark.django_db(transaction=True)
def test_a_double_submit_takes_it_down_once_and_the_second_click_reads_why(world, published):
    """Two clicks of the button reach the server together: one move, one log row, one email per
    coordinator; the other click gets the page again with the reason, never an error."""
    clients = []
    for _ in range(2):
        client = Client()
        client.force_login(world.sme_admin)
        clients.append(client)

    responses = at_once(
        *(lambda c=c: c.post(take_down_url(published), {"comment": "Twice"}) for c in clients)
    )

    statuses = sorted(response.status_code for response in responses)
    assert statuses == [302, 409], statuses
    refused = next(r for r in responses if r.status_code == 409).content.decode()
    assert "Taken down" in refused or "taken down" in refused
    assert PracticeTransition.objects.filter(practice=published).count() == 1
    assert Notification.objects.filter(event="practice_taken_down").count() == 1
    assert Practice.objects.get(pk=published.pk).state == "taken_down"


def test_the_take_down_button_is_red_only(world, client_for, published):
    """Submit's own "btn-primary" beside "btn-danger" drew it in the site's blue."""
    body = client_for("sme_admin").get(take_down_url(published)).content.decode()

    button = re.search(r'<input type="submit"[^>]*name="take_down"[^>]*>', body, re.S).group(0)
    assert re.search(r'class="btn btn-danger"', button), button
