"""The programme overview on the admin's home page (skillup.overview, skillup.overview_views):
each figure's numbers on known data, the CSV downloads (the table's rows, coordinators only,
defused for spreadsheets), a fixed number of queries whatever the data, and the views of a
practice counted per day."""

import csv
import io
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from html.parser import HTMLParser

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from accounts.roles import REVIEWERS
from matching.enums import NeedsStatus, PartnershipState, ProposalState
from matching.models import Partnership
from matching.selectors import outcomes
from practices import services
from practices.enums import PracticeState
from practices.models import PracticeViewDay, ReviewAssignment
from skillup import overview
from tests.factories import (
    CallFactory,
    CompanyFactory,
    MentorProfileFactory,
    OrganisationFactory,
    PledgeFactory,
    PracticeFactory,
    PublishedPracticeFactory,
    ReviewFactory,
    UserFactory,
)
from tests.matching.factories import (
    CheckInFactory,
    NeedsProfileFactory,
    PartnershipFactory,
    ProposalFactory,
    SelfAssessmentFactory,
)
from volunteers.selectors import partnership_totals

pytestmark = pytest.mark.django_db

# a Wednesday at noon in Brussels: the campaign's weeks start on Mondays
NOW = datetime(2026, 12, 9, 11, 0, tzinfo=UTC)
TODAY = NOW.date()
CAMPAIGN_START = datetime(2025, 12, 15).date()  # 51 weeks before Monday 7 December 2026


@pytest.fixture(autouse=True)
def _counted_afresh():
    """The overview is cached for 5 minutes per process: another test of this worker that
    rendered /admin/ as a coordinator must not hand its figures to these. Labels are read in
    English, whatever language an earlier test of this worker left active."""
    cache.clear()
    with translation.override("en"):
        yield
    cache.clear()


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def csv_rows(response) -> list[list[str]]:
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


def as_text(rows) -> list[list[str]]:
    return [[str(cell) for cell in row] for row in rows]


