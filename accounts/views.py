from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from skillup import ratelimit
from skillup.errors import ApplicationError

from . import selectors, services
from .forms import InvitationForm, OrganisationEditForm, OrganisationForm
from .models import Invitation, Organisation
from .permissions import can_accept_invitation, can_manage_organisation, can_view_organisation

# Each invitation sends an email to an address the inviter typed: per person, per hour.
INVITATION_RATE = ratelimit.Limit("organisation-invitation", 20, 3600)
ORGANISATION_CREATE_RATE = ratelimit.Limit("organisation-create", 10, 24 * 3600)


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
@require_safe
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
    form = OrganisationEditForm(request.POST or None, instance=organisation)
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


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A friendly 403 when a form's security token is missing or stale."""
    return render(request, "403_csrf.html", status=403)
