import uuid

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.auth import get_user_model
from django.contrib.sites.shortcuts import get_current_site
from django.utils import translation

from notifications.services import notify_rendered


class AccountAdapter(DefaultAccountAdapter):
    """allauth renders its emails (verification, password reset, notices) as usual; they then go
    out through the notification outbox, so an SMTP or broker outage can neither break sign-up
    nor lose the email."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.language = translation.get_language() or user.language
        if commit:
            user.save()
        return user

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # the context allauth's own send_mail builds, then the outbox instead of message.send()
        request = allauth_context.request
        context = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            **context,
        }
        message = self.render_mail(template_prefix, email, context)
        html = next((body for body, mime in message.alternatives if mime == "text/html"), "")
        recipient = get_user_model().objects.filter(email__iexact=email).first()
        notify_rendered(
            event="account",
            email=email,
            subject=message.subject,
            body_text=message.body,
            body_html=html,
            # every account email is its own event (a new code, a new reset link)
            key=f"account:{template_prefix.rsplit('/', 1)[-1]}:{email.lower()}:{uuid.uuid4()}",
            recipient=recipient,
        )
