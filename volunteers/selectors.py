"""Reads for pledges and mentors, with their related rows loaded."""

from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import (
    Count,
    DateField,
    DecimalField,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries as all_countries
from django_countries.fields import Country

from accounts.enums import OrganisationKind
from accounts.models import Organisation
from matching.models import Skill

from .enums import CLOSED_STATES, Availability, MentorState
from .models import (
    ConfidentialityAgreement,
    MentorInvitation,
    MentorProfile,
    MentorSkill,
    Pledge,
)


def pledges_in_viewer() -> QuerySet[Pledge]:
    """The public Pledge Viewer: approved or completed pledges made public, latest approved
    first, with their company and their expertise in the taxonomy's order (framework loaded:
    the open-data API and datasets name each skill `framework:code`)."""
    expertise = Skill.objects.select_related("framework").order_by(
        "framework__position", "position", "pk"
    )
    return (
        Pledge.objects.in_viewer()
        .select_related("company")
        .prefetch_related(Prefetch("expertise", queryset=expertise))
        .order_by("-approved_at", "-pk")
    )


def pledge_for_company(company: Organisation) -> Pledge | None:
    """The company's pledge under way, else its latest one."""
    pledges = list(
        Pledge.objects.filter(company=company)
        .prefetch_related("expertise")
        .order_by("-created_at", "-pk")
    )
    for pledge in pledges:
        if pledge.state not in CLOSED_STATES:
            return pledge
    return pledges[0] if pledges else None


def mentors_of_company(company: Organisation) -> QuerySet[MentorProfile]:
    """The company dashboard's table: person, state, capacity, availability, agreement."""
    return (
        MentorProfile.objects.filter(company=company)
        .select_related("user", "agreement")
        .order_by("user__email")
    )


def open_mentor_invitations(company: Organisation) -> QuerySet[MentorInvitation]:
    return MentorInvitation.objects.unanswered().filter(company=company).order_by("-created_at")


def mentors_with_skills() -> QuerySet[MentorProfile]:
    """Mentor profiles as their pages show them: person, company, agreement and skills."""
    return MentorProfile.objects.select_related("user", "company", "agreement").prefetch_related(
        Prefetch("skills", queryset=MentorSkill.objects.select_related("skill"))
    )


def mentor_with_skills(pk: int) -> MentorProfile:
    return mentors_with_skills().get(pk=pk)


@dataclass(frozen=True)
class Progress:
    """A target and how far the pledge has come (None: no target set)."""

    label: str
    target: int
    done: int

    @property
    def percent(self) -> int | None:
        if not self.target:
            return None
        return min(100, round(100 * self.done / self.target))


def pledge_progress(pledge: Pledge, *, today: date | None = None) -> list[Progress]:
    """Progress against each target. SMEs supported and mentoring hours come from the
    partnerships that matchmaking creates for the company's mentors, counted within the pledge's
    period (partnership_totals); mentors engaged are the company's approved mentors."""
    mentors = MentorProfile.objects.filter(
        company_id=pledge.company_id, state=MentorState.APPROVED
    ).count()
    smes, hours = partnership_totals(pledge, today=today)
    return [
        Progress(_("SMEs supported"), pledge.target_smes, smes),
        Progress(_("Mentors engaged"), pledge.target_mentors, mentors),
        Progress(_("Mentoring hours"), pledge.target_hours, hours),
    ]


def pledge_partnerships(pledges: QuerySet[Pledge], *, today: date | None = None) -> QuerySet:
    """The partnerships that count for any of `pledges`: THE rule behind "SMEs supported" on a
    pledge's page, on its company's dashboard and in the Pledge Viewer's chart.

    A partnership counts for a pledge when
    1. its mentor is one of the pledge's company's mentors;
    2. it was not ended early (active or completed);
    3. it ran on at least one day of the pledge's period, up to today: it started on or before
       the pledge's end date, and it ended (or, still active, today is) on or after the pledge's
       start date. So nothing counts for a pledge before its start date; a partnership over
       before the start, or begun after the end, never counts; one that began before the start
       and goes on into the period counts.
    Dates are local dates (settings.TIME_ZONE). Each partnership appears once, however many of
    the pledges it counts for (a company's pledges of successive years)."""
    from matching.enums import PartnershipState
    from matching.models import Partnership

    today = today or timezone.localdate()
    during = pledges.filter(
        company_id=OuterRef("mentor__company_id"),
        starts_on__lte=OuterRef("ran_until"),
        ends_on__gte=OuterRef("started_on"),
    )
    return (
        Partnership.objects.filter(state__in=(PartnershipState.ACTIVE, PartnershipState.COMPLETED))
        .annotate(
            started_on=TruncDate("started_at"),
            ran_until=Coalesce(TruncDate("ended_at"), Value(today, output_field=DateField())),
        )
        .filter(Exists(during))
    )


def pledges_with_totals(
    pledges: QuerySet[Pledge], *, today: date | None = None
) -> QuerySet[Pledge]:
    """`pledges`, each with `smes_supported` (the SMEs of the partnerships that count for it,
    pledge_partnerships) and `mentoring_hours` (the hours of those partnerships' check-ins dated
    within its period: a partnership that began before the start brings only its hours from the
    start on). One query, however many pledges (a subquery for each figure)."""
    from matching.models import CheckIn

    # each subquery reads the partnerships of the pledge of the outer row (hence OuterRefs
    # reaching two and three levels out, through the subqueries of pledge_partnerships)
    counted = pledge_partnerships(Pledge.objects.filter(pk=OuterRef(OuterRef("pk"))), today=today)
    smes = (
        counted.order_by()
        .values("mentor__company_id")
        .annotate(n=Count("needs", distinct=True))
        .values("n")
    )
    counted_for_check_ins = pledge_partnerships(
        Pledge.objects.filter(pk=OuterRef(OuterRef(OuterRef("pk")))), today=today
    )
    hours = (
        CheckIn.objects.filter(
            partnership__in=counted_for_check_ins.order_by().values("pk"),
            date__gte=OuterRef("starts_on"),
            date__lte=OuterRef("ends_on"),
        )
        .order_by()
        .values("partnership__mentor__company_id")
        .annotate(h=Sum("hours"))
        .values("h")
    )
    return pledges.annotate(
        smes_supported=Coalesce(Subquery(smes, output_field=IntegerField()), 0),
        mentoring_hours=Coalesce(
            Subquery(hours, output_field=DecimalField(max_digits=12, decimal_places=1)),
            Value(Decimal(0)),
        ),
    )


def partnership_totals(pledge: Pledge, *, today: date | None = None) -> tuple[int, int]:
    """(SMEs supported, mentoring hours in whole hours, rounded down) of one pledge, as
    pledges_with_totals counts them. One query."""
    smes, hours = (
        pledges_with_totals(Pledge.objects.filter(pk=pledge.pk), today=today)
        .values_list("smes_supported", "mentoring_hours")
        .get()
    )
    return smes, int(hours)


def country_counts(
    pledges: QuerySet[Pledge], *, today: date | None = None
) -> list[tuple[str, str, int, int]]:
    """(country code, name, pledges serving it, SMEs supported there), most pledges first, for
    the viewer's chart: one query over the pledges' countries, one over the SMEs supported under
    these pledges (pledge_partnerships), counted in the SME's country."""
    pledge_counts: Counter = Counter()
    names: dict[str, str] = {}
    for countries in pledges.values_list("countries", flat=True):
        for country in _country_list(countries):
            pledge_counts[country.code] += 1
            names[country.code] = str(country.name)
    sme_counts = dict(
        pledge_partnerships(pledges, today=today)
        .order_by()
        .values("needs__organisation__country")
        .annotate(n=Count("needs", distinct=True))
        .values_list("needs__organisation__country", "n")
    )
    for code in sme_counts:
        if code not in names:
            known = _country_list(code)
            names[code] = str(known[0].name) if known else code
    codes = set(pledge_counts) | set(sme_counts)
    return [
        (code, names[code], pledge_counts.get(code, 0), sme_counts.get(code, 0))
        for code in sorted(codes, key=lambda c: (-pledge_counts.get(c, 0), names[c]))
    ]


def _country_list(value) -> list:
    if not value:
        return []
    codes = value.split(",") if isinstance(value, str) else [str(c) for c in value]
    return [Country(code=code) for code in codes if code in all_countries]


def mentors_open_to_proposals(on=None) -> QuerySet[MentorProfile]:
    """Mentors a proposal may reach: approved, available (active, or a pause that has ended),
    and bound by the confidentiality agreement in force now. Matchmaking starts from these."""
    current = ConfidentialityAgreement.objects.current()
    if current is None:
        return MentorProfile.objects.none()
    on = on or timezone.localdate()
    return (
        MentorProfile.objects.filter(state=MentorState.APPROVED, agreement=current)
        .filter(Q(availability=Availability.ACTIVE) | Q(paused_until__lte=on))
        .filter(user__is_active=True)
        .select_related("user", "company")
    )


def open_mentor_invitations_for(email: str) -> QuerySet[MentorInvitation]:
    """Invitations to mentor for a company still open for this address (any case)."""
    return MentorInvitation.objects.open().filter(email__iexact=email).select_related("company")


def volunteer_dashboard(user, company_memberships) -> dict:
    """The Digital Volunteers side of a person's dashboard: for each large company the person
    administers, its pledge (the one under way, else the latest) set on the membership as
    `.pledge`; the person's own mentor profile. One query for all the pledges and one for the
    profile, however many companies."""
    administered = [
        m
        for m in company_memberships
        if m.is_admin and m.organisation.kind == OrganisationKind.LARGE_COMPANY
    ]
    pledges: dict[int, Pledge] = {}
    if administered:
        # the same choice as pledge_for_company, for many companies: the newest pledge under
        # way, else the newest
        for pledge in (
            Pledge.objects.filter(company__in=[m.organisation_id for m in administered])
            .only("pk", "company_id", "state", "slug", "created_at")
            .order_by("-created_at", "-pk")
        ):
            best = pledges.get(pledge.company_id)
            if best is None or (best.state in CLOSED_STATES and pledge.state not in CLOSED_STATES):
                pledges[pledge.company_id] = pledge
    for membership in administered:
        membership.pledge = pledges.get(membership.organisation_id)
    return {
        "pledge_memberships": administered,
        "mentor_profile": MentorProfile.objects.filter(user=user).select_related("company").first(),
    }


def pledging_companies() -> int:
    """Companies with a pledge in the public Pledge Viewer (one query)."""
    return Pledge.objects.in_viewer().values("company").distinct().count()


def pledge_for_badge(slug: str) -> Pledge | None:
    """A pledge of the public Pledge Viewer with what its badge names (its company), or None:
    a draft, a pending, withdrawn or private pledge has no badge. One query, run before any
    cache is read, so a pledge that stops being public loses its badge at once."""
    return (
        Pledge.objects.in_viewer()
        .filter(slug=slug)
        .select_related("company")
        .only("pk", "slug", "state", "is_public", "company__name")
        .first()
    )
