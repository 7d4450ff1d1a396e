"""The emails practice services write: which event, to whom (once each), only once the change
commits, and what the recipient reads in their language."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.db import transaction
from django.utils import timezone

from accounts.enums import MembershipRole
from notifications.models import Notification
from practices import services
from tests.factories import (
    CallFactory,
    EventFactory,
    MembershipFactory,
    PracticeFactory,
    PublishedPracticeFactory,
)

pytestmark = pytest.mark.django_db

# 30 April 2021, 23:59 in Brussels (CEST, UTC+2).
CLOSES_AT = datetime(2021, 4, 30, 21, 59, tzinfo=UTC)
BEFORE_DEADLINE = CLOSES_AT - timedelta(days=3)


def sent() -> list[tuple[str, str]]:
    return list(Notification.objects.order_by("pk").values_list("event", "to_email"))


def practice_of(world, state="draft", **fields):
    call = CallFactory(opens_at=CLOSES_AT - timedelta(days=60), closes_at=CLOSES_AT)
    fields = {"created_by": world.sme_member, **fields}
    return PracticeFactory(call=call, organisation=world.sme, state=state, **fields)


# Each move, driven through its service: (state before, what the actor does, the event).
MOVES = {
    "submit": (
        "draft",
        lambda w, p: services.practice_submit(user=w.sme_member, practice=p),
        "practice_submitted",
    ),
    "withdraw": (
        "submitted",
        lambda w, p: services.practice_withdraw(user=w.sme_admin, practice=p, comment="Twice."),
        "practice_withdrawn",
    ),
    "request-detail": (
        "shortlisted",
        lambda w, p: services.detail_request_create(
            user=w.reviewer, practice=p, message="How many hours?"
        ),
        "practice_detail_requested",
    ),
    "select": (
        "shortlisted",
        lambda w, p: services.practice_transition(practice=p, target="selected", actor=w.reviewer),
        "practice_selected",
    ),
    "decline": (
        "in_review",
        lambda w, p: services.practice_transition(
            practice=p, target="declined", actor=w.reviewer, comment="Not internal."
        ),
        "practice_declined",
    ),
    "release-decision": (
        "shortlisted",
        lambda w, p: (
            services.practice_record_decision(user=w.reviewer, practice=p, decision="selected"),
            services.call_release_decisions(user=w.coordinator, call=p.call),
        ),
        "practice_selected",
    ),
    "publish": (
        "selected",
        lambda w, p: (
            services.practice_public_version_approve(user=w.sme_admin, practice=p, consent=True),
            services.practice_transition(practice=p, target="published", actor=w.reviewer),
        ),
        "practice_published",
    ),
    "public-version": (
        "selected",
        lambda w, p: services.practice_public_version_update(
            user=w.reviewer, practice=p, public_title="Fridays", public_description="An hour."
        ),
        "practice_public_version",
    ),
    "event-invitation": (
        "selected",
        lambda w, p: services.event_invite(user=w.coordinator, event=EventFactory(), practices=[p]),
        "event_invitation",
    ),
}


@pytest.mark.parametrize("move", list(MOVES), ids=list(MOVES))
def test_move_emails_the_author_and_the_sme_admins_once_each(world, move):
    state, act, event = MOVES[move]
    practice = practice_of(world, state)

    with time_machine.travel(BEFORE_DEADLINE, tick=False):
        act(world, practice)

    assert sent() == [(event, world.sme_member.email), (event, world.sme_admin.email)]


def test_author_who_is_an_admin_is_emailed_once(world):
    practice = practice_of(world, created_by=world.sme_admin)

    with time_machine.travel(BEFORE_DEADLINE, tick=False):
        services.practice_submit(user=world.sme_admin, practice=practice)

    assert sent() == [("practice_submitted", world.sme_admin.email)]


def test_author_who_left_the_sme_is_not_emailed(world):
    former = MembershipFactory(organisation=world.sme, role=MembershipRole.MEMBER).user
    practice = practice_of(world, "in_review", created_by=former)
    former.memberships.all().delete()

    services.practice_transition(practice=practice, target="declined", actor=world.reviewer)

    assert sent() == [("practice_declined", world.sme_admin.email)]


@pytest.mark.parametrize(
    ("source", "target"),
    [("submitted", "in_review"), ("in_review", "shortlisted")],
    ids=["start-review", "shortlist"],
)
def test_review_steps_send_nothing_to_the_sme(world, source, target):
    """The SME reads "under review" until a decision is announced: shortlisting is internal."""
    practice = practice_of(world, source)

    services.practice_transition(practice=practice, target=target, actor=world.reviewer)

    assert sent() == []


def test_detail_answer_emails_the_requesting_reviewer_only(world):
    practice = practice_of(world, "shortlisted")
    request = services.detail_request_create(
        user=world.reviewer, practice=practice, message="How many hours?"
    )
    Notification.objects.all().delete()

    services.detail_request_answer(
        user=world.sme_member, detail_request=request, answer="Four a month."
    )

    notification = Notification.objects.get()
    assert (notification.event, notification.to_email) == (
        "practice_detail_received",
        world.reviewer.email,
    )
    assert f"http://testserver/admin/practices/practice/{practice.pk}/change/" in (
        notification.body_text
    )
    assert "Four a month." in notification.body_text


def test_detail_asked_twice_emails_twice(world):
    practice = practice_of(world, "shortlisted")
    request = services.detail_request_create(
        user=world.reviewer, practice=practice, message="How many hours?"
    )
    services.detail_request_answer(user=world.sme_member, detail_request=request, answer="Four.")

    services.detail_request_create(user=world.reviewer, practice=practice, message="Which tools?")

    requested = Notification.objects.filter(
        event="practice_detail_requested", to_email=world.sme_admin.email
    )
    assert sorted("Which tools?" in n.body_text for n in requested) == [False, True]


def test_extension_emails_the_sme_admins(world):
    call = CallFactory(opens_at=CLOSES_AT - timedelta(days=60), closes_at=CLOSES_AT)

    services.extension_grant(
        user=world.coordinator,
        call=call,
        organisation=world.sme,
        closes_at=CLOSES_AT + timedelta(days=7),
        reason="Flooded office.",
    )

    notification = Notification.objects.get()
    assert (notification.event, notification.to_email) == (
        "practice_deadline_extended",
        world.sme_admin.email,
    )
    assert "7 May 2021, 23:59 CEST" in notification.body_text
    assert f"http://testserver/en/calls/{call.slug}/" in notification.body_text


def test_contact_message_is_escaped_in_html_and_plain_in_text(world):
    practice = PublishedPracticeFactory(organisation=world.sme, created_by=world.sme_member)

    services.contact_message_send(
        practice=practice,
        name="Ana <script>alert(1)</script>",
        email="ana@example.eu",
        message='Hello <b>team</b> & "friends"\nSecond line',
    )

    assert sent() == [
        ("practice_contact", world.sme_member.email),
        ("practice_contact", world.sme_admin.email),
    ]
    notification = Notification.objects.get(to_email=world.sme_admin.email)
    assert 'Hello <b>team</b> & "friends"\nSecond line' in notification.body_text
    assert "Ana <script>alert(1)</script>" in notification.body_text
    assert "Hello &lt;b&gt;team&lt;/b&gt; &amp; &quot;friends&quot;<br>Second line" in (
        notification.body_html
    )
    assert "Ana &lt;script&gt;alert(1)&lt;/script&gt;" in notification.body_html
    assert "<script>" not in notification.body_html and "<b>team" not in notification.body_html
    assert "ana@example.eu" in notification.body_html


def test_event_invitation_names_date_place_and_online_link(world):
    practice = practice_of(world, "selected")
    event = EventFactory(
        title="Upskilling day",
        starts_at=datetime(2026, 6, 12, 8, 30, tzinfo=UTC),
        place="Brussels",
        online_url="https://meet.example.eu/skillup",
    )

    services.event_invite(user=world.coordinator, event=event, practices=[practice])

    notification = Notification.objects.get(to_email=world.sme_admin.email)
    assert notification.subject == "You are invited: Upskilling day"
    for text in ("12 June 2026, 10:30 CEST", "Brussels", "https://meet.example.eu/skillup"):
        assert text in notification.body_text
        assert text in notification.body_html
    assert "http://testserver/en/dashboard/" in notification.body_text


# --------------------------------------------------------------------------------------------
# After commit only
# --------------------------------------------------------------------------------------------
def test_rolled_back_move_leaves_no_notification(world):
    practice = practice_of(world)

    with (
        time_machine.travel(BEFORE_DEADLINE, tick=False),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        services.practice_submit(user=world.sme_member, practice=practice)
        assert Notification.objects.count() == 2  # written with the change…
        raise RuntimeError("the request failed after the submit")

    assert (Notification.objects.count(), mail.outbox) == (0, [])  # …and gone with it
    practice.refresh_from_db()
    assert practice.state == "draft"


def test_emails_leave_only_after_commit(world, django_capture_on_commit_callbacks):
    practice = practice_of(world)

    with time_machine.travel(BEFORE_DEADLINE, tick=False):
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            services.practice_submit(user=world.sme_member, practice=practice)
        before_commit = list(mail.outbox)
        for callback in callbacks:
            callback()

    assert before_commit == []
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [world.sme_member.email, world.sme_admin.email]
    )
    assert {m.subject for m in mail.outbox} == {f"We received your practice “{practice.title}”"}


# --------------------------------------------------------------------------------------------
# What the recipient reads, in their language
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("language", "deadline"),
    [("en", "30 April 2021, 23:59 CEST"), ("fr", "30 avril 2021, 23:59 CEST")],
    ids=["en", "fr"],
)
def test_receipt_rendered_in_the_recipients_language(world, language, deadline):
    world.sme_admin.language = language
    world.sme_admin.save(update_fields=["language"])
    practice = practice_of(world, title="Lunch & learn")

    with time_machine.travel(BEFORE_DEADLINE, tick=False):
        services.practice_submit(user=world.sme_member, practice=practice)

    receipt = Notification.objects.get(to_email=world.sme_admin.email)
    assert receipt.language == language
    assert "Lunch & learn" in receipt.subject
    assert deadline in receipt.body_text
    assert f"http://testserver/{language}/submissions/{practice.pk}/" in receipt.body_text
    assert practice.short_description in receipt.body_text
    assert "Lunch &amp; learn" in receipt.body_html
    assert f'<html lang="{language}">' in receipt.body_html


# every interface language: the subject, the greeting and the deadline as that language writes
# a day (Spanish "de", Polish genitive month, Italian lower-case month)
RECEIPTS = {
    "en": ("We received your practice “Lunch & learn”", "Hello,", "30 April 2021, 23:59 CEST"),
    "fr": (
        "Nous avons bien reçu votre pratique « Lunch & learn »",
        "Bonjour,",
        "30 avril 2021, 23:59 CEST",
    ),
    "de": (
        "Wir haben Ihr Praxisbeispiel „Lunch & learn“ erhalten",
        "Guten Tag,",
        "30. April 2021, 23:59 CEST",
    ),
    "es": (
        "Hemos recibido su práctica «Lunch & learn»",
        "Estimado/a usuario/a:",
        "30 de abril de 2021, 23:59 CEST",
    ),
    "it": (
        "Abbiamo ricevuto la Sua pratica «Lunch & learn»",
        "Gentile utente,",
        "30 aprile 2021, 23:59 CEST",
    ),
    "pl": (
        "Otrzymaliśmy Państwa praktykę „Lunch & learn”",
        "Dzień dobry,",
        "30 kwietnia 2021, 23:59 CEST",
    ),
    "nl": (
        "We hebben uw praktijk ‘Lunch & learn’ ontvangen",
        "Goedendag,",
        "30 april 2021, 23:59 CEST",
    ),
}


def test_receipt_cases_cover_every_interface_language():
    from django.conf import settings

    assert sorted(RECEIPTS) == sorted(code for code, _name in settings.LANGUAGES)


@pytest.mark.parametrize(("language", "expected"), RECEIPTS.items(), ids=RECEIPTS.keys())
def test_receipt_translated_in_every_interface_language(world, language, expected):
    subject, greeting, deadline = expected
    world.sme_admin.language = language
    world.sme_admin.save(update_fields=["language"])
    practice = practice_of(world, title="Lunch & learn")

    with time_machine.travel(BEFORE_DEADLINE, tick=False):
        services.practice_submit(user=world.sme_member, practice=practice)

    receipt = Notification.objects.get(to_email=world.sme_admin.email)
    assert (receipt.language, receipt.subject) == (language, subject)
    assert receipt.body_text.startswith(greeting)
    assert deadline in receipt.body_text
    assert f'<html lang="{language}">' in receipt.body_html
    if language != "en":  # translated, not the English left in place
        assert "Thank you!" not in receipt.body_text
        assert "What you sent:" not in receipt.body_text


@pytest.mark.parametrize("language", ["en", "fr"], ids=["en", "fr"])
def test_publication_links_to_the_public_page_in_the_recipients_language(world, language):
    world.sme_admin.language = language
    world.sme_admin.save(update_fields=["language"])
    practice = practice_of(
        world, "selected", public_version_approved_at=timezone.now(), title="Lunch & learn"
    )

    services.practice_transition(practice=practice, target="published", actor=world.reviewer)

    practice.refresh_from_db()
    published = Notification.objects.get(to_email=world.sme_admin.email)
    link = f"http://testserver/{language}/practices/{practice.slug}/"
    assert link in published.body_text
    assert f'href="{link}"' in published.body_html


def test_declined_without_comment_has_no_empty_note(world):
    practice = practice_of(world, "in_review")

    services.practice_transition(practice=practice, target="declined", actor=world.reviewer)

    declined = Notification.objects.get(to_email=world.sme_admin.email)
    assert "note" not in declined.body_text
    assert "not selected" in declined.body_text
