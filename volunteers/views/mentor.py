"""Mentors' pages: accepting an invitation, the mentor's own profile, a profile read-only.

Mentor profiles are never public: a profile the person may not see is a 404 (see
permissions.can_view_mentor). Every write goes through volunteers.services.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from skillup import ratelimit
from skillup.errors import ApplicationError, add_service_errors

from .. import selectors, services
from ..forms import MentorProfileForm
from ..models import ConfidentialityAgreement, MentorInvitation
from ..permissions import can_accept_mentor_invitation, can_view_mentor, is_company_admin


@never_cache
@ratelimit.limit_token_guesses
@require_http_methods(["GET", "POST"])
def mentor_invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows the invitation and a button; only the POST accepts (no change on GET)."""
    invitation = get_object_or_404(
        MentorInvitation.objects.select_related("company", "invited_by"), token=token
    )
    user = request.user
    if request.method == "POST":
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        try:
            services.mentor_invitation_accept(user=user, invitation=invitation)
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request,
                _(
                    "Welcome, mentor of %(name)s. Complete your profile: the coordinators "
                    "approve it before SMEs are proposed to you."
                )
                % {"name": invitation.company.name},
            )
            return redirect("volunteers:mentor_profile")
    context = {
        "invitation": invitation,
        "can_accept": can_accept_mentor_invitation(user, invitation),
    }
    return render(request, "volunteers/mentor_invitation_accept.html", context)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def mentor_profile(request: HttpRequest) -> HttpResponse:
    mentor = selectors.mentors_with_skills().filter(user=request.user).first()
    if mentor is None:
        raise Http404
    agreement = ConfidentialityAgreement.objects.current()
    form = MentorProfileForm(
        request.POST if request.method == "POST" else None, mentor=mentor, agreement=agreement
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.mentor_profile_update(
                user=request.user,
                mentor=mentor,
                fields=form.service_fields(),
                skills=form.service_skills(),
                accept_agreement=form.accepts_agreement,
            )
        except (ValidationError, ApplicationError) as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Your mentor profile is saved."))
            return redirect("volunteers:mentor_profile")
    context = {
        "form": form,
        "mentor": mentor,
        "agreement": agreement,
        "missing": services.mentor_profile_missing(mentor, agreement),
    }
    return render(request, "volunteers/mentor_profile.html", context)


@never_cache
@login_required
@require_safe
def mentor_detail(request: HttpRequest, pk: int) -> HttpResponse:
    mentor = get_object_or_404(selectors.mentors_with_skills(), pk=pk)
    if not can_view_mentor(request.user, mentor):
        raise Http404
    agreement = ConfidentialityAgreement.objects.current()
    context = {
        "mentor": mentor,
        "agreement": agreement,
        "has_current_agreement": mentor.has_accepted(agreement),
        "is_own": mentor.user_id == request.user.pk,
        "is_company_admin": is_company_admin(request.user, mentor.company),
    }
    return render(request, "volunteers/mentor_detail.html", context)
