"""Pledge and mentor services: every move of the workflow for the right actor, every other
move and actor refused; mentors invited, accepted, completed and decided on."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.enums import MembershipRole
from accounts.models import Membership
from matching.models import Skill
from notifications.models import Notification
from skillup.errors import ApplicationError
from tests.factories import (
    CompanyFactory,
    MembershipFactory,
    MentorInvitationFactory,
    MentorProfileFactory,
    PledgeFactory,
    UserFactory,
)
from volunteers import services
from volunteers.enums import MentorState, PledgeState
from volunteers.models import (
    ConfidentialityAgreement,
    MentorInvitation,
    MentorProfile,
    Pledge,
    PledgeTransition,
)
from volunteers.workflow import MOVES

pytestmark = pytest.mark.django_db

ALL_STATES = [state.value for state in PledgeState]
ACTORS = ["company_admin", "coordinator", "reviewer", "sme_admin", "outsider", "other_admin"]
ALLOWED = {(m.source, m.target): m.actor for m in MOVES}
# who may make a move of each kind
RIGHT_ACTOR = {"company": "company_admin", "coordinator": "coordinator"}


def _actor(world, name: str):
    if name == "other_admin":
        company = CompanyFactory(name="Rival Cloud AG", country="DE")
        return MembershipFactory(organisation=company, role=MembershipRole.ADMIN).user
    return getattr(world, name)


def _pledge_fields(**overrides) -> dict:
    today = timezone.localdate()
    fields = {
        "description": "Our engineers mentor SMEs in data and cloud.",
        "pillar": "labour_force",
        "scope": "national",
        "countries": ["BE"],
        "languages": ["en", "nl"],
        "target_smes": 5,
        "target_mentors": 3,
        "target_hours": 100,
        "starts_on": today,
        "ends_on": today + timedelta(days=180),
        "is_public": True,
        "commit_assist": True,
        "commit_mentor": True,
        "commit_confidentiality": True,
    }
    return fields | overrides


# --------------------------------------------------------------------------------------------
# The workflow
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("source", "target"), sorted(ALLOWED), ids=[f"{s}-{t}" for s, t in sorted(ALLOWED)]
)
def test_pledge_transition_allowed_move_for_right_actor(world, source, target):
    pledge = PledgeFactory(company=world.company, state=source)
    actor = getattr(world, RIGHT_ACTOR[ALLOWED[(source, target)]])

    services.pledge_transition(pledge=pledge, target=target, actor=actor, comment="Because.")

    pledge.refresh_from_db()
    assert pledge.state == target
    log = PledgeTransition.objects.get(pledge=pledge)
    assert (log.from_state, log.to_state, log.actor, log.comment) == (
        source,
        target,
        actor,
        "Because.",
    )


@pytest.mark.parametrize(
    ("source", "target", "actor"),
    [
        (source, target, actor)
        for source, target in sorted(ALLOWED)
        for actor in ACTORS
        if actor != RIGHT_ACTOR[ALLOWED[(source, target)]]
    ],
    ids=lambda value: str(value),
)
def test_pledge_transition_wrong_actor_refused(world, source, target, actor):
    pledge = PledgeFactory(company=world.company, state=source)

    with pytest.raises(ApplicationError):
        services.pledge_transition(
            pledge=pledge, target=target, actor=_actor(world, actor), comment="x"
        )

    pledge.refresh_from_db()
    assert pledge.state == source
    assert not PledgeTransition.objects.exists()


@pytest.mark.parametrize(
    ("source", "target"),
    [(s, t) for s in ALL_STATES for t in ALL_STATES if (s, t) not in ALLOWED],
    ids=lambda value: str(value),
)
def test_pledge_transition_move_outside_the_table_refused(world, source, target):
    pledge = PledgeFactory(company=world.company, state=source)

    for actor in (world.company_admin, world.coordinator):
        with pytest.raises(ApplicationError):
            services.pledge_transition(pledge=pledge, target=target, actor=actor, comment="x")

    pledge.refresh_from_db()
    assert pledge.state == source


def test_pledge_send_without_commitments_refused(world):
    pledge = PledgeFactory(company=world.company, commit_mentor=False)

    with pytest.raises(ApplicationError) as exc:
        services.pledge_transition(pledge=pledge, target="pending", actor=world.company_admin)

    assert exc.value.message == services.MSG_COMMITMENTS_MISSING
    pledge.refresh_from_db()
    assert pledge.state == PledgeState.DRAFT


def test_pledge_reject_without_reason_refused(world):
    pledge = PledgeFactory(company=world.company, state="pending")

    with pytest.raises(ApplicationError) as exc:
        services.pledge_transition(
            pledge=pledge, target="rejected", actor=world.coordinator, comment="   "
        )

    assert exc.value.message == services.MSG_REASON_REQUIRED
    pledge.refresh_from_db()
    assert pledge.state == PledgeState.PENDING


def test_pledge_moves_email_company_admins_once_after_commit(
    world, django_capture_on_commit_callbacks
):
    second_admin = MembershipFactory(organisation=world.company, role=MembershipRole.ADMIN).user
    MembershipFactory(organisation=world.company, role=MembershipRole.MEMBER)  # not told
    pledge = PledgeFactory(company=world.company)

    with django_capture_on_commit_callbacks(execute=True):
        services.pledge_transition(pledge=pledge, target="pending", actor=world.company_admin)
        services.pledge_transition(pledge=pledge, target="rejected", actor=world.coordinator,
                                   comment="Name your targets.")  # fmt: skip
        services.pledge_transition(pledge=pledge, target="pending", actor=world.company_admin)
        services.pledge_transition(pledge=pledge, target="approved", actor=world.coordinator)

    sent = sorted(Notification.objects.values_list("event", "to_email"))
    admins = sorted([world.company_admin.email, second_admin.email])
    assert sent == sorted(
        [(event, email) for event in ("pledge_received", "pledge_received") for email in admins]
        + [("pledge_rejected", email) for email in admins]
        + [("pledge_approved", email) for email in admins]
    )


def test_pledge_rejection_reason_kept_then_cleared_when_sent_again(world):
    pledge = PledgeFactory(company=world.company, state="pending")

    services.pledge_transition(
        pledge=pledge, target="rejected", actor=world.coordinator, comment="Add targets."
    )
    pledge.refresh_from_db()
    rejected_reason = pledge.rejection_reason
    services.pledge_transition(pledge=pledge, target="pending", actor=world.company_admin)
    pledge.refresh_from_db()

    assert rejected_reason == "Add targets."
    assert pledge.rejection_reason == ""
    assert pledge.submitted_at is not None


# --------------------------------------------------------------------------------------------
# Creating and editing pledges
# --------------------------------------------------------------------------------------------
def test_pledge_create_records_commitments_and_slug(world):
    skills = list(Skill.objects.selectable()[:2])

    pledge = services.pledge_create(
        user=world.company_admin, company=world.company, fields=_pledge_fields(), expertise=skills
    )

    assert pledge.state == PledgeState.DRAFT
    assert pledge.slug.startswith("big-digital-se-")
    assert pledge.commitments_accepted_by == world.company_admin
    assert pledge.commitments_accepted_at is not None
    assert list(pledge.expertise.order_by("pk")) == sorted(skills, key=lambda s: s.pk)


def test_pledge_create_by_sme_or_member_refused(world):
    member = MembershipFactory(organisation=world.company, role=MembershipRole.MEMBER).user

    with pytest.raises(ApplicationError):
        services.pledge_create(user=world.sme_admin, company=world.sme, fields=_pledge_fields())
    with pytest.raises(ApplicationError):
        services.pledge_create(user=member, company=world.company, fields=_pledge_fields())
    with pytest.raises(ApplicationError):
        services.pledge_create(user=world.company_admin, company=world.sme, fields=_pledge_fields())

    assert not Pledge.objects.exists()


def test_pledge_create_second_open_pledge_refused(world):
    services.pledge_create(user=world.company_admin, company=world.company, fields=_pledge_fields())

    with pytest.raises(ApplicationError) as exc:
        services.pledge_create(
            user=world.company_admin, company=world.company, fields=_pledge_fields()
        )

    assert exc.value.message == services.MSG_OPEN_PLEDGE_EXISTS
    assert Pledge.objects.count() == 1


def test_pledge_create_after_completed_pledge_allowed(world):
    PledgeFactory(company=world.company, state="completed")

    services.pledge_create(user=world.company_admin, company=world.company, fields=_pledge_fields())

    assert Pledge.objects.filter(company=world.company).count() == 2


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"ends_on": timezone.localdate() - timedelta(days=1)}, "ends_on"),
        ({"target_smes": -1}, "target_smes"),
        ({"target_hours": 10**6}, "target_hours"),
        ({"description": ""}, "description"),
        ({"description": "x" * 3001}, "description"),
        ({"pillar": "nonsense"}, "pillar"),
        ({"languages": ["xx"]}, "languages"),
    ],
    ids=["end-before-start", "negative-target", "huge-target", "empty", "too-long", "pillar",
         "language"],
)  # fmt: skip
def test_pledge_create_bad_fields_refused_nothing_saved(world, overrides, field):
    with pytest.raises(ValidationError) as exc:
        services.pledge_create(
            user=world.company_admin, company=world.company, fields=_pledge_fields(**overrides)
        )

    assert field in exc.value.message_dict
    assert not Pledge.objects.exists()


def test_pledge_update_once_pending_refused(world):
    pledge = PledgeFactory(company=world.company, state="pending", description="Before.")

    with pytest.raises(ApplicationError):
        services.pledge_update(
            user=world.company_admin, pledge=pledge, fields=_pledge_fields(description="After.")
        )

    pledge.refresh_from_db()
    assert pledge.description == "Before."


def test_pledge_update_unticking_a_commitment_clears_the_record(world):
    pledge = PledgeFactory(company=world.company)

    services.pledge_update(
        user=world.company_admin, pledge=pledge, fields=_pledge_fields(commit_assist=False)
    )

    pledge.refresh_from_db()
    assert (pledge.commitments_accepted_at, pledge.commitments_accepted_by) == (None, None)


# --------------------------------------------------------------------------------------------
# Mentors
# --------------------------------------------------------------------------------------------
def test_mentor_invitation_create_twice_keeps_one_open_invitation(world):
    services.mentor_invitation_create(
        user=world.company_admin, company=world.company, email="Expert@Example.eu"
    )
    services.mentor_invitation_create(
        user=world.company_admin, company=world.company, email="expert@example.eu "
    )

    assert list(MentorInvitation.objects.values_list("email", flat=True)) == ["expert@example.eu"]
    assert Notification.objects.filter(event="mentor_invited").count() == 2  # sent again


def test_mentor_invitation_create_by_non_admin_refused(world, mentor):
    # coordinators may invite (from a company's CSV): tests/volunteers/test_bulk_invitations.py
    for user in (world.sme_admin, mentor.user, world.reviewer):
        with pytest.raises(ApplicationError):
            services.mentor_invitation_create(
                user=user, company=world.company, email="expert@example.eu"
            )

    assert not MentorInvitation.objects.exists()


def test_mentor_invitation_accept_creates_membership_and_profile(world):
    invitation = MentorInvitationFactory(company=world.company, email="expert@example.eu")
    expert = UserFactory(email="expert@example.eu")

    mentor = services.mentor_invitation_accept(user=expert, invitation=invitation)

    assert (mentor.user, mentor.company, mentor.state) == (
        expert,
        world.company,
        MentorState.INCOMPLETE,
    )
    assert Membership.objects.get(user=expert).role == MembershipRole.MEMBER
    invitation.refresh_from_db()
    assert invitation.accepted_by == expert


def test_mentor_invitation_accept_twice_by_the_same_person_changes_nothing(world):
    invitation = MentorInvitationFactory(company=world.company, email="expert@example.eu")
    expert = UserFactory(email="expert@example.eu")
    first = services.mentor_invitation_accept(user=expert, invitation=invitation)
    invitation.refresh_from_db()
    accepted_at = invitation.accepted_at

    again = services.mentor_invitation_accept(user=expert, invitation=invitation)

    invitation.refresh_from_db()
    assert again == first
    assert invitation.accepted_at == accepted_at
    assert MentorProfile.objects.filter(user=expert).count() == 1


@pytest.mark.parametrize("is_public", [True, False], ids=["public", "not-public"])
@pytest.mark.parametrize("state", ALL_STATES)
def test_pledge_is_in_viewer_agrees_with_the_viewer_queryset(world, state, is_public):
    pledge = PledgeFactory(company=world.company, state=state, is_public=is_public)

    listed = Pledge.objects.in_viewer().filter(pk=pledge.pk).exists()

    assert pledge.is_in_viewer == listed
    assert listed == (is_public and state in ("approved", "completed"))


@pytest.mark.parametrize("case", ["other-email", "expired", "used"])
def test_mentor_invitation_accept_refused(world, case):
    invitation = MentorInvitationFactory(company=world.company, email="expert@example.eu")
    user = UserFactory(email="expert@example.eu")
    if case == "other-email":
        user = UserFactory(email="someone@example.eu")
    elif case == "expired":
        invitation.expires_at = timezone.now() - timedelta(seconds=1)
        invitation.save()
    else:
        services.mentor_invitation_accept(user=user, invitation=invitation)
        user = UserFactory(email="expert2@example.eu")

    with pytest.raises(ApplicationError):
        services.mentor_invitation_accept(user=user, invitation=invitation)

    assert MentorProfile.objects.filter(user=user).count() == 0


def test_mentor_profile_update_complete_profile_goes_for_approval(world, agreement):
    mentor = MentorProfileFactory(company=world.company, bio="", state="incomplete")
    skill = Skill.objects.selectable().get(framework__key="advanced", code="AI")

    services.mentor_profile_update(
        user=mentor.user,
        mentor=mentor,
        fields={"bio": "Data scientist.", "languages": ["de"], "capacity": 3},
        skills=[(skill, 4)],
        accept_agreement=True,
    )

    mentor.refresh_from_db()
    assert mentor.state == MentorState.PENDING
    assert mentor.agreement == agreement
    assert mentor.agreement_accepted_at is not None
    assert [(s.skill, s.level) for s in mentor.skills.all()] == [(skill, 4)]


def test_mentor_profile_update_without_agreement_stays_incomplete(world, agreement):
    mentor = MentorProfileFactory(company=world.company, state="incomplete")
    skill = Skill.objects.selectable().first()

    services.mentor_profile_update(
        user=mentor.user, mentor=mentor, fields={}, skills=[(skill, 2)], accept_agreement=False
    )

    mentor.refresh_from_db()
    assert mentor.state == MentorState.INCOMPLETE
    assert mentor.agreement is None


def test_mentor_profile_update_by_someone_else_refused(world, mentor):
    with pytest.raises(ApplicationError):
        services.mentor_profile_update(
            user=world.company_admin, mentor=mentor, fields={"bio": "Changed."}, skills=[]
        )

    mentor.refresh_from_db()
    assert mentor.bio != "Changed."


def test_mentor_profile_update_paused_without_date_refused(world, mentor):
    with pytest.raises(ValidationError):
        services.mentor_profile_update(
            user=mentor.user, mentor=mentor, fields={"availability": "paused"}, skills=[]
        )

    mentor.refresh_from_db()
    assert mentor.availability == "active"
    assert mentor.skills.count() == 1  # the old skills are kept when nothing is saved


def test_mentor_decide_by_coordinator_only(world):
    mentor = MentorProfileFactory(company=world.company, state="pending")

    with pytest.raises(ApplicationError):
        services.mentor_decide(user=world.company_admin, mentor=mentor, approve=True)
    services.mentor_decide(user=world.coordinator, mentor=mentor, approve=True)

    mentor.refresh_from_db()
    assert (mentor.state, mentor.decided_by) == (MentorState.APPROVED, world.coordinator)
    assert Notification.objects.filter(event="mentor_approved", recipient=mentor.user).exists()


def test_agreement_publish_new_version_asks_mentors_again(world, mentor):
    new = ConfidentialityAgreement(version="2.0", text="Version two.")

    services.agreement_publish(user=world.coordinator, agreement=new)

    assert ConfidentialityAgreement.objects.current() == new
    mentor.refresh_from_db()
    assert not mentor.has_accepted(ConfidentialityAgreement.objects.current())
    assert list(Notification.objects.filter(event="agreement_updated").values_list(
        "recipient", flat=True)) == [mentor.user.pk]  # fmt: skip


def test_agreement_publish_with_a_future_date_refused(world, mentor):
    later = ConfidentialityAgreement(
        version="3.0", text="Later.", effective_at=timezone.now() + timedelta(days=7)
    )

    with pytest.raises(ApplicationError, match="cannot be in the future"):
        services.agreement_publish(user=world.coordinator, agreement=later)

    assert not ConfidentialityAgreement.objects.filter(version="3.0").exists()
    assert not Notification.objects.filter(event="agreement_updated").exists()


def test_agreement_publish_by_company_admin_refused(world):
    with pytest.raises(ApplicationError):
        services.agreement_publish(
            user=world.company_admin,
            agreement=ConfidentialityAgreement(version="9.9", text="Mine."),
        )

    assert not ConfidentialityAgreement.objects.filter(version="9.9").exists()


# --------------------------------------------------------------------------------------------
# Who proposals may reach
# --------------------------------------------------------------------------------------------
def test_mentors_open_to_proposals_need_approval_availability_and_current_agreement(
    world, agreement
):
    from volunteers.selectors import mentors_open_to_proposals

    today = timezone.localdate()
    ready = MentorProfileFactory(company=world.company, state="approved", agreement=agreement)
    pause_over = MentorProfileFactory(
        company=world.company, state="approved", agreement=agreement,
        availability="paused", paused_until=today,
    )  # fmt: skip
    MentorProfileFactory(company=world.company, state="pending", agreement=agreement)
    MentorProfileFactory(company=world.company, state="approved", agreement=None)
    MentorProfileFactory(
        company=world.company, state="approved", agreement=agreement,
        availability="paused", paused_until=today + timedelta(days=1),
    )  # fmt: skip
    MentorProfileFactory(
        company=world.company, state="approved", agreement=agreement, user__is_active=False
    )

    before = sorted(m.pk for m in mentors_open_to_proposals())
    services.agreement_publish(
        user=world.coordinator, agreement=ConfidentialityAgreement(version="2.0", text="New.")
    )
    after = list(mentors_open_to_proposals())

    assert before == sorted([ready.pk, pause_over.pk])
    assert after == []  # nobody has accepted version 2.0 yet
