"""The programme overview on the admin's home page (coordinators): the figures of the programme
at a glance, each a table of rows (the same rows the CSV download writes) and a chart of them.

One function per figure. Each reads with aggregated SQL (GROUP BY, correlated subqueries): a
fixed number of queries whatever the number of practices, reviews, pledges or partnerships; the
figures of a call are read for all the calls shown at once.

Definitions (the same as the pages that show these numbers elsewhere):
- the calls shown are open now or closed within RECENT_CALL_DAYS days;
- a submission is a practice in one of practices.enums.SENT_STATES (drafts and withdrawn
  practices are not), dated by its `submitted_at`;
- reviews needed for a submission: its reviewers assigned, or the call's
  `reviewers_per_practice` when none is assigned; reviews done count up to that number;
- views are the counted views of published pages (services.practice_register_view), per day in
  PracticeViewDay; the campaign is the last CAMPAIGN_WEEKS weeks, its target
  settings.PROGRAMME_VIEWS_TARGET;
- SMEs supported and mentoring hours of a pledge: volunteers.selectors.pledges_with_totals
  (partnerships of the company's mentors that ran during the pledge's period, not ended early,
  and their check-ins' hours within the period: volunteers.selectors.pledge_partnerships);
- the mentoring funnel counts SMEs (needs profiles); the skill-gap change compares the gaps of
  the start and end self-assessments of completed partnerships, as matching.selectors.outcomes.

Nothing confidential is read: no review comment, no challenge, no contact address; SMEs are
counted, never named (published practices are named by their public title).
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce, TruncDate, TruncWeek
from django.utils import timezone, translation
from django.utils.formats import date_format, number_format
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_countries.fields import Country

from matching.enums import RELEASED_PROPOSAL_STATES, NeedsStatus, PartnershipState, ProposalState
from matching.models import NeedsProfile, Partnership, Proposal, SelfAssessment
from practices.enums import SENT_STATES, PracticeState
from practices.models import Call, Practice, PracticeViewDay, Review, ReviewAssignment
from volunteers import selectors as volunteer_selectors
from volunteers.enums import VISIBLE_STATES, PledgeState
from volunteers.models import Pledge

from . import charts

RECENT_CALL_DAYS = 90  # a call closed this many days ago or fewer is still shown
CAMPAIGN_WEEKS = 52  # the public-reach figure counts views over this many weeks, this one last
TOP_PRACTICES = 10
LONG_TABLE = 12  # a table of more rows is folded under its chart (it stays in the page)
CACHE_SECONDS = 5 * 60  # the overview is counted again after this (see cached_programme_overview)


@dataclass(frozen=True)
class Figure:
    """One figure: its rows (what the table and the CSV show) and its chart."""

    slug: str
    title: str
    columns: Sequence[str]
    rows: list[tuple]
    chart: SafeString
    note: str = ""  # what the numbers count, in a sentence
    call: Call | None = None

    @property
    def folded(self) -> bool:
        return len(self.rows) > LONG_TABLE

    @property
    def chart_id(self) -> str:
        """The id of the chart's elements, unique in the page (the table's heading uses it)."""
        return _chart_id(self.slug, self.call)


@dataclass
class CallOverview:
    call: Call
    days_left: int
    is_open: bool
    figures: list[Figure] = field(default_factory=list)


def _chart_id(slug: str, call: Call | None = None) -> str:
    return f"chart-{slug}" if call is None else f"chart-{slug}-{call.pk}"


def _counts_figure(
    slug: str,
    title: str,
    columns: Sequence[str],
    rows: list[tuple[str, int]],
    *,
    note: str = "",
    call: Call | None = None,
    empty: str = "",
) -> Figure:
    """A figure of (label, count) rows drawn as one bar per row, the bars' series named after
    the count's column."""
    return Figure(
        slug=slug,
        title=title,
        columns=columns,
        rows=rows,
        chart=charts.bar_chart(
            [label for label, _n in rows],
            [charts.Series(columns[1], [n for _label, n in rows])],
            chart_id=_chart_id(slug, call),
            title=title,
            description=_("Bar chart: the figures are in the table that follows."),
            empty=empty,
        ),
        note=note,
        call=call,
    )


