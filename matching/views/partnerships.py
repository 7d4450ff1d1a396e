"""A partnership: who the other side is, the goals, check-ins, its end and each side's feedback
(the SME's with its self-assessment, shown as the change since the start)."""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from accounts.selectors import organisation_admins
from skillup.errors import ApplicationError, add_service_errors

from .. import selectors, services
from ..enums import PartnershipState, Side
from ..forms import (
    ACTION_CHECKIN,
    ACTION_END,
    ACTION_FEEDBACK,
    ACTION_GOALS,
    CheckInForm,
    FeedbackForm,
    GoalsForm,
    PartnershipEndForm,
)
from ..models import NeedsProfile, Partnership
from ..permissions import (
    can_end_partnership,
    can_give_feedback,
    can_read_feedback,
    can_view_challenge,
    can_view_partnership,
    can_work_in_partnership,
    partnership_side,
)


def _partnership_forms(request, partnership: Partnership, side: str | None) -> dict:
    """The forms this person may use now. The one POSTed is bound, and offered to a side even
    when it is no longer allowed, so that the service says why it refuses."""
    user = request.user
    action = request.POST.get("action") if request.method == "POST" else None

    def data(name):
        return request.POST if action == name else None

    def posted_by_a_side(name):
        return side is not None and action == name

    forms = {}
    if can_work_in_partnership(user, partnership) or posted_by_a_side(ACTION_GOALS):
        forms[ACTION_GOALS] = GoalsForm(data(ACTION_GOALS), partnership=partnership)
    if can_work_in_partnership(user, partnership) or posted_by_a_side(ACTION_CHECKIN):
        forms[ACTION_CHECKIN] = CheckInForm(data(ACTION_CHECKIN))
    # the page is seen by a side or a coordinator only: both may post the end
    if can_end_partnership(user, partnership) or action == ACTION_END:
        forms[ACTION_END] = PartnershipEndForm(data(ACTION_END))
    if can_give_feedback(user, partnership) or posted_by_a_side(ACTION_FEEDBACK):
        needs = None
        if side == Side.SME:
            needs = NeedsProfile.objects.prefetch_related("gaps").get(pk=partnership.needs_id)
        forms[ACTION_FEEDBACK] = FeedbackForm(data(ACTION_FEEDBACK), needs=needs)
    return forms


def _partnership_post(request, partnership: Partnership, form, action: str) -> str | None:
    """Call the service the action asks for; the success message, or None (errors on the form).
    A refusal that is not about a field is raised."""
    user, data = request.user, form.cleaned_data
    try:
        if action == ACTION_GOALS:
            services.partnership_set_goals(user=user, partnership=partnership, goals=data["goals"])
            return _("The goals are saved.")
        if action == ACTION_CHECKIN:
            services.checkin_add(
                user=user,
                partnership=partnership,
                on=data["date"],
                note=data["note"],
                hours=data["hours"],
            )
            return _("The check-in is recorded.")
        if action == ACTION_END:
            services.partnership_end(
                user=user,
                partnership=partnership,
                completed=form.completed,
                reason=data["reason"],
            )
            return _("The partnership has ended. Both sides are asked for their feedback.")
        services.feedback_give(
            user=user,
            partnership=partnership,
            rating=data["rating"],
            text=data["text"],
            maturity=form.service_maturity() if form.with_assessment else None,
            gaps=form.service_gaps() if form.with_assessment else None,
        )
        return _("Thank you for your feedback.")
    except ValidationError as exc:
        add_service_errors(form, exc)
    except ApplicationError as exc:
        if add_service_errors(form, exc, top=False) is not None:
            raise
    return None


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def partnership_detail(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = get_object_or_404(
        Partnership.objects.select_related(
            "needs__organisation", "mentor__user", "mentor__company"
        ),
        pk=pk,
    )
    user = request.user
    if not can_view_partnership(user, partnership):
        raise Http404
    side = partnership_side(user, partnership)
    forms = _partnership_forms(request, partnership, side)
    if request.method == "POST":
        action = request.POST.get("action")
        form = forms.get(action)
        if form is None:
            messages.error(request, services.MSG_NOT_ALLOWED)
            return redirect(partnership.get_absolute_url())
        if form.is_valid():
            try:
                done = _partnership_post(request, partnership, form, action)
            except ApplicationError as exc:
                messages.error(request, exc.message)
                return redirect(partnership.get_absolute_url())
            if done:
                messages.success(request, done)
                return redirect(partnership.get_absolute_url())

    needs = selectors.needs_with_gaps(partnership.needs_id)
    feedback = list(partnership.feedback.all())
    check_ins = list(partnership.check_ins.select_related("author"))
    context = {
        "partnership": partnership,
        "sme": partnership.needs.organisation,
        "needs": needs,
        "gaps": selectors.gap_lines(needs),
        "mentor": selectors.mentor_with_skills(partnership.mentor_id),
        "sme_contacts": list(
            organisation_admins(partnership.needs.organisation).order_by("full_name", "pk")
        ),
        "side": side,
        "is_active": partnership.state == PartnershipState.ACTIVE,
        "show_challenge": can_view_challenge(user, needs),
        "check_ins": check_ins,
        "hours": sum((check_in.hours for check_in in check_ins), Decimal(0)),
        "feedback": [f for f in feedback if can_read_feedback(user, f)],
        "feedback_sides": {f.side for f in feedback},
        "change": selectors.assessment_change(partnership),
        "goals_form": forms.get(ACTION_GOALS),
        "checkin_form": forms.get(ACTION_CHECKIN),
        "end_form": forms.get(ACTION_END),
        "feedback_form": forms.get(ACTION_FEEDBACK),
    }
    return render(request, "matching/partnership_detail.html", context)
