"""Reads of matchmaking, reused by views, the admin and emails: the skill taxonomy (forms and the
public skills page), the mentoring home, what each side may see of the other before a
partnership, a proposal's score as people read it, a partnership's change, the outcomes.

Confidentiality: the SME summary is built from the few fields allowed (never the organisation's
name, people or challenge); who may see what is decided in permissions.py, not here.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count, Prefetch, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from accounts.enums import MembershipRole, OrganisationKind
from accounts.models import Membership, Organisation
from volunteers.models import MentorProfile, MentorSkill, Pledge

from .enums import (
    PART_LABELS,
    RELEASED_PROPOSAL_STATES,
    Importance,
    MaturityDimension,
    MaturityLevel,
    PartnershipState,
    ProposalState,
    Side,
)
from .levels import CommonLevel
from .models import (
    CheckIn,
    Feedback,
    Framework,
    NeedsProfile,
    Partnership,
    Proposal,
    SelfAssessment,
    Skill,
    SkillGap,
)

# (area, its competences); area is None for a framework without areas (advanced digital areas)
AreaGroup = tuple[Skill | None, list[Skill]]


def skills_grouped() -> list[tuple[Framework, list[AreaGroup]]]:
    """Each framework in order with its areas and their competences, in two queries.

    A framework's competences without an area come in one group whose area is None.
    """
    frameworks = {framework.pk: framework for framework in Framework.objects.all()}
    skills = list(Skill.objects.order_by("position", "pk"))
    groups: dict[int, list[AreaGroup]] = {pk: [] for pk in frameworks}
    by_area: dict[int, list[Skill]] = {}
    for skill in skills:
        skill.framework = frameworks[skill.framework_id]  # no query when a caller reads it
        if skill.is_area:
            by_area[skill.pk] = []
            groups[skill.framework_id].append((skill, by_area[skill.pk]))
    loose: dict[int, list[Skill]] = {}
    for skill in skills:
        if skill.is_area:
            continue
        if skill.parent_id is not None:
            by_area[skill.parent_id].append(skill)
            continue
        if skill.framework_id not in loose:
            loose[skill.framework_id] = []
            groups[skill.framework_id].append((None, loose[skill.framework_id]))
        loose[skill.framework_id].append(skill)
    return [(framework, groups[pk]) for pk, framework in frameworks.items()]


def skill_groups() -> list[tuple[str, list[Skill]]]:
    """(legend, competences) per area of each framework, in reading order, for the forms that
    ask one thing per competence (an SME's gaps, a mentor's levels). Two queries."""
    groups = []
    for framework, areas in skills_grouped():
        for area, skills in areas:
            if not skills:
                continue
            legend = f"{framework.name} – {area.title}" if area is not None else framework.name
            groups.append((legend, skills))
    return groups


# --------------------------------------------------------------------------------------------
# Labels of stored values (a stored explanation or snapshot may hold anything: a dash if unknown)
# --------------------------------------------------------------------------------------------
def level_label(level) -> str:
    try:
        return f"{int(level)}. {CommonLevel(int(level)).label}"
    except (TypeError, ValueError):
        return "–"


def importance_label(importance) -> str:
    try:
        return str(Importance(int(importance)).label)
    except (TypeError, ValueError):
        return "–"


def maturity_label(level) -> str:
    try:
        return f"{int(level)}. {MaturityLevel(int(level)).label}"
    except (TypeError, ValueError):
        return _("not assessed")


# --------------------------------------------------------------------------------------------
# The two sides as each may see the other
# --------------------------------------------------------------------------------------------
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


def _gaps_prefetch() -> Prefetch:
    return Prefetch(
        "gaps",
        queryset=SkillGap.objects.select_related("skill").order_by(
            "-importance", "skill__framework__position", "skill__position"
        ),
    )


def needs_with_gaps(needs_id: int) -> NeedsProfile:
    """The needs profile with its gaps (and their skills), most important first."""
    return NeedsProfile.objects.prefetch_related(_gaps_prefetch()).get(pk=needs_id)


def sme_summary(proposal: Proposal) -> SmeSummary:
    """The anonymised SME of a proposal (built from the few fields allowed, never the
    organisation's name, people or challenge). Two queries."""
    needs = needs_with_gaps(proposal.needs_id)
    organisation = proposal.needs.organisation
    return SmeSummary(
        sector=organisation.get_sector_display(),
        size=organisation.get_size_band_display(),
        country=organisation.country.name,
        languages=needs.get_languages_display(),
        mode=needs.get_mode_display(),
        gaps=gap_lines(needs),
    )


def gap_lines(needs: NeedsProfile) -> list[GapLine]:
    """The needs' gaps as a table shows them (importance and target level in words), from
    needs_with_gaps()."""
    return [
        GapLine(gap.skill, gap.get_importance_display(), gap.get_target_level_display())
        for gap in needs.gaps.all()
    ]


def mentor_with_skills(mentor_id: int) -> MentorProfile:
    """The mentor with its person, company and skills (highest level first)."""
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
# A proposal's score, as people read it
# --------------------------------------------------------------------------------------------
@dataclass
class ScoreGap:
    skill: Skill | None
    importance: str
    target: str
    level: str
    covered: int | None  # percent


def score_breakdown(proposal: Proposal) -> dict:
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
                importance=importance_label(gap.get("importance")),
                target=level_label(gap.get("target")),
                level=level_label(gap.get("level")) if gap.get("level") else _("none"),
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


def partnership_of(proposal: Proposal) -> Partnership | None:
    """The partnership an accepted proposal started (None for any other state)."""
    if proposal.state != ProposalState.ACCEPTED:
        return None
    return Partnership.objects.filter(proposal=proposal).first()


# --------------------------------------------------------------------------------------------
# Mentoring home
# --------------------------------------------------------------------------------------------
def mentoring_home(user) -> dict:
    """The person's SMEs (needs, released proposals, partnerships) and, for a mentor, the
    proposals to answer and the partnerships. Seven queries however many rows."""
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
    return {
        "sme_rows": sme_rows,
        "mentor": mentor,
        "mentor_proposals": mentor_proposals,
        "mentor_partnerships": mentor_partnerships,
    }


# --------------------------------------------------------------------------------------------
# A partnership's change: the SME's self-assessment at the start and at the end
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


def assessment_change(partnership: Partnership) -> AssessmentChange | None:
    """Maturity per dimension before → after, and the gaps closed, kept and new (None until
    both snapshots exist)."""
    snapshots = {s.moment: s for s in SelfAssessment.objects.filter(partnership=partnership)}
    if "start" not in snapshots or "end" not in snapshots:
        return None
    start, end = snapshots["start"], snapshots["end"]
    maturity = []
    for dimension in MaturityDimension:
        before = (start.maturity or {}).get(dimension.value)
        after = (end.maturity or {}).get(dimension.value)
        delta = after - before if isinstance(before, int) and isinstance(after, int) else None
        maturity.append(
            MaturityChange(dimension.label, maturity_label(before), maturity_label(after), delta)
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
                level_label(before_gaps[pk].get("target")),
                level_label(after_gaps[pk].get("target")),
            )
            for pk in before_gaps
            if pk in after_gaps
        ],
        new=[skills.get(pk) for pk in after_gaps if pk not in before_gaps],
    )


# --------------------------------------------------------------------------------------------
# Outcomes
# --------------------------------------------------------------------------------------------
def outcome_companies(user) -> list[Organisation]:
    """The pledging companies whose outcomes this person reads as their admin."""
    pledging = Pledge.objects.values("company_id")
    return list(
        Organisation.objects.filter(
            Q(pk__in=pledging),
            kind=OrganisationKind.LARGE_COMPANY,
            memberships__user=user,
            memberships__role=MembershipRole.ADMIN,
        ).order_by("name", "pk")
    )


@dataclass
class DimensionOutcome:
    label: str
    mean_change: float | None
    count: int


def outcomes(partnerships: QuerySet[Partnership]) -> dict:
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


# --------------------------------------------------------------------------------------------
# The home page
# --------------------------------------------------------------------------------------------
def smes_supported() -> int:
    """SMEs with a partnership under way or completed (one query)."""
    return (
        Partnership.objects.filter(state__in=(PartnershipState.ACTIVE, PartnershipState.COMPLETED))
        .values("needs__organisation")
        .distinct()
        .count()
    )
