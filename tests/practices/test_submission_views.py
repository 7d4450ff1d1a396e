"""The SME's pages seen by the SME: drafting, coming back, submitting, the deadline at the moment
of saving (in other time zones too, with extensions), withdrawing, answering reviewers,
approving the public version, answering an invitation, and the dashboard."""

import re
import uuid
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from notifications.models import Notification
from practices import services
from practices.enums import PracticeState, RevisionReason
from practices.models import (
    DeadlineExtension,
    DetailRequest,
    EventInvitation,
    Practice,
    PracticeRevision,
    TrainingTool,
)
from tests.factories import CallFactory, EventFactory, PracticeFactory

pytestmark = pytest.mark.django_db

# 30 April 2021, 23:59 in Brussels (CEST, UTC+2) is 21:59 UTC.
CLOSES_AT = datetime(2021, 4, 30, 21, 59, tzinfo=UTC)
BEFORE = CLOSES_AT - timedelta(hours=1)
AFTER = CLOSES_AT + timedelta(seconds=1)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def closing_call(**kwargs):
    return CallFactory(opens_at=CLOSES_AT - timedelta(days=60), closes_at=CLOSES_AT, **kwargs)


def form_data(**changes) -> dict:
    """A complete practice as the browser posts it (action "save" unless changed)."""
    data = {
        "title": "Friday learning hour",
        "short_description": "Every Friday our staff spend one hour on Elements of AI.",
        "online_learning": "Online courses during paid time.",
        "methodology": "Peer groups of four.",
        "tools": [TrainingTool.objects.get(slug="elements-of-ai").pk],
        "other_tools": "Our own wiki",
        "keep_learning": "Certificates are celebrated.",
        "audience": "both",
        "employees_reached": "12",
        "since_year": "2020",
        "internal_confirmed": "on",
        "publication_consent": "on",
        "action": "save",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def create_url(call) -> str:
    return reverse("practices:submission_create", kwargs={"slug": call.slug})


def edit_url(practice) -> str:
    return reverse("practices:submission_edit", kwargs={"pk": practice.pk})


def detail_url(practice) -> str:
    return reverse("practices:submission_detail", kwargs={"pk": practice.pk})


def snapshot(practice) -> dict:
    """What an SME can change, as stored, plus the count of accepted revisions."""
    practice = Practice.objects.get(pk=practice.pk)
    return {
        **{name: getattr(practice, name) for name in services.CONTENT_FIELDS},
        "state": practice.state,
        "tools": sorted(practice.tools.values_list("slug", flat=True)),
        "attachment": practice.attachment.name,
        "accepted_revisions": practice.revisions.exclude(
            reason=RevisionReason.LATE_ATTEMPT
        ).count(),
        "transitions": practice.transitions.count(),
    }


# --------------------------------------------------------------------------------------------
# The form
# --------------------------------------------------------------------------------------------
def test_create_get_shows_the_calls_questions_limit_deadline_and_a_token(world, client_for):
    call = CallFactory(
        question_methodology="Which method do you follow, in your words?",
        description_max_length=800,
        closes_at=timezone.now() + timedelta(days=3),
    )

    response = client_for("sme_member").get(create_url(call))

    body = response.content.decode()
    assert response.status_code == 200
    assert "Which method do you follow, in your words?" in body
    assert "at most 800 characters" in body
    assert 'data-charcount-limit="800"' in body
    assert 'name="form_token"' in body
    assert services.format_deadline(call.closes_at) in body
    assert "Europe/Brussels" in body
    legends = re.findall(r"<legend[^>]*>\s*([^<]+?)\s*</legend>", body)
    assert {
        "Your practice",
        "Answers to the call's questions",
        "Reach",
        "Attachment",
        "Confirmations",
    } <= set(legends)
    assert 'value="save"' in body and 'value="submit"' in body
    assert "js/charcount.js" in body and "js/submit-once.js" in body
    assert "Elements of AI" in body


def test_create_gives_each_page_load_a_new_token(world, client_for):
    call = CallFactory()
    client = client_for("sme_member")

    first = client.get(create_url(call)).context["form"]["form_token"].value()
    second = client.get(create_url(call)).context["form"]["form_token"].value()

    assert first != second


# --------------------------------------------------------------------------------------------
# Draft, come back, submit
# --------------------------------------------------------------------------------------------
def test_draft_saved_then_edited_later_then_submitted_with_receipt(world, client_for):
    call = CallFactory()
    client = client_for("sme_member")

    created = client.post(
        create_url(call),
        form_data(form_token=str(uuid.uuid4()), methodology="", audience=""),
    )
    practice = Practice.objects.get()
    edit_page = client.get(edit_url(practice))
    edited = client.post(edit_url(practice), form_data(methodology="Pairs.", action="save"))
    submitted = client.post(edit_url(practice), form_data(methodology="Pairs.", action="submit"))

    assert created.status_code == 302 and created["Location"] == detail_url(practice)
    assert edit_page.status_code == 200
    assert edit_page.context["form"]["title"].value() == "Friday learning hour"
    assert edited.status_code == 302
    assert submitted.status_code == 302
    practice.refresh_from_db()
    assert (practice.state, practice.methodology, practice.organisation, practice.created_by) == (
        PracticeState.SUBMITTED,
        "Pairs.",
        world.sme,
        world.sme_member,
    )
    assert list(practice.revisions.order_by("pk").values_list("reason", flat=True)) == [
        RevisionReason.DRAFT_SAVED,
        RevisionReason.DRAFT_SAVED,
        RevisionReason.DRAFT_SAVED,
        RevisionReason.SUBMITTED,
    ]
    receipts = Notification.objects.filter(event="practice_submitted")
    assert sorted(receipts.values_list("to_email", flat=True)) == sorted(
        [world.sme_member.email, world.sme_admin.email]
    )
    detail = client.get(detail_url(practice)).content.decode()
    assert "A receipt is on its way by email" in detail


def test_submit_straight_from_a_new_form_creates_a_submitted_practice(world, client_for):
    call = CallFactory()

    response = client_for("sme_admin").post(
        create_url(call), form_data(form_token=str(uuid.uuid4()), action="submit")
    )

    practice = Practice.objects.get()
    assert response.status_code == 302
    assert practice.state == PracticeState.SUBMITTED
    assert Notification.objects.filter(event="practice_submitted").exists()


@pytest.mark.parametrize("action", ["save", "submit"])
def test_double_post_with_the_same_token_creates_one_practice(world, client_for, action):
    call = CallFactory()
    client = client_for("sme_member")
    data = form_data(form_token=str(uuid.uuid4()), action=action)

    first = client.post(create_url(call), data)
    second = client.post(create_url(call), data)

    practice = Practice.objects.get()
    assert (first.status_code, second.status_code) == (302, 302)
    assert first["Location"] == second["Location"] == detail_url(practice)
    assert Notification.objects.filter(event="practice_submitted").count() == (
        2 if action == "submit" else 0
    )  # one receipt for each of the two SME people, not four


def test_two_page_loads_make_two_practices(world, client_for):
    call = CallFactory()
    client = client_for("sme_member")

    client.post(create_url(call), form_data(form_token=str(uuid.uuid4())))
    client.post(create_url(call), form_data(form_token=str(uuid.uuid4()), title="Another one"))

    assert Practice.objects.count() == 2


def test_submit_incomplete_shows_field_errors_and_keeps_the_draft(world, client_for):
    call = CallFactory()

    response = client_for("sme_member").post(
        create_url(call),
        form_data(
            form_token=str(uuid.uuid4()),
            methodology="",
            audience="",
            internal_confirmed=None,
            tools=[],
            other_tools="",
            action="submit",
        ),
    )

    practice = Practice.objects.get()
    form = response.context["form"]
    assert response.status_code == 200
    assert practice.state == PracticeState.DRAFT
    assert practice.title == "Friday learning hour"
    assert set(form.errors) == {"methodology", "audience", "internal_confirmed", "tools"}
    body = response.content.decode()
    assert "Your draft is saved, but it is not submitted yet" in body
    assert f'action="{edit_url(practice)}"' in body


def test_submit_incomplete_on_edit_keeps_the_changes(world, client_for):
    practice = PracticeFactory(call=CallFactory(), organisation=world.sme, audience="")

    response = client_for("sme_member").post(
        edit_url(practice), form_data(audience="", title="New title", action="submit")
    )

    practice.refresh_from_db()
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["audience"]
    assert (practice.state, practice.title) == (PracticeState.DRAFT, "New title")


def test_draft_with_only_a_title_is_saved(world, client_for):
    call = CallFactory()

    response = client_for("sme_member").post(
        create_url(call), {"title": "Just an idea", "action": "save"}
    )

    assert response.status_code == 302
    assert Practice.objects.get().title == "Just an idea"


def test_editing_a_submission_keeps_it_submitted(world, client_for):
    practice = PracticeFactory(call=CallFactory(), organisation=world.sme, state="submitted")

    page = client_for("sme_member").get(edit_url(practice)).content.decode()
    response = client_for("sme_member").post(edit_url(practice), form_data(title="Better title"))

    practice.refresh_from_db()
    assert "Save changes" in page and 'value="submit"' not in page
    assert response.status_code == 302
    assert (practice.state, practice.title) == (PracticeState.SUBMITTED, "Better title")
    assert practice.revisions.get().reason == RevisionReason.EDITED


def test_submit_button_on_the_detail_page_submits_a_complete_draft(world, client_for):
    practice = PracticeFactory(call=CallFactory(), organisation=world.sme)
    client = client_for("sme_member")
    page = client.get(detail_url(practice)).content.decode()

    response = client.post(reverse("practices:submission_submit", kwargs={"pk": practice.pk}))

    practice.refresh_from_db()
    assert reverse("practices:submission_submit", kwargs={"pk": practice.pk}) in page
    assert response.status_code == 302
    assert practice.state == PracticeState.SUBMITTED


def test_submit_button_on_an_incomplete_draft_lists_what_is_missing(world, client_for):
    practice = PracticeFactory(call=CallFactory(), organisation=world.sme, methodology="")
    client = client_for("sme_member")

    response = client.post(
        reverse("practices:submission_submit", kwargs={"pk": practice.pk}), follow=True
    )

    practice.refresh_from_db()
    assert response.redirect_chain == [(edit_url(practice), 302)]
    assert "Complete these before submitting: methodology." in response.content.decode()
    assert practice.state == PracticeState.DRAFT


def test_submit_page_refuses_get(world, client_for):
    practice = PracticeFactory(call=CallFactory(), organisation=world.sme)

    response = client_for("sme_member").get(
        reverse("practices:submission_submit", kwargs={"pk": practice.pk})
    )

    assert response.status_code == 405


# --------------------------------------------------------------------------------------------
# Which SME
# --------------------------------------------------------------------------------------------
def test_member_of_several_smes_chooses_among_their_own(world, client_for):
    from tests.factories import MembershipFactory, OrganisationFactory

    second = OrganisationFactory(name="Second SME Oy", country="FI")
    MembershipFactory(user=world.sme_member, organisation=second)
    call = CallFactory()
    client = client_for("sme_member")

    page = client.get(create_url(call))
    chosen = client.post(
        create_url(call), form_data(form_token=str(uuid.uuid4()), organisation=second.pk)
    )
    foreign = client.post(
        create_url(call), form_data(form_token=str(uuid.uuid4()), organisation=world.other_sme.pk)
    )

    choices = [label for _value, label in page.context["form"].fields["organisation"].choices]
    assert choices == ["Atelier Test SARL", "Second SME Oy"]
    assert chosen.status_code == 302
    assert Practice.objects.get().organisation == second
    assert foreign.status_code == 200
    assert "organisation" in foreign.context["form"].errors
    assert Practice.objects.count() == 1


def test_single_sme_member_sees_no_choice(world, client_for):
    page = client_for("sme_member").get(create_url(CallFactory()))

    assert "organisation" not in page.context["form"].fields


@pytest.mark.parametrize("role", ["outsider", "company_admin", "reviewer"])
def test_create_without_an_sme_explains_how_to_register(world, client_for, role):
    call = CallFactory()

    response = client_for(role).get(create_url(call))
    post = client_for(role).post(create_url(call), form_data(form_token=str(uuid.uuid4())))

    assert response.status_code == 403
    assert "Register your SME first" in response.content.decode()
    assert reverse("organisation_create") in response.content.decode()
    assert post.status_code == 403
    assert not Practice.objects.exists()


def test_create_for_an_unknown_call_is_404(world, client_for):
    response = client_for("sme_member").get(
        reverse("practices:submission_create", kwargs={"slug": "no-such-call"})
    )

    assert response.status_code == 404


def test_call_not_open_yet_shows_a_read_only_form_and_refuses_posts(world, client_for):
    call = CallFactory(opens_at=timezone.now() + timedelta(days=2))

    page = client_for("sme_member").get(create_url(call))
    post = client_for("sme_member").post(create_url(call), form_data(form_token=str(uuid.uuid4())))

    assert "This call opens on" in page.content.decode()
    assert 'value="submit"' not in page.content.decode()
    assert post.status_code == 409
    assert "not open for submissions yet" in post.content.decode()
    assert not Practice.objects.exists()


# --------------------------------------------------------------------------------------------
# The deadline, at the moment of saving
# --------------------------------------------------------------------------------------------
def test_edit_after_the_deadline_is_read_only(world, client_for):
    call = closing_call()
    practice = PracticeFactory(call=call, organisation=world.sme)

    with time_machine.travel(AFTER, tick=False):
        response = client_for("sme_member").get(edit_url(practice))

    body = response.content.decode()
    assert response.status_code == 200
    assert "The deadline of this call passed at 30 April 2021, 23:59 CEST" in body
    assert 'value="save"' not in body and 'value="submit"' not in body
    assert response.context["form"].read_only
    assert 'name="title"' in body and "readonly" in body
    assert 'name="audience" value="both"' in body and "disabled" in body


def test_create_after_the_deadline_is_read_only(world, client_for):
    call = closing_call()

    with time_machine.travel(AFTER, tick=False):
        response = client_for("sme_member").get(create_url(call))

    body = response.content.decode()
    assert "The deadline of this call passed at 30 April 2021, 23:59 CEST" in body
    assert 'value="submit"' not in body


@pytest.mark.parametrize("action", ["save", "submit"])
@pytest.mark.parametrize(
    "moment", [CLOSES_AT, AFTER, CLOSES_AT + timedelta(days=3)], ids=["at", "1s-after", "later"]
)
def test_edit_post_after_the_deadline_is_refused_and_changes_nothing(
    world, client_for, action, moment
):
    call = closing_call()
    with time_machine.travel(BEFORE, tick=False):
        practice = PracticeFactory(call=call, organisation=world.sme)
    before = snapshot(practice)

    with time_machine.travel(moment, tick=False):
        response = client_for("sme_member").post(
            edit_url(practice), form_data(title="Typed in the last second", action=action)
        )

    body = response.content.decode()
    assert response.status_code == 409
    assert 'role="alert"' in body
    assert "The deadline of this call passed at 30 April 2021, 23:59 CEST" in body
    assert 'value="Typed in the last second"' in body  # what the SME sent, shown again
    assert response.context["form"].read_only
    assert 'value="submit"' not in body
    assert snapshot(practice) == before
    late = PracticeRevision.objects.get(practice=practice)
    assert (late.reason, late.data["title"]) == (
        RevisionReason.LATE_ATTEMPT,
        "Typed in the last second",
    )
    assert not Notification.objects.filter(event="practice_submitted").exists()


def test_edit_post_one_second_before_the_deadline_is_accepted(world, client_for):
    call = closing_call()
    practice = PracticeFactory(call=call, organisation=world.sme)

    with time_machine.travel(CLOSES_AT - timedelta(seconds=1), tick=False):
        response = client_for("sme_member").post(edit_url(practice), form_data(action="submit"))

    practice.refresh_from_db()
    assert response.status_code == 302
    assert practice.state == PracticeState.SUBMITTED


@pytest.mark.parametrize("action", ["save", "submit"])
def test_create_post_after_the_deadline_is_refused_and_creates_nothing(world, client_for, action):
    call = closing_call()

    with time_machine.travel(AFTER, tick=False):
        response = client_for("sme_member").post(
            create_url(call),
            form_data(form_token=str(uuid.uuid4()), title="Just too late", action=action),
        )

    body = response.content.decode()
    assert response.status_code == 409
    assert 'role="alert"' in body and "The deadline of this call passed" in body
    assert 'value="Just too late"' in body
    assert not Practice.objects.exists()


def test_invalid_post_after_the_deadline_still_says_the_deadline_passed(world, client_for):
    call = closing_call()
    practice = PracticeFactory(call=call, organisation=world.sme)
    before = snapshot(practice)

    with time_machine.travel(AFTER, tick=False):
        response = client_for("sme_member").post(edit_url(practice), form_data(title=""))

    assert response.status_code == 409
    assert "The deadline of this call passed" in response.content.decode()
    assert snapshot(practice) == before


def test_call_closing_in_another_time_zone_is_enforced_at_that_instant(world, client_for):
    # 30 April 2021, 23:59 in Helsinki (EEST, UTC+3) is 20:59 UTC, 22:59 in Brussels
    helsinki_close = datetime(2021, 4, 30, 20, 59, tzinfo=UTC)
    call = CallFactory(opens_at=helsinki_close - timedelta(days=30), closes_at=helsinki_close)
    practice = PracticeFactory(call=call, organisation=world.sme)
    client = client_for("sme_member")

    with time_machine.travel(helsinki_close - timedelta(seconds=1), tick=False):
        accepted = client.post(edit_url(practice), form_data(title="In time"))
    # 23:30 in Brussels: still "30 April" there, but after the instant the call closed
    with time_machine.travel(datetime(2021, 4, 30, 21, 30, tzinfo=UTC), tick=False):
        refused = client.post(edit_url(practice), form_data(title="Too late"))

    practice.refresh_from_db()
    assert accepted.status_code == 302
    assert refused.status_code == 409
    assert "30 April 2021, 22:59 CEST" in refused.content.decode()
    assert practice.title == "In time"


def test_extension_lets_only_that_sme_save_after_the_deadline(world, client_for):
    call = closing_call()
    mine = PracticeFactory(call=call, organisation=world.sme)
    theirs = PracticeFactory(call=call, organisation=world.other_sme)
    DeadlineExtension.objects.create(
        call=call,
        organisation=world.sme,
        closes_at=CLOSES_AT + timedelta(days=7),
        reason="Server outage",
        granted_by=world.coordinator,
    )

    with time_machine.travel(CLOSES_AT + timedelta(days=2), tick=False):
        page = client_for("sme_member").get(edit_url(mine)).content.decode()
        saved = client_for("sme_member").post(edit_url(mine), form_data(title="Extended"))
        refused = client_for("other_sme_admin").post(edit_url(theirs), form_data(title="Nope"))

    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert "7 May 2021, 23:59 CEST" in page and "extension granted to your SME" in page
    assert saved.status_code == 302 and mine.title == "Extended"
    assert refused.status_code == 409 and theirs.title != "Nope"


# --------------------------------------------------------------------------------------------
# Detail page
# --------------------------------------------------------------------------------------------
def test_detail_shows_state_log_and_text_but_no_reviewer_data(world, client_for):
    from tests.factories import ReviewFactory

    practice = PracticeFactory(call=CallFactory(), organisation=world.sme, state="submitted")
    services.practice_transition(
        practice=practice, target=PracticeState.IN_REVIEW, actor=world.reviewer
    )
    ReviewFactory(practice=practice, reviewer=world.reviewer, comment="SECRET-REVIEWER-COMMENT")

    body = client_for("sme_member").get(detail_url(practice)).content.decode()

    assert "State: Under review" in body
    assert "<td>Submitted</td><td>Under review</td>" in body
    assert practice.short_description in body
    assert "SECRET-REVIEWER-COMMENT" not in body
    assert world.reviewer.email not in body
    assert world.reviewer.full_name not in body


@pytest.mark.parametrize("state", ["draft", "submitted"])
def test_detail_asks_the_membership_once_whatever_the_predicates(world, client_for, state):
    """can_edit, can_submit, can_withdraw and can_approve each ask "is this person a member?":
    the answer is kept on the organisation for the request (it was four queries for a draft)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    practice = PracticeFactory(call=CallFactory(), organisation=world.sme, state=state)
    client = client_for("sme_member")

    with CaptureQueriesContext(connection) as queries:
        response = client.get(detail_url(practice))

    asked = [q["sql"] for q in queries if 'FROM "accounts_membership"' in q["sql"]]
    assert response.status_code == 200
    assert response.context["can_edit"] and response.context["can_withdraw"]
    assert response.context["can_submit"] == (state == "draft")
    assert len(asked) == 1


def test_detail_warns_about_a_similar_practice_of_the_same_sme(world, client_for):
    call = CallFactory()
    sent = PracticeFactory(call=call, organisation=world.sme, state="submitted", title="Lunch")
    draft = PracticeFactory(call=call, organisation=world.sme, title="Lunch")

    body = client_for("sme_member").get(detail_url(draft)).content.decode()

    assert "A similar practice was already sent" in body
    assert detail_url(sent) in body


def test_detail_links_the_open_request_the_approval_and_the_attachment(world, client_for):
    practice = PracticeFactory(call=CallFactory(), organisation=world.sme, state="selected")
    practice.attachment.save("x.pdf", __import__("io").BytesIO(b"%PDF-1.4 test"))
    request = DetailRequest.objects.create(practice=practice, message="How many hours?")

    body = client_for("sme_member").get(detail_url(practice)).content.decode()

    assert (
        reverse("practices:detail_answer", kwargs={"pk": practice.pk, "request_pk": request.pk})
        in body
    )
    assert reverse("practices:public_version_approve", kwargs={"pk": practice.pk}) in body
    assert reverse("practices:practice_attachment", kwargs={"pk": practice.pk}) in body
    assert "How many hours?" in body


def test_reviewer_sees_the_text_without_sme_actions(world, client_for):
    practice = PracticeFactory(call=CallFactory(), organisation=world.sme, state="submitted")

    body = client_for("reviewer").get(detail_url(practice)).content.decode()

    assert practice.short_description in body
    assert edit_url(practice) not in body
    assert "Withdraw" not in body


# --------------------------------------------------------------------------------------------
# Withdraw
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("state", ["draft", "submitted"])
def test_withdraw_before_the_deadline(world, client_for, state):
    practice = PracticeFactory(call=CallFactory(), organisation=world.sme, state=state)
    url = reverse("practices:submission_withdraw", kwargs={"pk": practice.pk})
    client = client_for("sme_admin")

    page = client.get(url)
    response = client.post(url, {"comment": "We merged it with another practice."})

    practice.refresh_from_db()
    assert page.status_code == 200 and "Withdraw this practice" in page.content.decode()
    assert response.status_code == 302
    assert practice.state == PracticeState.WITHDRAWN
    assert practice.transitions.get().comment == "We merged it with another practice."


def test_withdraw_after_the_deadline_is_refused(world, client_for):
    call = closing_call()
    practice = PracticeFactory(call=call, organisation=world.sme, state="submitted")
    url = reverse("practices:submission_withdraw", kwargs={"pk": practice.pk})

    with time_machine.travel(AFTER, tick=False):
        page = client_for("sme_admin").get(url).content.decode()
        response = client_for("sme_admin").post(url, {"comment": ""})

    practice.refresh_from_db()
    assert "The deadline of this call passed" in page
    assert "Withdraw this practice" not in page
    assert response.status_code == 409
    assert practice.state == PracticeState.SUBMITTED


def test_withdraw_of_a_practice_in_review_is_refused(world, client_for):
    practice = PracticeFactory(call=CallFactory(), organisation=world.sme, state="in_review")
    url = reverse("practices:submission_withdraw", kwargs={"pk": practice.pk})

    response = client_for("sme_admin").post(url, {"comment": ""})

    practice.refresh_from_db()
    assert response.status_code == 409
    assert practice.state == PracticeState.IN_REVIEW


# --------------------------------------------------------------------------------------------
# Request for detail, public version, events
# --------------------------------------------------------------------------------------------
def detail_requested(world, call=None):
    practice = PracticeFactory(
        call=call or CallFactory(), organisation=world.sme, state="shortlisted"
    )
    request = services.detail_request_create(
        user=world.reviewer, practice=practice, message="How many hours a month?"
    )
    return practice, request


def test_detail_answer_after_the_deadline_works(world, client_for):
    call = closing_call()
    with time_machine.travel(BEFORE, tick=False):
        practice, request = detail_requested(world, call)
    url = reverse("practices:detail_answer", kwargs={"pk": practice.pk, "request_pk": request.pk})

    with time_machine.travel(CLOSES_AT + timedelta(days=20), tick=False):
        page = client_for("sme_member").get(url)
        response = client_for("sme_member").post(url, {"answer": "About eight hours."})

    request.refresh_from_db()
    practice.refresh_from_db()
    assert page.status_code == 200 and "How many hours a month?" in page.content.decode()
    assert response.status_code == 302
    assert (request.answer, request.answered_by) == ("About eight hours.", world.sme_member)
    assert practice.state == PracticeState.DETAIL_RECEIVED
    assert Notification.objects.filter(
        event="practice_detail_received", to_email=world.reviewer.email
    ).exists()


def test_detail_answer_twice_shows_the_first_answer(world, client_for):
    practice, request = detail_requested(world)
    url = reverse("practices:detail_answer", kwargs={"pk": practice.pk, "request_pk": request.pk})
    client = client_for("sme_member")
    client.post(url, {"answer": "First."})

    page = client.get(url).content.decode()
    again = client.post(url, {"answer": "Second."})

    request.refresh_from_db()
    assert "You answered on" in page and "First." in page
    assert again.status_code == 409
    assert request.answer == "First."


def test_detail_answer_with_a_request_of_another_practice_is_404(world, client_for):
    practice, _request = detail_requested(world)
    _other, other_request = detail_requested(world)

    response = client_for("sme_member").get(
        reverse(
            "practices:detail_answer", kwargs={"pk": practice.pk, "request_pk": other_request.pk}
        )
    )

    assert response.status_code == 404


def test_public_version_shows_the_shortened_text_and_an_unticked_consent(world, client_for):
    practice = PracticeFactory(
        call=CallFactory(),
        organisation=world.sme,
        state="selected",
        public_title="Friday hour (short)",
        public_description="The shortened text.",
    )

    body = (
        client_for("sme_member")
        .get(reverse("practices:public_version_approve", kwargs={"pk": practice.pk}))
        .content.decode()
    )

    assert "Friday hour (short)" in body and "The shortened text." in body
    assert 'name="consent"' in body
    assert "checked" not in body


def test_public_version_falls_back_to_the_smes_text(world, client_for):
    practice = PracticeFactory(call=CallFactory(), organisation=world.sme, state="selected")

    body = (
        client_for("sme_member")
        .get(reverse("practices:public_version_approve", kwargs={"pk": practice.pk}))
        .content.decode()
    )

    assert practice.title in body and practice.short_description in body


def test_public_version_approval_needs_the_consent(world, client_for):
    practice = PracticeFactory(
        call=CallFactory(), organisation=world.sme, state="selected", publication_consent=False
    )
    url = reverse("practices:public_version_approve", kwargs={"pk": practice.pk})
    client = client_for("sme_admin")

    refused = client.post(url, {})
    practice.refresh_from_db()
    refused_state = (practice.public_version_approved_at, practice.publication_consent)
    approved = client.post(url, {"consent": "on"})

    practice.refresh_from_db()
    assert refused.status_code == 200
    assert "The SME has not consented to publication." in refused.content.decode()
    assert refused_state == (None, False)
    assert approved.status_code == 302
    assert practice.public_version_approved_by == world.sme_admin
    assert practice.publication_consent is True


def test_public_version_of_a_practice_not_selected_has_nothing_to_approve(world, client_for):
    practice = PracticeFactory(call=CallFactory(), organisation=world.sme, state="in_review")
    url = reverse("practices:public_version_approve", kwargs={"pk": practice.pk})

    page = client_for("sme_admin").get(url).content.decode()
    post = client_for("sme_admin").post(url, {"consent": "on"})

    practice.refresh_from_db()
    assert "There is nothing to approve now" in page and 'name="consent"' not in page
    assert post.status_code == 409
    assert practice.public_version_approved_at is None


def invitation_for(world, **event):
    practice = PracticeFactory(call=CallFactory(), organisation=world.sme, state="selected")
    return EventInvitation.objects.create(event=EventFactory(**event), practice=practice)


@pytest.mark.parametrize("answer", ["yes", "no"])
def test_rsvp_is_recorded(world, client_for, answer):
    invitation = invitation_for(world)
    url = reverse("practices:event_rsvp", kwargs={"pk": invitation.pk})

    page = client_for("sme_member").get(url)
    response = client_for("sme_member").post(url, {"rsvp": answer})

    invitation.refresh_from_db()
    assert page.status_code == 200 and invitation.event.title in page.content.decode()
    assert response.status_code == 302
    assert (invitation.rsvp, invitation.responded_by) == (answer, world.sme_member)


def test_rsvp_after_the_event_started_is_refused(world, client_for):
    invitation = invitation_for(world, starts_at=timezone.now() + timedelta(hours=1))
    url = reverse("practices:event_rsvp", kwargs={"pk": invitation.pk})

    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        page = client_for("sme_member").get(url).content.decode()
        post = client_for("sme_member").post(url, {"rsvp": "yes"})

    invitation.refresh_from_db()
    assert "already started" in page and 'name="rsvp"' not in page
    assert post.status_code == 409
    assert invitation.rsvp == "pending"


# --------------------------------------------------------------------------------------------
# Dashboard
# --------------------------------------------------------------------------------------------
def test_dashboard_lists_the_smes_work_and_what_is_asked_of_it(world, client_for):
    call = CallFactory(title="Digital SkillUp 2021")
    draft = PracticeFactory(call=call, organisation=world.sme, title="My draft")
    _asked, request = detail_requested(world, call)
    selected = PracticeFactory(call=call, organisation=world.sme, state="selected")
    invitation = EventInvitation.objects.create(
        event=EventFactory(title="Brussels meet-up"), practice=selected
    )
    published = PracticeFactory(
        call=call, organisation=world.sme, state="published", slug="ours", view_count=1234
    )
    PracticeFactory(call=call, organisation=world.other_sme, title="NOT-OURS")
    DeadlineExtension.objects.create(
        call=call,
        organisation=world.sme,
        closes_at=call.closes_at + timedelta(days=7),
        reason="Outage",
        granted_by=world.coordinator,
    )

    body = client_for("sme_member").get(reverse("dashboard")).content.decode()

    assert detail_url(draft) in body and "My draft" in body and "Draft" in body
    assert (
        reverse(
            "practices:detail_answer", kwargs={"pk": request.practice_id, "request_pk": request.pk}
        )
        in body
    )
    assert reverse("practices:public_version_approve", kwargs={"pk": selected.pk}) in body
    assert reverse("practices:event_rsvp", kwargs={"pk": invitation.pk}) in body
    assert "Brussels meet-up" in body
    assert services.format_deadline(call.closes_at + timedelta(days=7)) in body
    assert "the new deadline is" in body
    assert published.display_title in body and "1234 views" in body
    assert create_url(call) in body
    assert "NOT-OURS" not in body


def test_dashboard_of_a_company_shows_no_sme_section(world, client_for):
    CallFactory()

    body = client_for("company_admin").get(reverse("dashboard")).content.decode()

    assert "Your practices" not in body
    assert "Submit a practice" not in body


def test_dashboard_queries_do_not_grow_with_the_smes_practices(world, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    call = CallFactory()
    client = client_for("sme_member")

    def count_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("dashboard"))
        assert response.status_code == 200
        return len(queries)

    def add_practices(n: int) -> None:
        for _ in range(n):
            practice = PracticeFactory(call=call, organisation=world.sme, state="selected")
            DetailRequest.objects.create(practice=practice, message="More?")
            EventInvitation.objects.create(event=EventFactory(), practice=practice)

    add_practices(1)
    one = count_queries()
    add_practices(9)
    ten = count_queries()

    assert one == ten


# --------------------------------------------------------------------------------------------
# Coming back to "Submit a practice" (#15): the draft, not a blank form
# --------------------------------------------------------------------------------------------
def test_second_visit_to_submit_opens_the_draft_saved_on_the_first(world, client_for):
    call = CallFactory()
    client = client_for("sme_member")
    first = client.get(create_url(call))
    client.post(create_url(call), form_data(title="Half-written", form_token=str(uuid.uuid4())))
    draft = Practice.objects.get()

    second = client.get(create_url(call))
    opened = client.get(second["Location"])

    assert first.status_code == 200 and first.context["practice"] is None
    assert (second.status_code, second["Location"]) == (302, edit_url(draft))
    assert opened.context["practice"] == draft
    assert opened.context["form"]["title"].value() == "Half-written"
    body = opened.content.decode()
    assert "Here is the draft your SME started for this call." in body
    assert f'href="{create_url(call)}?new=1"' in body  # "Start another practice"


def test_submit_opens_the_draft_another_member_of_the_sme_started(world, client_for):
    call = CallFactory()
    draft = PracticeFactory(call=call, organisation=world.sme, title="Theirs")

    response = client_for("sme_admin").get(create_url(call))

    assert (response.status_code, response["Location"]) == (302, edit_url(draft))


def test_submit_opens_the_draft_changed_last_when_there_are_two(world, client_for):
    call = CallFactory()
    first = PracticeFactory(call=call, organisation=world.sme, title="Started first")
    PracticeFactory(call=call, organisation=world.sme, title="Started second")
    Practice.objects.filter(pk=first.pk).update(updated_at=timezone.now() + timedelta(minutes=1))

    response = client_for("sme_member").get(create_url(call))

    assert response["Location"] == edit_url(first)


@pytest.mark.parametrize(
    "other",
    [
        {"state": "submitted"},  # sent: editable from its page, not a draft to continue
        {"state": "withdrawn"},
        {"title": "Another call's draft", "call": None},
        {"title": "Another SME's draft", "organisation": None},
    ],
    ids=["submitted", "withdrawn", "other-call", "other-sme"],
)
def test_submit_opens_a_blank_form_without_a_draft_of_this_sme_for_this_call(
    world, client_for, other
):
    call = CallFactory()
    fields = {"call": call, "organisation": world.sme, **other}
    fields["call"] = fields["call"] or CallFactory()
    fields["organisation"] = fields["organisation"] or world.other_sme
    PracticeFactory(**fields)

    response = client_for("sme_member").get(create_url(call))

    assert response.status_code == 200
    assert response.context["practice"] is None
    assert response.context["form"]["title"].value() is None


def test_start_another_practice_opens_a_blank_form_and_keeps_the_draft(world, client_for):
    call = CallFactory()
    draft = PracticeFactory(call=call, organisation=world.sme, title="Kept")
    client = client_for("sme_member")

    blank = client.get(create_url(call) + "?new=1")
    created = client.post(
        create_url(call), form_data(title="Second practice", form_token=str(uuid.uuid4()))
    )

    assert blank.status_code == 200 and blank.context["form"]["title"].value() is None
    assert created.status_code == 302
    assert sorted(Practice.objects.values_list("title", flat=True)) == ["Kept", "Second practice"]
    draft.refresh_from_db()
    assert draft.title == "Kept"


def test_after_the_deadline_submit_opens_the_draft_read_only(world, client_for):
    call = closing_call()
    draft = PracticeFactory(call=call, organisation=world.sme, title="Too late")

    with time_machine.travel(AFTER, tick=False):
        response = client_for("sme_member").get(create_url(call), follow=True)

    body = response.content.decode()
    assert response.redirect_chain == [(edit_url(draft), 302)]
    assert response.context["closed_message"]
    assert "Start another practice" not in body
    assert 'value="Too late"' in body and "readonly" in body


# --------------------------------------------------------------------------------------------
# The request for detail speaks of the deadline only once it has passed (#15)
# --------------------------------------------------------------------------------------------
AFTER_DEADLINE_NOTE = "You can answer even though the call's deadline has passed."


@pytest.mark.parametrize(
    ("moment", "said"),
    [
        (CLOSES_AT - timedelta(days=45), False),
        (CLOSES_AT - timedelta(minutes=1), False),
        (CLOSES_AT + timedelta(minutes=1), True),
    ],
    ids=["45-days-before", "a-minute-before", "a-minute-after"],
)
def test_detail_answer_mentions_the_deadline_only_once_passed(world, client_for, moment, said):
    call = closing_call()
    with time_machine.travel(CLOSES_AT - timedelta(days=50), tick=False):
        practice, request = detail_requested(world, call)
    url = reverse("practices:detail_answer", kwargs={"pk": practice.pk, "request_pk": request.pk})

    with time_machine.travel(moment, tick=False):
        page = client_for("sme_member").get(url)

    assert page.status_code == 200 and page.context["form"] is not None
    assert (AFTER_DEADLINE_NOTE in page.content.decode()) is said


def test_detail_answer_after_an_extension_is_not_past_the_deadline(world, client_for):
    call = closing_call()
    with time_machine.travel(BEFORE, tick=False):
        practice, request = detail_requested(world, call)
    DeadlineExtension.objects.create(
        call=call,
        organisation=world.sme,
        closes_at=CLOSES_AT + timedelta(days=7),
        granted_by=world.coordinator,
    )
    url = reverse("practices:detail_answer", kwargs={"pk": practice.pk, "request_pk": request.pk})

    with time_machine.travel(CLOSES_AT + timedelta(days=1), tick=False):
        page = client_for("sme_member").get(url)

    assert AFTER_DEADLINE_NOTE not in page.content.decode()
