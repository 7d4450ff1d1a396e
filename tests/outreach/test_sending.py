"""Sending a group message: confirmed once, one email per person in their language, through the
outbox; nothing before the confirmation; programme news can be turned off."""

import os
import time

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.roles import COORDINATORS
from notifications.models import Notification, Preference
from outreach import services
from outreach.models import BODY_MAX, GroupMessage, GroupMessageRecipient
from skillup.errors import ApplicationError
from tests.factories import CallFactory, MentorProfileFactory, PracticeFactory, UserFactory
from tests.harness import (
    SmtpSink,
    wait_until,
    worker_on_private_queue,
)
from tests.outreach.conftest import compose
from volunteers.models import MentorProfile

pytestmark = pytest.mark.django_db

TEXTS = {
    "subject_en": "Meet the other mentors",
    "body_en": "Dear mentor,\n\nJoin us on 12 March.",
    "subject_fr": "Rencontrez les autres mentors",
    "body_fr": "Chère mentore, cher mentor,\n\nRejoignez-nous le 12 mars.",
}


def _mentors(*languages):
    return [MentorProfileFactory(state="approved", user__language=code).user for code in languages]


def _send(message, actor, capture):
    with capture(execute=True):
        return services.group_message_send(message=message, actor=actor, version=message.version)


def _by_address() -> dict:
    return {email.to[0]: email for email in mail.outbox}


def _form(**changes) -> dict:
    data = {
        "segment": "mentors",
        "call": "",
        **{f"{kind}_{code}": "" for kind in ("subject", "body") for code in ("en", "fr", "de")},
        "subject_en": "Programme news",
        "body_en": "Hello from the programme.",
        "_save": "Save and preview",
    }
    return {**data, **changes}


def _preview(message) -> str:
    return reverse("admin:outreach_groupmessage_preview", args=[message.pk])


# --------------------------------------------------------------------------------------------
# One email per person, in their language
# --------------------------------------------------------------------------------------------
def test_each_person_gets_one_email_in_their_language_english_when_the_message_lacks_it(
    coordinator, django_capture_on_commit_callbacks
):
    english, french, german = _mentors("en", "fr", "de")
    message = compose("mentors", **TEXTS)

    _send(message, coordinator, django_capture_on_commit_callbacks)

    sent = _by_address()
    assert sorted(sent) == sorted([english.email, french.email, german.email])
    assert len(mail.outbox) == 3
    assert sent[english.email].subject == "Meet the other mentors"
    assert sent[french.email].subject == "Rencontrez les autres mentors"
    assert sent[german.email].subject == "Meet the other mentors"  # no German text: English
    assert "Rejoignez-nous le 12 mars." in sent[french.email].body
    assert "Join us on 12 March." in sent[german.email].body
    assert sorted(GroupMessageRecipient.objects.values_list("user__email", "language")) == sorted(
        [(english.email, "en"), (french.email, "fr"), (german.email, "en")]
    )
    assert sorted(Notification.objects.values_list("to_email", "language", "status")) == sorted(
        [(english.email, "en", "sent"), (french.email, "fr", "sent"), (german.email, "en", "sent")]
    )


def test_a_message_only_in_french_goes_in_french_to_everyone(
    coordinator, django_capture_on_commit_callbacks
):
    (english,) = _mentors("en")
    message = compose("mentors", subject_fr="Nouvelles", body_fr="Bonjour à toutes et à tous.")

    _send(message, coordinator, django_capture_on_commit_callbacks)

    (email,) = mail.outbox
    assert (email.to, email.subject) == ([english.email], "Nouvelles")
    assert "Bonjour à toutes et à tous." in email.body
    # the email around the text speaks French too (the unsubscribe line, the link's prefix)
    assert "/fr/" in email.extra_headers["List-Unsubscribe"]


def test_the_email_says_why_the_person_receives_it_with_the_call_in_their_language(
    coordinator, django_capture_on_commit_callbacks
):
    call = CallFactory(title_en="Digital SkillUp 2027", title_fr="SkillUp numérique 2027")
    practice = PracticeFactory(call=call, state="selected")
    author = UserFactory(language="fr")
    practice.organisation.memberships.create(user=author, role="admin")
    message = compose("selected", call=call, **TEXTS)

    _send(message, coordinator, django_capture_on_commit_callbacks)

    (email,) = mail.outbox
    assert "SkillUp numérique 2027" in email.body


