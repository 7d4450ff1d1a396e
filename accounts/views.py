import json

from allauth.account.decorators import reauthentication_required
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from skillup import ratelimit
from skillup.errors import ApplicationError

from . import selectors, services
from .forms import AccountDeleteForm, InvitationForm, OrganisationForm
from .models import Invitation, Organisation
from .permissions import can_accept_invitation, can_manage_organisation, can_view_organisation

# Each invitation sends an email to an address the inviter typed: per person, per hour.
INVITATION_RATE = ratelimit.Limit("organisation-invitation", 20, 3600)
ORGANISATION_CREATE_RATE = ratelimit.Limit("organisation-create", 10, 24 * 3600)
# The deletion form checks the password: without a limit, a stolen session could guess it
# there (allauth limits its own password forms the same way).
ACCOUNT_DELETE_PASSWORD_RATE = ratelimit.Limit("account-delete-password", 5, 15 * 60)


def _organisation_for(user, pk: int) -> Organisation:
    """The organisation if the person may see it; a 404 otherwise, so ids reveal nothing."""
    organisation = get_object_or_404(Organisation, pk=pk)
    if not can_view_organisation(user, organisation):
        raise Http404
    return organisation


def _form_error(form, exc: ApplicationError) -> None:
    form.add_error(exc.field if exc.field in form.fields else None, exc.message)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def organisation_create(request: HttpRequest) -> HttpResponse:
    form = OrganisationForm(request.POST or None, submit_label=_("Register organisation"))
    if request.method == "POST" and form.is_valid():
        if not ratelimit.hit(ORGANISATION_CREATE_RATE, f"user:{request.user.pk}"):
            return ratelimit.too_many_requests(request)
        try:
            organisation = services.organisation_create(user=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            _form_error(form, exc)
        else:
            messages.success(
                request,
                _("%(name)s is registered. You are its administrator.")
                % {"name": organisation.name},
            )
            return redirect(organisation)
    return render(request, "accounts/organisation_form.html", {"form": form, "creating": True})


@never_cache
@login_required
def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = _organisation_for(request.user, pk)
    organisation = selectors.organisation_with_people(organisation.pk)
    can_manage = can_manage_organisation(request.user, organisation)
    context = {
        "organisation": organisation,
        "can_manage": can_manage,
        "invite_form": InvitationForm() if can_manage else None,
    }
    return render(request, "accounts/organisation_detail.html", context)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def organisation_update(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = _organisation_for(request.user, pk)
    if not can_manage_organisation(request.user, organisation):
        raise PermissionDenied
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update(
                user=request.user,
                organisation=Organisation.objects.get(pk=organisation.pk),
                **{name: form.cleaned_data[name] for name in form.changed_data},
            )
        except ApplicationError as exc:
            _form_error(form, exc)
        else:
            messages.success(request, _("The organisation's details are saved."))
            return redirect("organisation_detail", pk=organisation.pk)
    return render(
        request,
        "accounts/organisation_form.html",
        {"form": form, "organisation": organisation, "creating": False},
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def invitation_create(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = _organisation_for(request.user, pk)
    if not can_manage_organisation(request.user, organisation):
        raise PermissionDenied
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not ratelimit.hit(INVITATION_RATE, f"user:{request.user.pk}"):
            return ratelimit.too_many_requests(request)
        try:
            invitation = services.invitation_create(
                user=request.user, organisation=organisation, **form.cleaned_data
            )
        except ApplicationError as exc:
            _form_error(form, exc)
        else:
            messages.success(
                request,
                _("An invitation is on its way to %(email)s.") % {"email": invitation.email},
            )
            return redirect("organisation_detail", pk=organisation.pk)
    return render(
        request, "accounts/invitation_form.html", {"form": form, "organisation": organisation}
    )


@never_cache
@ratelimit.limit_token_guesses
@require_http_methods(["GET", "POST"])
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows the invitation and a button; only the POST joins (no change on GET)."""
    invitation = get_object_or_404(
        Invitation.objects.select_related("organisation", "invited_by"), token=token
    )
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        try:
            services.invitation_accept(user=request.user, invitation=invitation)
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request, _("Welcome to %(name)s.") % {"name": invitation.organisation.name}
            )
            return redirect(invitation.organisation)
    context = {
        "invitation": invitation,
        "can_accept": can_accept_invitation(request.user, invitation),
    }
    return render(request, "accounts/invitation_accept.html", context)


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
    return render(request, "accounts/account_delete.html", {"form": form, "refusal": refusal})


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A friendly 403 when a form's security token is missing or stale."""
    return render(request, "403_csrf.html", status=403)
