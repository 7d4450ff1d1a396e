"""SMEs' and mentors' matchmaking pages: the SME's needs, the mentoring home, a proposal, a
partnership, and the outcomes for coordinators and pledging companies.

Confidentiality: a proposal shows the mentor an anonymised SME summary (built here from the few
fields allowed, never the organisation object's name, people or challenge), the SME a mentor
summary without personal contact details. Only a partnership shows who the other side is, and
the challenge text only to whom permissions.can_view_challenge allows. A page a person may not
see is a 404, so ids reveal nothing. Every write goes through matching.services.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Avg, Count, Prefetch, Q, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from accounts.enums import MembershipRole, OrganisationKind
from accounts.models import Membership, Organisation
from accounts.permissions import is_coordinator
from accounts.selectors import organisation_admins
from skillup.errors import ApplicationError, add_service_errors
from volunteers.models import MentorProfile, MentorSkill, Pledge

from . import services
from .enums import (
    RELEASED_PROPOSAL_STATES,
    Answer,
    Importance,
    MaturityDimension,
    MaturityLevel,
    PartnershipState,
    ProposalState,
    Side,
)
from .forms import (
    ACTION_CHECKIN,
    ACTION_END,
    ACTION_FEEDBACK,
    ACTION_GOALS,
    CheckInForm,
    FeedbackForm,
    GoalsForm,
    NeedsForm,
    PartnershipEndForm,
    ProposalAnswerForm,
)
from .levels import CommonLevel
from .models import (
    CheckIn,
    Feedback,
    NeedsProfile,
    Partnership,
    Proposal,
    SelfAssessment,
    Skill,
    SkillGap,
)
from .permissions import (
    can_view_challenge,
    can_view_partnership,
    can_view_proposal,
    is_sme_member,
    partnership_side,
    proposal_side,
)

PART_LABELS = {
    "coverage": gettext_lazy("Coverage of the skill gaps"),
    "region": gettext_lazy("Country or region"),
    "sector": gettext_lazy("Sector"),
    "mode": gettext_lazy("Mentoring mode"),
}


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------
def _posted(request: HttpRequest):
    return request.POST if request.method == "POST" else None


def _level_label(level) -> str:
    try:
        return f"{int(level)}. {CommonLevel(int(level)).label}"
    except (TypeError, ValueError):
        return "–"


def _importance_label(importance) -> str:
    try:
        return str(Importance(int(importance)).label)
    except (TypeError, ValueError):
        return "–"


@dataclass
class GapLine:
    skill: Skill | None
    importance: str
    target: str


@dataclass
class SmeSummary:
    """What a mentor may know of an SME before a partnership: nothing that names it."""

    sector: str
    size: str
    country: str
    languages: str
    mode: str
    gaps: list[GapLine] = field(default_factory=list)


def _sme_summary(needs: NeedsProfile) -> SmeSummary:
    organisation = needs.organisation
    return SmeSummary(
        sector=organisation.get_sector_display(),
        size=organisation.get_size_band_display(),
        country=organisation.country.name,
        languages=needs.get_languages_display(),
        mode=needs.get_mode_display(),
        gaps=[
            GapLine(gap.skill, gap.get_importance_display(), gap.get_target_level_display())
            for gap in needs.gaps.all()
        ],
    )


def _gaps_prefetch() -> Prefetch:
    return Prefetch(
        "gaps",
        queryset=SkillGap.objects.select_related("skill").order_by(
            "-importance", "skill__framework__position", "skill__position"
        ),
    )


def _mentor_with_skills(mentor_id: int) -> MentorProfile:
    return (
        MentorProfile.objects.select_related("user", "company")
        .prefetch_related(
            Prefetch(
                "skills",
                queryset=MentorSkill.objects.select_related("skill").order_by(
                    "-level", "skill__framework__position", "skill__position"
                ),
            )
        )
        .get(pk=mentor_id)
    )


# --------------------------------------------------------------------------------------------
# Needs
# --------------------------------------------------------------------------------------------
@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def needs_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The SME's needs profile: its members only (anyone else, coordinators included: 404)."""
    organisation = get_object_or_404(Organisation, pk=pk)
    if not is_sme_member(request.user, organisation):
        raise Http404
    needs = (
        NeedsProfile.objects.filter(organisation=organisation)
        .prefetch_related("gaps", "excluded_companies")
        .first()
    )
    form = NeedsForm(_posted(request), needs=needs)
    if request.method == "POST" and form.is_valid():
        try:
            services.needs_save(
                user=request.user,
                organisation=organisation,
                fields=form.service_fields(),
                gaps=form.service_gaps(),
                excluded_companies=form.service_excluded(),
            )
        except (ValidationError, ApplicationError) as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("The needs of %(name)s are saved.") % {"name": organisation.name}
            )
            return redirect("matching:mentoring_home")
    context = {"form": form, "organisation": organisation, "needs": needs}
    return render(request, "matching/needs_form.html", context)