# --------------------------------------------------------------------------------------------
# Calls
# --------------------------------------------------------------------------------------------
def overview_calls(now: datetime | None = None) -> list[Call]:
    """The calls open now or closed within RECENT_CALL_DAYS days, the next deadline first."""
    now = now or timezone.now()
    return list(
        Call.objects.filter(
            opens_at__lte=now, closes_at__gte=now - timedelta(days=RECENT_CALL_DAYS)
        ).order_by("closes_at", "pk")
    )


def days_left(call: Call, now: datetime | None = None) -> int:
    """Whole days until the call's deadline (0 once it has passed; extensions granted to one
    SME are not counted)."""
    now = now or timezone.now()
    if call.closes_at <= now:
        return 0
    return (timezone.localtime(call.closes_at).date() - timezone.localtime(now).date()).days


def submissions_by_state(calls: Sequence[Call]) -> dict[int, Figure]:
    """Practices of each call by state (every state, drafts and withdrawn included)."""
    counts = {
        (row["call_id"], row["state"]): row["n"]
        for row in Practice.objects.filter(call__in=calls)
        .values("call_id", "state")
        .annotate(n=Count("pk"))
        .order_by()
    }
    figures = {}
    for call in calls:
        rows = [
            (str(state.label), counts.get((call.pk, state.value), 0)) for state in PracticeState
        ]
        figures[call.pk] = _counts_figure(
            "submissions-by-state",
            _("Practices by state"),
            (_("State"), _("Practices")),
            rows,
            note=_("Every practice of the call, drafts and withdrawn ones included."),
            call=call,
        )
    return figures


def _country_name(code: str) -> str:
    return str(Country(code=code).name) if code else _("Unknown")


