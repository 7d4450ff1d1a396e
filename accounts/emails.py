"""The emails accounts sends. The notifications outbox (issue #3) will take these over; until
then they are rendered from templates/emails/ and sent after commit, never from a view."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from .models import Invitation


def _send(*, template: str, subject: str, to: str, context: dict, language: str) -> None:
    with translation.override(language):
        context = {**context, "site_url": settings.SITE_URL, "site_name": settings.SITE_NAME}
        text = render_to_string(f"emails/{template}.txt", context)
        html = render_to_string(f"emails/{template}.html", context)
        message = EmailMultiAlternatives(
            subject=str(subject), body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=[to]
        )
        message.attach_alternative(html, "text/html")
        message.send()


def send_invitation(invitation: Invitation) -> None:
    """Queue the invitation email for after the surrounding transaction commits."""
    from django.utils.translation import gettext

    language = translation.get_language() or settings.LANGUAGE_CODE

    def deliver() -> None:
        with translation.override(language):
            subject = gettext("%(name)s invites you to SkillUp") % {
                "name": invitation.organisation.name
            }
            path = invitation.get_absolute_url()
        _send(
            template="invitation",
            subject=subject,
            to=invitation.email,
            context={"invitation": invitation, "accept_url": f"{settings.SITE_URL}{path}"},
            language=language,
        )

    transaction.on_commit(deliver, robust=True)
