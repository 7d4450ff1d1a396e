"""G-05: drafts of closed calls and declined submissions are purged after their retention
period, with their files; old email bodies are blanked; the admin shows what goes when."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from notifications.models import Notification
from practices.models import ContactMessage, DeadlineExtension, Practice, PracticeTransition
from practices.selectors import practices_with_purge_date
from privacy.services import retention_apply
from privacy.tasks import task_apply_retention
from skillup.dates import format_day
from tests.factories import CallFactory, PracticeFactory, PublishedPracticeFactory

pytestmark = pytest.mark.django_db

DAY = timedelta(days=1)


def _closed_call(days_ago: int):
    closes_at = timezone.now() - timedelta(days=days_ago)
    return CallFactory(opens_at=closes_at - timedelta(days=60), closes_at=closes_at)


def _declined(world, *, days_ago: int) -> Practice:
    practice = PracticeFactory(organisation=world.sme, call=_closed_call(days_ago + 30))
    practice.state = "declined"
    practice.save()
    PracticeTransition.objects.create(
        practice=practice,
        from_state="in_review",
        to_state="declined",
        created_at=timezone.now() - timedelta(days=days_ago),
    )
    return practice


def test_draft_goes_after_its_period_and_a_younger_one_stays(world):
    old = PracticeFactory(call=_closed_call(settings.RETENTION_DRAFT_DAYS + 1))
    young = PracticeFactory(call=_closed_call(settings.RETENTION_DRAFT_DAYS - 1))
    open_call = PracticeFactory()  # call still open

    counts = retention_apply()

    assert counts["practices"] == 1
    assert sorted(Practice.objects.values_list("pk", flat=True)) == sorted([young.pk, open_call.pk])
    assert not Practice.objects.filter(pk=old.pk).exists()


def test_extension_delays_the_purge_of_a_draft(world):
    call = _closed_call(settings.RETENTION_DRAFT_DAYS + 1)
    practice = PracticeFactory(call=call, organisation=world.sme)
    DeadlineExtension.objects.create(
        call=call,
        organisation=world.sme,
        closes_at=call.closes_at + 10 * DAY,
        reason="Illness",
        granted_by=world.coordinator,
    )

    retention_apply()

    assert Practice.objects.filter(pk=practice.pk).exists()


def test_declined_goes_after_its_period_from_the_decision(world):
    old = _declined(world, days_ago=settings.RETENTION_DECLINED_DAYS + 1)
    young = _declined(world, days_ago=settings.RETENTION_DECLINED_DAYS - 1)

    retention_apply()

    assert list(Practice.objects.values_list("pk", flat=True)) == [young.pk]
    assert not PracticeTransition.objects.filter(practice_id=old.pk).exists()


def test_published_and_submitted_practices_are_never_purged(world):
    long_ago = _closed_call(settings.RETENTION_DECLINED_DAYS * 3)
    published = PublishedPracticeFactory(call=long_ago)
    submitted = PracticeFactory(call=long_ago, state="submitted")

    retention_apply()

    assert sorted(Practice.objects.values_list("pk", flat=True)) == sorted(
        [published.pk, submitted.pk]
    )


def test_purge_deletes_the_attachment_files(world, django_capture_on_commit_callbacks):
    practice = PracticeFactory(call=_closed_call(settings.RETENTION_DRAFT_DAYS + 1))
    practice.attachment.save("old.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    name = practice.attachment.name
    earlier = default_storage.save("practices/earlier.pdf", ContentFile(b"%PDF-1.4 v1"))
    practice.revisions.create(reason="draft_saved", data={"attachment": earlier})
    assert default_storage.exists(name) and default_storage.exists(earlier)

    with django_capture_on_commit_callbacks(execute=True):
        retention_apply()

    assert not default_storage.exists(name)
    assert not default_storage.exists(earlier)


def test_running_twice_changes_nothing_more(world):
    PracticeFactory(call=_closed_call(settings.RETENTION_DRAFT_DAYS + 1))
    first = retention_apply()

    second = retention_apply()

    assert first["practices"] == 1
    assert second == {"practices": 0, "contact_messages": 0, "notification_bodies": 0}


# --------------------------------------------------------------------------------------------
# Emails and messages
# --------------------------------------------------------------------------------------------
def _email(key: str, *, status: str, days_ago: int) -> Notification:
    return Notification.objects.create(
        event="account",
        to_email="someone@example.eu",
        language="en",
        idempotency_key=key,
        subject="Reset your password",
        body_text="https://example.eu/reset/secret-token/",
        body_html="<a href='https://example.eu/reset/secret-token/'>reset</a>",
        status=status,
        created_at=timezone.now() - timedelta(days=days_ago),
    )


def test_old_sent_email_bodies_are_blanked_and_recent_or_pending_ones_kept():
    days = settings.RETENTION_NOTIFICATION_BODY_DAYS
    old = _email("old", status="sent", days_ago=days + 1)
    recent = _email("recent", status="sent", days_ago=days - 1)
    pending = _email("pending", status="pending", days_ago=days + 1)

    retention_apply()

    old.refresh_from_db()
    assert (old.body_text, old.body_html, old.subject) == ("", "", "Reset your password")
    for kept in (recent, pending):
        kept.refresh_from_db()
        assert kept.body_text.endswith("secret-token/")


def test_old_contact_messages_are_deleted(world):
    practice = PublishedPracticeFactory()
    days = settings.RETENTION_CONTACT_MESSAGE_DAYS
    old = ContactMessage.objects.create(practice=practice, name="A", email="a@x.eu", message="Hi")
    ContactMessage.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=days + 1)
    )
    recent = ContactMessage.objects.create(
        practice=practice, name="B", email="b@x.eu", message="Hi"
    )

    retention_apply()

    assert list(ContactMessage.objects.values_list("pk", flat=True)) == [recent.pk]


# --------------------------------------------------------------------------------------------
# Schedule, command, admin
# --------------------------------------------------------------------------------------------
def test_retention_task_is_scheduled_daily_and_runs():
    PracticeFactory(call=_closed_call(settings.RETENTION_DRAFT_DAYS + 1))
    entry = settings.CELERY_BEAT_SCHEDULE["apply-retention"]

    result = task_apply_retention.delay().get()

    assert (entry["task"], entry["schedule"]) == ("accounts.apply_retention", 24 * 3600.0)
    assert result["practices"] == 1


def test_management_command_applies_retention(capsys):
    PracticeFactory(call=_closed_call(settings.RETENTION_DRAFT_DAYS + 1))

    call_command("apply_retention")

    assert "practices: 1" in capsys.readouterr().out
    assert Practice.objects.count() == 0


def test_purge_date_of_a_draft_is_the_close_plus_the_period(world):
    call = _closed_call(10)
    practice = PracticeFactory(call=call)

    purge_on = practices_with_purge_date().get(pk=practice.pk).purge_on

    assert purge_on == call.closes_at + timedelta(days=settings.RETENTION_DRAFT_DAYS)


def test_admin_lists_what_goes_when_without_showing_drafts(world, client):
    client.force_login(_superuser())
    call = _closed_call(10)
    PracticeFactory(call=call, title="A forgotten draft")
    PracticeFactory(call=call, title="Another draft")
    declined = _declined(world, days_ago=3)
    PublishedPracticeFactory(call=call, title="A published one")

    response = client.get(reverse("admin:practices_practice_retention"))

    body = response.content.decode()
    assert response.status_code == 200
    assert declined.title in body
    assert reverse("admin:practices_practice_change", args=[declined.pk]) in body
    declined_on = timezone.now() - 3 * DAY + timedelta(days=settings.RETENTION_DECLINED_DAYS)
    assert f">{format_day(declined_on)}</time>" in body
    assert "A forgotten draft" not in body and "A published one" not in body
    draft_on = timezone.localtime(call.closes_at + timedelta(days=settings.RETENTION_DRAFT_DAYS))
    row = f">{format_day(draft_on)}</time></td>\n        <td>{call.title}</td>\n        <td>2</td>"
    assert row in body


def test_admin_practice_list_links_the_retention_page(world, client):
    client.force_login(_superuser())

    body = client.get(reverse("admin:practices_practice_changelist")).content.decode()

    assert reverse("admin:practices_practice_retention") in body


def _superuser():
    from tests.factories import UserFactory

    user = UserFactory(is_staff=True, is_superuser=True)
    return user