# --------------------------------------------------------------------------------------------
# Programme news can be turned off
# --------------------------------------------------------------------------------------------
def test_a_person_who_turned_programme_news_off_gets_nothing_and_is_recorded_so(
    coordinator, django_capture_on_commit_callbacks
):
    stays, leaves = _mentors("en", "en")
    Preference.objects.create(email=leaves.email, programme_news=False)
    message = compose("mentors")

    _send(message, coordinator, django_capture_on_commit_callbacks)

    assert [email.to for email in mail.outbox] == [[stays.email]]
    assert sorted(GroupMessageRecipient.objects.values_list("user__email", "turned_off")) == sorted(
        [(stays.email, False), (leaves.email, True)]
    )
    assert not Notification.objects.filter(to_email=leaves.email).exists()


def test_the_unsubscribe_link_of_one_message_stops_the_next(
    client, coordinator, django_capture_on_commit_callbacks
):
    (mentor,) = _mentors("en")
    _send(compose("mentors"), coordinator, django_capture_on_commit_callbacks)
    (first,) = mail.outbox
    link = first.extra_headers["List-Unsubscribe"].strip("<>")
    assert first.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link in first.body  # the text part shows it too

    response = client.post(link)  # the mail client's one-click
    _send(compose("mentors"), coordinator, django_capture_on_commit_callbacks)

    assert response.status_code == 200
    assert Preference.objects.get(email=mentor.email).programme_news is False
    assert len(mail.outbox) == 1
    assert Preference.objects.get(email=mentor.email).reminders is True  # only this kind


def test_turning_programme_news_off_on_the_preferences_page(client, world):
    client.force_login(world.sme_admin)

    response = client.post(
        reverse("notifications:preferences"), {"reminders": "on", "digests": "on"}
    )

    assert response.status_code == 302
    preference = Preference.objects.get(email=world.sme_admin.email)
    assert (preference.reminders, preference.digests, preference.programme_news) == (
        True,
        True,
        False,
    )
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert "Programme news" in page


# --------------------------------------------------------------------------------------------
# Nothing before the confirmation; once after it
# --------------------------------------------------------------------------------------------
def test_nothing_is_sent_before_the_confirmation(
    client, coordinator, django_capture_on_commit_callbacks
):
    mentors = _mentors("en", "fr")
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        saved = client.post(reverse("admin:outreach_groupmessage_add"), _form())
        message = GroupMessage.objects.get()
        preview = client.get(saved.headers["Location"])

    assert saved.headers["Location"] == _preview(message)
    assert preview.status_code == 200
    assert preview.context["receiving"] == 2
    assert "2</strong> people will receive this message" in preview.content.decode()
    assert (Notification.objects.count(), len(mail.outbox), message.recipients.count()) == (0, 0, 0)
    assert GroupMessage.objects.get().sent_at is None

    with django_capture_on_commit_callbacks(execute=True):
        version = preview.context["form"]["version"].value()
        sent = client.post(_preview(message), {"version": version})

    assert sent.status_code == 302
    assert sorted(email.to[0] for email in mail.outbox) == sorted(m.email for m in mentors)
    assert GroupMessage.objects.get().sent_by == coordinator


def test_a_double_confirmation_sends_once(client, coordinator, django_capture_on_commit_callbacks):
    mentors = _mentors("en", "de", "fr")
    message = compose("mentors", **TEXTS)
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(_preview(message), {"version": message.version})
        second = client.post(_preview(message), {"version": message.version}, follow=True)

    assert first.status_code == 302
    assert len(mail.outbox) == 3
    assert sorted(email.to[0] for email in mail.outbox) == sorted(m.email for m in mentors)
    assert Notification.objects.count() == 3
    assert second.redirect_chain[-1][0] == reverse(
        "admin:outreach_groupmessage_change", args=[message.pk]
    )
    assert str(services.MSG_ALREADY_SENT) in second.content.decode()


def test_sending_again_through_the_service_is_refused_and_writes_nothing(
    coordinator, django_capture_on_commit_callbacks
):
    _mentors("en")
    message = compose("mentors")
    _send(message, coordinator, django_capture_on_commit_callbacks)

    with pytest.raises(ApplicationError) as refused:
        _send(GroupMessage.objects.get(), coordinator, django_capture_on_commit_callbacks)

    assert refused.value.message == services.MSG_ALREADY_SENT
    assert (len(mail.outbox), GroupMessageRecipient.objects.count()) == (1, 1)


