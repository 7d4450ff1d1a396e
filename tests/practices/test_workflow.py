"""The practice workflow: every allowed move works for the right actor; every other move and
actor is refused; each move is logged once."""

from datetime import timedelta
from itertools import product

import pytest
from django.utils import timezone

from practices import services
from practices.enums import Actor, PracticeState
from practices.models import PracticeTransition
from practices.workflow import MOVES, find_move, moves_from, staff_targets
from skillup.errors import ApplicationError
from tests.factories import CallFactory, PracticeFactory

pytestmark = pytest.mark.django_db

STATES = [s.value for s in PracticeState]
RIGHT_ACTOR = {Actor.SME: "sme_member", Actor.STAFF: "reviewer"}
WRONG_ACTORS = {
    Actor.SME: ["reviewer", "coordinator", "other_sme_admin", "company_admin", "outsider"],
    Actor.STAFF: ["sme_admin", "sme_member", "other_sme_admin", "company_admin", "outsider"],
}


def practice_in(world, state: str, **extra):
    """A complete practice of world.sme in `state`, ready for any move out of it."""
    defaults = {"public_version_approved_at": timezone.now()} if state == "selected" else {}
    return PracticeFactory(organisation=world.sme, state=state, **(defaults | extra))


def move_id(move) -> str:
    return f"{move.source}->{move.target}"


def right_actor(move) -> str:
    return "sme_admin" if move.sme_admin_only else RIGHT_ACTOR[move.actor]


def wrong_actors(move) -> list[str]:
    return WRONG_ACTORS[move.actor] + (["sme_member"] if move.sme_admin_only else [])


@pytest.mark.parametrize("move", MOVES, ids=move_id)
def test_move_allowed_for_right_actor_is_made_and_logged(world, move):
    practice = practice_in(world, move.source)
    actor = getattr(world, right_actor(move))

    result = services.practice_transition(practice=practice, target=move.target, actor=actor)

    result.refresh_from_db()
    assert result.state == move.target
    assert list(PracticeTransition.objects.values_list("from_state", "to_state", "actor")) == [
        (move.source, move.target, actor.pk)
    ]


@pytest.mark.parametrize(
    ("move", "role"),
    [(m, role) for m in MOVES for role in wrong_actors(m)],
    ids=lambda v: move_id(v) if hasattr(v, "source") else v,
)
def test_move_refused_for_wrong_actor(world, move, role):
    practice = practice_in(world, move.source)

    with pytest.raises(ApplicationError):
        services.practice_transition(
            practice=practice, target=move.target, actor=getattr(world, role)
        )

    practice.refresh_from_db()
    assert practice.state == move.source
    assert not PracticeTransition.objects.exists()


NOT_MOVES = [
    (source, target)
    for source, target in product(STATES, STATES)
    if find_move(source, target) is None
]


@pytest.mark.parametrize(("source", "target"), NOT_MOVES, ids=lambda s: s)
def test_move_absent_from_table_refused_for_everyone(world, source, target):
    practice = practice_in(world, source)

    for role in ("sme_admin", "reviewer", "coordinator"):
        with pytest.raises(ApplicationError, match="cannot become"):
            services.practice_transition(
                practice=practice, target=target, actor=getattr(world, role)
            )

    practice.refresh_from_db()
    assert practice.state == source


def test_declined_reachable_from_every_review_state_only():
    sources = sorted(m.source for m in MOVES if m.target == PracticeState.DECLINED)

    assert sources == sorted(
        ["submitted", "in_review", "shortlisted", "detail_requested", "detail_received", "selected"]
    )


def test_staff_targets_one_per_reachable_state():
    assert staff_targets() == [
        "in_review",
        "shortlisted",
        "detail_requested",
        "selected",
        "published",
        "declined",
    ]
    assert [m.target for m in moves_from("draft", actor=Actor.SME)] == ["submitted", "withdrawn"]


def test_reviewer_of_the_same_organisation_is_refused(world):
    from accounts.enums import MembershipRole
    from tests.factories import MembershipFactory

    MembershipFactory(organisation=world.sme, user=world.reviewer, role=MembershipRole.MEMBER)
    practice = practice_in(world, "submitted")

    with pytest.raises(ApplicationError, match="own organisation"):
        services.practice_transition(practice=practice, target="in_review", actor=world.reviewer)


@pytest.mark.parametrize("target", ["submitted", "withdrawn"])
def test_sme_move_refused_after_deadline(world, target):
    call = CallFactory(
        opens_at=timezone.now() - timedelta(days=20),
        closes_at=timezone.now() - timedelta(seconds=1),
    )
    practice = PracticeFactory(call=call, organisation=world.sme, state="draft")

    with pytest.raises(ApplicationError, match="deadline of this call passed"):
        services.practice_transition(practice=practice, target=target, actor=world.sme_admin)

    practice.refresh_from_db()
    assert practice.state == "draft"


def test_detail_answer_accepted_after_deadline(world):
    call = CallFactory(
        opens_at=timezone.now() - timedelta(days=20), closes_at=timezone.now() - timedelta(days=5)
    )
    practice = PracticeFactory(call=call, organisation=world.sme, state="shortlisted")
    request = services.detail_request_create(
        user=world.reviewer, practice=practice, message="How many hours per month?"
    )

    services.detail_request_answer(
        user=world.sme_member, detail_request=request, answer="Four hours per month."
    )

    practice.refresh_from_db()
    request.refresh_from_db()
    assert practice.state == "detail_received"
    assert (request.answer, request.answered_by) == ("Four hours per month.", world.sme_member)


def test_publish_refused_until_public_version_approved(world):
    practice = PracticeFactory(organisation=world.sme, state="selected")

    with pytest.raises(ApplicationError, match="not yet approved"):
        services.practice_transition(practice=practice, target="published", actor=world.reviewer)

    services.practice_public_version_approve(user=world.sme_admin, practice=practice, consent=True)
    published = services.practice_transition(
        practice=practice, target="published", actor=world.reviewer
    )

    assert published.state == "published"
    assert published.slug.endswith(f"-{practice.pk}")
    assert published.published_at is not None


def test_publish_refused_without_consent(world):
    practice = practice_in(world, "selected", publication_consent=False)

    with pytest.raises(ApplicationError, match="not consented"):
        services.practice_transition(practice=practice, target="published", actor=world.reviewer)


def test_public_version_change_asks_the_sme_again(world):
    practice = practice_in(world, "selected")

    services.practice_public_version_update(
        user=world.reviewer,
        practice=practice,
        public_title="Friday hour",
        public_description="Shorter.",
    )

    practice.refresh_from_db()
    assert practice.public_version_approved_at is None
    with pytest.raises(ApplicationError, match="not yet approved"):
        services.practice_transition(practice=practice, target="published", actor=world.reviewer)
