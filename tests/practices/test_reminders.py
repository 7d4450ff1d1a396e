"""Periodic practice emails with the clock set: deadline reminders to SMEs with an unsubmitted
draft (7 days and 1 day before their deadline, once each) and the reviewers' daily digest."""

import time
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from accounts.enums import MembershipRole
from accounts.roles import REVIEWERS
from notifications.models import Notification
from notifications.reminders import send_due_reminders
from notifications.services import preference_unsubscribe
from practices.models import DeadlineExtension
from practices.reminders import practice_deadline_reminders, reviewer_digests
from tests.factories import (
    CallFactory,
    MembershipFactory,
    OrganisationFactory,
    PracticeFactory,
    ReviewFactory,
    UserFactory,
)
from tests.harness import SmtpSink

pytestmark = pytest.mark.django_db

# 30 April 2021, 23:59 in Brussels (CEST, UTC+2).
CLOSES_AT = datetime(2021, 4, 30, 21, 59, tzinfo=UTC)


def closing_call(closes_at=CLOSES_AT):
    return CallFactory(opens_at=closes_at - timedelta(days=60), closes_at=closes_at)


def draft(world, call, **fields):
    return PracticeFactory(call=call, organisation=world.sme, created_by=world.sme_member, **fields)


def reminders():
    """(recipient, occurrence) of every deadline reminder written, in order."""
    return [
        (n.to_email, n.idempotency_key.rsplit(":", 1)[1].split("@")[0])
        for n in Notification.objects.filter(event="practice_deadline_reminder").order_by("pk")
    ]


def run_at(moment) -> int:
    with time_machine.travel(moment, tick=False):
        return send_due_reminders()


# --------------------------------------------------------------------------------------------
# Deadline reminders
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("before_deadline", "occurrence"),
    [
        (timedelta(days=8), None),
        (timedelta(days=7), "7d"),
        (timedelta(days=6), "7d"),
        (timedelta(days=1, minutes=1), "7d"),
        (timedelta(hours=20), "1d"),
        (timedelta(minutes=5), "1d"),
        (timedelta(0), None),
        (-timedelta(hours=1), None),
    ],
    ids=["8d", "7d", "6d", "1d1m", "20h", "5m", "at-deadline", "after-deadline"],
)
def test_deadline_reminder_due_by_time_left(world, before_deadline, occurrence):
    draft(world, closing_call())

    run_at(CLOSES_AT - before_deadline)

    expected = [] if occurrence is None else [occurrence, occurrence]  # the author, the admin
    assert [o for _email, o in reminders()] == expected


def test_a_run_wakes_the_workers_once_its_reminders_go_over_one_smtp_connection(
    world, django_capture_on_commit_callbacks
):
    draft(world, closing_call())
    draft(world, closing_call())  # two drafts: four reminders (their author, their admin)

    with SmtpSink() as sink, override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1", EMAIL_PORT=sink.port, EMAIL_USE_TLS=False,
        EMAIL_HOST_USER="", EMAIL_HOST_PASSWORD="", EMAIL_TIMEOUT=5,
    ):  # fmt: skip
        with django_capture_on_commit_callbacks(execute=True) as wakes:
            assert run_at(CLOSES_AT - timedelta(days=6)) == 4
        time.sleep(0.3)  # a late copy would be stored by now

        sent = Notification.objects.filter(event="practice_deadline_reminder")
        assert len(wakes) == 1  # one wake for the run, not one per email
        assert sink.connections == 1  # one batch task (eager here), one SMTP session
        assert sink.delivered() == {str(n.uuid): 1 for n in sent}
        assert set(sent.values_list("status", flat=True)) == {"sent"}


def test_deadline_reminders_once_each_to_author_and_admins(world):
    draft(world, closing_call())
    author, admin = world.sme_member.email, world.sme_admin.email

    runs = [
        run_at(CLOSES_AT - timedelta(days=6)),
        run_at(CLOSES_AT - timedelta(days=6) + timedelta(hours=5)),  # the same day, again
        run_at(CLOSES_AT - timedelta(hours=20)),
        run_at(CLOSES_AT - timedelta(hours=2)),
        run_at(CLOSES_AT + timedelta(hours=1)),
    ]

    assert runs == [2, 0, 2, 0, 0]
    assert reminders() == [(author, "7d"), (admin, "7d"), (author, "1d"), (admin, "1d")]


def test_draft_first_found_on_the_last_day_gets_only_the_one_day_reminder(world):
    call = closing_call()
    with time_machine.travel(CLOSES_AT - timedelta(hours=20), tick=False):
        draft(world, call)

    run_at(CLOSES_AT - timedelta(hours=20))
    run_at(CLOSES_AT - timedelta(hours=19))

    assert reminders() == [(world.sme_member.email, "1d"), (world.sme_admin.email, "1d")]


