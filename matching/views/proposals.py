"""A proposal: each side sees the other anonymised, with the score's explanation, and answers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from skillup.errors import ApplicationError, add_service_errors

from .. import selectors, services
from ..enums import Answer, ProposalState, Side
from ..forms import ProposalAnswerForm
from ..models import Proposal
from ..permissions import (
    can_answer_proposal,
    can_view_decline_reason,
    can_view_mentor_summary,
    can_view_proposal,
    can_view_sme_name,
    can_view_sme_summary,
    own_answer,
    proposal_side,
)


def _answered_message(proposal: Proposal, *, side: str, accepted: bool) -> str:
    if not accepted:
        return _("You declined this proposal. The coordinators are told; thank you for saying why.")
    if proposal.state == ProposalState.ACCEPTED:
        return _("Both sides accepted: your partnership starts now.")
    if side == Side.SME:
        return _("You accepted. The mentor is asked to answer too; you will receive an email.")
    return _("You accepted. The SME is asked to answer too; you will receive an email.")


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_object_or_404(
        Proposal.objects.select_related("needs__organisation", "mentor__user", "mentor__company"),
        pk=pk,
    )
    user = request.user
    if not can_view_proposal(user, proposal):
        raise Http404
    side = proposal_side(user, proposal)
    form = ProposalAnswerForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = services.proposal_answer(
                user=user,
                proposal=proposal,
                accept=form.accepts,
                reason=form.cleaned_data["reason"],
            )
        except ApplicationError as exc:
            refusal = add_service_errors(form, exc, top=False)
            if refusal is not None:
                messages.error(request, refusal)
                return redirect("matching:proposal_detail", pk=proposal.pk)
        else:
            messages.success(request, _answered_message(proposal, side=side, accepted=form.accepts))
            if proposal.state == ProposalState.ACCEPTED:
                return redirect(proposal.partnership.get_absolute_url())
            return redirect("matching:proposal_detail", pk=proposal.pk)

    answer = own_answer(user, proposal)
    context = {
        "proposal": proposal,
        "side": side,
        "can_answer": can_answer_proposal(user, proposal),
        "own_answer": Answer(answer).label if answer else "",
        "form": form,
        "decline_reason": (
            proposal.decline_reason if can_view_decline_reason(user, proposal) else ""
        ),
        "sme_summary": (
            selectors.sme_summary(proposal) if can_view_sme_summary(user, proposal) else None
        ),
        "sme_name": proposal.needs.organisation.name if can_view_sme_name(user, proposal) else None,
        "mentor": (
            selectors.mentor_with_skills(proposal.mentor_id)
            if can_view_mentor_summary(user, proposal)
            else None
        ),
        "breakdown": selectors.score_breakdown(proposal),
        "partnership": selectors.partnership_of(proposal),
    }
    return render(request, "matching/proposal_detail.html", context)