class _Tables(HTMLParser):
    """The cells of each overview table, by the id of the figure's heading."""

    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._figure = None
        self._row = None
        self._cell = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "figure" and "overview-figure" in (attrs.get("class") or ""):
            self._figure = attrs["aria-labelledby"].removesuffix("-heading")
            self.tables[self._figure] = []
        elif tag == "tr" and self._figure:
            self._row = []
        elif tag in ("th", "td") and self._row is not None:
            self._cell = ""

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self._cell is not None:
            self._row.append(self._cell.strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.tables[self._figure].append(self._row)
            self._row = None
        elif tag == "figure":
            self._figure = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data


def tables_of(response) -> dict[str, list[list[str]]]:
    parser = _Tables()
    parser.feed(response.content.decode())
    return parser.tables


# --------------------------------------------------------------------------------------------
# Views counted per day
# --------------------------------------------------------------------------------------------
def view_days(practice) -> list[tuple]:
    return list(
        PracticeViewDay.objects.filter(practice=practice)
        .order_by("day")
        .values_list("day", "views")
    )


@pytest.mark.parametrize("vendor", [None, "sqlite"], ids=["this database", "without the CTE"])
def test_a_view_adds_to_the_days_row_and_to_the_total(monkeypatch, vendor):
    """Also on the path of databases without PostgreSQL's data-modifying CTE (SQLite, the
    embedded default; two statements in one transaction), whatever the test database is."""
    if vendor:
        monkeypatch.setattr(connection, "vendor", vendor)
    practice = PublishedPracticeFactory()

    with time_machine.travel(NOW, tick=False):
        counted = [
            services.practice_register_view(slug=practice.slug, visitor="ana"),
            services.practice_register_view(slug=practice.slug, visitor="ana"),  # a reload
            services.practice_register_view(slug=practice.slug, visitor="ben"),
        ]
    practice.refresh_from_db()

    assert counted == [True, False, True]
    assert view_days(practice) == [(TODAY, 2)]
    assert practice.view_count == 2


def test_two_visits_on_two_days_make_two_rows(settings):
    settings.PRACTICE_VIEW_DEDUP_SECONDS = 60
    practice = PublishedPracticeFactory()

    with time_machine.travel(NOW, tick=False):
        services.practice_register_view(slug=practice.slug, visitor="ana")
    with time_machine.travel(NOW + timedelta(days=1), tick=False):
        services.practice_register_view(slug=practice.slug, visitor="ana")
    practice.refresh_from_db()

    assert view_days(practice) == [(TODAY, 1), (TODAY + timedelta(days=1), 1)]
    assert practice.view_count == 2


def test_the_day_is_the_sites_local_date():
    """23:30 UTC on 9 December is already 10 December in Brussels."""
    practice = PublishedPracticeFactory()

    with time_machine.travel(datetime(2026, 12, 9, 23, 30, tzinfo=UTC), tick=False):
        services.practice_register_view(slug=practice.slug, visitor="ana")

    assert view_days(practice) == [(datetime(2026, 12, 10).date(), 1)]


def test_a_practices_page_counts_its_view_of_the_day(client):
    practice = PublishedPracticeFactory()

    client.get(reverse("practices:practice_detail", kwargs={"slug": practice.slug}))

    assert view_days(practice) == [(timezone.localdate(), 1)]


# --------------------------------------------------------------------------------------------
# Calls: known data
# --------------------------------------------------------------------------------------------
def submitted_on(call, country: str, state=PracticeState.SUBMITTED, days_ago: int = 0, **kwargs):
    return PracticeFactory(
        call=call,
        organisation=OrganisationFactory(country=country),
        state=state,
        submitted_at=NOW - timedelta(days=days_ago),
        **kwargs,
    )


@pytest.fixture
def call_scene(frozen):
    """One open call (opened 10 days ago, closing in 30, 2 reviewers per practice) with:
    p1 submitted today (FR), p2 in review since yesterday (DE), p5 published (FR, submitted
    3 days ago), a draft and a withdrawn one; reviewers Ana, Ben, Chloé assigned to p2, Ana
    and Dan reviewed p2, Ana, Ben and Chloé reviewed p5 (unassigned)."""
    call = CallFactory(
        title="Spring call", opens_at=NOW - timedelta(days=10), closes_at=NOW + timedelta(days=30)
    )
    p1 = submitted_on(call, "FR")
    p2 = submitted_on(call, "DE", PracticeState.IN_REVIEW, days_ago=1)
    p5 = submitted_on(call, "FR", PracticeState.PUBLISHED, days_ago=3, slug="p5")
    PracticeFactory(call=call, state=PracticeState.DRAFT)
    PracticeFactory(call=call, state=PracticeState.WITHDRAWN, submitted_at=NOW)
    ana, ben, chloe, dan = (
        UserFactory(full_name=name, is_staff=True, groups=[REVIEWERS])
        for name in ("Ana", "Ben", "Chloé", "Dan")
    )
    for reviewer in (ana, ben, chloe):
        ReviewAssignment.objects.create(practice=p2, reviewer=reviewer)
    for reviewer in (ana, dan):
        ReviewFactory(practice=p2, reviewer=reviewer, comment="CONFIDENTIAL-REVIEW-COMMENT")
    for reviewer in (ana, ben, chloe):
        ReviewFactory(practice=p5, reviewer=reviewer)
    return {"call": call, "p1": p1, "p2": p2, "p5": p5}


def test_the_calls_shown_are_open_or_closed_within_90_days(frozen):
    shown = CallFactory(opens_at=NOW - timedelta(days=60), closes_at=NOW - timedelta(days=30))
    open_call = CallFactory(opens_at=NOW - timedelta(days=1), closes_at=NOW + timedelta(days=5))
    CallFactory(opens_at=NOW - timedelta(days=200), closes_at=NOW - timedelta(days=91))
    CallFactory(opens_at=NOW + timedelta(days=1), closes_at=NOW + timedelta(days=20))

    calls = overview.overview_calls(NOW)

    assert calls == [shown, open_call]
    assert [overview.days_left(call, NOW) for call in calls] == [0, 5]


def test_submissions_by_state_counts_every_state(call_scene):
    call = call_scene["call"]

    figure = overview.submissions_by_state([call])[call.pk]

    counts = dict(figure.rows)
    assert counts == {
        "Draft": 1,
        "Submitted": 1,
        "In review": 1,
        "Shortlisted": 0,
        "More detail requested": 0,
        "Detail received": 0,
        "Selected": 0,
        "Published": 1,
        "Declined": 0,
        "Withdrawn": 1,
        "Taken down by the SME": 0,
    }


def test_submissions_by_country_counts_sent_practices_most_first(call_scene):
    call = call_scene["call"]

    figure = overview.submissions_by_country([call])[call.pk]

    assert figure.rows == [("France", 2), ("Germany", 1)]


def test_submissions_per_day_run_from_the_opening_to_today(call_scene):
    call = call_scene["call"]

    figure = overview.submissions_per_day([call], NOW)[call.pk]

    assert len(figure.rows) == 11  # ten days ago to today
    assert figure.rows[0] == ((TODAY - timedelta(days=10)).isoformat(), 0, 0)
    assert figure.rows[-4:] == [
        ((TODAY - timedelta(days=3)).isoformat(), 1, 1),
        ((TODAY - timedelta(days=2)).isoformat(), 0, 1),
        ((TODAY - timedelta(days=1)).isoformat(), 1, 2),
        (TODAY.isoformat(), 1, 3),
    ]


def test_reviews_done_against_needed(call_scene):
    """p1: none assigned, none done (needs 2); p2: 3 assigned, 2 done; p5: none assigned, 3
    done (counted up to 2). Drafts and withdrawn ones need none."""
    call = call_scene["call"]

    figure = overview.reviews_progress([call], NOW)[call.pk]

    assert figure.rows == [
        ("Submissions to review", 3),
        ("Reviews needed", 7),
        ("Reviews done", 4),
        ("Reviews still to do", 3),
        ("Days left to the deadline", 30),
    ]


def test_reviews_per_reviewer(call_scene):
    call = call_scene["call"]

    figure = overview.reviews_per_reviewer([call])[call.pk]

    assert figure.rows == [
        ("Ana", 1, 1, 0, 1),
        ("Ben", 1, 0, 1, 1),
        ("Chloé", 1, 0, 1, 1),
        ("Dan", 0, 0, 0, 1),
    ]


def test_call_figures_of_several_calls_are_kept_apart(call_scene):
    other = CallFactory(opens_at=NOW - timedelta(days=5), closes_at=NOW + timedelta(days=3))
    submitted_on(other, "BE")

    figures = overview.submissions_by_country([call_scene["call"], other])

    assert figures[other.pk].rows == [("Belgium", 1)]
    assert figures[call_scene["call"].pk].rows == [("France", 2), ("Germany", 1)]


# --------------------------------------------------------------------------------------------
# Public reach
# --------------------------------------------------------------------------------------------
@pytest.fixture
def reach_scene(frozen, settings):
    settings.PROGRAMME_VIEWS_TARGET = 5200  # 100 a week
    read = PublishedPracticeFactory(title="Read", public_title="Read a lot", view_count=50)
    most = PublishedPracticeFactory(title="Most", public_title="", view_count=80)
    PracticeFactory(title="Hidden draft", view_count=1000)
    PracticeViewDay.objects.create(practice=read, day=TODAY, views=5)
    PracticeViewDay.objects.create(practice=read, day=TODAY - timedelta(days=7), views=3)
    PracticeViewDay.objects.create(practice=most, day=CAMPAIGN_START, views=4)
    PracticeViewDay.objects.create(practice=most, day=CAMPAIGN_START - timedelta(days=1), views=70)
    return {"read": read, "most": most}


def test_views_per_week_over_the_campaign_against_the_target(reach_scene):
    figure = overview.views_per_week(NOW)

    assert len(figure.rows) == overview.CAMPAIGN_WEEKS
    assert figure.rows[0] == ("2025-12-15", 4, 4, 100)
    assert figure.rows[-2:] == [("2026-11-30", 3, 7, 5100), ("2026-12-07", 5, 12, 5200)]
    assert sum(row[1] for row in figure.rows) == 12  # the view before the campaign is not in
    assert "12 views in the last 52 weeks" in figure.note
    assert "5,200 views per campaign" in figure.note


def test_top_practices_are_published_ones_by_views(reach_scene):
    figure = overview.top_practices(NOW)

    assert figure.rows == [("Most", 4, 80), ("Read a lot", 8, 50)]


# --------------------------------------------------------------------------------------------
# Digital Volunteers
# --------------------------------------------------------------------------------------------
@pytest.fixture
def pledge_scene():
    today = timezone.localdate()
    company = CompanyFactory(name="Alpha Cloud SE")
    pledge = PledgeFactory(
        company=company,
        state="approved",
        starts_on=today - timedelta(days=30),
        target_smes=4,
        target_hours=10,
    )
    mentor = MentorProfileFactory(company=company, state="approved")
    first = PartnershipFactory(mentor=mentor)
    CheckInFactory(partnership=first, hours=Decimal("2.5"))
    CheckInFactory(partnership=first, hours=Decimal("3"))
    second = PartnershipFactory(mentor=mentor, state=PartnershipState.COMPLETED)
    CheckInFactory(partnership=second, hours=Decimal("1"))
    early = PartnershipFactory(mentor=mentor, state=PartnershipState.ENDED_EARLY)
    CheckInFactory(partnership=early, hours=Decimal("40"))
    # over before the pledge's start: not counted
    before = PartnershipFactory(
        mentor=mentor,
        state=PartnershipState.COMPLETED,
        started_at=timezone.now() - timedelta(days=60),
        ended_at=timezone.now() - timedelta(days=40),
    )
    CheckInFactory(partnership=before, date=today - timedelta(days=50), hours=Decimal("7"))
    # begun before the start and going on: its SME counts, its hours from the start on
    carried = PartnershipFactory(mentor=mentor, started_at=timezone.now() - timedelta(days=60))
    CheckInFactory(partnership=carried, date=today - timedelta(days=45), hours=Decimal("4"))
    CheckInFactory(partnership=carried, hours=Decimal("2"))
    other = PledgeFactory(company=CompanyFactory(name="Beta Data AG"), state="completed")
    PledgeFactory(state="pending")
    PledgeFactory(state="draft")
    PledgeFactory(state="draft")
    return {"pledge": pledge, "other": other}


def test_pledges_by_state():
    for state in ("draft", "draft", "approved", "withdrawn"):
        PledgeFactory(state=state)

    figure = overview.pledges_by_state()

    assert figure.rows == [
        ("Draft", 2),
        ("Pending approval", 0),
        ("Approved", 1),
        ("Completed", 0),
        ("Rejected", 0),
        ("Withdrawn", 1),
    ]


def test_pledge_targets_use_the_pledge_pages_definitions(pledge_scene):
    figure = overview.pledge_targets()

    assert figure.rows == [
        ("Alpha Cloud SE", 4, 3, 10, 8),
        ("Beta Data AG", 10, 0, 200, 0),
        ("All pledges", 14, 3, 210, 8),
    ]
    assert partnership_totals(pledge_scene["pledge"]) == (3, 8)
    assert partnership_totals(pledge_scene["other"]) == (0, 0)


def test_pledge_targets_with_no_approved_pledge():
    PledgeFactory(state="pending")

    figure = overview.pledge_targets()

    assert figure.rows == []
    assert "No approved pledge yet." in figure.chart


# --------------------------------------------------------------------------------------------
# Mentoring
# --------------------------------------------------------------------------------------------
def test_mentoring_funnel():
    NeedsProfileFactory()  # active, nothing proposed yet
    NeedsProfileFactory(status=NeedsStatus.DRAFT)
    ProposalFactory(needs=NeedsProfileFactory(), state=ProposalState.DRAFT)  # not released
    ProposalFactory(needs=NeedsProfileFactory())  # proposed
    PartnershipFactory()  # accepted, active
    PartnershipFactory(state=PartnershipState.COMPLETED)
    PartnershipFactory(needs=NeedsProfileFactory(status=NeedsStatus.CLOSED), state="completed")

    figure = overview.mentoring_funnel()

    assert figure.rows == [
        ("Active needs profile", 5),
        ("Proposed a mentor", 4),
        ("Accepted a proposal", 3),
        ("Partnership active", 1),
        ("Partnership completed", 2),
    ]


def test_skill_gap_change_of_completed_partnerships():
    def gaps(*skills):
        return [{"skill": skill, "importance": 3, "target": 3} for skill in skills]

    first = PartnershipFactory(state=PartnershipState.COMPLETED)
    SelfAssessmentFactory(partnership=first, moment="start", gaps=gaps(1, 2, 3))
    SelfAssessmentFactory(partnership=first, moment="end", gaps=gaps(3))
    second = PartnershipFactory(state=PartnershipState.COMPLETED)
    SelfAssessmentFactory(partnership=second, moment="start", gaps=gaps(1))
    SelfAssessmentFactory(partnership=second, moment="end", gaps=gaps(1, 2))
    unfinished = PartnershipFactory(state=PartnershipState.COMPLETED)
    SelfAssessmentFactory(partnership=unfinished, moment="start", gaps=gaps(1, 2))
    active = PartnershipFactory()
    SelfAssessmentFactory(partnership=active, moment="start", gaps=gaps(1, 2))
    SelfAssessmentFactory(partnership=active, moment="end", gaps=[])

    figure = overview.skill_gap_change()

    assert figure.rows == [
        ("Completed partnerships compared", 2),
        ("Skill gaps at the start (average)", 2.0),
        ("Skill gaps at the end (average)", 1.5),
        ("Change in skill gaps (average)", -0.5),
        ("Skill gaps closed (average)", 1.0),
    ]
    completed = outcomes(Partnership.objects.filter(state=PartnershipState.COMPLETED))
    assert (completed["compared"], completed["gaps_closed"]) == (2, 2)  # the same definitions


# --------------------------------------------------------------------------------------------
# The page
# --------------------------------------------------------------------------------------------
INDEX = "admin:index"


def test_coordinators_see_the_overview_above_the_apps(client_for, call_scene):
    response = client_for("coordinator").get(reverse(INDEX))

    body = response.content.decode()
    assert response.status_code == 200
    assert "Programme overview" in body
    assert body.index("Programme overview") < body.index('id="content-main"')
    assert "Spring call" in body
    assert "Open: closes on" in body and "30 days left" in body
    assert body.count('class="overview-chart-svg"') == 11  # 5 per call, 6 others
    assert "admin-overview.css" in body


def test_reviewers_see_the_stock_index(client_for, call_scene):
    response = client_for("reviewer").get(reverse(INDEX))

    body = response.content.decode()
    assert response.status_code == 200
    assert "Programme overview" not in body
    assert "Spring call" not in body
    assert "overview" not in response.context
    assert 'id="content-main"' in body


def test_the_page_says_when_no_call_is_shown(client_for):
    response = client_for("coordinator").get(reverse(INDEX))

    assert "No call is open or closed within the last 90 days." in response.content.decode()


def test_each_table_shows_its_figures_rows(client_for, call_scene):
    response = client_for("coordinator").get(reverse(INDEX))

    tables = tables_of(response)
    figure = overview.reviews_per_reviewer([call_scene["call"]])[call_scene["call"].pk]
    assert tables[figure.chart_id] == [list(figure.columns), *as_text(figure.rows)]


def _grow(call, count: int) -> None:
    """More of everything the overview counts."""
    reviewers = [UserFactory(is_staff=True, groups=[REVIEWERS]) for _ in range(3)]
    for n in range(count):
        practice = submitted_on(call, ("FR", "DE", "BE", "IT")[n % 4], days_ago=n % 5)
        ReviewAssignment.objects.create(practice=practice, reviewer=reviewers[n % 3])
        ReviewFactory(practice=practice, reviewer=reviewers[(n + 1) % 3])
        published = PublishedPracticeFactory(call=call, view_count=n)
        PracticeViewDay.objects.create(practice=published, day=TODAY - timedelta(days=n), views=n)
        company = CompanyFactory()
        PledgeFactory(company=company, state="approved")
        partnership = PartnershipFactory(mentor=MentorProfileFactory(company=company))
        CheckInFactory(partnership=partnership)
        SelfAssessmentFactory(partnership=partnership, moment="start")


def test_the_page_runs_a_fixed_number_of_queries(client_for, call_scene):
    """Counted afresh (the cache emptied) at small and at larger data: the same queries."""
    client = client_for("coordinator")
    client.get(reverse(INDEX))  # sessions, content types: warm
    cache.clear()
    with CaptureQueriesContext(connection) as small:
        client.get(reverse(INDEX))
    _grow(call_scene["call"], 12)
    CallFactory(opens_at=NOW - timedelta(days=2), closes_at=NOW + timedelta(days=9))
    cache.clear()

    with CaptureQueriesContext(connection) as larger:
        response = client.get(reverse(INDEX))

    assert len(response.context["overview"].calls) == 2
    assert len(larger) == len(small)
    # the overview's 13 and the admin's own (the person, their second factor, groups and
    # permissions, recent actions)
    assert len(small) <= 22


def test_the_overview_is_counted_again_after_five_minutes(client_for, call_scene):
    """Within five minutes the page and its CSV files show the same counts, read from the
    cache (no overview query); then they are counted again."""
    client = client_for("coordinator")
    first = client.get(reverse(INDEX))
    submitted_on(call_scene["call"], "IT")

    with CaptureQueriesContext(connection) as queries:
        again = client.get(reverse(INDEX))
    csv_then = csv_rows(client.get(call_csv(call_scene["call"], "submissions-by-country")))
    with time_machine.travel(NOW + timedelta(minutes=6), tick=False):
        later = client.get(reverse(INDEX))

    assert not [q for q in queries if "practices_practice" in q["sql"]]
    assert "Counted at" in again.content.decode()
    figure_id = f"chart-submissions-by-country-{call_scene['call'].pk}"
    assert tables_of(again)[figure_id] == tables_of(first)[figure_id]
    assert csv_then == tables_of(first)[figure_id]  # the file has the table's numbers
    assert ["Italy", "1"] in tables_of(later)[figure_id]


def test_beat_counts_the_overview_ahead_in_every_language(client_for, call_scene, settings):
    """The beat task counts the overview in each interface language: a coordinator's page then
    runs no overview query, in English as in German, and shows what the task counted."""
    from celery import current_app

    import skillup.tasks  # noqa: F401  (a worker finds it by autodiscovery)

    entry = settings.CELERY_BEAT_SCHEDULE["count-programme-overview"]
    submitted_on(call_scene["call"], "IT")

    counted = current_app.tasks[entry["task"]].apply().get()
    client = client_for("coordinator")
    with CaptureQueriesContext(connection) as queries:
        english = client.get(reverse(INDEX), HTTP_ACCEPT_LANGUAGE="en")
        german = client.get(reverse(INDEX), HTTP_ACCEPT_LANGUAGE="de")

    assert (entry["task"], entry["schedule"]) == ("skillup.count_overview", 300.0)
    assert counted == [code for code, _name in settings.LANGUAGES]
    assert not [q for q in queries if "practices_practice" in q["sql"]]
    figure_id = f"chart-submissions-by-country-{call_scene['call'].pk}"
    assert ["Italy", "1"] in tables_of(english)[figure_id]
    assert ["Italien", "1"] in tables_of(german)[figure_id]


def test_the_overview_itself_runs_13_queries(call_scene):
    with CaptureQueriesContext(connection) as queries:
        overview.programme_overview(NOW)

    assert len(queries) == 13


# --------------------------------------------------------------------------------------------
# CSV downloads
# --------------------------------------------------------------------------------------------
def programme_csv(slug: str) -> str:
    return reverse("admin_overview_csv", kwargs={"figure": slug})


def call_csv(call, slug: str) -> str:
    return reverse("admin_overview_call_csv", kwargs={"call_id": call.pk, "figure": slug})


@pytest.mark.parametrize("slug", sorted(overview.CALL_FIGURES))
def test_a_calls_csv_is_its_table(client_for, call_scene, slug):
    call = call_scene["call"]

    response = client_for("coordinator").get(call_csv(call, slug))

    figure = overview.call_figure(slug, call, NOW)
    rows = csv_rows(response)
    table = tables_of(client_for("coordinator").get(reverse(INDEX)))[figure.chart_id]
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f'filename="skillup-{call.slug}-{slug}-' in response["Content-Disposition"]
    assert rows == [list(figure.columns), *as_text(figure.rows)]
    assert rows == table


@pytest.mark.parametrize("slug", sorted(overview.PROGRAMME_FIGURES))
def test_a_programme_csv_is_its_table(client_for, reach_scene, pledge_scene, slug):
    client = client_for("coordinator")

    response = client.get(programme_csv(slug))

    figure = overview.programme_figure(slug, NOW)
    rows = csv_rows(response)
    assert response.status_code == 200
    assert rows == [list(figure.columns), *as_text(figure.rows)]
    assert rows[0] == tables_of(client.get(reverse(INDEX)))[figure.chart_id][0]


def test_a_csv_in_another_language_is_counted_in_that_language(client_for, call_scene):
    """The overview is cached per language (its labels are translated when counted): after the
    English page, a coordinator reading in French gets the figure in French, not the English
    table from the cache."""
    client = client_for("coordinator")
    client.get(reverse(INDEX), HTTP_ACCEPT_LANGUAGE="en")

    response = client.get(
        call_csv(call_scene["call"], "submissions-by-country"), HTTP_ACCEPT_LANGUAGE="fr"
    )

    assert csv_rows(response) == [["Pays", "Candidatures"], ["France", "2"], ["Allemagne", "1"]]


def test_a_csv_of_a_call_the_overview_does_not_show_is_counted_on_request(client_for, call_scene):
    old = CallFactory(
        title="Old call", opens_at=NOW - timedelta(days=300), closes_at=NOW - timedelta(days=200)
    )
    submitted_on(old, "BE", days_ago=250)
    client = client_for("coordinator")
    page = client.get(reverse(INDEX)).content.decode()  # the overview cached, without it

    response = client.get(call_csv(old, "submissions-by-country"))

    assert "Old call" not in page
    assert csv_rows(response) == [["Country", "Submissions"], ["Belgium", "1"]]


def test_the_csv_is_utf8_with_a_byte_order_mark(client_for, call_scene):
    response = client_for("coordinator").get(call_csv(call_scene["call"], "reviews-per-reviewer"))

    content = b"".join(response.streaming_content)
    assert content.startswith("\ufeff".encode())
    assert "Chloé" in content.decode("utf-8-sig")


def test_a_csv_defuses_text_a_spreadsheet_would_run(client_for, frozen):
    PublishedPracticeFactory(public_title='=HYPERLINK("http://x")', view_count=9)
    PublishedPracticeFactory(public_title="@SUM(A1)", view_count=8)
    PublishedPracticeFactory(public_title="-2+3", view_count=7)

    rows = csv_rows(client_for("coordinator").get(programme_csv("top-practices")))

    assert [row[0] for row in rows[1:]] == ['\'=HYPERLINK("http://x")', "'@SUM(A1)", "'-2+3"]


def test_negative_numbers_stay_numbers_in_a_csv(client_for):
    partnership = PartnershipFactory(state=PartnershipState.COMPLETED)
    SelfAssessmentFactory(partnership=partnership, moment="start", gaps=[{"skill": 1}])
    SelfAssessmentFactory(partnership=partnership, moment="end", gaps=[])

    rows = csv_rows(client_for("coordinator").get(programme_csv("skill-gap-change")))

    assert rows[4] == ["Change in skill gaps (average)", "-1.0"]


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("sme_admin", 302), ("outsider", 302), ("reviewer", 403)],
    ids=["anonymous", "sme", "outsider", "reviewer"],
)
def test_only_coordinators_download(client_for, call_scene, role, status):
    client = client_for(role)

    responses = [
        client.get(programme_csv("mentoring-funnel")),
        client.get(call_csv(call_scene["call"], "reviews")),
    ]

    assert [r.status_code for r in responses] == [status, status]
    if status == 302:
        assert all(r["Location"].startswith(reverse("admin:login")) for r in responses)