def test_deadline_reminder_context_names_days_left_deadline_and_edit_link(world):
    practice = draft(world, closing_call(), title="Lunch & learn")

    run_at(CLOSES_AT - timedelta(days=6))
    run_at(CLOSES_AT - timedelta(hours=20))

    week, day = Notification.objects.filter(
        event="practice_deadline_reminder", to_email=world.sme_admin.email
    ).order_by("pk")
    assert week.subject == "6 days left to submit “Lunch & learn”"
    assert day.subject == "1 day left to submit “Lunch & learn”"
    assert "30 April 2021, 23:59 CEST" in week.body_text
    assert f"http://testserver/en/submissions/{practice.pk}/edit/" in week.body_text
    assert "/notifications/unsubscribe/" in week.body_text
    assert week.headers["List-Unsubscribe"].startswith("<http://testserver/en/notifications/")


def test_deadline_reminder_follows_the_smes_extension(world):
    call = closing_call()
    extended_to = CLOSES_AT + timedelta(days=14)
    DeadlineExtension.objects.create(
        call=call,
        organisation=world.sme,
        closes_at=extended_to,
        reason="Flooded office.",
        granted_by=world.coordinator,
    )
    draft(world, call)
    PracticeFactory(call=call, organisation=world.other_sme, created_by=None)

    run_at(CLOSES_AT - timedelta(days=6))  # the call's own deadline: only the other SME
    run_at(extended_to - timedelta(days=6))

    assert reminders() == [
        (world.other_sme_admin.email, "7d"),
        (world.sme_member.email, "7d"),
        (world.sme_admin.email, "7d"),
    ]
    assert "14 May 2021, 23:59 CEST" in (
        Notification.objects.filter(to_email=world.sme_admin.email).get().body_text
    )


def test_extension_granted_after_a_reminder_brings_its_own_reminders(world):
    call = closing_call()
    draft(world, call)
    run_at(CLOSES_AT - timedelta(days=6))
    extended_to = CLOSES_AT + timedelta(days=14)
    DeadlineExtension.objects.create(
        call=call,
        organisation=world.sme,
        closes_at=extended_to,
        reason="Flooded office.",
        granted_by=world.coordinator,
    )

    run_at(extended_to - timedelta(days=6))
    run_at(extended_to - timedelta(days=6, hours=-1))  # the same day again: nothing new

    assert [occurrence for _email, occurrence in reminders()] == ["7d", "7d", "7d", "7d"]


@pytest.mark.parametrize(
    "state", ["submitted", "withdrawn", "in_review", "declined"], ids=lambda s: s
)
def test_no_deadline_reminder_for_practice_not_in_draft(world, state):
    draft(world, closing_call(), state=state)

    run_at(CLOSES_AT - timedelta(days=6))

    assert reminders() == []


def test_deadline_reminder_skips_author_who_left_the_sme(world):
    former = MembershipFactory(organisation=world.sme, role=MembershipRole.MEMBER)
    PracticeFactory(call=closing_call(), organisation=world.sme, created_by=former.user)
    former.delete()

    run_at(CLOSES_AT - timedelta(days=6))

    assert reminders() == [(world.sme_admin.email, "7d")]


def test_deadline_reminder_to_an_admin_author_once(world):
    PracticeFactory(call=closing_call(), organisation=world.sme, created_by=world.sme_admin)

    run_at(CLOSES_AT - timedelta(days=6))

    assert reminders() == [(world.sme_admin.email, "7d")]


def test_deadline_reminder_respects_an_unsubscribe(world):
    draft(world, closing_call())
    preference_unsubscribe(email=world.sme_admin.email, kind="reminder")

    run_at(CLOSES_AT - timedelta(days=6))

    assert reminders() == [(world.sme_member.email, "7d")]


def _queries_of(producer) -> int:
    with CaptureQueriesContext(connection) as queries:
        list(producer())
    return len(queries)


def test_deadline_reminder_queries_do_not_grow_with_drafts(world):
    call = closing_call()
    draft(world, call)
    with time_machine.travel(CLOSES_AT - timedelta(days=6), tick=False):
        one = _queries_of(practice_deadline_reminders)
        for _ in range(5):
            sme = OrganisationFactory()
            author = MembershipFactory(organisation=sme, role=MembershipRole.ADMIN).user
            PracticeFactory(call=call, organisation=sme, created_by=author)
        many = _queries_of(practice_deadline_reminders)

    assert one == many == 2


# --------------------------------------------------------------------------------------------
# Reviewers' daily digest
# --------------------------------------------------------------------------------------------
MORNING = datetime(2026, 11, 2, 6, 0, tzinfo=UTC)  # 07:00 in Brussels (CET): digests start


