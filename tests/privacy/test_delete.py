"""G-04: deleting an account erases the person and keeps what others need, without them."""

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.sessions.models import Session
from django.db import models
from django.urls import reverse

from accounts.enums import MembershipRole
from accounts.models import Consent, Membership, Organisation, User
from accounts.services import consent_give
from matching.enums import PartnershipState
from notifications.models import Notification, Preference
from practices.enums import PracticeState
from practices.models import PracticeTransition
from privacy.services import MSG_LAST_ADMIN, MSG_MENTOR_BUSY, account_delete
from privacy.views import ACCOUNT_DELETE_PASSWORD_RATE
from skillup.errors import ApplicationError
from tests.factories import (
    PASSWORD,
    InvitationFactory,
    MembershipFactory,
    MentorProfileFactory,
    MentorSkillFactory,
    PublishedPracticeFactory,
    ReviewFactory,
    UserFactory,
)
from tests.matching.factories import (
    CheckInFactory,
    PartnershipFactory,
    mentoring_scene,
)

pytestmark = pytest.mark.django_db

DELETE = "/en/account/delete/"


def _notification(user, key: str) -> Notification:
    return Notification.objects.create(
        event="account",
        recipient=user,
        to_email=user.email,
        language="en",
        idempotency_key=key,
        subject=f"Hello {user.full_name}",
        body_text=f"Reset link for {user.email}",
    )


def _text_columns_holding(needle: str) -> list[str]:
    """Every char, text, email and JSON column of every table that contains `needle`."""
    found = []
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField):
                lookup = {f"{field.attname}__icontains": needle}
            elif isinstance(field, models.JSONField):
                rows = model.objects.exclude(**{field.attname: None}).values_list(
                    field.attname, flat=True
                )
                if any(needle.lower() in str(value).lower() for value in rows):
                    found.append(f"{model._meta.db_table}.{field.column}")
                continue
            else:
                continue
            if model._default_manager.filter(**lookup).exists():
                found.append(f"{model._meta.db_table}.{field.column}")
    return found


# --------------------------------------------------------------------------------------------
# What goes, what stays
# --------------------------------------------------------------------------------------------
def test_deleted_person_is_nowhere_and_published_practice_stays(world, client):
    person = world.sme_member
    email, name = person.email, person.full_name
    practice = PublishedPracticeFactory(organisation=world.sme, created_by=person)
    PracticeTransition.objects.create(
        practice=practice, actor=person, from_state="draft", to_state="submitted"
    )
    _notification(person, "n1")
    Preference.objects.create(email=email, reminders=False)
    InvitationFactory(organisation=world.other_sme, email=email)
    consent_give(user=person, kind="terms")
    client.force_login(person)
    assert _text_columns_holding(email)  # the data exists before

    account_delete(user=person)

    assert _text_columns_holding(email) == []
    assert _text_columns_holding(name) == []
    person.refresh_from_db()
    assert (person.is_active, person.full_name, person.has_usable_password()) == (
        False,
        "",
        False,
    )
    assert person.email.endswith("@erased.invalid")
    assert str(person) == "a deleted user"
    practice.refresh_from_db()
    assert (practice.state, practice.created_by) == (PracticeState.PUBLISHED, None)
    assert str(practice.transitions.get().actor) == "a deleted user"
    assert not Membership.objects.filter(user=person).exists()
    assert not EmailAddress.objects.filter(user=person).exists()
    assert Notification.objects.count() == 0
    assert Session.objects.count() == 0
    consent = Consent.objects.get()
    assert (consent.user, consent.withdrawn_at is not None) == (person, True)


def test_deleted_person_cannot_log_in(world, client):
    email = world.sme_member.email
    account_delete(user=world.sme_member)

    response = client.post(reverse("account_login"), {"login": email, "password": PASSWORD})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_reviewer_with_reviews_is_anonymised_and_the_review_stays(world):
    from allauth.mfa.models import Authenticator

    review = ReviewFactory(reviewer=world.reviewer)
    assert Authenticator.objects.filter(user=world.reviewer).exists()  # staff have a second factor

    account_delete(user=world.reviewer)

    assert not Authenticator.objects.filter(user=world.reviewer).exists()

    review.refresh_from_db()
    assert str(review.reviewer) == "a deleted user"
    assert review.reviewer.is_staff is False
    assert list(review.reviewer.groups.all()) == []


def test_deleting_twice_changes_nothing(world):
    first = account_delete(user=world.outsider)
    email = first.email

    second = account_delete(user=first)

    assert second.email == email


