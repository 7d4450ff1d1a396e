"""Practice services: drafts and revisions, the deadline at the moment of saving, double
submits, similarity, extensions, decisions announced together, reviews, events."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from notifications.models import Notification
from practices import services
from practices.enums import RevisionReason
from practices.models import Practice, PracticeRevision, Review
from skillup.errors import ApplicationError
from tests.factories import CallFactory, EventFactory, PracticeFactory
from tests.harness import at_once

pytestmark = pytest.mark.django_db

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
# 30 April 2021, 23:59:59 in Brussels (CEST, UTC+2) is 21:59:59 UTC.
CLOSES_AT = datetime(2021, 4, 30, 21, 59, 59, tzinfo=UTC)


def closing_call(**kwargs):
    return CallFactory(opens_at=CLOSES_AT - timedelta(days=60), closes_at=CLOSES_AT, **kwargs)


def save(world, call, practice=None, **changes):
    return services.practice_save(
        user=world.sme_member,
        call=call,
        organisation=world.sme,
        practice=practice,
        fields=FIELDS | changes,
    )


def test_practice_save_creates_draft_with_revision(world):
    call = CallFactory()

    practice = save(world, call)

    assert (practice.state, practice.created_by) == ("draft", world.sme_member)
    assert list(practice.revisions.values_list("reason", flat=True)) == ["draft_saved"]
    assert practice.revisions.get().data["title"] == "Lunch & learn"


def test_every_save_keeps_a_revision(world):
    call = CallFactory()
    practice = save(world, call)

    save(world, call, practice, title="Lunch and learn")
    services.practice_submit(user=world.sme_member, practice=practice)
    save(world, call, practice, title="Lunch and learn, every week")

    titles = list(practice.revisions.order_by("pk").values_list("reason", "data__title"))
    assert titles == [
        ("draft_saved", "Lunch & learn"),
        ("draft_saved", "Lunch and learn"),
        ("submitted", "Lunch and learn"),
        ("edited", "Lunch and learn, every week"),
    ]


@pytest.mark.parametrize(
    ("moment", "accepted"),
    [
        (CLOSES_AT - timedelta(hours=1), True),
        (CLOSES_AT - timedelta(seconds=1), True),
        (CLOSES_AT, False),  # "closes at" is the first moment it is closed
        (CLOSES_AT + timedelta(seconds=1), False),
    ],
    ids=["hour-before", "second-before", "at", "second-after"],
)
def test_save_checks_deadline_at_the_moment_of_saving(world, moment, accepted):
    call = closing_call()
    with time_machine.travel(CLOSES_AT - timedelta(days=1), tick=False):
        practice = save(world, call)

    with time_machine.travel(moment, tick=False):
        if accepted:
            save(world, call, practice, title="Changed in time")
        else:
            with pytest.raises(ApplicationError, match="deadline of this call passed"):
                save(world, call, practice, title="Changed too late")

    practice.refresh_from_db()
    assert practice.title == ("Changed in time" if accepted else "Lunch & learn")


def test_late_save_is_refused_but_kept_as_late_attempt(world):
    call = closing_call()
    with time_machine.travel(CLOSES_AT - timedelta(days=1), tick=False):
        practice = save(world, call)

    with (
        time_machine.travel(CLOSES_AT + timedelta(seconds=1), tick=False),
        pytest.raises(ApplicationError),
    ):
        save(world, call, practice, title="Typed in the last second")

    late = practice.revisions.get(reason=RevisionReason.LATE_ATTEMPT)
    assert late.data["title"] == "Typed in the last second"
    practice.refresh_from_db()
    assert (practice.title, practice.state) == ("Lunch & learn", "draft")


def test_deadline_message_names_the_time_zone(world):
    call = closing_call()
    with (
        time_machine.travel(CLOSES_AT + timedelta(minutes=5), tick=False),
        pytest.raises(ApplicationError) as refused,
    ):
        save(world, call)

    assert "30 April 2021, 23:59 CEST" in str(refused.value.message)
    assert not Practice.objects.exists()


def test_deadline_shown_in_another_time_zone():
    moment = CLOSES_AT

    with timezone.override(ZoneInfo("Europe/Helsinki")):
        helsinki = services.format_deadline(moment)
    with timezone.override(ZoneInfo("Europe/Lisbon")):
        lisbon = services.format_deadline(moment)

    assert (helsinki, lisbon) == ("1 May 2021, 00:59 EEST", "30 April 2021, 22:59 WEST")


def test_deadline_is_the_same_instant_whatever_the_active_time_zone(world):
    call = closing_call()
    with time_machine.travel(CLOSES_AT - timedelta(days=1), tick=False):
        practice = save(world, call)

    # 23:00 in Lisbon on 30 April is 22:00 UTC: after the 21:59:59 UTC deadline
    lisbon = ZoneInfo("Europe/Lisbon")
    with (
        timezone.override(lisbon),
        time_machine.travel(datetime(2021, 4, 30, 23, 0, tzinfo=lisbon)),
        pytest.raises(ApplicationError),
    ):
        services.practice_submit(user=world.sme_member, practice=practice)


def test_save_before_call_opens_refused(world):
    call = CallFactory(opens_at=timezone.now() + timedelta(days=1))

    with pytest.raises(ApplicationError, match="not open for submissions yet"):
        save(world, call)


def test_extension_lets_only_that_sme_save_after_the_deadline(world):
    call = closing_call()
    with time_machine.travel(CLOSES_AT - timedelta(days=1), tick=False):
        practice = save(world, call)
        services.extension_grant(
            user=world.coordinator,
            call=call,
            organisation=world.sme,
            closes_at=CLOSES_AT + timedelta(days=3),
            reason="Flooded office",
        )

    with time_machine.travel(CLOSES_AT + timedelta(days=1), tick=False):
        save(world, call, practice, title="Saved during the extension")
        with pytest.raises(ApplicationError):
            services.practice_save(
                user=world.other_sme_admin,
                call=call,
                organisation=world.other_sme,
                fields=FIELDS,
            )

    practice.refresh_from_db()
    assert practice.title == "Saved during the extension"
    assert Notification.objects.filter(event="practice_deadline_extended").count() == 1


@pytest.mark.parametrize("role", ["reviewer", "sme_admin", "company_admin"])
def test_extension_only_by_coordinator(world, role):
    call = CallFactory()

    with pytest.raises(ApplicationError):
        services.extension_grant(
            user=getattr(world, role),
            call=call,
            organisation=world.sme,
            closes_at=call.closes_at + timedelta(days=2),
            reason="",
        )


def test_extension_must_end_after_the_call(world):
    call = CallFactory()

    with pytest.raises(ApplicationError, match="after the call's own deadline"):
        services.extension_grant(
            user=world.coordinator,
            call=call,
            organisation=world.sme,
            closes_at=call.closes_at - timedelta(hours=1),
            reason="",
        )


def test_same_form_token_creates_one_practice(world):
    call = CallFactory()
    token = "6f1f6cd0-3f2e-4c1b-9d6a-1d2f3e4a5b6c"

    first = services.practice_save(
        user=world.sme_member, call=call, organisation=world.sme, form_token=token, fields=FIELDS
    )
    second = services.practice_save(
        user=world.sme_member, call=call, organisation=world.sme, form_token=token, fields=FIELDS
    )

    assert first.pk == second.pk
    assert Practice.objects.count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers: PostgreSQL")
def test_concurrent_double_submit_creates_one_practice():
    from tests.conftest import World  # noqa: F401  (world fixture is not transaction-safe here)
    from tests.factories import MembershipFactory, OrganisationFactory

    sme = OrganisationFactory()
    user = MembershipFactory(organisation=sme).user
    call = CallFactory()
    token = "0c1f6cd0-3f2e-4c1b-9d6a-1d2f3e4a5b6c"

    def click():
        return services.practice_save(
            user=user, call=call, organisation=sme, form_token=token, fields=FIELDS
        ).pk

    first, second = at_once(click, click)

    assert isinstance(first, int) and first == second
    assert Practice.objects.count() == 1


def test_submit_twice_sends_one_receipt(world):
    practice = PracticeFactory(organisation=world.sme, created_by=world.sme_member)

    services.practice_submit(user=world.sme_member, practice=practice)
    services.practice_submit(user=world.sme_member, practice=practice)

    assert practice.transitions.count() == 1
    receipts = Notification.objects.filter(event="practice_submitted")
    assert sorted(receipts.values_list("to_email", flat=True)) == sorted(
        [world.sme_member.email, world.sme_admin.email]
    )


def test_submit_incomplete_reports_each_missing_field(world):
    practice = PracticeFactory(
        organisation=world.sme, methodology="", audience="", internal_confirmed=False, tools=[]
    )

    with pytest.raises(ValidationError) as refused:
        services.practice_submit(user=world.sme_member, practice=practice)

    assert set(refused.value.message_dict) == {
        "methodology",
        "audience",
        "internal_confirmed",
        "tools",
    }
    practice.refresh_from_db()
    assert practice.state == "draft"


def test_editing_a_submission_cannot_empty_it(world):
    call = CallFactory()
    practice = save(world, call)
    services.practice_submit(user=world.sme_member, practice=practice)

    with pytest.raises(ValidationError):
        save(world, call, practice, methodology="")

    practice.refresh_from_db()
    assert practice.methodology == "Peer groups of four."


def test_description_over_the_call_limit_refused(world):
    call = CallFactory(description_max_length=200)

    with pytest.raises(ValidationError) as refused:
        save(world, call, short_description="x" * 201)

    assert "short_description" in refused.value.message_dict
    assert not Practice.objects.exists()


def test_save_for_someone_elses_practice_refused(world):
    call = CallFactory()
    theirs = PracticeFactory(call=call, organisation=world.other_sme)

    with pytest.raises(ApplicationError):
        save(world, call, theirs, title="Hijacked")

    theirs.refresh_from_db()
    assert theirs.title != "Hijacked"
    assert not PracticeRevision.objects.filter(practice=theirs).exists()


def test_save_for_a_large_company_refused(world):
    with pytest.raises(ApplicationError, match="on behalf of an SME"):
        services.practice_save(
            user=world.company_admin, call=CallFactory(), organisation=world.company, fields=FIELDS
        )


def test_similar_practice_of_same_organisation_is_found(world):
    sent = PracticeFactory(organisation=world.sme, state="submitted", title="Friday learning hour")
    PracticeFactory(organisation=world.other_sme, state="submitted", title="Friday learning hour")
    draft = PracticeFactory(organisation=world.sme, title="Friday learning hours")
    different = PracticeFactory(
        organisation=world.sme, title="Cyber drills", short_description="Phishing tests monthly."
    )

    assert services.similar_practices(draft) == [sent]
    assert services.similar_practices(different) == []


def test_decisions_recorded_then_announced_together(world):
    call = CallFactory()
    chosen = PracticeFactory(call=call, organisation=world.sme, state="shortlisted")
    refused = PracticeFactory(call=call, organisation=world.other_sme, state="in_review")
    services.practice_record_decision(user=world.reviewer, practice=chosen, decision="selected")
    services.practice_record_decision(
        user=world.reviewer, practice=refused, decision="declined", comment="Out of scope"
    )
    assert not Notification.objects.filter(event__in=["practice_selected", "practice_declined"])

    announced, problems = services.call_release_decisions(user=world.coordinator, call=call)

    assert (announced, problems) == (2, [])
    chosen.refresh_from_db()
    refused.refresh_from_db()
    assert (chosen.state, chosen.pending_decision) == ("selected", "")
    assert (refused.state, refused.pending_decision) == ("declined", "")
    assert refused.transitions.get().comment == "Out of scope"
    assert Notification.objects.filter(event="practice_selected").exists()
    assert Notification.objects.filter(event="practice_declined").exists()


def test_decision_not_allowed_from_state_refused(world):
    practice = PracticeFactory(organisation=world.sme, state="submitted")

    with pytest.raises(ApplicationError):
        services.practice_record_decision(
            user=world.reviewer, practice=practice, decision="selected"
        )


def test_review_one_per_reviewer_updated_in_place(world):
    practice = PracticeFactory(organisation=world.sme, state="in_review")
    scores = {"innovation": 5, "impact": 4, "transferability": 3, "clarity": 4}

    services.review_save(
        reviewer=world.reviewer, practice=practice, scores=scores, recommendation="select"
    )
    review = services.review_save(
        reviewer=world.reviewer,
        practice=practice,
        scores=scores | {"clarity": 2},
        recommendation="discuss",
    )

    assert Review.objects.count() == 1
    assert (str(review.score), review.recommendation) == ("3.50", "discuss")


@pytest.mark.parametrize("bad", [0, 6, None], ids=["zero", "six", "missing"])
def test_review_score_out_of_range_refused(world, bad):
    practice = PracticeFactory(organisation=world.sme, state="in_review")
    scores = {"innovation": bad, "impact": 4, "transferability": 3, "clarity": 4}

    with pytest.raises(ValidationError):
        services.review_save(
            reviewer=world.reviewer, practice=practice, scores=scores, recommendation="select"
        )

    assert not Review.objects.exists()


def test_review_of_own_organisation_refused(world):
    from tests.factories import MembershipFactory

    MembershipFactory(organisation=world.sme, user=world.reviewer)
    practice = PracticeFactory(organisation=world.sme, state="in_review")

    with pytest.raises(ApplicationError, match="own organisation"):
        services.review_save(
            reviewer=world.reviewer,
            practice=practice,
            scores={"innovation": 5, "impact": 5, "transferability": 5, "clarity": 5},
            recommendation="select",
        )


def test_event_invites_selected_and_published_once(world):
    event = EventFactory()
    selected = PracticeFactory(organisation=world.sme, state="selected")
    declined = PracticeFactory(organisation=world.other_sme, state="declined")

    first = services.event_invite(
        user=world.coordinator, event=event, practices=[selected, declined]
    )
    again = services.event_invite(user=world.coordinator, event=event, practices=[selected])

    assert (first, again) == (1, 0)
    assert list(event.invitations.values_list("practice", flat=True)) == [selected.pk]


def test_rsvp_by_member_only(world):
    event = EventFactory()
    practice = PracticeFactory(organisation=world.sme, state="selected")
    services.event_invite(user=world.coordinator, event=event, practices=[practice])
    invitation = event.invitations.get()

    with pytest.raises(ApplicationError):
        services.event_rsvp(user=world.other_sme_admin, invitation=invitation, rsvp="yes")
    services.event_rsvp(user=world.sme_member, invitation=invitation, rsvp="yes")

    invitation.refresh_from_db()
    assert (invitation.rsvp, invitation.responded_by) == ("yes", world.sme_member)


def test_contact_only_for_published_practice(world):
    practice = PracticeFactory(organisation=world.sme, state="selected")

    with pytest.raises(ApplicationError):
        services.contact_message_send(
            practice=practice, name="Ana", email="ana@example.eu", message="Hello"
        )

    assert not Notification.objects.filter(event="practice_contact").exists()


def test_publication_refreshes_the_cached_facet_counts(
    world, client, django_capture_on_commit_callbacks
):
    from practices.cache import VERSION_KEY

    practice = PracticeFactory(
        organisation=world.sme, state="selected", public_version_approved_at=timezone.now()
    )
    client.get("/en/practices/")  # caches the facet counts
    before = cache.get(VERSION_KEY)

    with django_capture_on_commit_callbacks(execute=True):
        services.practice_transition(practice=practice, target="published", actor=world.reviewer)

    assert cache.get(VERSION_KEY) != before
    assert practice.title in client.get("/en/practices/?country=FR").content.decode()


def test_attachment_stored_under_the_extension_its_content_proves(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    png = SimpleUploadedFile("photo.pdf", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "application/pdf")

    practice = save(world, CallFactory(), attachment=png)

    assert practice.attachment.name.endswith(".png")
    practice.attachment.delete(save=False)


def test_detail_answer_possible_when_the_reviewer_account_is_gone(world):
    practice = PracticeFactory(organisation=world.sme, state="shortlisted")
    request = services.detail_request_create(
        user=world.reviewer, practice=practice, message="How many hours?"
    )
    request.requested_by = None
    request.save(update_fields=["requested_by"])

    services.detail_request_answer(user=world.sme_admin, detail_request=request, answer="Four.")

    practice.refresh_from_db()
    assert practice.state == "detail_received"
