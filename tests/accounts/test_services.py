from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from accounts import services
from accounts.enums import MembershipRole
from accounts.models import Invitation, Membership, Organisation
from skillup.errors import ApplicationError
from tests.factories import InvitationFactory, UserFactory

pytestmark = pytest.mark.django_db

ORG_FIELDS = {
    "name": "Koivu Design Oy",
    "kind": "sme",
    "country": "FI",
    "sector": "M",
    "size_band": "micro",
    "website": "https://koivu.example.fi",
}


def test_organisation_create_makes_creator_its_admin():
    user = UserFactory()

    organisation = services.organisation_create(user=user, **ORG_FIELDS)

    assert list(organisation.memberships.values_list("user", "role")) == [
        (user.pk, MembershipRole.ADMIN)
    ]
    assert organisation.created_by == user


def test_organisation_create_same_name_and_country_in_other_case_is_refused():
    services.organisation_create(user=UserFactory(), **ORG_FIELDS)

    with pytest.raises(ApplicationError) as exc:
        services.organisation_create(
            user=UserFactory(), **{**ORG_FIELDS, "name": "KOIVU design oy"}
        )

    assert exc.value.message == services.MSG_DUPLICATE_ORGANISATION
    assert Organisation.objects.count() == 1
    assert Membership.objects.count() == 1


def test_organisation_create_sme_with_large_size_band_is_invalid():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as exc:
        services.organisation_create(user=UserFactory(), **{**ORG_FIELDS, "size_band": "large"})

    assert "size_band" in exc.value.message_dict
    assert Organisation.objects.count() == 0


def test_organisation_update_by_plain_member_is_refused(world):
    with pytest.raises(ApplicationError):
        services.organisation_update(user=world.sme_member, organisation=world.sme, name="X")

    world.sme.refresh_from_db()
    assert world.sme.name == "Atelier Test SARL"


def test_invitation_create_sends_one_email_after_commit(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        invitation = services.invitation_create(
            user=world.sme_admin, organisation=world.sme, email="  New.Colleague@Example.EU "
        )

    assert invitation.email == "new.colleague@example.eu"
    assert len(callbacks) == 1
    assert [m.to for m in mail.outbox] == [["new.colleague@example.eu"]]
    assert f"/en/invitations/{invitation.token}/" in mail.outbox[0].body
    assert world.sme.name in mail.outbox[0].subject


def test_invitation_create_twice_reuses_the_open_invitation(world):
    first = services.invitation_create(
        user=world.sme_admin, organisation=world.sme, email="a@example.eu"
    )

    second = services.invitation_create(
        user=world.sme_admin, organisation=world.sme, email="A@example.eu", role="admin"
    )

    assert second.pk == first.pk
    assert list(Invitation.objects.values_list("email", "role")) == [("a@example.eu", "admin")]


def test_invitation_create_for_existing_member_is_refused(world):
    with pytest.raises(ApplicationError) as exc:
        services.invitation_create(
            user=world.sme_admin, organisation=world.sme, email=world.sme_member.email.upper()
        )

    assert exc.value.message == services.MSG_ALREADY_MEMBER
    assert Invitation.objects.count() == 0


@pytest.mark.parametrize("inviter", ["sme_member", "other_sme_admin", "coordinator"])
def test_invitation_create_by_non_admin_is_refused(world, inviter):
    with pytest.raises(ApplicationError):
        services.invitation_create(
            user=getattr(world, inviter), organisation=world.sme, email="x@example.eu"
        )

    assert Invitation.objects.count() == 0


def test_invitation_accept_adds_membership_with_invited_role():
    invitation = InvitationFactory(email="joiner@example.eu", role=MembershipRole.ADMIN)
    joiner = UserFactory(email="joiner@example.eu")

    membership = services.invitation_accept(user=joiner, invitation=invitation)

    invitation.refresh_from_db()
    assert (membership.organisation, membership.role) == (
        invitation.organisation,
        MembershipRole.ADMIN,
    )
    assert invitation.accepted_by == joiner
    assert invitation.accepted_at is not None


def test_invitation_accept_by_other_address_is_refused():
    invitation = InvitationFactory(email="joiner@example.eu")

    with pytest.raises(ApplicationError) as exc:
        services.invitation_accept(user=UserFactory(), invitation=invitation)

    assert exc.value.message == services.MSG_INVITATION_OTHER_EMAIL
    assert Membership.objects.filter(organisation=invitation.organisation).count() == 0


def test_invitation_accept_twice_is_refused_the_second_time():
    invitation = InvitationFactory(email="joiner@example.eu")
    joiner = UserFactory(email="joiner@example.eu")
    services.invitation_accept(user=joiner, invitation=invitation)

    with pytest.raises(ApplicationError) as exc:
        services.invitation_accept(user=joiner, invitation=invitation)

    assert exc.value.message == services.MSG_INVITATION_CLOSED
    assert Membership.objects.filter(user=joiner).count() == 1


def test_invitation_accept_after_expiry_is_refused():
    invitation = InvitationFactory(
        email="late@example.eu", expires_at=timezone.now() - timedelta(seconds=1)
    )

    with pytest.raises(ApplicationError):
        services.invitation_accept(user=UserFactory(email="late@example.eu"), invitation=invitation)

    assert Membership.objects.filter(organisation=invitation.organisation).count() == 0
