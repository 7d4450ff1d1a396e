import pytest
from django.urls import reverse

from notifications import services
from notifications.models import Notification, Preference

pytestmark = pytest.mark.django_db


def _url(email="someone@example.eu", kind="reminder"):
    token = services.unsubscribe_token(email=email, kind=kind)
    return reverse("notifications:unsubscribe", kwargs={"token": token})


def test_unsubscribe_get_asks_and_changes_nothing(client):
    response = client.get(_url())

    assert response.status_code == 200
    assert "Stop reminder emails" in response.content.decode()
    assert Preference.objects.count() == 0


def test_unsubscribe_post_turns_reminders_off_only(client):
    response = client.post(_url(kind="reminder"))

    assert response.status_code == 200
    assert list(Preference.objects.values_list("email", "reminders", "digests")) == [
        ("someone@example.eu", False, True)
    ]


def test_unsubscribe_one_click_post_from_a_mail_client_works_without_csrf_token():
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        _url(kind="digest"), {"List-Unsubscribe": "One-Click"}
    )

    assert response.status_code == 200
    assert Preference.objects.get().digests is False


@pytest.mark.parametrize(
    "token",
    ["garbage", services.unsubscribe_token(email="a@x.eu", kind="transactional")],
    ids=["garbage", "transactional-kind"],
)
def test_unsubscribe_with_forged_token_or_transactional_kind_is_404(client, token):
    response = client.post(reverse("notifications:unsubscribe", kwargs={"token": token}))

    assert response.status_code == 404
    assert Preference.objects.count() == 0


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("sme_admin", 302), ("reviewer", 403), ("coordinator", 200)],
)
def test_admin_notification_list_is_for_coordinators(client_for, role, status):
    response = client_for(role).get(
        reverse("admin:notifications_notification_changelist") + "?status__exact=pending"
    )

    assert response.status_code == status


def test_admin_send_again_action_requeues(client_for, world, django_capture_on_commit_callbacks):
    from accounts import services as account_services
    from tests.factories import InvitationFactory

    notification = services.notify(
        **account_services.invitation_notification_kwargs(InvitationFactory(), event="invitation")
    )
    Notification.objects.filter(pk=notification.pk).update(status="failed", last_error="550")

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("coordinator").post(
            reverse("admin:notifications_notification_changelist"),
            {"action": "send_again", "_selected_action": [notification.pk]},
        )

    notification.refresh_from_db()
    assert response.status_code == 302
    assert (notification.status, notification.last_error) == ("sent", "")


def test_admin_send_again_action_names_an_email_it_cannot_send_again(
    client_for, world, django_capture_on_commit_callbacks
):
    from accounts import services as account_services
    from tests.factories import InvitationFactory

    notification = services.notify(
        **account_services.invitation_notification_kwargs(InvitationFactory(), event="invitation")
    )
    Notification.objects.filter(pk=notification.pk).update(
        status="sent", body_text="", body_html=""
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("coordinator").post(
            reverse("admin:notifications_notification_changelist"),
            {"action": "send_again", "_selected_action": [notification.pk]},
            follow=True,
        )

    notification.refresh_from_db()
    assert [str(m) for m in response.context["messages"]] == [
        f"{notification}: {services.MSG_RESEND_ERASED}",
        "0 emails queued again.",
    ]
    assert notification.status == "sent"


def test_preferences_page_saves_choices_for_the_logged_in_person(client_for, world):
    client = client_for("sme_member")

    page = client.get(reverse("notifications:preferences"))
    response = client.post(reverse("notifications:preferences"), {"digests": "on"})

    assert 'name="reminders"' in page.content.decode()
    assert "checked" in page.content.decode()
    assert response.status_code == 302
    assert list(Preference.objects.values_list("email", "reminders", "digests")) == [
        (world.sme_member.email, False, True)
    ]
