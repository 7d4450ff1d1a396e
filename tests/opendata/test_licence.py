"""The open licence of published texts (#17): the consent names CC BY 4.0 (version 2); a
practice published under version 1 is asked once by email, and one click of a member of its SME
on the dashboard puts it under the licence (others: 404; anonymous: the log-in page)."""

import pytest
from django.urls import reverse

from accounts.enums import ConsentKind
from accounts.models import Consent
from notifications.models import Notification
from practices import services
from practices.enums import OPEN_LICENCE_URL, PUBLICATION_CONSENT_VERSION
from practices.forms import PracticeForm
from tests.factories import CallFactory, PracticeFactory, PublishedPracticeFactory

pytestmark = pytest.mark.django_db


def _accept_url(practice) -> str:
    return reverse("practices:licence_accept", kwargs={"pk": practice.pk})


def _renewal_emails() -> list[str]:
    return sorted(
        Notification.objects.filter(event=services.LICENCE_RENEWAL_EVENT).values_list(
            "to_email", flat=True
        )
    )


# --------------------------------------------------------------------------------------------
# The wording
# --------------------------------------------------------------------------------------------
def test_the_consent_on_the_form_names_and_links_the_licence(world):
    form = PracticeForm(call=CallFactory())

    html = str(form["publication_consent"].label) + str(form["publication_consent"].help_text)
    assert "CC BY 4.0" in html
    assert f'href="{OPEN_LICENCE_URL}"' in html


def test_the_submission_page_shows_the_new_wording(world, client_for):
    page = client_for("sme_member").get(
        reverse("practices:submission_create", kwargs={"slug": CallFactory().slug})
    )

    assert "Creative Commons Attribution 4.0 licence (CC BY 4.0)" in page.content.decode()
    assert f'href="{OPEN_LICENCE_URL}"' in page.content.decode()


def test_a_consent_ticked_now_is_the_current_version(world):
    practice = PracticeFactory(organisation=world.sme, publication_consent_version=1)

    services.practice_save(
        user=world.sme_member,
        call=practice.call,
        organisation=world.sme,
        practice=practice,
        fields={"publication_consent": True},
    )

    practice.refresh_from_db()
    assert practice.publication_consent_version == PUBLICATION_CONSENT_VERSION == 2


def test_approving_the_public_version_gives_the_current_version(world):
    practice = PracticeFactory(
        organisation=world.sme, state="selected", publication_consent_version=1
    )

    services.practice_public_version_approve(user=world.sme_admin, practice=practice, consent=True)

    practice.refresh_from_db()
    assert practice.publication_consent_version == PUBLICATION_CONSENT_VERSION


# --------------------------------------------------------------------------------------------
# One click from the dashboard
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("role", ["sme_member", "sme_admin"])
def test_a_member_of_the_sme_accepts_in_one_click(
    world, client_for, published_before_licence, role
):
    response = client_for(role).post(_accept_url(published_before_licence))

    published_before_licence.refresh_from_db()
    assert response.status_code == 302 and response["Location"] == reverse("dashboard")
    assert published_before_licence.publication_consent_version == PUBLICATION_CONSENT_VERSION
    consent = Consent.objects.get(kind=ConsentKind.PUBLICATION, user=getattr(world, role))
    assert (consent.object_id, consent.withdrawn_at) == (str(published_before_licence.pk), None)


@pytest.mark.parametrize("role", ["other_sme_admin", "company_admin", "reviewer", "outsider"])
def test_anyone_else_gets_a_404_and_nothing_changes(
    world, client_for, published_before_licence, role
):
    response = client_for(role).post(_accept_url(published_before_licence))

    published_before_licence.refresh_from_db()
    assert response.status_code == 404
    assert published_before_licence.publication_consent_version == 1
    assert Consent.objects.filter(kind=ConsentKind.PUBLICATION).count() == 0


def test_anonymous_is_sent_to_log_in(client, published_before_licence):
    response = client.post(_accept_url(published_before_licence))

    published_before_licence.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert published_before_licence.publication_consent_version == 1


def test_a_get_is_refused(world, client_for, published_before_licence):
    assert client_for("sme_member").get(_accept_url(published_before_licence)).status_code == 405


def test_a_double_submit_is_harmless(world, client_for, published_before_licence):
    client = client_for("sme_member")

    first = client.post(_accept_url(published_before_licence), follow=True)
    second = client.post(_accept_url(published_before_licence), follow=True)

    assert Consent.objects.filter(kind=ConsentKind.PUBLICATION).count() == 1
    assert "goes into the open data downloads" in first.content.decode()
    assert "goes into the open data downloads" not in second.content.decode()
    assert second.status_code == 200


def test_a_taken_down_practice_is_refused_with_a_message(world, client_for):
    practice = PublishedPracticeFactory(organisation=world.sme, publication_consent_version=1)
    services.practice_take_down(user=world.sme_admin, practice=practice)

    response = client_for("sme_member").post(_accept_url(practice), follow=True)

    practice.refresh_from_db()
    assert practice.publication_consent_version == 1
    assert "Publish it again first" in response.content.decode()


def test_the_dashboard_asks_only_when_needed(world, client_for, published):
    client = client_for("sme_member")
    before = client.get(reverse("dashboard")).content.decode()
    waiting = PublishedPracticeFactory(
        organisation=world.sme, public_title="Data days", publication_consent_version=1
    )

    asked = client.get(reverse("dashboard")).content.decode()
    services.practice_licence_accept(user=world.sme_member, practice=waiting)
    after = client.get(reverse("dashboard")).content.decode()

    assert _accept_url(waiting) in asked and ">Data days</a>" in asked
    assert _accept_url(published) not in asked  # already under the licence
    assert "Accept CC BY 4.0" not in before and "Accept CC BY 4.0" not in after


def test_the_dashboard_does_not_ask_for_another_smes_practice(world, client_for):
    PublishedPracticeFactory(organisation=world.other_sme, publication_consent_version=1)

    page = client_for("sme_member").get(reverse("dashboard")).content.decode()

    assert "Accept CC BY 4.0" not in page


# --------------------------------------------------------------------------------------------
# Asked once by email
# --------------------------------------------------------------------------------------------
def test_the_sme_is_asked_once_however_often_the_asking_runs(world, published_before_licence):
    first = services.licence_renewals_ask()
    second = services.licence_renewals_ask()

    assert (first, second) == (1, 0)
    assert _renewal_emails() == [world.sme_admin.email]  # the SME's administrators hear
    mail = Notification.objects.get(event=services.LICENCE_RENEWAL_EVENT)
    assert "CC BY 4.0" in mail.subject and "/en/dashboard/" in mail.body_text


def test_the_email_is_never_written_twice_even_if_the_mark_is_lost(world, published_before_licence):
    services.licence_renewals_ask()
    type(published_before_licence).objects.update(licence_renewal_asked_at=None)

    services.licence_renewals_ask()

    assert _renewal_emails() == [world.sme_admin.email]


def test_nobody_is_asked_about_a_practice_already_under_the_licence_or_not_published(world):
    PublishedPracticeFactory(organisation=world.sme)  # the current version
    PracticeFactory(organisation=world.sme, state="submitted", publication_consent_version=1)
    PracticeFactory(organisation=world.sme, state="taken_down", publication_consent_version=1)

    assert services.licence_renewals_ask() == 0
    assert _renewal_emails() == []
