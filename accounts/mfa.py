"""Two-factor authentication is required of staff (ASVS 4.0.3 §4.3.1, 5.0 §6.3.3).

allauth.mfa does the work (TOTP, recovery codes, the code asked at log-in); this module says
who must use it, keeps such a person from switching it off, and sends one who has not set it
up to the set-up page from whatever page they open, the admin included.
"""

from allauth.account.authentication import get_authentication_records
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# What a person can still open before setting up an authenticator: allauth's MFA pages, the
# password/code re-authentication the set-up asks for, the email pages (allauth refuses MFA on
# an unverified address) and logging out.
ALLOWED_URL_NAMES = frozenset(
    {
        "account_logout",
        "account_reauthenticate",
        "account_email",
        "account_confirm_email",
        "account_email_verification_sent",
        "admin:logout",
    }
)
MFA_REQUIRED_MESSAGE = _(
    "Staff accounts must use two-factor authentication. Set up an authenticator app to continue."
)
PRIMARY_TYPES = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]


def must_use_mfa(user) -> bool:
    """Staff and superusers: every reviewer and coordinator is staff (accounts.permissions asks
    for is_staff before the group), and without is_staff the groups grant nothing. No query, so
    the other members' requests cost nothing more."""
    return user.is_authenticated and user.is_active and (user.is_staff or user.is_superuser)


def has_mfa(user) -> bool:
    """An authenticator that answers at log-in (recovery codes alone do not count)."""
    return Authenticator.objects.filter(user_id=user.pk, type__in=PRIMARY_TYPES).exists()


def used_mfa_in_session(request: HttpRequest, user) -> bool:
    """Whether this session's log-in (or a re-authentication) passed a second factor: then the
    person has one, and their requests need not ask the database again."""
    records = get_authentication_records(request, user)
    return any(record.get("method") == "mfa" for record in records)


class MFAAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        # staff are never left without a second factor: a lost phone means a recovery code,
        # or a superuser removing the authenticator in the admin so that a new one is set up
        return not must_use_mfa(authenticator.user)


class StaffMFARequiredMiddleware:
    """Redirect staff without an authenticator to the set-up page, whatever they open.

    A middleware rather than a check in the admin site or a decorator: it also covers staff pages
    outside the admin (dashboard, matching) and every view added later.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match and match.namespace == "api":
            # the open-data API is anonymous and reads no session: looking at the user here
            # would read it, and every API answer would vary on Cookie (shared caches split)
            return None
        user = getattr(request, "user", None)
        if user is None or not must_use_mfa(user):
            return None
        name = match.view_name if match else ""
        if name.startswith("mfa_") or name in ALLOWED_URL_NAMES:
            return None
        if used_mfa_in_session(request, user) or has_mfa(user):
            return None
        if request.method == "GET":
            messages.warning(request, MFA_REQUIRED_MESSAGE)
        return HttpResponseRedirect(reverse("mfa_activate_totp"))
