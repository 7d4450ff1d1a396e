"""The review workspace (issue #14): the whole practice beside the reviewer's scores, "Save and
next" through the reviewer's queue with their progress, the first score moving a submitted
practice into review, the reviewers' list columns, and what the page refuses."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.roles import REVIEWERS
from practices import services
from practices.enums import PracticeState
from practices.models import (
    DetailRequest,
    Practice,
    PracticeTransition,
    Review,
    ReviewAssignment,
    Topic,
    TrainingTool,
)
from practices.selectors import QueueProgress
from tests.factories import (
    CallFactory,
    MembershipFactory,
    OrganisationFactory,
    PracticeFactory,
    ReviewFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:practices_practice_changelist")
SCORES = {"innovation": "4", "impact": "5", "transferability": "3", "clarity": "4"}
REVIEW = {**SCORES, "recommendation": "select", "comment": "Clear and transferable."}


def review_url(practice) -> str:
    return reverse("admin:practices_practice_review", args=[practice.pk])


def change_url(practice) -> str:
    return reverse("admin:practices_practice_change", args=[practice.pk])


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def submitted(**kwargs) -> Practice:
    kwargs.setdefault("state", PracticeState.SUBMITTED)
    return PracticeFactory(submitted_at=timezone.now(), **kwargs)


def assign(reviewer, *practices, start=None) -> None:
    """Assign the practices to `reviewer` in this order (one minute apart)."""
    start = start or timezone.now() - timedelta(days=1)
    for index, practice in enumerate(practices):
        ReviewAssignment.objects.create(
            practice=practice, reviewer=reviewer, created_at=start + timedelta(minutes=index)
        )


def another_reviewer():
    return UserFactory(is_staff=True, groups=[REVIEWERS])


# --------------------------------------------------------------------------------------------
# The page: the whole practice, then the form
# --------------------------------------------------------------------------------------------
@pytest.fixture
def full_practice(world):
    """A practice with every answer filled with a text of its own, a tool with a web address,
    a topic, a file, an answered request for detail and a similar earlier practice."""
    call = CallFactory(
        question_online_learning="Q-ONLINE: which online courses?",
        question_methodology="Q-METHOD: how do you teach?",
        question_tools="Q-TOOLS: which tools?",
        question_keep_learning="Q-KEEP: how do staff keep learning?",
    )
    organisation = OrganisationFactory(
        name="Werkstatt Nord GmbH", country="DE", sector="C", size_band="small"
    )
    tool = TrainingTool.objects.create(
        slug="code-club", name="Code Club Online", url="https://codeclub.example.org/"
    )
    practice = submitted(
        call=call,
        organisation=organisation,
        title="Robotics Wednesdays for the whole workshop",
        short_description="A-SHORT: every Wednesday the workshop programs its robot arm.",
        online_learning="A-ONLINE: an online course in robot programming, one module a week.",
        methodology="A-METHOD: pairs of a senior and a junior, <b>hands on</b>.",
        other_tools="A-OTHER-TOOL Robo Simulator",
        keep_learning="A-KEEP: a monthly show-and-tell with the next shift.",
        audience="other",
        employees_reached=37,
        since_year=2019,
        attachment="practices/robot-arm.pdf",
        tools=[tool],
    )
    practice.topics.add(Topic.objects.order_by("pk").first())
    earlier = submitted(
        call=call,
        organisation=organisation,
        title="Robotics Wednesdays for the whole workshop (first try)",
        short_description=practice.short_description,
    )
    DetailRequest.objects.create(
        practice=practice,
        message="R-ASK: how many robots do you have?",
        answer="R-ANSWER: two robot arms and a simulator.",
        answered_at=timezone.now(),
    )
    return practice, earlier


def test_review_page_shows_the_whole_practice(client_for, world, full_practice):
    practice, earlier = full_practice
    topic = practice.topics.get()

    response = client_for("reviewer").get(review_url(practice))

    body = response.content.decode()
    assert response.status_code == 200
    assert response.templates[0].name == "admin/practices/practice/review.html"
    expected = [
        # every answer, with the call's question above it
        "Robotics Wednesdays for the whole workshop",
        "A-SHORT: every Wednesday",
        "Q-ONLINE: which online courses?",
        "A-ONLINE: an online course",
        "Q-METHOD: how do you teach?",
        "A-METHOD: pairs of a senior and a junior, &lt;b&gt;hands on&lt;/b&gt;.",
        "Q-TOOLS: which tools?",
        "Code Club Online",
        'href="https://codeclub.example.org/"',
        "A-OTHER-TOOL Robo Simulator",
        "Q-KEEP: how do staff keep learning?",
        "A-KEEP: a monthly show-and-tell",
        # audience, reach, topics, the file
        "Other employees",
        "37",
        "2019",
        str(topic),
        reverse("practices:practice_attachment", kwargs={"pk": practice.pk}),
        # the SME: name, country, sector, size
        "Werkstatt Nord GmbH",
        "Germany",
        "Manufacturing",
        "Small (10–49 employees)",
        # the request for detail and its answer
        "R-ASK: how many robots",
        "R-ANSWER: two robot arms",
        # the warning about a similar practice, linked to its page
        "Possible duplicate",
        f'href="{change_url(earlier)}"',
    ]
    assert [text for text in expected if text not in body] == []
    assert "<b>hands on</b>" not in body


def test_review_page_puts_the_practice_before_the_form(client_for, world, full_practice):
    """On a narrow screen the page's order is what people read: the practice, then the form
    (a wide screen places them side by side with CSS)."""
    practice, _earlier = full_practice

    body = client_for("reviewer").get(review_url(practice)).content.decode()

    positions = [
        body.index('href="#review-form"'),  # the skip link, first
        body.index('class="review-practice"'),
        body.index("A-KEEP: a monthly"),
        body.index('id="review-form"'),
        body.index('name="innovation"'),
        body.index('name="comment"'),
        body.index('name="_next"'),
        body.index('name="_save"'),
    ]
    assert positions == sorted(positions)
    assert 'id="nav-sidebar"' not in body  # the admin's side menu leaves the width to the page


def test_review_page_has_no_inline_style_or_script(client_for, world, full_practice):
    practice, _earlier = full_practice

    body = client_for("reviewer").get(review_url(practice)).content.decode()

    assert " style=" not in body
    assert "<style" not in body
    assert "<script>" not in body
    assert "css/admin-review.css" in body


def test_review_page_without_similar_practice_shows_no_warning(client_for, world):
    practice = submitted(organisation=world.sme)

    body = client_for("reviewer").get(review_url(practice)).content.decode()

    assert "Possible duplicate" not in body


def test_review_page_shows_the_reviewers_own_review_in_the_form(client_for, world):
    practice = submitted(organisation=world.sme)
    ReviewFactory(practice=practice, reviewer=world.reviewer, innovation=2, comment="Mine")

    response = client_for("reviewer").get(review_url(practice))

    form = response.context["form"]
    assert (form["innovation"].value(), form["comment"].value()) == (2, "Mine")


# --------------------------------------------------------------------------------------------
# Save and next; progress
# --------------------------------------------------------------------------------------------
def test_save_and_next_goes_through_the_queue_in_assignment_order(client_for, world):
    first, second, third = (submitted(organisation=world.sme) for _ in range(3))
    assign(world.reviewer, first, third, second)  # the queue's order, not the ids'
    client = client_for("reviewer")

    to_third = client.post(review_url(first), {**REVIEW, "_next": "1"})
    to_second = client.post(review_url(third), {**REVIEW, "_next": "1"})
    to_list = client.post(review_url(second), {**REVIEW, "_next": "1"})

    assert [to_third["Location"], to_second["Location"], to_list["Location"]] == [
        review_url(third),
        review_url(second),
        CHANGELIST,
    ]
    assert messages_of(to_list)[-1] == (
        f"Your review of “{second.title}” is saved. No practice is left in your queue: you "
        "have reviewed every practice assigned to you."
    )
    assert sorted(
        Review.objects.filter(reviewer=world.reviewer).values_list("practice", flat=True)
    ) == sorted([first.pk, second.pk, third.pk])


def test_save_and_next_skips_what_is_reviewed_and_others_assignments(client_for, world):
    done, mine, theirs = (submitted(organisation=world.sme) for _ in range(3))
    unassigned = submitted(organisation=world.sme)
    assign(world.reviewer, done, mine)
    assign(another_reviewer(), theirs)
    ReviewFactory(practice=done, reviewer=world.reviewer)

    response = client_for("reviewer").post(review_url(unassigned), {**REVIEW, "_next": "1"})

    assert response["Location"] == review_url(mine)
    assert Review.objects.filter(practice=unassigned, reviewer=world.reviewer).exists()


def test_save_and_next_passes_over_a_practice_withdrawn_while_the_page_was_open(client_for, world):
    first, withdrawn, last = (submitted(organisation=world.sme) for _ in range(3))
    assign(world.reviewer, first, withdrawn, last)
    client = client_for("reviewer")
    page = client.get(review_url(first))
    assert page.context["next_url"] == review_url(withdrawn)  # as the page was opened
    Practice.objects.filter(pk=withdrawn.pk).update(state=PracticeState.WITHDRAWN)

    to_last = client.post(review_url(first), {**REVIEW, "_next": "1"})
    Practice.objects.filter(pk=last.pk).update(state=PracticeState.WITHDRAWN)
    to_list = client.post(review_url(first), {**REVIEW, "_next": "1"})

    assert to_last["Location"] == review_url(last)
    assert to_list["Location"] == CHANGELIST
    assert client.get(review_url(withdrawn)).status_code == 404  # the stale link: not theirs
    assert client.get(CHANGELIST).context["review_queue"] == QueueProgress(
        reviewed=1, assigned=1, next_pk=None
    )


def test_save_keeps_the_reviewer_on_the_practice(client_for, world):
    practice, following = submitted(organisation=world.sme), submitted(organisation=world.sme)
    assign(world.reviewer, practice, following)

    response = client_for("reviewer").post(review_url(practice), {**REVIEW, "_save": "1"})

    assert response["Location"] == change_url(practice)
    assert messages_of(response) == ["Your review is saved."]


def test_progress_counts_the_reviewers_assignments(client_for, world):
    practices = [submitted(organisation=world.sme) for _ in range(3)]
    assign(world.reviewer, *practices)
    ReviewFactory(practice=practices[1], reviewer=world.reviewer)
    ReviewFactory(practice=practices[2], reviewer=another_reviewer())  # not theirs: still to do
    own_sme = OrganisationFactory()
    MembershipFactory(organisation=own_sme, user=world.reviewer)
    assign(world.reviewer, submitted(organisation=own_sme))  # never theirs to review

    response = client_for("reviewer").get(review_url(practices[0]))

    body = response.content.decode()
    assert response.context["progress"] == QueueProgress(
        reviewed=1, assigned=3, next_pk=practices[2].pk
    )
    assert "Your queue: 1 of 3 reviewed" in body
    assert '<progress max="3" value="1"' in body
    assert f'href="{review_url(practices[2])}"' in body  # "Next practice without saving"


def test_progress_is_not_shown_without_assignments(client_for, world):
    practice = submitted(organisation=world.sme)

    response = client_for("reviewer").get(review_url(practice))

    assert response.context["progress"] == QueueProgress(reviewed=0, assigned=0, next_pk=None)
    assert "Your queue" not in response.content.decode()


def test_list_links_to_the_next_practice_of_the_queue(client_for, world):
    first, second = submitted(organisation=world.sme), submitted(organisation=world.sme)
    assign(world.reviewer, first, second)
    ReviewFactory(practice=first, reviewer=world.reviewer)

    body = client_for("reviewer").get(CHANGELIST).content.decode()
    ReviewFactory(practice=second, reviewer=world.reviewer)
    done = client_for("reviewer").get(CHANGELIST).content.decode()

    assert f'href="{review_url(second)}"' in body
    assert "Your queue: 1 of 2 reviewed" in body
    assert f'<a class="button review-queue-link" href="{review_url(second)}">' in body
    assert "review-queue-link" not in done
    assert "Your queue is done: 2 of 2 reviewed" in done


def test_review_page_query_count_does_not_grow_with_the_queue(client_for, world):
    practice = submitted(organisation=world.sme)
    client = client_for("reviewer")
    assign(world.reviewer, practice, submitted(organisation=world.sme))
    client.get(review_url(practice))  # warm caches

    with CaptureQueriesContext(connection) as short:
        client.get(review_url(practice))
    more = [submitted(organisation=world.other_sme) for _ in range(20)]
    assign(world.reviewer, *more, start=timezone.now())
    for other in more[:10]:
        ReviewFactory(practice=other, reviewer=world.reviewer)
    with CaptureQueriesContext(connection) as long:
        response = client.get(review_url(practice))

    assert response.context["progress"].assigned == 22
    assert len(short) == len(long)


# --------------------------------------------------------------------------------------------
# The first score starts the review
# --------------------------------------------------------------------------------------------
def test_first_score_moves_a_submitted_practice_into_review(client_for, world):
    practice = submitted(organisation=world.sme)

    client_for("reviewer").post(review_url(practice), REVIEW)
    services.review_save(
        reviewer=another_reviewer(),
        practice=practice,
        scores=dict.fromkeys(SCORES, 3),
        recommendation="discuss",
    )

    practice.refresh_from_db()
    assert practice.state == PracticeState.IN_REVIEW
    assert list(
        PracticeTransition.objects.filter(practice=practice).values_list(
            "from_state", "to_state", "actor"
        )
    ) == [(PracticeState.SUBMITTED, PracticeState.IN_REVIEW, world.reviewer.pk)]


@pytest.mark.parametrize(
    "state",
    [PracticeState.IN_REVIEW, PracticeState.SHORTLISTED, PracticeState.DETAIL_RECEIVED],
    ids=["in-review", "shortlisted", "detail-received"],
)
def test_a_score_later_in_the_review_moves_nothing(world, state):
    practice = submitted(organisation=world.sme, state=state)

    services.review_save(
        reviewer=world.reviewer,
        practice=practice,
        scores=dict.fromkeys(SCORES, 3),
        recommendation="discuss",
    )

    practice.refresh_from_db()
    assert (practice.state, PracticeTransition.objects.count()) == (state, 0)


def test_a_refused_review_leaves_the_practice_submitted(client_for, world):
    practice = submitted(organisation=world.sme)

    response = client_for("reviewer").post(review_url(practice), {**REVIEW, "clarity": "9"})

    practice.refresh_from_db()
    assert response.status_code == 200
    assert (practice.state, Review.objects.count(), PracticeTransition.objects.count()) == (
        PracticeState.SUBMITTED,
        0,
        0,
    )


def test_scored_practice_can_be_shortlisted_at_once(client_for, world):
    practice = submitted(organisation=world.sme)
    client = client_for("reviewer")
    client.post(review_url(practice), REVIEW)

    client.post(CHANGELIST, {"action": "move_to_shortlisted", "_selected_action": [practice.pk]})

    practice.refresh_from_db()
    assert practice.state == PracticeState.SHORTLISTED


# --------------------------------------------------------------------------------------------
# The list: what a reviewer needs, others' scores hidden until their own
# --------------------------------------------------------------------------------------------
def test_list_counts_reviews_against_the_assigned_reviewers(client_for, world):
    assigned = submitted(organisation=world.sme, title="Assigned to three")
    assign(world.reviewer, assigned)
    assign(another_reviewer(), assigned)
    assign(another_reviewer(), assigned)
    ReviewFactory(practice=assigned, reviewer=another_reviewer(), comment="")
    unassigned = submitted(
        organisation=world.sme, title="Nobody assigned", call=CallFactory(reviewers_per_practice=4)
    )

    response = client_for("reviewer").get(CHANGELIST)

    rows = {p.title: p.reviews_needed for p in response.context["cl"].result_list}
    body = response.content.decode()
    assert rows == {"Assigned to three": 3, "Nobody assigned": 4}
    assert '<td class="field-reviews_done">1 / 3</td>' in body
    assert '<td class="field-reviews_done">0 / 4</td>' in body
    assert unassigned.pk


def test_list_hides_others_scores_until_the_reviewer_gave_theirs(client_for, world):
    practice = submitted(organisation=world.sme, state=PracticeState.IN_REVIEW)
    ReviewFactory(practice=practice, reviewer=another_reviewer(), innovation=1, impact=1)

    before = client_for("reviewer").get(CHANGELIST).context["cl"].result_list[0]
    ReviewFactory(practice=practice, reviewer=world.reviewer)
    after = client_for("reviewer").get(CHANGELIST).context["cl"].result_list[0]

    assert (before.average_score, before.calibrated_score, before.own_score) == (None, None, None)
    assert after.own_score == Decimal("4.00")
    assert after.average_score is not None


def test_list_query_count_is_the_same_with_queue_and_assignments(client_for, world):
    client = client_for("reviewer")
    practice = submitted(organisation=world.sme)
    assign(world.reviewer, practice)
    client.get(CHANGELIST)

    with CaptureQueriesContext(connection) as one:
        first = client.get(CHANGELIST)
    for index in range(29):
        other = submitted(organisation=world.other_sme)
        assign(world.reviewer if index % 2 else another_reviewer(), other)
        if index % 3 == 0:
            ReviewFactory(practice=other, reviewer=world.reviewer)
    with CaptureQueriesContext(connection) as thirty:
        second = client.get(CHANGELIST)

    assert [len(first.context["cl"].result_list), len(second.context["cl"].result_list)] == [1, 30]
    assert len(one) == len(thirty)


# --------------------------------------------------------------------------------------------
# Who may not, and bad input
# --------------------------------------------------------------------------------------------
def test_reviewer_cannot_open_or_score_their_own_organisations_practice(client_for, world):
    MembershipFactory(organisation=world.sme, user=world.reviewer)
    own = submitted(organisation=world.sme, title="Our own secret")
    assign(world.reviewer, own)

    page = client_for("reviewer").get(review_url(own))
    post = client_for("reviewer").post(review_url(own), {**REVIEW, "_next": "1"})

    assert (page.status_code, post.status_code) == (404, 404)
    assert "Our own secret" not in page.content.decode()
    assert (Review.objects.count(), PracticeTransition.objects.count()) == (0, 0)


@pytest.mark.parametrize(
    ("role", "state", "status"),
    [
        ("reviewer", PracticeState.DRAFT, 404),
        ("reviewer", PracticeState.WITHDRAWN, 404),
        ("coordinator", PracticeState.SUBMITTED, 403),
        ("sme_admin", PracticeState.SUBMITTED, 302),
        ("anonymous", PracticeState.SUBMITTED, 302),
    ],
    ids=["draft", "withdrawn", "coordinator", "sme", "anonymous"],
)
def test_review_page_refuses_who_may_not_score(client_for, world, role, state, status):
    practice = PracticeFactory(organisation=world.sme, state=state)

    response = client_for(role).post(review_url(practice), REVIEW)

    assert response.status_code == status
    if status == 302:
        assert response["Location"].startswith(reverse("admin:login"))
    assert Review.objects.count() == 0


@pytest.mark.parametrize("object_id", ["987654", "not-a-number", "1%00"], ids=str)
def test_review_page_of_a_missing_practice_is_a_404(client_for, world, object_id):
    response = client_for("reviewer").post(f"/admin/practices/practice/{object_id}/review/", REVIEW)

    assert response.status_code == 404
    assert Review.objects.count() == 0


@pytest.mark.parametrize(
    "change",
    [
        {"innovation": "6"},
        {"impact": "0"},
        {"transferability": "-1"},
        {"clarity": "three"},
        {"innovation": ""},
        dict.fromkeys(REVIEW, ""),
        {"recommendation": "maybe"},
        {"comment": "x" * 5001},
    ],
    ids=[
        "over-5",
        "zero",
        "negative",
        "not-a-number",
        "one-empty",
        "all-empty",
        "bad-recommendation",
        "comment-too-long",
    ],
)
def test_review_page_refuses_bad_input_and_saves_nothing(client_for, world, change):
    practice = submitted(organisation=world.sme)
    following = submitted(organisation=world.sme)
    assign(world.reviewer, practice, following)

    response = client_for("reviewer").post(review_url(practice), {**REVIEW, **change, "_next": "1"})

    body = response.content.decode()
    practice.refresh_from_db()
    assert response.status_code == 200
    assert 'class="errornote" role="alert"' in body
    assert 'aria-invalid="true"' in body
    assert (Review.objects.count(), practice.state) == (0, PracticeState.SUBMITTED)


def test_review_page_keeps_unicode_and_escapes_html(client_for, world):
    practice = submitted(organisation=world.sme)
    comment = "Très clair — 很好 <script>alert(1)</script>"
    client = client_for("reviewer")

    client.post(review_url(practice), {**REVIEW, "comment": comment})
    body = client.get(review_url(practice)).content.decode()

    assert Review.objects.get().comment == comment
    assert "<script>alert(1)</script>" not in body
    assert "Très clair — 很好 &lt;script&gt;" in body


def test_double_submit_saves_one_review_and_one_move(client_for, world):
    practice, following = submitted(organisation=world.sme), submitted(organisation=world.sme)
    assign(world.reviewer, practice, following)
    client = client_for("reviewer")

    first = client.post(review_url(practice), {**REVIEW, "_next": "1"})
    second = client.post(review_url(practice), {**REVIEW, "_next": "1"})

    assert first["Location"] == second["Location"] == review_url(following)
    assert Review.objects.filter(practice=practice).count() == 1
    assert PracticeTransition.objects.filter(practice=practice).count() == 1


def test_posted_reviewer_and_practice_fields_are_ignored(client_for, world):
    practice = submitted(organisation=world.sme)
    other = submitted(organisation=world.other_sme)
    someone = another_reviewer()

    client_for("reviewer").post(
        review_url(practice), {**REVIEW, "reviewer": someone.pk, "practice": other.pk}
    )

    assert list(Review.objects.values_list("practice", "reviewer")) == [
        (practice.pk, world.reviewer.pk)
    ]


def test_someone_elses_review_cannot_be_opened_or_changed(client_for, world):
    practice = submitted(organisation=world.sme, state=PracticeState.IN_REVIEW)
    theirs = ReviewFactory(practice=practice, reviewer=another_reviewer(), comment="Theirs")
    url = reverse("admin:practices_review_change", args=[theirs.pk])

    page = client_for("reviewer").get(url)
    post = client_for("reviewer").post(url, {**REVIEW, "comment": "Overwritten"})

    theirs.refresh_from_db()
    assert (page.status_code, post.status_code) == (302, 302)
    assert page["Location"] == reverse("admin:index")
    assert (theirs.comment, theirs.innovation) == ("Theirs", 4)
    assert Review.objects.filter(reviewer=world.reviewer).count() == 0


def test_list_leaves_out_the_own_score_for_coordinators(client_for, world):
    submitted(organisation=world.sme)

    as_reviewer = client_for("reviewer").get(CHANGELIST).context["cl"].list_display
    as_coordinator = client_for("coordinator").get(CHANGELIST).context["cl"].list_display

    assert as_reviewer[-1] == "own_score"
    assert "own_score" not in as_coordinator
