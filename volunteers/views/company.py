"""Company admins' pages: the pledge dashboard, the pledge form, its moves, mentor invitations.

Only the admins of that large company see them; for anyone else (another company's admin, a
member, an SME, a coordinator: coordinators work in the admin) a company id is a 404, so ids
reveal nothing. Every write goes through volunteers.services.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.models import Organisation
from skillup import ratelimit
from skillup.errors import ApplicationError, add_service_errors

from .. import selectors, services
from ..enums import CLOSED_STATES, EDITABLE_STATES, PledgeActor, PledgeState
from ..forms import MentorInvitationForm, PledgeForm, PledgeMoveForm
from ..models import Pledge
from ..permissions import is_company_admin
from ..workflow import moves_from

# Each invitation sends an email to an address the admin typed: per company, per day.
MENTOR_INVITATION_RATE = ratelimit.Limit("mentor-invitation", 50, 24 * 3600)


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------
def _company_for(user, pk: int) -> Organisation:
    """The large company if this person is one of its admins; a 404 otherwise."""
    company = get_object_or_404(Organisation, pk=pk)
    if not is_company_admin(user, company):
        raise Http404
    return company


def _dashboard(company: Organisation) -> HttpResponse:
    return redirect("volunteers:company_pledge", pk=company.pk)


def _not_editable_message(pledge: Pledge) -> str:
    return services.MSG_NOT_EDITABLE % {"state": pledge.get_state_display().lower()}


def _saved_message(form: PledgeForm) -> str:
    if form.wants_send:
        return _(
            "Your pledge is sent for approval. The coordinators will review it; you will "
            "receive an email when they decide."
        )
    return _("Your draft pledge is saved.")


def _save(request, *, form: PledgeForm, company, pledge: Pledge | None) -> Pledge | None:
    """Call the service the button asks for; the saved pledge, or None with the errors on the
    form. A refusal that is not about a field (e.g. a pledge already under way) is raised."""
    fields, expertise = form.service_fields(), form.service_expertise()
    try:
        if form.wants_send:
            return services.pledge_save_and_send(
                user=request.user,
                company=company,
                pledge=pledge,
                fields=fields,
                expertise=expertise,
            )
        if pledge is None:
            return services.pledge_create(
                user=request.user, company=company, fields=fields, expertise=expertise
            )
        return services.pledge_update(
            user=request.user, pledge=pledge, fields=fields, expertise=expertise
        )
    except ValidationError as exc:
        add_service_errors(form, exc)
    except ApplicationError as exc:
        if add_service_errors(form, exc, top=False) is not None:
            raise
    return None


def _pledge_form_page(request, *, company, pledge: Pledge | None) -> HttpResponse:
    """The pledge form: a new pledge when `pledge` is None, else the changes to it."""
    form = PledgeForm(request.POST if request.method == "POST" else None, pledge=pledge)
    if request.method == "POST" and form.is_valid():
        try:
            saved = _save(request, form=form, company=company, pledge=pledge)
        except ApplicationError as exc:  # a double click made the pledge, or it was sent meanwhile
            messages.error(request, exc.message)
            return _dashboard(company)
        if saved is not None:
            messages.success(request, _saved_message(form))
            return _dashboard(company)
    context = {"form": form, "company": company, "pledge": pledge}
    return render(request, "volunteers/pledge_form.html", context)


# --------------------------------------------------------------------------------------------
# Pages
# --------------------------------------------------------------------------------------------
@never_cache
@login_required
@require_safe
def company_pledge(request: HttpRequest, pk: int) -> HttpResponse:
    company = _company_for(request.user, pk)
    pledge = selectors.pledge_for_company(company)
    context = {
        "company": company,
        "pledge": pledge,
        "mentors": list(selectors.mentors_of_company(company)),
        "invitations": list(selectors.open_mentor_invitations(company)),
    }
    if pledge is not None:
        context.update(
            {
                "transitions": list(pledge.transitions.select_related("actor")),
                "moves": moves_from(pledge.state, actor=PledgeActor.COMPANY),
                "progress": selectors.pledge_progress(pledge),
                "can_edit": pledge.state in EDITABLE_STATES,
                "can_pledge_again": pledge.state in CLOSED_STATES,
            }
        )
    return render(request, "volunteers/company_pledge.html", context)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def pledge_create(request: HttpRequest, pk: int) -> HttpResponse:
    company = _company_for(request.user, pk)
    current = selectors.pledge_for_company(company)
    if current is not None and current.state not in CLOSED_STATES:
        messages.info(request, services.MSG_OPEN_PLEDGE_EXISTS)
        return _dashboard(company)
    return _pledge_form_page(request, company=company, pledge=None)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def pledge_update(request: HttpRequest, pk: int) -> HttpResponse:
    company = _company_for(request.user, pk)
    pledge = selectors.pledge_for_company(company)
    if pledge is None:
        return redirect("volunteers:pledge_create", pk=company.pk)
    if pledge.state not in EDITABLE_STATES:
        messages.error(request, _not_editable_message(pledge))
        return _dashboard(company)
    return _pledge_form_page(request, company=company, pledge=pledge)


@never_cache
@login_required
@require_POST
def pledge_move(request: HttpRequest, pk: int) -> HttpResponse:
    """A button of the dashboard: send, send again or withdraw. The service decides."""
    company = _company_for(request.user, pk)
    pledge = selectors.pledge_for_company(company)
    form = PledgeMoveForm(request.POST)
    if pledge is None:
        raise Http404
    target = form.cleaned_data["target"] if form.is_valid() else ""
    if target not in PledgeState.values:
        messages.error(request, _("Choose one of the buttons to change the pledge."))
        return _dashboard(company)
    try:
        pledge = services.pledge_transition(pledge=pledge, target=target, actor=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("Your pledge is now: %(state)s.") % {"state": pledge.get_state_display()},
        )
    return _dashboard(company)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def mentor_invite(request: HttpRequest, pk: int) -> HttpResponse:
    company = _company_for(request.user, pk)
    form = MentorInvitationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if not ratelimit.hit(MENTOR_INVITATION_RATE, f"company:{company.pk}"):
            return ratelimit.too_many_requests(request)
        try:
            invitation = services.mentor_invitation_create(
                user=request.user, company=company, email=form.cleaned_data["email"]
            )
        except (ValidationError, ApplicationError) as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("An invitation to mentor is on its way to %(email)s.")
                % {"email": invitation.email},
            )
            return _dashboard(company)
    return render(request, "volunteers/mentor_invite.html", {"form": form, "company": company})