# --------------------------------------------------------------------------------------------
# Mentoring home
# --------------------------------------------------------------------------------------------
@never_cache
@login_required
def mentoring_home(request: HttpRequest) -> HttpResponse:
    """The person's SMEs (needs, proposals, partnerships) and, for a mentor, the proposals to
    answer and the partnerships. Seven queries however many rows."""
    user = request.user
    smes = [
        membership.organisation
        for membership in Membership.objects.filter(
            user=user, organisation__kind=OrganisationKind.SME
        )
        .select_related("organisation")
        .order_by("organisation__name", "organisation_id")
    ]
    sme_rows = []
    if smes:
        needs_by_sme = {
            needs.organisation_id: needs
            for needs in NeedsProfile.objects.filter(organisation__in=smes).annotate(
                gap_count=Count("gaps")
            )
        }
        proposals: dict[int, list[Proposal]] = {}
        for proposal in (
            Proposal.objects.filter(
                needs__organisation__in=smes, state__in=RELEASED_PROPOSAL_STATES
            )
            .select_related("needs", "mentor__company")
            .order_by("-released_at", "-pk")
        ):
            proposals.setdefault(proposal.needs.organisation_id, []).append(proposal)
        partnerships: dict[int, list[Partnership]] = {}
        for partnership in (
            Partnership.objects.filter(needs__organisation__in=smes)
            .select_related("needs", "mentor__user", "mentor__company")
            .order_by("-started_at", "-pk")
        ):
            partnerships.setdefault(partnership.needs.organisation_id, []).append(partnership)
        for sme in smes:
            for proposal in proposals.get(sme.pk, []):
                proposal.awaits_you = (
                    proposal.state == ProposalState.PROPOSED and not proposal.sme_answer
                )
            sme_rows.append(
                {
                    "organisation": sme,
                    "needs": needs_by_sme.get(sme.pk),
                    "proposals": proposals.get(sme.pk, []),
                    "partnerships": partnerships.get(sme.pk, []),
                }
            )

    mentor = MentorProfile.objects.filter(user=user).select_related("company").first()
    mentor_proposals, mentor_partnerships = [], []
    if mentor is not None:
        for proposal in (
            Proposal.objects.filter(mentor=mentor, state=ProposalState.PROPOSED)
            .select_related("needs__organisation")
            .order_by("expires_at", "pk")
        ):
            # the SME stays anonymous until a partnership: the template gets the summary only
            mentor_proposals.append(
                {
                    "pk": proposal.pk,
                    "score": proposal.score,
                    "expires_at": proposal.expires_at,
                    "answered": bool(proposal.mentor_answer),
                    "sector": proposal.needs.organisation.get_sector_display(),
                    "country": proposal.needs.organisation.country.name,
                    "size": proposal.needs.organisation.get_size_band_display(),
                }
            )
        mentor_partnerships = list(
            Partnership.objects.filter(mentor=mentor)
            .select_related("needs__organisation")
            .order_by("-started_at", "-pk")
        )
    context = {
        "sme_rows": sme_rows,
        "mentor": mentor,
        "mentor_proposals": mentor_proposals,
        "mentor_partnerships": mentor_partnerships,
    }
    return render(request, "matching/mentoring_home.html", context)


# --------------------------------------------------------------------------------------------
# Proposal
# --------------------------------------------------------------------------------------------
@dataclass
class ScoreGap:
    skill: Skill | None
    importance: str
    target: str
    level: str
    covered: int | None  # percent


