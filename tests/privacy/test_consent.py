"""G-01 and G-02: a privacy notice wherever data is collected; consents unticked by default and
recorded with their version and time."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from accounts.enums import ConsentKind
from accounts.models import Consent, User
from practices import services as practice_services
from tests.factories import (
    CallFactory,
    MentorProfileFactory,
    PracticeFactory,
    PublishedPracticeFactory,
)
from volunteers import services as volunteer_services

pytestmark = pytest.mark.django_db

GOOD_PASSWORD = "a-long-enough-passphrase-42"
SIGNUP = {
    "email": "new.person@example.eu",
    "full_name": "New Person",
    "password1": GOOD_PASSWORD,
    "password2": GOOD_PASSWORD,
}
PRIVACY_LINK = 'href="/en/privacy/"'


# --------------------------------------------------------------------------------------------
# The notice
# --------------------------------------------------------------------------------------------
def test_privacy_notice_page_says_what_who_how_long_and_rights(client):
    response = client.get(reverse("privacy_notice"))

    body = response.content.decode()
    assert response.status_code == 200
    assert settings.PRIVACY_NOTICE_VERSION in body
    assert settings.PRIVACY_CONTACT_EMAIL in body
    for heading in ("What we collect and why", "Who sees what", "How long we keep data"):
        assert heading in body
    assert f"{settings.RETENTION_DRAFT_DAYS} days after their call closed" in body
    assert "its matched mentor" in body  # the confidential challenge


def test_privacy_notice_is_linked_in_the_footer(client):
    body = client.get("/en/").content.decode()

    footer = body[body.index("<footer") :]
    assert PRIVACY_LINK in footer


def _form_pages(world):
    """(role, url) of every page whose form collects personal data."""
    published = PublishedPracticeFactory(organisation=world.sme)
    MentorProfileFactory(user=world.outsider, company=world.company)
    return [
        ("anonymous", reverse("account_signup")),
        ("outsider", reverse("organisation_create")),
        ("sme_admin", reverse("organisation_update", kwargs={"pk": world.sme.pk})),
        ("sme_admin", reverse("invitation_create", kwargs={"pk": world.sme.pk})),
        ("sme_admin", reverse("practices:submission_create", kwargs={"slug": CallFactory().slug})),
        ("anonymous", reverse("practices:practice_contact", kwargs={"slug": published.slug})),
        ("company_admin", reverse("volunteers:pledge_create", kwargs={"pk": world.company.pk})),
        ("company_admin", reverse("volunteers:mentor_invite", kwargs={"pk": world.company.pk})),
        ("outsider", reverse("volunteers:mentor_profile")),
        ("sme_admin", reverse("matching:needs_edit", kwargs={"pk": world.sme.pk})),
    ]


def test_every_form_collecting_personal_data_links_the_privacy_notice(world, client_for):
    pages = _form_pages(world)

    missing = []
    for role, url in pages:
        response = client_for(role).get(url)
        body = response.content.decode()
        assert response.status_code == 200, url
        assert "<form" in body, url
        notice = re.search(r'<p class="[^"]*privacy-notice[^"]*">(.*?)</p>', body, re.S)
        if notice is None or PRIVACY_LINK not in notice.group(1):
            missing.append(url)

    assert missing == []


# --------------------------------------------------------------------------------------------
# Terms at sign-up
# --------------------------------------------------------------------------------------------
def test_signup_consent_box_is_rendered_unticked(client):
    body = client.get(reverse("account_signup")).content.decode()

    box = re.search(r"<input[^>]*name=\"accept_terms\"[^>]*>", body).group(0)
    assert 'type="checkbox"' in box
    assert "checked" not in box


def test_signup_without_accepting_terms_is_refused_and_saves_nothing(client):
    response = client.post(reverse("account_signup"), SIGNUP)

    assert response.status_code == 200
    assert "accept the terms of use and the privacy notice" in response.content.decode()
    assert (User.objects.count(), Consent.objects.count()) == (0, 0)


def test_signup_records_terms_consent_with_version_and_time(client):
    response = client.post(reverse("account_signup"), {**SIGNUP, "accept_terms": "on"})

    assert response.status_code == 302
    user = User.objects.get(email="new.person@example.eu")
    consent = Consent.objects.get()
    assert (consent.user, consent.kind, consent.version, consent.withdrawn_at) == (
        user,
        ConsentKind.TERMS,
        settings.TERMS_VERSION,
        None,
    )
    assert consent.given_at is not None


# --------------------------------------------------------------------------------------------
# Publication of a practice
# --------------------------------------------------------------------------------------------
FIELDS = {
    "title": "Lunch & learn",
    "short_description": "Staff follow Elements of AI together over lunch.",
    "online_learning": "Online courses in paid time.",
    "methodology": "Peer groups of four.",
    "keep_learning": "Certificates are celebrated.",
    "audience": "both",
    "internal_confirmed": True,
    "other_tools": "Our own wiki",
}


def _save(world, practice=None, **changes):
    return practice_services.practice_save(
        user=world.sme_member,
        call=practice.call if practice else CallFactory(),
        organisation=world.sme,
        practice=practice,
        fields=FIELDS | changes,
    )


def test_practice_saved_without_publication_consent_records_none(world):
    practice = _save(world, publication_consent=False)

    assert practice.publication_consent is False
    assert Consent.objects.count() == 0


def test_publication_consent_is_recorded_once_when_ticked(world):
    practice = _save(world, publication_consent=True)
    _save(world, practice, publication_consent=True)  # saved again: still one record

    consent = Consent.objects.get()
    assert (consent.user, consent.kind, consent.version) == (
        world.sme_member,
        ConsentKind.PUBLICATION,
        settings.PUBLICATION_CONSENT_VERSION,
    )
    assert (consent.content_type.model, consent.object_id) == ("practice", str(practice.pk))
    assert consent.withdrawn_at is None


def test_publication_consent_unticked_is_withdrawn(world):
    practice = _save(world, publication_consent=True)

    _save(world, practice, publication_consent=False)

    assert Consent.objects.get().withdrawn_at is not None


def test_public_version_approval_records_the_publication_consent(world):
    practice = PracticeFactory(organisation=world.sme, state="selected", publication_consent=False)

    practice_services.practice_public_version_approve(
        user=world.sme_admin, practice=practice, consent=True
    )

    consent = Consent.objects.get()
    assert (consent.user, consent.kind, consent.object_id) == (
        world.sme_admin,
        ConsentKind.PUBLICATION,
        str(practice.pk),
    )


# --------------------------------------------------------------------------------------------
# Pledge commitments and the mentors' agreement
# --------------------------------------------------------------------------------------------
PLEDGE = {
    "description": "We help SMEs build data skills.",
    "pillar": "labour_force",
    "scope": "european",
    "countries": ["BE"],
    "languages": ["en"],
    "target_smes": 3,
    "target_mentors": 2,
    "target_hours": 40,
    "is_public": True,
    "commit_assist": True,
    "commit_mentor": True,
    "commit_confidentiality": True,
}


def test_pledge_commitments_are_recorded_with_their_version(world):
    from django.utils import timezone

    today = timezone.localdate()
    pledge = volunteer_services.pledge_create(
        user=world.company_admin,
        company=world.company,
        fields=PLEDGE | {"starts_on": today, "ends_on": today.replace(year=today.year + 1)},
    )

    consent = Consent.objects.get()
    assert (consent.user, consent.kind, consent.version, consent.object_id) == (
        world.company_admin,
        ConsentKind.PLEDGE_COMMITMENTS,
        pledge.commitments_version,
        str(pledge.pk),
    )


def test_mentor_agreement_acceptance_is_recorded(world):
    from volunteers.models import ConfidentialityAgreement

    mentor = MentorProfileFactory(user=world.outsider, company=world.company)

    volunteer_services.mentor_profile_update(
        user=world.outsider, mentor=mentor, fields={}, skills=[], accept_agreement=True
    )

    consent = Consent.objects.get()
    assert (consent.kind, consent.version) == (
        ConsentKind.MENTOR_AGREEMENT,
        ConfidentialityAgreement.objects.current().version,
    )