def digests():
    return list(
        Notification.objects.filter(event="reviewer_digest")
        .order_by("pk")
        .values_list("to_email", "idempotency_key")
    )


def submission(organisation, state="submitted", **fields):
    return PracticeFactory(organisation=organisation, state=state, submitted_at=MORNING, **fields)


def test_digest_lists_what_awaits_the_reviewer(world):
    awaiting = [
        submission(world.sme, "submitted", title="Awaiting one"),
        submission(world.other_sme, "in_review", title="Awaiting two"),
        submission(world.other_sme, "detail_received", title="Awaiting three"),
    ]
    submission(world.sme, "shortlisted", title="Shortlisted")
    submission(world.sme, "draft", title="A draft")
    submission(world.sme, "withdrawn", title="Withdrawn")
    reviewed = submission(world.sme, "in_review", title="Already reviewed")
    ReviewFactory(practice=reviewed, reviewer=world.reviewer)

    written = run_at(MORNING)

    digest = Notification.objects.get(event="reviewer_digest")
    assert (written, digest.to_email) == (1, world.reviewer.email)
    assert digest.subject == "SkillUp: submissions await your review"
    assert "3 submissions await your review:" in digest.body_text
    for practice in awaiting:
        link = f"http://testserver/admin/practices/practice/{practice.pk}/change/"
        assert link in digest.body_text
        assert f'<a href="{link}">{practice.title}</a>' in digest.body_html
    for title in ("Shortlisted", "A draft", "Withdrawn", "Already reviewed"):
        assert title not in digest.body_text
    assert digest.headers["List-Unsubscribe"].startswith("<http://testserver/en/notifications/")


def test_digest_once_a_day_by_local_date_from_the_morning(world):
    submission(world.sme)

    runs = [
        run_at(MORNING - timedelta(minutes=15)),  # 06:45 in Brussels: not yet
        run_at(MORNING),  # 07:00
        run_at(MORNING + timedelta(hours=16)),  # 23:00: the same day
        run_at(MORNING + timedelta(hours=17, minutes=30)),  # 00:30 the next day: too early
        run_at(MORNING + timedelta(hours=24)),  # 07:00 the next day
        run_at(MORNING + timedelta(hours=25)),
    ]

    assert runs == [0, 1, 0, 0, 1, 0]
    assert [key.rsplit(":", 1)[1] for _email, key in digests()] == ["2026-11-02", "2026-11-03"]


def test_digest_never_lists_the_reviewers_own_organisation(world):
    MembershipFactory(user=world.reviewer, organisation=world.sme)
    own = submission(world.sme, title="Our own practice")
    other = submission(world.other_sme, title="Someone else's")

    run_at(MORNING)

    digest = Notification.objects.get(event="reviewer_digest")
    assert "One submission awaits your review:" in digest.body_text
    assert other.title in digest.body_text
    assert own.title not in digest.body_text


def test_no_digest_when_only_the_reviewers_own_organisation_awaits(world):
    MembershipFactory(user=world.reviewer, organisation=world.sme)
    submission(world.sme)

    assert (run_at(MORNING), digests()) == (0, [])


@pytest.mark.parametrize(
    "state", ["draft", "shortlisted", "selected", "published", "declined"], ids=lambda s: s
)
def test_no_digest_when_nothing_awaits(world, state):
    submission(world.sme, state)

    assert (run_at(MORNING), digests()) == (0, [])


def test_digest_only_to_active_staff_reviewers(world):
    UserFactory(is_staff=False, groups=[REVIEWERS])
    UserFactory(is_staff=True, is_active=False, groups=[REVIEWERS])
    submission(world.sme)

    run_at(MORNING)

    assert [email for email, _key in digests()] == [world.reviewer.email]


def test_digest_lists_twenty_and_links_to_the_rest(world):
    for n in range(23):
        submission(world.other_sme, title=f"Practice number {n:02d}")

    run_at(MORNING)

    digest = Notification.objects.get(event="reviewer_digest")
    listed = [n for n in range(23) if f"Practice number {n:02d}" in digest.body_text]
    assert listed == list(range(20))
    assert "… and 3 more:" in digest.body_text
    assert "http://testserver/admin/practices/practice/\n" in digest.body_text
    assert digest.subject == "SkillUp: submissions await your review"


def test_digest_queries_do_not_grow_with_practices(world):
    submission(world.sme)
    with time_machine.travel(MORNING, tick=False):
        one = _queries_of(reviewer_digests)
        for _ in range(10):
            submission(world.other_sme)
        many = _queries_of(reviewer_digests)

    assert one == many == 2  # the reviewers, then one per reviewer