def _score_breakdown(proposal: Proposal) -> dict:
    """The stored explanation as rows a person can read: points per part, gap by gap."""
    explanation = proposal.explanation or {}
    parts = explanation.get("parts") or {}
    gaps = [gap for gap in explanation.get("gaps") or [] if isinstance(gap, dict)]
    skill_ids = {gap.get("skill") for gap in gaps if isinstance(gap.get("skill"), int)}
    skills = Skill.objects.in_bulk(skill_ids) if skill_ids else {}
    rows = []
    for gap in gaps:
        covered = gap.get("covered")
        rows.append(
            ScoreGap(
                skill=skills.get(gap.get("skill")),
                importance=_importance_label(gap.get("importance")),
                target=_level_label(gap.get("target")),
                level=_level_label(gap.get("level")) if gap.get("level") else _("none"),
                covered=round(float(covered) * 100) if isinstance(covered, int | float) else None,
            )
        )
    return {
        "score": explanation.get("score", proposal.score),
        "parts": [
            (PART_LABELS.get(name, name), parts[name]) for name in PART_LABELS if name in parts
        ],
        "gaps": rows,
        "version": explanation.get("version") or proposal.algorithm_version,
    }


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
    form = ProposalAnswerForm(_posted(request))
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

    own_answer = (
        proposal.sme_answer if side == Side.SME else proposal.mentor_answer if side else None
    )
    sme_summary = None
    if side != Side.SME:  # the mentor and coordinators: the (anonymised) SME
        needs = NeedsProfile.objects.prefetch_related(_gaps_prefetch()).get(pk=proposal.needs_id)
        needs.organisation = proposal.needs.organisation
        sme_summary = _sme_summary(needs)
    # the reason for declining goes to the coordinators (the form says so) and back to the side
    # that gave it: an SME's words could name it to the mentor it declined
    declined_by = Side.SME if proposal.sme_answer == Answer.DECLINED else Side.MENTOR
    context = {
        "proposal": proposal,
        "side": side,
        "can_answer": bool(side) and proposal.state == ProposalState.PROPOSED and not own_answer,
        "own_answer": Answer(own_answer).label if own_answer else "",
        "form": form,
        "decline_reason": proposal.decline_reason if side in (None, declined_by) else "",
        "sme_summary": sme_summary,
        "sme_name": proposal.needs.organisation.name if side is None else None,
        "mentor": _mentor_with_skills(proposal.mentor_id) if side != Side.MENTOR else None,
        "breakdown": _score_breakdown(proposal),
        "partnership": (
            Partnership.objects.filter(proposal=proposal).first()
            if proposal.state == ProposalState.ACCEPTED
            else None
        ),
    }
    return render(request, "matching/proposal_detail.html", context)


# --------------------------------------------------------------------------------------------
# Partnership
# --------------------------------------------------------------------------------------------
@dataclass
class MaturityChange:
    label: str
    before: str
    after: str
    delta: int | None


@dataclass
class AssessmentChange:
    maturity: list[MaturityChange]
    closed: list[Skill | None]
    remaining: list[tuple[Skill | None, str, str]]  # skill, target before, target after
    new: list[Skill | None]


def _maturity_label(level) -> str:
    try:
        return f"{int(level)}. {MaturityLevel(int(level)).label}"
    except (TypeError, ValueError):
        return _("not assessed")


def _assessment_change(start: SelfAssessment, end: SelfAssessment) -> AssessmentChange:
    """Maturity per dimension before → after, and the gaps closed, kept and new."""
    maturity = []
    for dimension in MaturityDimension:
        before = (start.maturity or {}).get(dimension.value)
        after = (end.maturity or {}).get(dimension.value)
        delta = after - before if isinstance(before, int) and isinstance(after, int) else None
        maturity.append(
            MaturityChange(dimension.label, _maturity_label(before), _maturity_label(after), delta)
        )
    before_gaps = {g["skill"]: g for g in start.gaps or [] if isinstance(g, dict)}
    after_gaps = {g["skill"]: g for g in end.gaps or [] if isinstance(g, dict)}
    skills = Skill.objects.in_bulk(set(before_gaps) | set(after_gaps))
    return AssessmentChange(
        maturity=maturity,
        closed=[skills.get(pk) for pk in before_gaps if pk not in after_gaps],
        remaining=[
            (
                skills.get(pk),
                _level_label(before_gaps[pk].get("target")),
                _level_label(after_gaps[pk].get("target")),
            )
            for pk in before_gaps
            if pk in after_gaps
        ],
        new=[skills.get(pk) for pk in after_gaps if pk not in before_gaps],
    )


def _partnership_forms(request, partnership: Partnership, side: str | None) -> dict:
    """The forms this person may use now; the one POSTed is bound."""
    action = request.POST.get("action") if request.method == "POST" else None
    active = partnership.state == PartnershipState.ACTIVE
    given = set(partnership.feedback.values_list("side", flat=True))

    def data(name):
        return request.POST if action == name else None

    forms = {}
    if side and (active or action == ACTION_GOALS):
        forms[ACTION_GOALS] = GoalsForm(data(ACTION_GOALS), partnership=partnership)
    if side and (active or action == ACTION_CHECKIN):
        forms[ACTION_CHECKIN] = CheckInForm(data(ACTION_CHECKIN))
    if (side or is_coordinator(request.user)) and (active or action == ACTION_END):
        forms[ACTION_END] = PartnershipEndForm(data(ACTION_END))
    if side and ((not active and side not in given) or action == ACTION_FEEDBACK):
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

    needs = NeedsProfile.objects.prefetch_related(_gaps_prefetch()).get(pk=partnership.needs_id)
    snapshots = {s.moment: s for s in SelfAssessment.objects.filter(partnership=partnership)}
    coordinator = is_coordinator(user)
    feedback = list(partnership.feedback.all())
    check_ins = list(partnership.check_ins.select_related("author"))
    context = {
        "partnership": partnership,
        "sme": partnership.needs.organisation,
        "needs": needs,
        "mentor": _mentor_with_skills(partnership.mentor_id),
        "sme_contacts": list(
            organisation_admins(partnership.needs.organisation).order_by("full_name", "pk")
        ),
        "side": side,
        "is_active": partnership.state == PartnershipState.ACTIVE,
        "show_challenge": can_view_challenge(user, needs),
        "check_ins": check_ins,
        "hours": sum((check_in.hours for check_in in check_ins), Decimal(0)),
        # feedback: each side reads its own, coordinators read both
        "feedback": [f for f in feedback if coordinator or f.side == side],
        "feedback_sides": {f.side for f in feedback},
        "change": (
            _assessment_change(snapshots["start"], snapshots["end"])
            if "start" in snapshots and "end" in snapshots
            else None
        ),
        "goals_form": forms.get(ACTION_GOALS),
        "checkin_form": forms.get(ACTION_CHECKIN),
        "end_form": forms.get(ACTION_END),
        "feedback_form": forms.get(ACTION_FEEDBACK),
    }
    return render(request, "matching/partnership_detail.html", context)