@pytest.mark.parametrize(
    "url",
    [
        lambda call: reverse("admin_overview_csv", kwargs={"figure": "nothing"}),
        lambda call: reverse("admin_overview_call_csv", kwargs={"call_id": call.pk, "figure": "x"}),
        lambda call: reverse(
            "admin_overview_call_csv", kwargs={"call_id": 999999, "figure": "reviews"}
        ),
        lambda call: reverse("admin_overview_csv", kwargs={"figure": "reviews"}),  # a call's
    ],
    ids=["unknown figure", "unknown call figure", "unknown call", "call figure without call"],
)
def test_unknown_figures_and_calls_are_not_found(client_for, call_scene, url):
    response = client_for("coordinator").get(url(call_scene["call"]))

    assert response.status_code == 404


def test_nothing_confidential_in_the_overview_or_its_downloads(client_for, call_scene):
    """Review comments, the SME's people and challenge exist (checked) and never show."""
    sme = call_scene["p2"].organisation
    member = UserFactory(email="sme.contact@confidential.example")
    sme.memberships.create(user=member, role="admin")
    needs = NeedsProfileFactory(organisation=sme, challenge="CONFIDENTIAL-CHALLENGE-TEXT")
    partnership = PartnershipFactory(needs=needs, state=PartnershipState.COMPLETED)
    SelfAssessmentFactory(partnership=partnership, moment="start", gaps=[{"skill": 1}])
    SelfAssessmentFactory(partnership=partnership, moment="end", gaps=[])
    client = client_for("coordinator")
    secrets = ("CONFIDENTIAL-REVIEW-COMMENT", "CONFIDENTIAL-CHALLENGE-TEXT", member.email)
    assert call_scene["p2"].reviews.filter(comment=secrets[0]).exists()

    outputs = [client.get(reverse(INDEX)).content.decode()]
    for slug in overview.CALL_FIGURES:
        response = client.get(call_csv(call_scene["call"], slug))
        outputs.append(b"".join(response.streaming_content).decode("utf-8-sig"))
    for slug in overview.PROGRAMME_FIGURES:
        response = client.get(programme_csv(slug))
        outputs.append(b"".join(response.streaming_content).decode("utf-8-sig"))

    assert [secret for secret in secrets for text in outputs if secret in text] == []
    assert "Partnership completed" in "".join(outputs)  # the outputs are not empty