def test_a_message_changed_since_its_preview_is_not_sent(
    client, coordinator, django_capture_on_commit_callbacks
):
    _mentors("en")
    message = compose("mentors")
    previewed = message.version
    GroupMessage.objects.filter(pk=message.pk).update(body_en="Changed by a colleague.")
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_preview(message), {"version": previewed}, follow=True)

    assert response.redirect_chain[-1][0] == _preview(message)
    assert str(services.MSG_CHANGED_SINCE_PREVIEW) in response.content.decode()
    assert (len(mail.outbox), GroupMessage.objects.get().sent_at) == (0, None)


@pytest.mark.parametrize("version", ["", "x" * 10_000, "<b>"], ids=["missing", "huge", "html"])
def test_a_confirmation_without_a_valid_version_sends_nothing(client, coordinator, version):
    _mentors("en")
    message = compose("mentors")
    client.force_login(coordinator)

    response = client.post(_preview(message), {"version": version})

    assert response.status_code in (200, 302)
    assert (Notification.objects.count(), GroupMessage.objects.get().sent_at) == (0, None)


def test_an_empty_group_is_refused(coordinator, django_capture_on_commit_callbacks):
    message = compose("pledging")  # no company has an approved pledge

    with pytest.raises(ApplicationError) as refused:
        _send(message, coordinator, django_capture_on_commit_callbacks)

    assert refused.value.message == services.MSG_NOBODY
    assert (GroupMessage.objects.get().sent_at, Notification.objects.count()) == (None, 0)


@pytest.mark.parametrize("role", ["reviewer", "sme_admin", "company_admin"])
def test_only_coordinators_send(world, role, django_capture_on_commit_callbacks):
    _mentors("en")
    message = compose("mentors")

    with pytest.raises(ApplicationError):
        _send(message, getattr(world, role), django_capture_on_commit_callbacks)

    assert (Notification.objects.count(), GroupMessage.objects.get().sent_at) == (0, None)


@pytest.mark.parametrize("role", ["reviewer", "sme_admin"])
def test_the_confirmation_is_refused_to_others_in_the_admin(client, world, role):
    _mentors("en")
    message = compose("mentors")
    client.force_login(getattr(world, role))

    response = client.post(_preview(message), {"version": message.version})

    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "login" in response.headers["Location"]
    assert (Notification.objects.count(), GroupMessage.objects.get().sent_at) == (0, None)


# --------------------------------------------------------------------------------------------
# What a coordinator may write
# --------------------------------------------------------------------------------------------
BAD_FORMS = {
    "nothing-written": ({"subject_en": "", "body_en": ""}, "subject_en"),
    "blank-spaces": ({"subject_en": "   ", "body_en": "  \n "}, "subject_en"),
    "subject-without-body": ({"body_en": ""}, "body_en"),
    "body-without-subject": ({"subject_fr": "", "body_fr": "Bonjour."}, "subject_fr"),
    "huge-body": ({"body_en": "x" * (BODY_MAX + 1)}, "body_en"),
    "huge-subject": ({"subject_en": "x" * 201}, "subject_en"),
    "call-group-without-call": ({"segment": "selected"}, "call"),
    "call-on-a-group-without-one": ({"call": "CALL"}, "call"),
    "unknown-group": ({"segment": "everyone"}, "segment"),
    "someone-elses-id": ({"segment": "selected", "call": "999999"}, "call"),
}


@pytest.mark.parametrize(("changes", "field"), BAD_FORMS.values(), ids=BAD_FORMS.keys())
def test_a_bad_message_is_refused_with_a_message_on_its_field(client, coordinator, changes, field):
    call = CallFactory()
    changes = {k: str(call.pk) if v == "CALL" else v for k, v in changes.items()}
    client.force_login(coordinator)

    response = client.post(reverse("admin:outreach_groupmessage_add"), _form(**changes))

    assert response.status_code == 200
    assert field in response.context["adminform"].form.errors
    assert GroupMessage.objects.count() == 0