# --------------------------------------------------------------------------------------------
# Outcomes
# --------------------------------------------------------------------------------------------
@dataclass
class DimensionOutcome:
    label: str
    mean_change: float | None
    count: int


def _outcomes(partnerships) -> dict:
    """Aggregates over a queryset of partnerships, in five queries whatever its size."""
    counts = dict(partnerships.values("state").annotate(n=Count("pk")).values_list("state", "n"))
    ratings = {
        row["side"]: row
        for row in Feedback.objects.filter(partnership__in=partnerships)
        .values("side")
        .annotate(mean=Avg("rating"), n=Count("pk"))
    }
    hours = CheckIn.objects.filter(partnership__in=partnerships).aggregate(total=Sum("hours"))
    snapshots: dict[int, dict] = {}
    for partnership_id, moment, maturity, gaps in SelfAssessment.objects.filter(
        partnership__in=partnerships, moment__in=("start", "end")
    ).values_list("partnership_id", "moment", "maturity", "gaps"):
        snapshots.setdefault(partnership_id, {})[moment] = (maturity or {}, gaps or [])
    changes: dict[str, list[int]] = {d.value: [] for d in MaturityDimension}
    compared = closed = 0
    for moments in snapshots.values():
        if "start" not in moments or "end" not in moments:
            continue
        compared += 1
        (before, before_gaps), (after, after_gaps) = moments["start"], moments["end"]
        for dimension, values in changes.items():
            if isinstance(before.get(dimension), int) and isinstance(after.get(dimension), int):
                values.append(after[dimension] - before[dimension])
        kept = {g.get("skill") for g in after_gaps if isinstance(g, dict)}
        closed += sum(1 for g in before_gaps if isinstance(g, dict) and g.get("skill") not in kept)

    def rating(side):
        row = ratings.get(side)
        return (round(row["mean"], 2), row["n"]) if row else (None, 0)

    return {
        "active": counts.get(PartnershipState.ACTIVE, 0),
        "completed": counts.get(PartnershipState.COMPLETED, 0),
        "ended_early": counts.get(PartnershipState.ENDED_EARLY, 0),
        "total": sum(counts.values()),
        "sme_rating": rating(Side.SME),
        "mentor_rating": rating(Side.MENTOR),
        "hours": hours["total"] or Decimal(0),
        "compared": compared,
        "gaps_closed": closed,
        "dimensions": [
            DimensionOutcome(
                d.label,
                round(sum(changes[d.value]) / len(changes[d.value]), 2)
                if changes[d.value]
                else None,
                len(changes[d.value]),
            )
            for d in MaturityDimension
        ],
    }


@never_cache
@login_required
def outcomes(request: HttpRequest) -> HttpResponse:
    """All partnerships for coordinators; a pledging company's admins: their mentors'
    partnerships. Anyone else: 404. Aggregates only: no SME is named."""
    user = request.user
    companies = []
    if is_coordinator(user):
        partnerships = Partnership.objects.all()
    else:
        pledging = Pledge.objects.values("company_id")
        companies = list(
            Organisation.objects.filter(
                Q(pk__in=pledging),
                kind=OrganisationKind.LARGE_COMPANY,
                memberships__user=user,
                memberships__role=MembershipRole.ADMIN,
            ).order_by("name", "pk")
        )
        if not companies:
            raise Http404
        partnerships = Partnership.objects.filter(mentor__company__in=companies)
    context = {"companies": companies, "outcomes": _outcomes(partnerships)}
    return render(request, "matching/outcomes.html", context)