# --------------------------------------------------------------------------------------------
# The last administrator
# --------------------------------------------------------------------------------------------
def test_last_admin_of_organisation_with_members_is_refused(world):
    with pytest.raises(ApplicationError) as refused:
        account_delete(user=world.sme_admin)

    assert refused.value.message == MSG_LAST_ADMIN % {"name": world.sme.name}
    world.sme_admin.refresh_from_db()
    assert world.sme_admin.is_active


def test_admin_with_another_admin_may_leave(world):
    MembershipFactory(organisation=world.sme, role=MembershipRole.ADMIN)

    account_delete(user=world.sme_admin)

    assert world.sme.memberships.filter(role=MembershipRole.ADMIN).count() == 1


def test_sole_member_may_leave_and_the_organisation_stays(world):
    account_delete(user=world.other_sme_admin)

    assert Organisation.objects.filter(pk=world.other_sme.pk).exists()
    assert world.other_sme.memberships.count() == 0


# --------------------------------------------------------------------------------------------
# Mentors
# --------------------------------------------------------------------------------------------
def test_mentor_with_active_partnership_or_waiting_proposal_is_refused(world):
    scene = mentoring_scene(world)  # a proposal waits for the mentor's answer

    with pytest.raises(ApplicationError) as refused:
        account_delete(user=scene.mentor.user)

    assert refused.value.message == MSG_MENTOR_BUSY


def test_mentor_of_an_ended_partnership_keeps_an_empty_profile(world):
    scene = mentoring_scene(world)
    scene.proposal.state = "accepted"
    scene.proposal.save()
    partnership = PartnershipFactory(
        needs=scene.needs,
        mentor=scene.mentor,
        proposal=scene.proposal,
        state=PartnershipState.COMPLETED,
    )
    check_in = CheckInFactory(partnership=partnership, author=scene.mentor.user)

    account_delete(user=scene.mentor.user)

    scene.mentor.refresh_from_db()
    assert (scene.mentor.bio, list(scene.mentor.languages), scene.mentor.skills.count()) == (
        "",
        [],
        0,
    )
    partnership.refresh_from_db()
    check_in.refresh_from_db()
    assert partnership.mentor_id == scene.mentor.pk
    assert str(check_in.author) == "a deleted user"


def test_mentor_never_proposed_loses_the_profile(world):
    mentor = MentorProfileFactory(user=world.outsider, company=world.company)
    MentorSkillFactory(mentor=mentor)

    account_delete(user=world.outsider)

    assert not type(mentor).objects.filter(pk=mentor.pk).exists()


# --------------------------------------------------------------------------------------------
# The page
# --------------------------------------------------------------------------------------------
def test_delete_page_needs_a_login(client):
    response = client.get(DELETE)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_delete_with_a_wrong_password_changes_nothing(client, world):
    client.force_login(world.outsider)

    response = client.post(DELETE, {"password": "not-my-password"})

    assert response.status_code == 200
    assert "This is not your password." in response.content.decode()
    world.outsider.refresh_from_db()
    assert world.outsider.is_active


def test_guessing_the_password_on_the_delete_page_is_rate_limited(client, world):
    client.force_login(world.outsider)
    for _attempt in range(ACCOUNT_DELETE_PASSWORD_RATE.count):
        client.post(DELETE, {"password": "not-my-password"})

    response = client.post(DELETE, {"password": PASSWORD})  # even the right one, for now

    assert response.status_code == 429
    world.outsider.refresh_from_db()
    assert world.outsider.erased_at is None


def test_delete_with_the_password_erases_and_logs_out(client, world):
    client.force_login(world.outsider)
    assert client.get(DELETE).status_code == 200

    response = client.post(DELETE, {"password": PASSWORD})

    assert (response.status_code, response["Location"]) == (302, "/en/")
    world.outsider.refresh_from_db()
    assert world.outsider.erased_at is not None
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("dashboard")).status_code == 302


def test_delete_page_of_the_last_admin_explains_the_refusal(client, world):
    client.force_login(world.sme_admin)

    response = client.post(DELETE, {"password": PASSWORD})

    body = response.content.decode()
    assert response.status_code == 200
    assert "You are the only administrator of" in body
    assert User.objects.get(pk=world.sme_admin.pk).is_active


def test_new_user_can_sign_up_again_with_the_erased_address(world):
    email = world.outsider.email
    account_delete(user=world.outsider)

    again = UserFactory(email=email)

    assert again.pk != world.outsider.pk