def test_html_in_the_body_is_shown_as_text_in_the_html_email(
    coordinator, django_capture_on_commit_callbacks
):
    _mentors("en")
    body = 'Look: <script>alert("x")</script> <b>bold</b> & https://example.eu/agenda'
    message = compose("mentors", subject_en="Zürich – café ✓ <i>", body_en=body)

    _send(message, coordinator, django_capture_on_commit_callbacks)

    (email,) = mail.outbox
    html = email.alternatives[0][0]
    assert email.subject == "Zürich – café ✓ <i>"
    assert body in email.body  # the text part is the text as written
    assert "<script>" not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert '<a href="https://example.eu/agenda"' in html  # addresses become links


def test_a_long_body_is_sent_whole(coordinator, django_capture_on_commit_callbacks):
    _mentors("en")
    body = ("A paragraph of news. " * 40 + "\n\n") * 20
    body = body[: BODY_MAX - 10].strip()
    message = compose("mentors", subject_en="Long", body_en=body)

    _send(message, coordinator, django_capture_on_commit_callbacks)

    (email,) = mail.outbox
    assert body in email.body


# --------------------------------------------------------------------------------------------
# The record: read-only once sent
# --------------------------------------------------------------------------------------------
def test_a_sent_message_is_read_only_and_lists_its_recipients(
    client, coordinator, django_capture_on_commit_callbacks
):
    mentors = _mentors("en", "fr")
    message = compose("mentors", **TEXTS)
    _send(message, coordinator, django_capture_on_commit_callbacks)
    client.force_login(coordinator)
    change = reverse("admin:outreach_groupmessage_change", args=[message.pk])

    page = client.get(change)
    edit = client.post(change, _form(body_en="Rewritten after sending."))
    preview = client.get(_preview(message))
    delete = client.get(reverse("admin:outreach_groupmessage_delete", args=[message.pk]))
    listed = client.get(
        reverse("admin:outreach_groupmessagerecipient_changelist")
        + f"?message__id__exact={message.pk}"
    )

    assert page.status_code == 200
    assert "Sent to 2 people; 0 turned programme news off." in page.content.decode()
    assert edit.status_code == 403
    assert GroupMessage.objects.get().body_en == TEXTS["body_en"]
    assert (preview.status_code, preview.headers["Location"]) == (302, change)
    assert delete.status_code == 403
    assert sorted(r.user.email for r in listed.context["cl"].result_list) == sorted(
        m.email for m in mentors
    )


def _many_messages(count: int, coordinator, capture) -> None:
    for index in range(count):
        MentorProfileFactory(state="approved")
        message = compose("mentors", subject_en=f"News {index}", body_en="Text.")
        if index % 2 == 0:
            _send(message, coordinator, capture)