def submissions_by_country(calls: Sequence[Call]) -> dict[int, Figure]:
    """Submissions of each call by the SME's country, most first."""
    per_call: dict[int, list[tuple[str, int]]] = {call.pk: [] for call in calls}
    for row in (
        Practice.objects.filter(call__in=calls, state__in=SENT_STATES)
        .values("call_id", "organisation__country")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        per_call[row["call_id"]].append((_country_name(row["organisation__country"]), row["n"]))
    figures = {}
    for call in calls:
        rows = sorted(per_call[call.pk], key=lambda row: (-row[1], row[0]))
        figures[call.pk] = _counts_figure(
            "submissions-by-country",
            _("Submissions by country"),
            (_("Country"), _("Submissions")),
            rows,
            note=_("Practices sent to the call (not drafts, not withdrawn), by the SME's country."),
            call=call,
            empty=_("No submission yet."),
        )
    return figures


def submissions_per_day(calls: Sequence[Call], now: datetime | None = None) -> dict[int, Figure]:
    """Submissions of each call per day, from its opening to its deadline (or today, if
    sooner), with the running total."""
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    counts: dict[int, dict[date, int]] = {call.pk: {} for call in calls}
    for row in (
        Practice.objects.filter(call__in=calls, state__in=SENT_STATES, submitted_at__isnull=False)
        .annotate(day=TruncDate("submitted_at"))
        .values("call_id", "day")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        counts[row["call_id"]][row["day"]] = row["n"]
    figures = {}
    for call in calls:
        first = timezone.localtime(call.opens_at).date()
        last = min(timezone.localtime(call.closes_at).date(), today)
        if counts[call.pk]:  # an extension may take submissions past the deadline
            first = min(first, min(counts[call.pk]))
            last = max(last, max(counts[call.pk]))
        rows, total, day = [], 0, first
        while day <= last:
            n = counts[call.pk].get(day, 0)
            total += n
            rows.append((day.isoformat(), n, total))
            day += timedelta(days=1)
        figures[call.pk] = Figure(
            slug="submissions-per-day",
            title=_("Submissions per day"),
            columns=(_("Day"), _("Submissions"), _("Running total")),
            rows=rows,
            chart=charts.column_chart(
                [_short_date(date.fromisoformat(day)) for day, _n, _total in rows],
                [n for _day, n, _total in rows],
                chart_id=_chart_id("submissions-per-day", call),
                title=_("Submissions per day"),
                description=_("Column chart: the figures are in the table that follows."),
                name=_("submissions"),
            ),
            note=_("From the call's opening to its deadline (or today)."),
            call=call,
        )
    return figures


def _short_date(day: date) -> str:
    """A date under a chart's column: day and month ("18 Dec"; the table has the full date)."""
    return date_format(day, "j M")


def _practices_to_review(calls: Sequence[Call]) -> QuerySet[Practice]:
    return Practice.objects.filter(call__in=calls, state__in=SENT_STATES)


# Per submission: reviews needed (its assignments, else the call's number) and done (up to that);
# summed per call. Joined to per-practice counts rather than a subquery per practice: one pass
# over the assignments and the reviews, however many submissions a call has.
_REVIEW_TOTALS = """
SELECT p.call_id, COUNT(*), SUM(needed), SUM(CASE WHEN done < needed THEN done ELSE needed END)
FROM (
    SELECT p.call_id,
           CASE WHEN a.n > 0 THEN a.n ELSE c.reviewers_per_practice END AS needed,
           COALESCE(r.n, 0) AS done
    FROM {practice} p
    JOIN {call} c ON c.id = p.call_id
    LEFT JOIN (SELECT practice_id, COUNT(*) AS n FROM {assignment} GROUP BY practice_id) a
           ON a.practice_id = p.id
    LEFT JOIN (SELECT practice_id, COUNT(*) AS n FROM {review} GROUP BY practice_id) r
           ON r.practice_id = p.id
    WHERE p.call_id IN ({calls}) AND p.state IN ({states})
) p
GROUP BY p.call_id
"""


def _review_totals(calls: Sequence[Call]) -> dict[int, dict]:
    if not calls:
        return {}
    sql = _REVIEW_TOTALS.format(
        practice=Practice._meta.db_table,
        call=Call._meta.db_table,
        assignment=ReviewAssignment._meta.db_table,
        review=Review._meta.db_table,
        calls=", ".join(["%s"] * len(calls)),
        states=", ".join(["%s"] * len(SENT_STATES)),
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [call.pk for call in calls] + sorted(SENT_STATES))
        return {
            call_id: {"practices": practices, "needed_total": needed, "done_total": done}
            for call_id, practices, needed, done in cursor.fetchall()
        }


def reviews_progress(calls: Sequence[Call], now: datetime | None = None) -> dict[int, Figure]:
    """Reviews done against reviews needed for each call, and its days left."""
    totals = _review_totals(calls)
    figures = {}
    for call in calls:
        row = totals.get(call.pk, {})
        needed, done = row.get("needed_total") or 0, row.get("done_total") or 0
        rows = [
            (_("Submissions to review"), row.get("practices") or 0),
            (_("Reviews needed"), needed),
            (_("Reviews done"), done),
            (_("Reviews still to do"), needed - done),
            (_("Days left to the deadline"), days_left(call, now)),
        ]
        figures[call.pk] = Figure(
            slug="reviews",
            title=_("Reviews done against reviews needed"),
            columns=(_("Measure"), _("Number")),
            rows=rows,
            chart=charts.bar_chart(
                [_("Reviews needed"), _("Reviews done")],
                [charts.Series(_("Reviews"), [needed, done])],
                chart_id=_chart_id("reviews", call),
                title=_("Reviews done against reviews needed"),
                description=_("Bar chart: the figures are in the table that follows."),
            ),
            note=_(
                "Needed: the reviewers assigned to each submission, or the call's reviewers per "
                "practice when none is assigned. Done: reviews given, up to that number."
            ),
            call=call,
        )
    return figures


def _person(full_name: str, email: str) -> str:
    return full_name or email


def reviews_per_reviewer(calls: Sequence[Call]) -> dict[int, Figure]:
    """Per reviewer of each call: practices assigned, reviewed of those, still to do, and
    reviews given to practices not assigned to them."""
    assigned = ReviewAssignment.objects.filter(
        practice=OuterRef("practice"), reviewer=OuterRef("reviewer")
    )
    people: dict[tuple[int, int], dict] = {}
    person_fields = ("practice__call_id", "reviewer_id", "reviewer__full_name", "reviewer__email")
    # done: the assignment's practice has a review by its reviewer (a join, not a subquery per
    # assignment: a practice has few reviews)
    for row in (
        ReviewAssignment.objects.filter(practice__in=_practices_to_review(calls))
        .values(*person_fields)
        .annotate(
            n=Count("pk", distinct=True),
            done=Count(
                "practice__reviews",
                filter=Q(practice__reviews__reviewer=F("reviewer")),
                distinct=True,
            ),
        )
        .order_by()
    ):
        entry = people.setdefault(
            (row["practice__call_id"], row["reviewer_id"]),
            {"name": _person(row["reviewer__full_name"], row["reviewer__email"]), "other": 0},
        )
        entry.update(assigned=row["n"], done=row["done"])
    for row in (
        Review.objects.filter(practice__in=_practices_to_review(calls))
        .filter(~Exists(assigned))
        .values(*person_fields)
        .annotate(n=Count("pk"))
        .order_by()
    ):
        entry = people.setdefault(
            (row["practice__call_id"], row["reviewer_id"]),
            {"name": _person(row["reviewer__full_name"], row["reviewer__email"])},
        )
        entry["other"] = row["n"]
    figures = {}
    for call in calls:
        entries = sorted(
            (entry for (call_id, _r), entry in people.items() if call_id == call.pk),
            key=lambda entry: entry["name"].lower(),
        )
        rows = [
            (
                entry["name"],
                entry.get("assigned", 0),
                entry.get("done", 0),
                entry.get("assigned", 0) - entry.get("done", 0),
                entry.get("other", 0),
            )
            for entry in entries
        ]
        figures[call.pk] = Figure(
            slug="reviews-per-reviewer",
            title=_("Reviews per reviewer"),
            columns=(
                _("Reviewer"),
                _("Assigned"),
                _("Reviewed"),
                _("Still to do"),
                _("Other reviews"),
            ),
            rows=rows,
            chart=charts.bar_chart(
                [row[0] for row in rows],
                [
                    charts.Series(_("Assigned"), [row[1] for row in rows]),
                    charts.Series(_("Reviewed"), [row[2] for row in rows]),
                    charts.Series(_("Other reviews"), [row[4] for row in rows]),
                ],
                chart_id=_chart_id("reviews-per-reviewer", call),
                title=_("Reviews per reviewer"),
                description=_(
                    "Three bars per reviewer, practices assigned, reviewed and other reviews: "
                    "the figures are in the table that follows."
                ),
                empty=_("Nobody is assigned and no review is given yet."),
            ),
            note=_(
                "Reviewed: assigned practices the reviewer has scored. Other reviews: reviews "
                "of practices not assigned to them."
            ),
            call=call,
        )
    return figures


CALL_FIGURES: dict[str, Callable[..., dict[int, Figure]]] = {
    "submissions-by-state": lambda calls, now: submissions_by_state(calls),
    "submissions-by-country": lambda calls, now: submissions_by_country(calls),
    "submissions-per-day": submissions_per_day,
    "reviews": reviews_progress,
    "reviews-per-reviewer": lambda calls, now: reviews_per_reviewer(calls),
}


# --------------------------------------------------------------------------------------------
# Public reach
# --------------------------------------------------------------------------------------------
def campaign_start(now: datetime | None = None) -> date:
    """The Monday that starts the campaign's first week (this week is its last)."""
    today = timezone.localtime(now or timezone.now()).date()
    monday = today - timedelta(days=today.weekday())
    return monday - timedelta(weeks=CAMPAIGN_WEEKS - 1)


def views_per_week(now: datetime | None = None) -> Figure:
    """Views of published practices per week of the campaign, with the running total against
    the target's pace (the target spread evenly over the campaign's weeks)."""
    start = campaign_start(now)
    target = settings.PROGRAMME_VIEWS_TARGET
    counts = {
        row["week"]: row["n"]
        for row in PracticeViewDay.objects.filter(day__gte=start)
        .annotate(week=TruncWeek("day"))
        .values("week")
        .annotate(n=Sum("views"))
        .order_by()
    }
    counts = {(w.date() if isinstance(w, datetime) else w): n for w, n in counts.items()}
    rows, total = [], 0
    for number in range(CAMPAIGN_WEEKS):
        week = start + timedelta(weeks=number)
        n = counts.get(week, 0)
        total += n
        rows.append((week.isoformat(), n, total, round(target * (number + 1) / CAMPAIGN_WEEKS)))
    pace = target / CAMPAIGN_WEEKS
    return Figure(
        slug="views-per-week",
        title=_("Views of published practices per week"),
        columns=(_("Week starting"), _("Views"), _("Running total"), _("Target to date")),
        rows=rows,
        chart=charts.column_chart(
            [_short_date(date.fromisoformat(week)) for week, *_rest in rows],
            [n for _week, n, *_rest in rows],
            chart_id=_chart_id("views-per-week"),
            title=_("Views of published practices per week"),
            description=_(
                "Column chart with a line at the weekly pace of the target: the figures are in "
                "the table that follows."
            ),
            name=_("views"),
            reference=round(pace, 1),
            reference_label=_("weekly pace of the target:"),
        ),
        note=_(
            "%(total)s views in the last %(weeks)s weeks, against a target of %(target)s views "
            "per campaign (%(percent)s%%)."
        )
        % {
            "total": number_format(total, force_grouping=True),
            "weeks": CAMPAIGN_WEEKS,
            "target": number_format(target, force_grouping=True),
            "percent": round(100 * total / target) if target else 0,
        },
    )


def top_practices(now: datetime | None = None) -> Figure:
    """The published practices read most (all time), with their views of the campaign."""
    campaign_views = (
        PracticeViewDay.objects.filter(practice=OuterRef("pk"), day__gte=campaign_start(now))
        .order_by()
        .values("practice")
        .annotate(n=Sum("views"))
        .values("n")
    )
    practices = (
        Practice.objects.filter(state=PracticeState.PUBLISHED)
        .order_by("-view_count", "pk")
        .annotate(campaign=Coalesce(Subquery(campaign_views, output_field=IntegerField()), 0))
        .values_list("title", "public_title", "view_count", "campaign")[:TOP_PRACTICES]
    )
    rows = [(public or title, campaign, total) for title, public, total, campaign in practices]
    return Figure(
        slug="top-practices",
        title=_("Practices read most"),
        columns=(_("Practice"), _("Views in the campaign"), _("Views in all")),
        rows=rows,
        chart=charts.bar_chart(
            [row[0] for row in rows],
            [
                charts.Series(_("Views in the campaign"), [row[1] for row in rows]),
                charts.Series(_("Views in all"), [row[2] for row in rows]),
            ],
            chart_id=_chart_id("top-practices"),
            title=_("Practices read most"),
            description=_(
                "Two bars per practice, views in the campaign and in all: the figures are in "
                "the table that follows."
            ),
            empty=_("No practice is published yet."),
        ),
        note=_("The %(count)s published practices with the most views.") % {"count": TOP_PRACTICES},
    )


# --------------------------------------------------------------------------------------------
# Digital Volunteers
# --------------------------------------------------------------------------------------------
def pledges_by_state(now: datetime | None = None) -> Figure:
    counts = dict(
        Pledge.objects.values("state").annotate(n=Count("pk")).order_by().values_list("state", "n")
    )
    rows = [(str(state.label), counts.get(state.value, 0)) for state in PledgeState]
    return _counts_figure(
        "pledges-by-state", _("Pledges by state"), (_("State"), _("Pledges")), rows
    )


def _percent(done: int, target: int) -> int:
    return round(100 * done / target) if target else 0


def pledge_targets(now: datetime | None = None) -> Figure:
    """Per approved or completed pledge: SMEs supported and mentoring hours against its targets,
    as its page counts them (volunteers.selectors.pledges_with_totals, every pledge at once)."""
    pledges = (
        volunteer_selectors.pledges_with_totals(Pledge.objects.filter(state__in=VISIBLE_STATES))
        .order_by("company__name", "pk")
        .values_list(
            "company__name", "target_smes", "smes_supported", "target_hours", "mentoring_hours"
        )
    )
    rows = [
        (company, target_smes, smes_done, target_hours, int(hours_done or Decimal(0)))
        for company, target_smes, smes_done, target_hours, hours_done in pledges
    ]
    sums = [sum(row[column] for row in rows) for column in (1, 2, 3, 4)]
    if rows:
        rows.append((_("All pledges"), *sums))
    target_smes, done_smes, target_hours, done_hours = sums
    return Figure(
        slug="pledge-targets",
        title=_("SMEs supported and mentoring hours against the pledges' targets"),
        columns=(
            _("Company"),
            _("Target: SMEs"),
            _("SMEs supported"),
            _("Target: hours"),
            _("Mentoring hours"),
        ),
        rows=rows,
        chart=charts.bar_chart(
            [_("SMEs supported"), _("Mentoring hours")] if rows else [],
            [
                charts.Series(
                    _("Share of the target"),
                    [_percent(done_smes, target_smes), _percent(done_hours, target_hours)],
                )
            ],
            chart_id=_chart_id("pledge-targets"),
            title=_("SMEs supported and mentoring hours against the pledges' targets"),
            description=_(
                "Bar chart of the share of all approved pledges' targets reached, in percent: "
                "the figures are in the table that follows."
            ),
            unit="%",
            empty=_("No approved pledge yet."),
        ),
        note=_(
            "Approved and completed pledges. SMEs supported and hours: partnerships of the "
            "company's mentors during the pledge's period, not ended early."
        ),
    )


# --------------------------------------------------------------------------------------------
# Mentoring
# --------------------------------------------------------------------------------------------
def mentoring_funnel(now: datetime | None = None) -> Figure:
    """SMEs at each step of mentoring: looking for a mentor (active needs profile), proposed a
    mentor, accepted a proposal, in an active partnership, with a completed partnership."""

    def proposals(*states):
        return Exists(Proposal.objects.filter(needs=OuterRef("pk"), state__in=states))

    def partnerships(state):
        return Exists(Partnership.objects.filter(needs=OuterRef("pk"), state=state))

    counts = NeedsProfile.objects.aggregate(
        looking=Count("pk", filter=Q(status=NeedsStatus.ACTIVE)),
        proposed=Count("pk", filter=Q(proposals(*RELEASED_PROPOSAL_STATES))),
        accepted=Count("pk", filter=Q(proposals(ProposalState.ACCEPTED))),
        active=Count("pk", filter=Q(partnerships(PartnershipState.ACTIVE))),
        completed=Count("pk", filter=Q(partnerships(PartnershipState.COMPLETED))),
    )
    rows = [
        (_("Active needs profile"), counts["looking"]),
        (_("Proposed a mentor"), counts["proposed"]),
        (_("Accepted a proposal"), counts["accepted"]),
        (_("Partnership active"), counts["active"]),
        (_("Partnership completed"), counts["completed"]),
    ]
    return _counts_figure(
        "mentoring-funnel",
        _("Mentoring funnel"),
        (_("Step"), _("SMEs")),
        rows,
        note=_(
            "SMEs at each step: a needs profile looking for a mentor now; at least one mentor "
            "proposed (released to them); a proposal accepted by both; a partnership active; "
            "a partnership completed."
        ),
    )


def skill_gap_change(now: datetime | None = None) -> Figure:
    """Completed partnerships' skill gaps at the start and at the end (their self-assessments),
    on average: the change, and the gaps closed (a gap of the start not there at the end, as
    matching.selectors.outcomes counts them)."""
    snapshots: dict[int, dict[str, list]] = {}
    for partnership_id, moment, gaps in SelfAssessment.objects.filter(
        partnership__state=PartnershipState.COMPLETED, moment__in=("start", "end")
    ).values_list("partnership_id", "moment", "gaps"):
        snapshots.setdefault(partnership_id, {})[moment] = [
            gap for gap in gaps or [] if isinstance(gap, dict)
        ]
    compared = before = after = closed = 0
    for moments in snapshots.values():
        if "start" not in moments or "end" not in moments:
            continue
        compared += 1
        before += len(moments["start"])
        after += len(moments["end"])
        kept = {gap.get("skill") for gap in moments["end"]}
        closed += sum(1 for gap in moments["start"] if gap.get("skill") not in kept)

    def mean(total: int) -> float:
        return round(total / compared, 2) if compared else 0.0

    rows = [
        (_("Completed partnerships compared"), compared),
        (_("Skill gaps at the start (average)"), mean(before)),
        (_("Skill gaps at the end (average)"), mean(after)),
        (_("Change in skill gaps (average)"), round(mean(after) - mean(before), 2)),
        (_("Skill gaps closed (average)"), mean(closed)),
    ]
    return Figure(
        slug="skill-gap-change",
        title=_("Skill-gap change of completed partnerships"),
        columns=(_("Measure"), _("Value")),
        rows=rows,
        chart=charts.bar_chart(
            [_("At the start"), _("At the end")] if compared else [],
            [charts.Series(_("Skill gaps (average)"), [mean(before), mean(after)])],
            chart_id=_chart_id("skill-gap-change"),
            title=_("Skill-gap change of completed partnerships"),
            description=_(
                "Two bars, the average number of skill gaps at the start and at the end: the "
                "figures are in the table that follows."
            ),
            empty=_("No completed partnership with both self-assessments yet."),
        ),
        note=_(
            "Completed partnerships whose SME assessed itself at the start and at the end. A "
            "negative change means fewer gaps."
        ),
    )


PROGRAMME_FIGURES: dict[str, Callable[..., Figure]] = {
    "views-per-week": views_per_week,
    "top-practices": top_practices,
    "pledges-by-state": pledges_by_state,
    "pledge-targets": pledge_targets,
    "mentoring-funnel": mentoring_funnel,
    "skill-gap-change": skill_gap_change,
}


# --------------------------------------------------------------------------------------------
# The page and the downloads
# --------------------------------------------------------------------------------------------
@dataclass
class ProgrammeOverview:
    calls: list[CallOverview]
    reach: list[Figure]
    volunteers: list[Figure]
    mentoring: list[Figure]
    views_target: int
    counted_at: datetime
    recent_days: int = RECENT_CALL_DAYS
    cache_minutes: int = CACHE_SECONDS // 60

    def figure(self, slug: str, call_id: int | None = None) -> Figure | None:
        """The figure of this overview (of this call), None if it has none such."""
        if call_id is None:
            figures = [*self.reach, *self.volunteers, *self.mentoring]
        else:
            figures = [f for entry in self.calls if entry.call.pk == call_id for f in entry.figures]
        return next((figure for figure in figures if figure.slug == slug), None)


def programme_overview(now: datetime | None = None) -> ProgrammeOverview:
    """Every figure of the overview, in 13 queries whatever the data."""
    now = now or timezone.now()
    calls = overview_calls(now)
    per_call = [builder(calls, now) for builder in CALL_FIGURES.values()] if calls else []
    return ProgrammeOverview(
        calls=[
            CallOverview(
                call=call,
                days_left=days_left(call, now),
                is_open=call.closes_at > now,
                figures=[figures[call.pk] for figures in per_call],
            )
            for call in calls
        ],
        reach=[views_per_week(now), top_practices(now)],
        volunteers=[pledges_by_state(now), pledge_targets(now)],
        mentoring=[mentoring_funnel(now), skill_gap_change(now)],
        views_target=settings.PROGRAMME_VIEWS_TARGET,
        counted_at=now,
    )


def _cache_key() -> str:
    """The overview is cached per language: its labels are translated when counted."""
    return f"programme-overview:{get_language()}"  # as forget_programme_overview deletes them


def cached_programme_overview() -> ProgrammeOverview:
    """The overview as counted at most CACHE_SECONDS ago (in the person's language): counting
    a call of 100,000 submissions takes seconds, a glance at the programme need not. Beat counts
    it ahead (count_programme_overview), so a coordinator finds it counted; only without beat
    (the embedded default) or after a cache loss does a request count it."""
    found = cache.get(_cache_key())
    if found is None:
        found = programme_overview()
        cache.set(_cache_key(), found, CACHE_SECONDS)
    return found


def count_programme_overview() -> list[str]:
    """Count the overview now in every interface language and cache it (beat's task
    skillup.count_overview, every CACHE_SECONDS); returns the languages counted. The entry lives
    twice as long as the period, so a late or failed run leaves the last count in place."""
    now = timezone.now()
    languages = [code for code, _name in settings.LANGUAGES]
    for code in languages:
        with translation.override(code):
            cache.set(_cache_key(), programme_overview(now), 2 * CACHE_SECONDS)
    return languages


def forget_programme_overview() -> None:
    """Drop the counted overview in every language: the next page counts it afresh."""
    cache.delete_many([f"programme-overview:{code}" for code, _name in settings.LANGUAGES])


def _shown_figure(slug: str, call_id: int | None = None) -> Figure | None:
    """The figure of the overview cached in the person's language, if it is cached and shows it."""
    shown = cache.get(_cache_key())
    return shown.figure(slug, call_id) if shown is not None else None


def call_figure(slug: str, call: Call, now: datetime | None = None) -> Figure:
    """One figure of one call (for its CSV): the one the overview shows if it shows the call,
    so that the file has the table's numbers, else counted now. KeyError: no such figure."""
    builder = CALL_FIGURES[slug]
    if now is None and (figure := _shown_figure(slug, call.pk)):
        return figure
    return builder([call], now or timezone.now())[call.pk]


def programme_figure(slug: str, now: datetime | None = None) -> Figure:
    """One programme-wide figure (for its CSV): the one the overview shows, else counted now.
    KeyError: no such figure."""
    builder = PROGRAMME_FIGURES[slug]
    if now is None and (figure := _shown_figure(slug)):
        return figure
    return builder(now or timezone.now())
