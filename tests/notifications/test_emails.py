"""Every email event renders in English and French, with links that lead somewhere."""

import re
from urllib.parse import urlsplit

import pytest
from django.urls import resolve
from django.utils import translation

from accounts import services as account_services
from notifications import services
from notifications.registry import EVENTS
from tests.factories import InvitationFactory

pytestmark = pytest.mark.django_db

# event -> a function of the language returning notify() kwargs for a realistic object.
# A new event needs a row here (test_every_event_has_a_sample fails until it has one).
SAMPLES = {
    "invitation": lambda language: account_services.invitation_notification_kwargs(
        InvitationFactory(language=language), event="invitation"
    ),
    "invitation_reminder": lambda language: account_services.invitation_notification_kwargs(
        InvitationFactory(language=language), event="invitation_reminder"
    ),
}
RENDERED_ELSEWHERE = {"account"}  # allauth renders these itself (tested in test_services)


def test_every_event_has_a_sample():
    assert set(EVENTS) - RENDERED_ELSEWHERE == set(SAMPLES)


@pytest.mark.parametrize("event", sorted(SAMPLES))
def test_event_renders_in_english_and_french_with_working_links(event):
    rendered = {}
    for language in ("en", "fr"):
        notification = services.notify(**SAMPLES[event](language))
        assert notification.language == language
        rendered[language] = notification

        for body in (notification.body_text, notification.body_html):
            assert "{{" not in body and "{%" not in body and "%(" not in body
            links = re.findall(r"https?://[^\s\"'<>]+", body)
            assert links, f"{event}/{language}: no link"
            for link in links:
                path = urlsplit(link).path
                assert path.startswith(f"/{language}/"), link
                with translation.override(language):
                    resolve(path)  # raises Resolver404 for a dead link
        assert notification.subject and "%(" not in notification.subject

    assert rendered["en"].subject != rendered["fr"].subject
    assert rendered["en"].body_text != rendered["fr"].body_text