@pytest.mark.parametrize(
    "url",
    [
        "admin:outreach_groupmessage_changelist",
        "admin:outreach_groupmessagerecipient_changelist",
    ],
)
def test_the_admin_lists_run_the_same_queries_for_one_row_and_many(
    client, coordinator, url, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    _many_messages(1, coordinator, django_capture_on_commit_callbacks)
    client.get(reverse(url))  # warm the session and the permission cache

    with CaptureQueriesContext(connection) as one:
        assert client.get(reverse(url)).status_code == 200
    _many_messages(12, coordinator, django_capture_on_commit_callbacks)
    with CaptureQueriesContext(connection) as many:
        assert client.get(reverse(url)).status_code == 200

    assert len(many.captured_queries) == len(one.captured_queries)


def test_the_preview_runs_the_same_queries_for_one_person_and_many(client, coordinator):
    client.force_login(coordinator)
    message = compose("mentors", **TEXTS)
    _mentors("en")
    client.get(_preview(message))

    with CaptureQueriesContext(connection) as one:
        assert client.get(_preview(message)).status_code == 200
    _mentors(*["en", "fr", "de"] * 50)
    with CaptureQueriesContext(connection) as many:
        response = client.get(_preview(message))

    assert len(many.captured_queries) == len(one.captured_queries)
    assert response.context["receiving"] == 151
    assert len(response.context["people"]) == 100
    assert response.context["more"] == 51


def test_coordinators_hold_the_permissions_to_write_to_groups(world):
    from django.contrib.auth.models import Group

    perms = set(Group.objects.get(name=COORDINATORS).permissions.values_list("codename", flat=True))

    assert {
        "add_groupmessage",
        "change_groupmessage",
        "view_groupmessage",
        "delete_groupmessage",
        "send_groupmessage",
        "view_groupmessagerecipient",
    } <= perms
    assert not world.reviewer.has_perm("outreach.view_groupmessage")


# --------------------------------------------------------------------------------------------
# The real path: the admin's confirmation (twice), Redis, a worker process, an SMTP server
# --------------------------------------------------------------------------------------------
BROKER = settings.TEST_CELERY_BROKER_URL
ON_POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


@pytest.fixture
def smtp_sink():
    with SmtpSink() as sink:
        yield sink


@pytest.fixture
def real_worker(transactional_db, smtp_sink, tmp_path):
    """A worker process on a queue of the real broker private to this test (as in
    tests/notifications/test_real_worker.py)."""
    queue = f"skillup-outreach-{os.getpid()}-{smtp_sink.port}"
    with worker_on_private_queue(
        broker_url=BROKER,
        queue=queue,
        log_path=tmp_path / "worker.log",
        smtp_port=smtp_sink.port,
        EMAIL_TIMEOUT=5,
        NOTIFICATIONS_MESSAGE_ID_DOMAIN=settings.NOTIFICATIONS_MESSAGE_ID_DOMAIN,
        DJANGO_SETTINGS_MODULE="tests.outreach.worker_settings",
        SKILLUP_TEST_QUEUE=queue,
    ) as worker:
        yield worker


@pytest.mark.services
@pytest.mark.skipif(not BROKER, reason="no Redis configured (CELERY_BROKER_URL unset)")
@pytest.mark.skipif(not ON_POSTGRES, reason="a worker cannot share the SQLite test database")
def test_confirmed_twice_each_person_receives_one_email_from_a_worker_in_their_language(
    client, coordinator, real_worker, smtp_sink
):
    people = dict(zip(["en", "fr", "de"], _mentors("en", "fr", "de"), strict=True))
    off = _mentors("fr")[0]
    Preference.objects.create(email=off.email, programme_news=False)
    message = compose("mentors", **TEXTS)
    client.force_login(coordinator)

    first = client.post(_preview(message), {"version": message.version})
    second = client.post(_preview(message), {"version": message.version})

    assert (first.status_code, second.status_code) == (302, 302)
    wait_until(  # the worker writes the emails after the confirmation
        lambda: GroupMessage.objects.filter(pk=message.pk, delivered_at__isnull=False).exists(),
        30,
        message="the worker to write the emails",
    )
    notifications = list(Notification.objects.filter(event="group_message"))
    assert len(notifications) == 3
    try:
        wait_until(
            lambda: Notification.objects.filter(event="group_message", status="sent").count() == 3,
            30,
            message="the worker to send the three emails",
        )
    except AssertionError as exc:
        log = real_worker.log_text()[-6000:]
        raise AssertionError(f"{exc}\n--- worker log ---\n{log}") from None
    time.sleep(1)  # a second copy, if there were one, would arrive by now
    assert smtp_sink.delivered() == {str(n.uuid): 1 for n in notifications}
    received = {m.rcpt_tos: m for m in smtp_sink.messages()}
    assert sorted(received) == sorted((u.email,) for u in people.values())
    assert received[(people["en"].email,)].subject == TEXTS["subject_en"]
    assert received[(people["fr"].email,)].subject == TEXTS["subject_fr"]
    assert received[(people["de"].email,)].subject == TEXTS["subject_en"]
    assert "Rejoignez-nous le 12 mars." in received[(people["fr"].email,)].text
    # through Redis, as one batch task over one SMTP connection, not one task per email
    assert "Task notifications.send_batch[" in real_worker.log_text()
    assert "Task notifications.send[" not in real_worker.log_text()
    assert smtp_sink.connections == 1


# --------------------------------------------------------------------------------------------
# The emails are written after the confirmation, by a worker, in batches
# --------------------------------------------------------------------------------------------
def test_the_confirmation_writes_no_email_and_its_queries_do_not_grow_with_the_group(
    client, coordinator
):
    client.force_login(coordinator)
    small, large = compose("mentors"), compose("mentors", subject_en="Again", body_en="Text.")
    _mentors("en")
    client.get(_preview(small))

    with CaptureQueriesContext(connection) as one:
        assert client.post(_preview(small), {"version": small.version}).status_code == 302
    _mentors(*["en", "fr"] * 20)
    with CaptureQueriesContext(connection) as many:
        assert client.post(_preview(large), {"version": large.version}).status_code == 302

    assert len(many.captured_queries) == len(one.captured_queries)
    assert Notification.objects.count() == 0  # written after commit, by the worker
    assert GroupMessage.objects.filter(sent_at__isnull=False, delivered_at=None).count() == 2


def test_batches_write_each_person_once_even_when_a_batch_runs_twice(client, coordinator):
    mentors = _mentors("en", "fr", "de", "en", "fr")
    message = compose("mentors", **TEXTS)
    services.group_message_send(message=message, actor=coordinator, version=message.version)

    assert services.group_message_deliver(message_id=message.pk, batch=2) == 2
    client.force_login(coordinator)
    page = client.get(reverse("admin:outreach_groupmessage_change", args=[message.pk]))
    assert "Being sent: 2 emails written so far" in page.content.decode()
    assert GroupMessage.objects.get().is_sending
    # a task delivered twice, the sweep: each batch takes the people without an email yet
    assert services.group_message_deliver(message_id=message.pk, batch=2) == 2
    assert services.group_message_deliver(message_id=message.pk, batch=2) == 1
    assert services.group_message_deliver(message_id=message.pk, batch=2) == 0

    assert GroupMessage.objects.get().delivered_at is not None
    assert sorted(Notification.objects.values_list("to_email", flat=True)) == sorted(
        m.email for m in mentors
    )
    assert GroupMessageRecipient.objects.count() == 5


def test_a_full_batch_queues_the_next_one(
    coordinator, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(services, "DELIVERY_BATCH", 2)
    mentors = _mentors("en", "fr", "de", "en", "fr")

    _send(compose("mentors", **TEXTS), coordinator, django_capture_on_commit_callbacks)

    assert sorted(email.to[0] for email in mail.outbox) == sorted(m.email for m in mentors)
    assert GroupMessage.objects.get().delivered_at is not None


def test_the_sweep_queues_again_a_message_whose_task_was_lost(
    coordinator, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.utils import timezone

    (mentor,) = _mentors("en")
    message = compose("mentors")
    services.group_message_send(message=message, actor=coordinator, version=message.version)
    # the on-commit task never ran (broker down): nothing written
    assert services.group_messages_sweep() == 0  # too early: its task may be on the way
    GroupMessage.objects.filter(pk=message.pk).update(
        sent_at=timezone.now() - timedelta(seconds=services.DELIVERY_STALE_SECONDS + 1)
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert services.group_messages_sweep() == 1

    assert [email.to for email in mail.outbox] == [[mentor.email]]
    assert services.group_messages_sweep() == 0


def test_a_group_emptied_between_preview_and_confirmation_is_refused(
    client, coordinator, django_capture_on_commit_callbacks
):
    (mentor,) = _mentors("en")
    message = compose("mentors")
    client.force_login(coordinator)
    preview = client.get(_preview(message))
    assert preview.context["receiving"] == 1
    MentorProfile.objects.filter(user=mentor).update(state="rejected")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_preview(message), {"version": message.version}, follow=True)

    assert response.redirect_chain[-1][0] == _preview(message)
    assert str(services.MSG_NOBODY) in response.content.decode()
    assert (len(mail.outbox), GroupMessage.objects.get().sent_at) == (0, None)


def test_the_sweep_is_scheduled_every_minute_and_its_task_delivers(coordinator):
    """Beat runs the sweep (a message whose task was lost would otherwise never be written);
    the task by its registered name writes the stale message's emails."""
    from datetime import timedelta

    from celery import current_app
    from django.conf import settings
    from django.utils import timezone

    _mentors("en")
    message = compose("mentors")
    services.group_message_send(message=message, actor=coordinator, version=message.version)
    GroupMessage.objects.filter(pk=message.pk).update(
        sent_at=timezone.now() - timedelta(seconds=services.DELIVERY_STALE_SECONDS + 1)
    )
    entry = settings.CELERY_BEAT_SCHEDULE["sweep-group-messages"]

    queued = current_app.tasks[entry["task"]].apply().get()

    assert (entry["task"], entry["schedule"], queued) == ("outreach.sweep", 60.0, 1)
