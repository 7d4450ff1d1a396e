import uuid
from urllib.parse import urlencode

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

    def get_email_confirmation_url(self, request, emailconfirmation) -> str:
        """The confirmation link, carrying the sign-up's `next` (a local page such as the
        invitation the person signed up from): the confirmation page passes it on, so that
        confirming the address lands there rather than on the log-in page."""
        url = super().get_email_confirmation_url(request, emailconfirmation)
        if request is None:
            return url
        next_url = request.POST.get("next") or request.GET.get("next") or ""
        if not next_url.startswith("/") or next_url.startswith("//"):
            return url  # only a path of this site: the link is read in a mailbox
        if not self.is_safe_url(next_url):
            return url
        return f"{url}?{urlencode({'next': next_url})}"

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
