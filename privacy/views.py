import json

from allauth.account.decorators import reauthentication_required
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from skillup import ratelimit
from skillup.errors import ApplicationError

from . import selectors, services
from .forms import AccountDeleteForm

# The deletion form checks the password: without a limit, a stolen session could guess it
# there (allauth limits its own password forms the same way).
ACCOUNT_DELETE_PASSWORD_RATE = ratelimit.Limit("account-delete-password", 5, 15 * 60)


@require_safe
def privacy_notice(request: HttpRequest) -> HttpResponse:
    """What the portal collects, why, who sees it, for how long, and the person's rights."""
    context = {
        "version": settings.PRIVACY_NOTICE_VERSION,
        "contact_email": settings.PRIVACY_CONTACT_EMAIL,
        "draft_days": settings.RETENTION_DRAFT_DAYS,
        "declined_days": settings.RETENTION_DECLINED_DAYS,
        "email_days": settings.RETENTION_NOTIFICATION_BODY_DAYS,
        "contact_days": settings.RETENTION_CONTACT_MESSAGE_DAYS,
        "session_hours": settings.SESSION_COOKIE_AGE // 3600,
    }
    return render(request, "pages/privacy.html", context)


@never_cache
@login_required
@reauthentication_required
@require_safe
def account_data(request: HttpRequest) -> HttpResponse:
    """The person's own data as a JSON download (GDPR art. 15 and 20); asks for the password
    again when the last log-in is not recent."""
    data = {
        "exported_at": timezone.now(),
        "privacy_notice_version": settings.PRIVACY_NOTICE_VERSION,
        **selectors.account_data(request.user),
    }
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="skillup-my-data-{timezone.localdate():%Y-%m-%d}.json"'
    )
    return response


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request: HttpRequest) -> HttpResponse:
    """GET explains what deletion removes and keeps; POST with the password deletes."""
    refusal = services.account_delete_refusal(request.user)
    form = AccountDeleteForm(request.POST or None, user=request.user)
    guesses = f"user:{request.user.pk}"
    if request.method == "POST" and refusal is None:
        if ratelimit.exceeded(ACCOUNT_DELETE_PASSWORD_RATE, guesses):
            return ratelimit.too_many_requests(request)
        if not form.is_valid():
            ratelimit.hit(ACCOUNT_DELETE_PASSWORD_RATE, guesses)  # a wrong password: a guess
        else:
            try:
                services.account_delete(user=request.user)
            except ApplicationError as exc:
                refusal = exc.message
            else:
                logout(request)
                messages.success(request, _("Your account is deleted. Goodbye, and thank you."))
                return redirect("home")
    return render(request, "privacy/account_delete.html", {"form": form, "refusal": refusal})
