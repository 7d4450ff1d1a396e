"""The review workflow in the admin: the reviewers' list (columns, aggregates, query count),
bulk moves generated from the workflow table, requests for detail, decisions recorded and
announced, CSV export, reviews and their visibility, the public version, events, extensions."""

import csv
import io
from datetime import timedelta
from decimal import Decimal
from math import sqrt

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.roles import REVIEWERS
from practices.admin.practices import ONE_CLICK_TARGETS, PracticeAdmin
from practices.enums import Actor, PracticeState
from practices.models import (
    DeadlineExtension,
    DetailRequest,
    EventInvitation,
    Practice,
    PracticeRevision,
    Review,
    Topic,
)
from practices.workflow import MOVES, staff_targets
from tests.factories import (
    CallFactory,
    EventFactory,
    PracticeFactory,
    ReviewFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:practices_practice_changelist"
EXPORT = "admin:practices_practice_export"


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def csv_rows(response) -> list[list[str]]:
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


def submitted(**kwargs) -> Practice:
    kwargs.setdefault("state", PracticeState.IN_REVIEW)
    return PracticeFactory(submitted_at=timezone.now(), **kwargs)


def scored(practice, reviewer, score: int, **kwargs) -> Review:
    rubric = dict.fromkeys(("innovation", "impact", "transferability", "clarity"), score)
    return ReviewFactory(practice=practice, reviewer=reviewer, **rubric, **kwargs)


def another_reviewer():
    return UserFactory(is_staff=True, groups=[REVIEWERS])


def post_action(client, action: str, practices, **data):
    return client.post(
        reverse(CHANGELIST),
        {"action": action, "_selected_action": [p.pk for p in practices], **data},
    )


# --------------------------------------------------------------------------------------------
# The list
# --------------------------------------------------------------------------------------------
def test_practice_list_shows_the_review_columns(client_for, world):
    practice = submitted(organisation=world.sme, title="Lunch and learn")
    scored(practice, world.reviewer, 4)
    scored(practice, another_reviewer(), 2)

    response = client_for("reviewer").get(reverse(CHANGELIST))

    body = response.content.decode()
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [practice]
    row = response.context["cl"].result_list[0]
    assert (row.review_count, row.average_score, row.own_review) == (2, Decimal("3.00"), True)
    assert (row.reviews_needed, row.own_score) == (2, Decimal("4.00"))  # the call's default
    assert "Lunch and learn" in body
    assert "France" in body
    assert '<td class="field-reviews_done">2 / 2</td>' in body
    assert '<td class="field-own_score">4.00</td>' in body


def test_practice_list_filters_by_state_and_country(client_for, world):
    in_review = submitted(organisation=world.sme)
    submitted(organisation=world.other_sme)
    submitted(organisation=world.sme, state=PracticeState.SHORTLISTED)

    response = client_for("reviewer").get(
        reverse(CHANGELIST), {"state__exact": "in_review", "organisation__country__exact": "FR"}
    )

    assert list(response.context["cl"].result_list) == [in_review]


def test_practice_list_searches_title_description_and_organisation(client_for, world):
    by_name = submitted(organisation=world.other_sme)
    by_title = submitted(title="Robotics Wednesdays")
    submitted(title="Something else")

    names = client_for("reviewer").get(reverse(CHANGELIST), {"q": "Other Test"})
    titles = client_for("reviewer").get(reverse(CHANGELIST), {"q": "robotics"})

    assert list(names.context["cl"].result_list) == [by_name]
    assert list(titles.context["cl"].result_list) == [by_title]


def test_practice_list_never_shows_drafts_or_withdrawn(client_for, world):
    shown = submitted()
    PracticeFactory(state=PracticeState.DRAFT)
    PracticeFactory(state=PracticeState.WITHDRAWN)

    response = client_for("coordinator").get(reverse(CHANGELIST))

    assert list(response.context["cl"].result_list) == [shown]


def _fill(count: int, reviewer, topic) -> None:
    others = [another_reviewer() for _ in range(2)]
    for index in range(count):
        practice = submitted()
        practice.topics.add(topic)
        for other in others:
            scored(practice, other, 2 + index % 3)
        if index % 2:
            scored(practice, reviewer, 4)


@pytest.mark.parametrize(
    ("role", "query"),
    [
        ("reviewer", {}),
        ("reviewer", {"state__exact": "in_review", "topics__id__exact": "TOPIC"}),
        ("coordinator", {"o": "-10"}),
    ],
    ids=["reviewer-plain", "reviewer-filtered", "coordinator-sorted-by-average"],
)
def test_practice_list_query_count_is_the_same_at_1_and_30_rows(client_for, world, role, query):
    topic = Topic.objects.first()
    query = {k: (str(topic.pk) if v == "TOPIC" else v) for k, v in query.items()}
    client = client_for(role)
    user = getattr(world, role)
    _fill(1, user, topic)
    client.get(reverse(CHANGELIST), query)  # warm caches (content types, sessions)

    with CaptureQueriesContext(connection) as one:
        first = client.get(reverse(CHANGELIST), query)
    _fill(29, user, topic)
    with CaptureQueriesContext(connection) as thirty:
        second = client.get(reverse(CHANGELIST), query)

    assert (len(first.context["cl"].result_list), len(second.context["cl"].result_list)) == (
        1,
        30,
    )
    assert len(one) == len(thirty)


def test_practice_list_hides_the_average_until_the_reviewer_gave_theirs(client_for, world):
    mine = submitted(title="Reviewed by me")
    not_yet = submitted(title="Not reviewed by me")
    scored(mine, world.reviewer, 5)
    scored(mine, another_reviewer(), 3)
    scored(not_yet, another_reviewer(), 3)

    response = client_for("reviewer").get(reverse(CHANGELIST))

    rows = {
        p.title: (p.review_count, p.average_score, p.calibrated_score)
        for p in response.context["cl"].result_list
    }
    assert rows["Reviewed by me"][:2] == (2, Decimal("4.00"))
    assert rows["Reviewed by me"][2] is not None
    assert rows["Not reviewed by me"] == (1, None, None)


def test_practice_list_sorting_by_average_reveals_no_hidden_scores(client_for, world):
    high, low = submitted(title="High"), submitted(title="Low")
    scored(high, another_reviewer(), 5)
    scored(low, another_reviewer(), 1)
    client = client_for("reviewer")

    # column 10 is the average score (0 is the action checkbox)
    ascending = client.get(reverse(CHANGELIST), {"o": "10"}).context["cl"].result_list
    descending = client.get(reverse(CHANGELIST), {"o": "-10"}).context["cl"].result_list

    assert [p.title for p in ascending] == [p.title for p in descending]


def test_practice_list_my_review_filter(client_for, world):
    mine = submitted()
    to_do = submitted()
    scored(mine, world.reviewer, 4)

    given = client_for("reviewer").get(reverse(CHANGELIST), {"my_review": "given"})
    pending = client_for("reviewer").get(reverse(CHANGELIST), {"my_review": "to_do"})

    assert list(given.context["cl"].result_list) == [mine]
    assert list(pending.context["cl"].result_list) == [to_do]


def test_practice_list_calibrated_average_corrects_a_harsh_reviewer(client_for, world):
    # harsh (2 and 1) and lenient (5 and 4) reviewers score the same two practices: the
    # calibrated averages are pooled mean 3 ± pooled spread sqrt(2.5) (see test_calibration)
    call = CallFactory()
    best, worst = submitted(call=call, title="Best"), submitted(call=call, title="Worst")
    harsh, lenient = another_reviewer(), another_reviewer()
    scored(best, harsh, 2)
    scored(worst, harsh, 1)
    scored(best, lenient, 5)
    scored(worst, lenient, 4)

    response = client_for("coordinator").get(reverse(CHANGELIST))

    calibrated = {p.title: p.calibrated_score for p in response.context["cl"].result_list}
    assert calibrated == pytest.approx({"Best": 3 + sqrt(2.5), "Worst": 3 - sqrt(2.5)})
    assert "4.58" in response.content.decode()


# --------------------------------------------------------------------------------------------
# Bulk moves: one action per staff target, from the workflow table
# --------------------------------------------------------------------------------------------
def test_practice_actions_are_generated_from_the_workflow_table(client_for, world):
    request = client_for("coordinator").get(reverse(CHANGELIST)).wsgi_request
    from django.contrib import admin

    actions = admin.site._registry[Practice].get_actions(request)

    assert {f"move_to_{t}" for t in staff_targets()} - set(actions) == {
        "move_to_detail_requested"  # has its own action: it needs a message
    }
    assert {"request_detail", "record_selected", "record_declined", "export_csv"} <= set(actions)


def _allowed_source(target: str) -> str:
    return next(m.source for m in MOVES if m.actor == Actor.STAFF and m.target == target)


@pytest.mark.parametrize("target", ONE_CLICK_TARGETS)
def test_practice_bulk_move_moves_allowed_and_reports_refused(client_for, world, target):
    allowed = submitted(state=_allowed_source(target), public_version_approved_at=timezone.now())
    refused = submitted(state=PracticeState.PUBLISHED, title="Already out")
    label = PracticeState(target).label

    response = post_action(client_for("reviewer"), f"move_to_{target}", [allowed, refused])

    allowed.refresh_from_db()
    refused.refresh_from_db()
    assert response.status_code == 302
    assert (allowed.state, refused.state) == (target, PracticeState.PUBLISHED)
    assert allowed.transitions.get().actor == world.reviewer
    assert messages_of(response) == [
        f"Already out: A practice that is “Published” cannot become “{label}”.",
        f"1 practice moved to “{label}”.",
    ]


def test_practice_publish_action_refuses_without_the_smes_approval(client_for, world):
    practice = submitted(state=PracticeState.SELECTED, title="Not approved yet")

    response = post_action(client_for("reviewer"), "move_to_published", [practice])

    practice.refresh_from_db()
    assert practice.state == PracticeState.SELECTED
    assert messages_of(response) == [
        "Not approved yet: The SME has not yet approved the public version of this practice.",
        "0 practices moved to “Published”.",
    ]


def test_practice_request_detail_asks_for_a_message_first(client_for, world):
    practice = submitted(state=PracticeState.SHORTLISTED)

    response = post_action(client_for("reviewer"), "request_detail", [practice])

    practice.refresh_from_db()
    assert response.status_code == 200
    assert 'name="message"' in response.content.decode()
    assert practice.state == PracticeState.SHORTLISTED
    assert DetailRequest.objects.count() == 0


def test_practice_request_detail_creates_requests_and_reports_refused(client_for, world):
    shortlisted = submitted(state=PracticeState.SHORTLISTED)
    in_review = submitted(title="Too early")

    response = post_action(
        client_for("reviewer"),
        "request_detail",
        [shortlisted, in_review],
        apply="1",
        message="How many hours a month?",
    )

    shortlisted.refresh_from_db()
    in_review.refresh_from_db()
    assert response.status_code == 302
    assert (shortlisted.state, in_review.state) == ("detail_requested", "in_review")
    assert list(DetailRequest.objects.values_list("practice", "message", "requested_by")) == [
        (shortlisted.pk, "How many hours a month?", world.reviewer.pk)
    ]
    assert messages_of(response) == [
        "Too early: A practice that is “In review” cannot become “More detail requested”.",
        "1 SME asked for more detail.",
    ]


def test_practice_request_detail_with_empty_message_shows_the_form_again(client_for, world):
    practice = submitted(state=PracticeState.SHORTLISTED)

    response = post_action(
        client_for("reviewer"), "request_detail", [practice], apply="1", message="  "
    )

    practice.refresh_from_db()
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert practice.state == PracticeState.SHORTLISTED


@pytest.mark.parametrize("decision", ["selected", "declined"])
def test_practice_record_decision_keeps_it_to_announce_later(client_for, world, decision):
    shortlisted = submitted(state=PracticeState.SHORTLISTED)
    published = submitted(state=PracticeState.PUBLISHED, title="Already out")

    response = post_action(client_for("reviewer"), f"record_{decision}", [shortlisted, published])

    shortlisted.refresh_from_db()
    published.refresh_from_db()
    assert (shortlisted.state, shortlisted.pending_decision) == ("shortlisted", decision)
    assert published.pending_decision == ""
    assert messages_of(response)[0].startswith("Already out: A practice that is “Published”")


def test_call_announce_decisions_moves_recorded_and_reports_refused(client_for, world):
    call = CallFactory(title="Call 2021")
    ready = submitted(call=call, state=PracticeState.SHORTLISTED, pending_decision="selected")
    stale = submitted(
        call=call, state=PracticeState.IN_REVIEW, pending_decision="selected", title="Stale"
    )

    response = client_for("coordinator").post(
        reverse("admin:practices_call_changelist"),
        {"action": "announce_decisions", "_selected_action": [call.pk]},
    )

    ready.refresh_from_db()
    stale.refresh_from_db()
    assert (ready.state, ready.pending_decision) == ("selected", "")
    assert (stale.state, stale.pending_decision) == ("in_review", "selected")
    assert messages_of(response) == [
        "Call 2021: 1 decision announced.",
        "Stale: A practice that is “In review” cannot become “Selected”.",
    ]


# --------------------------------------------------------------------------------------------
# CSV export
# --------------------------------------------------------------------------------------------
HEADER = [
    "Title",
    "State",
    "Organisation",
    "Country",
    "Sector",
    "Size",
    "Audience",
    "Submitted at",
    "Reviews",
    "Reviews needed",
    "Average score",
    "Calibrated average",
    "Decision to announce",
    "Your score",
]


def test_practice_csv_export_has_the_list_columns_and_the_filtered_rows(client_for, world):
    moment = timezone.make_aware(timezone.datetime(2021, 4, 30, 21, 0))
    practice = PracticeFactory(
        organisation=world.sme,
        state=PracticeState.SHORTLISTED,
        title="Lunch and learn",
        submitted_at=moment,
        pending_decision="selected",
    )
    scored(practice, world.reviewer, 4)
    submitted(title="Filtered out")

    response = client_for("reviewer").get(reverse(EXPORT), {"state__exact": "shortlisted"})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="practices-')
    assert csv_rows(response) == [
        HEADER,
        [
            "Lunch and learn",
            "Shortlisted",
            "Atelier Test SARL",
            "France",
            "Manufacturing",
            "Small (10–49 employees)",
            "Both",
            "2021-04-30 21:00",
            "1",
            "2",
            "4.00",
            "4.00",
            "Selected",
            "4.00",
        ],
    ]
    assert PracticeAdmin.list_display == [
        "title",
        "state_label",
        "country",
        "reviews_done",
        "average_score",
        "calibrated_score",
        "own_score",
    ]


@pytest.mark.parametrize(
    "title",
    ['=HYPERLINK("http://evil.example")', "+1+1", "-2+3", "@SUM(A1)", "\tTabbed"],
    ids=["equals", "plus", "minus", "at", "tab"],
)
def test_practice_csv_export_defuses_formulas(client_for, world, title):
    submitted(title=title)

    rows = csv_rows(client_for("reviewer").get(reverse(EXPORT)))

    assert rows[1][0] == "'" + title


def test_practice_csv_export_action_exports_the_selection(client_for, world):
    chosen = submitted(title="Chosen")
    submitted(title="Not chosen")

    response = post_action(client_for("coordinator"), "export_csv", [chosen])

    assert [row[0] for row in csv_rows(response)] == ["Title", "Chosen"]


# --------------------------------------------------------------------------------------------
# Reviews
# --------------------------------------------------------------------------------------------
REVIEW = {
    "innovation": "4",
    "impact": "5",
    "transferability": "3",
    "clarity": "4",
    "recommendation": "select",
    "comment": "Clear <b>and</b> transferable.",
}


def test_review_form_saves_through_the_service(client_for, world):
    practice = submitted()
    url = reverse("admin:practices_practice_review", args=[practice.pk])

    page = client_for("reviewer").get(url)
    response = client_for("reviewer").post(url, REVIEW)

    review = Review.objects.get()
    assert page.status_code == 200
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:practices_practice_change", args=[practice.pk])
    assert (review.reviewer, review.practice, review.score) == (
        world.reviewer,
        practice,
        Decimal("4.00"),
    )
    assert review.comment == "Clear <b>and</b> transferable."


def test_review_form_updates_the_reviewers_own_review(client_for, world):
    practice = submitted()
    scored(practice, world.reviewer, 1)
    url = reverse("admin:practices_practice_review", args=[practice.pk])

    client_for("reviewer").post(url, REVIEW)

    assert list(Review.objects.values_list("reviewer", "score")) == [
        (world.reviewer.pk, Decimal("4.00"))
    ]


@pytest.mark.parametrize(
    "change",
    [{"innovation": "6"}, {"impact": "0"}, {"clarity": ""}, {"recommendation": "maybe"}],
    ids=["over-5", "under-1", "missing", "bad-recommendation"],
)
def test_review_form_refuses_bad_scores(client_for, world, change):
    practice = submitted()
    url = reverse("admin:practices_practice_review", args=[practice.pk])

    response = client_for("reviewer").post(url, REVIEW | change)

    assert response.status_code == 200
    assert "errornote" in response.content.decode()
    assert Review.objects.count() == 0


def test_review_form_is_not_for_coordinators(client_for, world):
    practice = submitted()

    response = client_for("coordinator").post(
        reverse("admin:practices_practice_review", args=[practice.pk]), REVIEW
    )

    assert response.status_code == 403
    assert Review.objects.count() == 0


def test_change_page_hides_other_scores_until_the_reviewer_gave_theirs(client_for, world):
    practice = submitted()
    scored(practice, another_reviewer(), 2, comment="A secret opinion")
    url = reverse("admin:practices_practice_change", args=[practice.pk])
    client = client_for("reviewer")

    before = client.get(url).content.decode()
    client.post(reverse("admin:practices_practice_review", args=[practice.pk]), REVIEW)
    after = client.get(url).content.decode()

    assert "A secret opinion" not in before
    assert "One other reviewer has scored this practice" in before
    assert "A secret opinion" in after
    assert "Clear &lt;b&gt;and&lt;/b&gt; transferable." in after


def test_change_page_shows_coordinators_every_review(client_for, world):
    practice = submitted()
    scored(practice, another_reviewer(), 2, comment="A secret opinion")

    body = client_for("coordinator").get(
        reverse("admin:practices_practice_change", args=[practice.pk])
    )

    assert "A secret opinion" in body.content.decode()


def test_review_admin_lists_only_the_reviewers_own_reviews(client_for, world):
    practice = submitted()
    own = scored(practice, world.reviewer, 4)
    other = scored(practice, another_reviewer(), 2)

    as_reviewer = client_for("reviewer").get(reverse("admin:practices_review_changelist"))
    as_coordinator = client_for("coordinator").get(reverse("admin:practices_review_changelist"))

    assert list(as_reviewer.context["cl"].result_list) == [own]
    assert set(as_coordinator.context["cl"].result_list) == {own, other}


def test_review_admin_change_saves_through_the_service(client_for, world):
    review = scored(submitted(), world.reviewer, 1)

    response = client_for("reviewer").post(
        reverse("admin:practices_review_change", args=[review.pk]), REVIEW | {"_save": "Save"}
    )

    review.refresh_from_db()
    assert response.status_code == 302
    assert (review.score, review.recommendation) == (Decimal("4.00"), "select")


# --------------------------------------------------------------------------------------------
# The change page: the SME's text read-only, the public version through the service
# --------------------------------------------------------------------------------------------
def _inline_management_data(page) -> dict:
    data = {}
    for inline in page.context["inline_admin_formsets"]:
        form = inline.formset.management_form
        data.update({form.add_prefix(name): form[name].value() for name in form.fields})
    return data


def test_change_page_saves_the_public_version_and_never_the_smes_text(client_for, world):
    practice = submitted(state=PracticeState.SELECTED, title="The SME's own title")
    url = reverse("admin:practices_practice_change", args=[practice.pk])
    client = client_for("reviewer")
    page = client.get(url)

    response = client.post(
        url,
        {
            **_inline_management_data(page),
            "public_title": "A shorter title",
            "public_description": "A shorter text.",
            "title": "Changed by a reviewer",
            "short_description": "Changed by a reviewer",
            "_save": "Save",
        },
    )

    practice.refresh_from_db()
    assert response.status_code == 302
    assert (practice.title, practice.public_title, practice.public_description) == (
        "The SME's own title",
        "A shorter title",
        "A shorter text.",
    )
    assert list(practice.revisions.values_list("reason", "author")) == [
        ("public_version", world.reviewer.pk)
    ]
    assert 'name="title"' not in page.content.decode()
    assert 'name="public_title"' in page.content.decode()


def test_change_page_shows_the_log_revisions_and_detail_requests(client_for, world):
    from practices import services

    practice = submitted(state=PracticeState.SHORTLISTED)
    services.detail_request_create(
        user=world.coordinator, practice=practice, message="Which courses exactly?"
    )
    PracticeRevision.objects.create(
        practice=practice, reason="submitted", data={"title": "First words of the SME"}
    )

    body = client_for("reviewer").get(
        reverse("admin:practices_practice_change", args=[practice.pk])
    )

    content = body.content.decode()
    assert "Which courses exactly?" in content
    assert "First words of the SME" in content
    assert "More detail requested" in content


# --------------------------------------------------------------------------------------------
# Events and extensions
# --------------------------------------------------------------------------------------------
def test_practice_invite_to_event_invites_selected_ones(client_for, world):
    event = EventFactory(title="SkillUp day")
    selected = submitted(state=PracticeState.SELECTED)
    in_review = submitted()
    client = client_for("coordinator")

    page = post_action(client, "invite_to_event", [selected, in_review])
    response = post_action(
        client, "invite_to_event", [selected, in_review], apply="1", event=event.pk
    )

    assert page.status_code == 200
    assert "SkillUp day" in page.content.decode()
    assert list(EventInvitation.objects.values_list("event", "practice")) == [
        (event.pk, selected.pk)
    ]
    assert messages_of(response) == ["1 SME invited to SkillUp day."]


def test_event_change_page_shows_invitations_and_answers(client_for, world):
    event = EventFactory()
    practice = submitted(state=PracticeState.SELECTED, organisation=world.sme)
    EventInvitation.objects.create(event=event, practice=practice, rsvp="yes")

    response = client_for("coordinator").get(
        reverse("admin:practices_event_change", args=[event.pk])
    )

    content = response.content.decode()
    assert "Atelier Test SARL" in content
    assert "Attending" in content


def _extension_data(call, organisation, closes_at) -> dict:
    local = timezone.localtime(closes_at)
    return {
        "call": call.pk,
        "organisation": organisation.pk,
        "closes_at_0": local.strftime("%Y-%m-%d"),
        "closes_at_1": local.strftime("%H:%M:%S"),
        "reason": "Flooded office.",
    }


def test_extension_grant_goes_through_the_service(client_for, world):
    call = CallFactory()
    later = (call.closes_at + timedelta(days=5)).replace(microsecond=0)

    response = client_for("coordinator").post(
        reverse("admin:practices_deadlineextension_add"), _extension_data(call, world.sme, later)
    )

    assert response.status_code == 302
    assert list(
        DeadlineExtension.objects.values_list("organisation", "closes_at", "granted_by")
    ) == [(world.sme.pk, later.replace(second=later.second), world.coordinator.pk)]


def test_extension_grant_before_the_calls_deadline_is_refused(client_for, world):
    call = CallFactory()

    response = client_for("coordinator").post(
        reverse("admin:practices_deadlineextension_add"),
        _extension_data(call, world.sme, call.closes_at - timedelta(days=1)),
    )

    assert response.status_code == 200
    assert "must end after the call" in response.content.decode()
    assert DeadlineExtension.objects.count() == 0


def test_call_grant_extension_action_opens_the_grant_page(client_for, world):
    call = CallFactory()

    response = client_for("coordinator").post(
        reverse("admin:practices_call_changelist"),
        {"action": "grant_extension", "_selected_action": [call.pk]},
    )

    assert response.status_code == 302
    assert response["Location"] == (
        reverse("admin:practices_deadlineextension_add") + f"?call={call.pk}"
    )
