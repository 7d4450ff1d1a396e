"""The review admin from the outside: who reaches which page, and a reviewer never sees their
own organisation's submission (not in the list, not at a guessed address, not in an export)."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from accounts.enums import MembershipRole
from practices.enums import PracticeState
from practices.models import Review
from tests.factories import (
    CallFactory,
    EventFactory,
    MembershipFactory,
    PracticeFactory,
    ReviewFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

NOT_STAFF = ["anonymous", "sme_admin", "sme_member", "other_sme_admin", "company_admin", "outsider"]
ADMIN_LOGIN = "admin_login"


def _practice(world):
    return PracticeFactory(state=PracticeState.IN_REVIEW, organisation=world.sme)


# name → (args from the world, expected status for reviewer and coordinator)
PAGES = {
    "admin:practices_practice_changelist": (lambda w: [], {"reviewer": 200, "coordinator": 200}),
    "admin:practices_practice_export": (lambda w: [], {"reviewer": 200, "coordinator": 200}),
    "admin:practices_practice_change": (
        lambda w: [_practice(w).pk],
        {"reviewer": 200, "coordinator": 200},
    ),
    "admin:practices_practice_review": (
        lambda w: [_practice(w).pk],
        {"reviewer": 200, "coordinator": 403},
    ),
    "admin:practices_practice_add": (lambda w: [], {"reviewer": 403, "coordinator": 403}),
    "admin:practices_call_changelist": (lambda w: [], {"reviewer": 200, "coordinator": 200}),
    "admin:practices_call_add": (lambda w: [], {"reviewer": 403, "coordinator": 200}),
    "admin:practices_call_change": (
        lambda w: [CallFactory().pk],
        {"reviewer": 200, "coordinator": 200},
    ),
    "admin:practices_deadlineextension_changelist": (
        lambda w: [],
        {"reviewer": 403, "coordinator": 200},
    ),
    "admin:practices_deadlineextension_add": (lambda w: [], {"reviewer": 403, "coordinator": 200}),
    "admin:practices_review_changelist": (lambda w: [], {"reviewer": 200, "coordinator": 200}),
    "admin:practices_event_changelist": (lambda w: [], {"reviewer": 200, "coordinator": 200}),
    "admin:practices_event_add": (lambda w: [], {"reviewer": 403, "coordinator": 200}),
    "admin:practices_event_change": (
        lambda w: [EventFactory().pk],
        {"reviewer": 200, "coordinator": 200},
    ),
    "admin:practices_contactmessage_changelist": (
        lambda w: [],
        {"reviewer": 403, "coordinator": 200},
    ),
    "admin:practices_contactmessage_add": (lambda w: [], {"reviewer": 403, "coordinator": 403}),
    "admin:practices_topic_changelist": (lambda w: [], {"reviewer": 403, "coordinator": 200}),
    "admin:practices_trainingtool_changelist": (
        lambda w: [],
        {"reviewer": 403, "coordinator": 200},
    ),
}
CASES = [(name, role) for name in PAGES for role in [*NOT_STAFF, "reviewer", "coordinator"]]


@pytest.mark.parametrize(("name", "role"), CASES, ids=[f"{n}-{r}" for n, r in CASES])
def test_admin_page_get_gives_expected_status(world, client_for, name, role):
    args_for, staff = PAGES[name]
    url = reverse(name, args=args_for(world))

    response = client_for(role).get(url)

    if role in NOT_STAFF:  # not staff: the admin's own login page, whatever their other roles
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
    else:
        assert response.status_code == staff[role]


def test_reviewer_cannot_add_a_call_by_posting(client_for, world):
    response = client_for("reviewer").post(
        reverse("admin:practices_call_add"),
        {"title": "Sneaky call", "slug": "sneaky", "introduction": "x"},
    )

    assert response.status_code == 403


def test_coordinator_adds_a_call(client_for, world):
    response = client_for("coordinator").post(
        reverse("admin:practices_call_add"),
        {
            # one field per language (modeltranslation); English is required
            "title_en": "Digital SkillUp 2022",
            "slug": "digital-skillup-2022",
            "introduction_en": "Tell us how your staff learn.",
            "opens_at_0": "2022-03-01",
            "opens_at_1": "00:00:00",
            "closes_at_0": "2022-04-30",
            "closes_at_1": "23:59:00",
            "description_max_length": "1500",
            "reviewers_per_practice": "2",
            "is_listed": "on",
            "extensions-TOTAL_FORMS": "0",
            "extensions-INITIAL_FORMS": "0",
            "questions-TOTAL_FORMS": "0",
            "questions-INITIAL_FORMS": "0",
            "_save": "Save",
        },
    )

    from practices.models import Call

    assert response.status_code == 302
    call = Call.objects.get(slug="digital-skillup-2022")
    # its question list starts with the four questions of the original call (#19)
    assert [q.label_en for q in call.questions.all()] == [
        "How is online learning integrated into your staff training?",
        "What methodology do you follow?",
        "Which training tools do you use (for example Elements of AI)?",
        "How do you encourage your employees to keep learning?",
    ]
    assert [q.legacy_field for q in call.questions.all()] == [
        "online_learning", "methodology", "tools", "keep_learning",
    ]  # fmt: skip


# --------------------------------------------------------------------------------------------
# Conflict of interest: the reviewer belongs to other_sme
# --------------------------------------------------------------------------------------------
@pytest.fixture
def conflicted(world):
    """The reviewer is a member of other_sme, which has a practice in review."""
    MembershipFactory(user=world.reviewer, organisation=world.other_sme, role=MembershipRole.MEMBER)
    own = PracticeFactory(
        state=PracticeState.IN_REVIEW, organisation=world.other_sme, title="Our own secret"
    )
    visible = PracticeFactory(
        state=PracticeState.IN_REVIEW, organisation=world.sme, title="Someone else's"
    )
    return own, visible


def test_reviewer_list_leaves_out_their_own_organisations_practice(client_for, conflicted):
    own, visible = conflicted

    response = client_for("reviewer").get(reverse("admin:practices_practice_changelist"))

    assert list(response.context["cl"].result_list) == [visible]
    assert own.title not in response.content.decode()


def test_reviewer_guessing_their_own_organisations_practice_finds_nothing(client_for, conflicted):
    own, _visible = conflicted

    response = client_for("reviewer").get(reverse("admin:practices_practice_change", args=[own.pk]))

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        f"practice with ID “{own.pk}” doesn’t exist. Perhaps it was deleted?"
    ]


@pytest.mark.parametrize(
    "name", ["admin:practices_practice_review", "admin:practices_practice_history"]
)
def test_reviewer_own_organisations_practice_other_pages_are_closed(client_for, conflicted, name):
    own, _visible = conflicted

    response = client_for("reviewer").get(reverse(name, args=[own.pk]))

    assert response.status_code in (302, 404)
    assert "Our own secret" not in response.content.decode()


def test_reviewer_cannot_review_their_own_organisations_practice(client_for, conflicted):
    own, _visible = conflicted

    response = client_for("reviewer").post(
        reverse("admin:practices_practice_review", args=[own.pk]),
        {
            "innovation": "5",
            "impact": "5",
            "transferability": "5",
            "clarity": "5",
            "recommendation": "select",
        },
    )

    assert response.status_code == 404
    assert Review.objects.count() == 0


def test_reviewer_export_leaves_out_their_own_organisations_practice(client_for, conflicted):
    own, visible = conflicted

    response = client_for("reviewer").get(reverse("admin:practices_practice_export"))

    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert visible.title in content
    assert own.title not in content


def test_reviewer_action_on_a_guessed_id_changes_nothing(client_for, conflicted):
    own, _visible = conflicted

    client_for("reviewer").post(
        reverse("admin:practices_practice_changelist"),
        {"action": "move_to_shortlisted", "_selected_action": [own.pk]},
    )

    own.refresh_from_db()
    assert own.state == PracticeState.IN_REVIEW
    assert not own.transitions.exists()


def test_reviewer_cannot_open_another_reviewers_review(client_for, world):
    other = ReviewFactory(reviewer=UserFactory(is_staff=True))

    response = client_for("reviewer").get(reverse("admin:practices_review_change", args=[other.pk]))

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_reviewer_cannot_announce_decisions(client_for, world):
    call = CallFactory()
    practice = PracticeFactory(
        call=call, state=PracticeState.SHORTLISTED, pending_decision="selected"
    )

    client_for("reviewer").post(
        reverse("admin:practices_call_changelist"),
        {"action": "announce_decisions", "_selected_action": [call.pk]},
    )

    practice.refresh_from_db()
    assert practice.state == PracticeState.SHORTLISTED


def test_reviewer_is_not_offered_coordinator_actions(client_for, world):
    from django.contrib import admin

    from practices.models import Practice

    request = client_for("reviewer").get(reverse("admin:index")).wsgi_request

    actions = admin.site._registry[Practice].get_actions(request)

    assert "invite_to_event" not in actions
    assert "move_to_shortlisted" in actions
