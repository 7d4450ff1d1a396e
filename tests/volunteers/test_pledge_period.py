"""A pledge's period (issue #15): it is "Active" only from its start date to its end date, and
its SMEs supported and mentoring hours count the partnerships of its period only, the same on
its page, its company's dashboard and the Pledge Viewer's chart."""

import re
from datetime import date, datetime, timedelta
from decimal import Decimal
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from matching.enums import PartnershipState
from tests.factories import (
    CompanyFactory,
    MentorProfileFactory,
    OrganisationFactory,
    PledgeFactory,
)
from tests.matching.factories import CheckInFactory, NeedsProfileFactory, PartnershipFactory
from volunteers.enums import PledgePhase, PledgeState
from volunteers.models import Pledge
from volunteers.phases import phase_filter, pledge_phase
from volunteers.selectors import partnership_totals, pledge_partnerships, pledges_with_totals

pytestmark = pytest.mark.django_db

LIST_URL = "/en/pledges/"
ADMIN_LIST = "/admin/volunteers/pledge/"
START, END = date(2026, 12, 15), date(2027, 12, 14)


def text_of(response) -> str:
    """The page's visible text, tags removed and spaces squeezed."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", body)))


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def days(n: int) -> timedelta:
    return timedelta(days=n)


def moment(day: date):
    """Noon of `day` in the site's time zone."""
    return timezone.make_aware(datetime(day.year, day.month, day.day, 12))


# --------------------------------------------------------------------------------------------
# The rule of the phases, in Python and in SQL
# --------------------------------------------------------------------------------------------
PHASES = [
    # (state, today, expected phase)
    ("approved", START - days(9), PledgePhase.UPCOMING),
    ("approved", START - days(1), PledgePhase.UPCOMING),
    ("approved", START, PledgePhase.ACTIVE),
    ("approved", END, PledgePhase.ACTIVE),
    ("approved", END + days(1), PledgePhase.ENDED),
    ("completed", START - days(1), PledgePhase.COMPLETED),
    ("completed", START, PledgePhase.COMPLETED),
    ("completed", END + days(1), PledgePhase.COMPLETED),
    *[(state, START, None) for state in ("draft", "pending", "rejected", "withdrawn")],
]


@pytest.mark.parametrize(
    ("state", "today", "expected"),
    PHASES,
    ids=[f"{state}-{today.isoformat()}" for state, today, _phase in PHASES],
)
def test_pledge_phase_by_state_and_date(state, today, expected):
    assert pledge_phase(state=state, starts_on=START, ends_on=END, today=today) == expected


@pytest.mark.parametrize(
    "today",
    [START - days(1), START, END, END + days(1)],
    ids=["before-start", "start-day", "end-day", "after-end"],
)
def test_phase_filter_agrees_with_pledge_phase(today):
    pledges = {
        state: PledgeFactory(state=state, starts_on=START, ends_on=END) for state in PledgeState
    }

    for phase in PledgePhase:
        found = set(Pledge.objects.filter(phase_filter(phase, today=today)))
        expected = {
            pledge
            for state, pledge in pledges.items()
            if pledge_phase(state=state, starts_on=START, ends_on=END, today=today) == phase
        }
        assert found == expected, phase


# --------------------------------------------------------------------------------------------
# From the outside: an upcoming pledge is not "Active", wherever its state is shown
# --------------------------------------------------------------------------------------------
@pytest.fixture
def upcoming(world):
    """The issue's pledge: approved, public, starting in 9 days."""
    return PledgeFactory(
        company=world.company,
        state="approved",
        slug="big-digital-upcoming",
        starts_on=timezone.localdate() + days(9),
        ends_on=timezone.localdate() + days(374),
    )


def test_upcoming_pledge_page_says_when_it_starts_not_active(client, upcoming):
    response = client.get(upcoming.get_absolute_url())

    text = text_of(response)
    assert response.status_code == 200
    assert f"Upcoming Starts on {long_date(upcoming.starts_on)}" in text
    assert re.search(r"Status Upcoming Starts on", text)
    assert "Active" not in text


def test_upcoming_pledge_in_the_viewer_says_when_it_starts(client, upcoming):
    response = client.get(LIST_URL)

    cards = cards_text(response)
    assert f"Upcoming Starts on {long_date(upcoming.starts_on)}" in cards
    assert "Active" not in cards


def cards_text(response) -> str:
    """The text of the viewer's pledge cards (not of its filters, whose options name phases)."""
    body = response.content.decode()
    cards = re.findall(r'<article class="card pledge-card.*?</article>', body, flags=re.S)
    assert cards
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", " ".join(cards))))


def test_upcoming_pledge_on_the_company_dashboard(world, client_for, upcoming):
    response = client_for("company_admin").get(
        reverse("volunteers:company_pledge", kwargs={"pk": world.company.pk})
    )

    text = text_of(response)
    assert f"Approved Upcoming Starts on {long_date(upcoming.starts_on)}" in text
    assert "Active" not in text


@pytest.mark.parametrize(
    ("starts", "ends", "state", "label"),
    [
        (-10, 300, "approved", "Active"),
        (-400, -35, "approved", "Ended"),
        (-400, -35, "completed", "Completed"),
    ],
    ids=["active", "ended", "completed"],
)
def test_pledge_page_and_viewer_show_the_phase(client, world, starts, ends, state, label):
    today = timezone.localdate()
    pledge = PledgeFactory(
        company=world.company,
        state=state,
        starts_on=today + days(starts),
        ends_on=today + days(ends),
    )

    page = text_of(client.get(pledge.get_absolute_url()))
    viewer = cards_text(client.get(LIST_URL))

    assert f"Status {label}" in page
    assert "Starts on" not in page
    assert f"Europe-wide {label} Period" in viewer


def test_admin_list_shows_the_phase_and_filters_by_it(world, client_for, upcoming):
    today = timezone.localdate()
    active = PledgeFactory(
        company=CompanyFactory(name="Active Cloud AG"),
        state="approved",
        starts_on=today - days(1),
        ends_on=today + days(10),
    )
    client = client_for("coordinator")

    listing = client.get(ADMIN_LIST)
    upcoming_only = client.get(ADMIN_LIST, {"phase": "upcoming"})
    active_only = client.get(ADMIN_LIST, {"phase": "active"})

    rows = {pledge.company.name: text_of_row(listing, pledge) for pledge in (upcoming, active)}
    assert "Upcoming" in rows[world.company.name]
    assert "Active" not in rows[world.company.name]
    assert "Active" in rows["Active Cloud AG"]
    assert list(upcoming_only.context["cl"].result_list) == [upcoming]
    assert list(active_only.context["cl"].result_list) == [active]


def text_of_row(response, pledge) -> str:
    body = response.content.decode()
    row = re.search(
        rf'<tr[^>]*>(?:(?!</tr>).)*value="{pledge.pk}"(?:(?!</tr>).)*</tr>', body, flags=re.S
    )
    assert row, pledge
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", row.group(0))))


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("upcoming", ["Upcoming SE"]),
        ("active", ["Active SE"]),
        ("ended", ["Ended SE"]),
        ("completed", ["Completed SE"]),
        ("", ["Active SE", "Completed SE", "Ended SE", "Upcoming SE"]),
    ],
    ids=["upcoming", "active", "ended", "completed", "any"],
)
def test_viewer_status_filter_follows_the_dates(client, status, expected):
    today = timezone.localdate()
    for name, state, starts, ends in [
        ("Upcoming SE", "approved", 9, 300),
        ("Active SE", "approved", -9, 300),
        ("Ended SE", "approved", -300, -1),
        ("Completed SE", "completed", -300, -1),
    ]:
        PledgeFactory(
            company=CompanyFactory(name=name),
            state=state,
            starts_on=today + days(starts),
            ends_on=today + days(ends),
        )

    response = client.get(LIST_URL, {"status": status})

    assert sorted(p.company.name for p in response.context["page"].object_list) == expected


# --------------------------------------------------------------------------------------------
# What counts: partnerships during the pledge's period
# --------------------------------------------------------------------------------------------
def partnership(mentor, *, started: date, ended: date | None = None, state=None, country="FR"):
    """A partnership of `mentor` with a new SME of `country`, from `started` (to `ended`)."""
    if state is None:
        state = PartnershipState.COMPLETED if ended else PartnershipState.ACTIVE
    return PartnershipFactory(
        mentor=mentor,
        needs=NeedsProfileFactory(organisation=OrganisationFactory(country=country)),
        state=state,
        started_at=moment(started),
        ended_at=moment(ended) if ended else None,
    )


@pytest.fixture
def period_scene(world):
    """The world's company: a pledge from 30 days ago to 30 days ahead, an approved mentor and
    partnerships on each side of the period's edges."""
    today = timezone.localdate()
    pledge = PledgeFactory(
        company=world.company,
        state="approved",
        slug="big-digital-period",
        starts_on=today - days(30),
        ends_on=today + days(30),
        countries=["FR"],
        target_smes=10,
        target_hours=100,
    )
    mentor = MentorProfileFactory(company=world.company, state="approved")
    counted = {
        "inside": partnership(mentor, started=today - days(10)),
        "carried-over": partnership(mentor, started=today - days(60), country="DE"),
        "ended-in-period": partnership(mentor, started=today - days(50), ended=today - days(30)),
    }
    not_counted = {
        "over-before-start": partnership(mentor, started=today - days(90), ended=today - days(31)),
        "ended-early": partnership(
            mentor, started=today - days(5), state=PartnershipState.ENDED_EARLY
        ),
        "other-company": partnership(
            MentorProfileFactory(company=CompanyFactory(), state="approved"),
            started=today - days(5),
        ),
    }
    return {"pledge": pledge, "mentor": mentor, "counted": counted, "not_counted": not_counted}


def test_pledge_partnerships_are_those_that_ran_during_the_period(period_scene):
    pledge = period_scene["pledge"]

    found = set(pledge_partnerships(Pledge.objects.filter(pk=pledge.pk)))

    assert found == set(period_scene["counted"].values())


def test_partnership_begun_after_the_end_does_not_count(world):
    today = timezone.localdate()
    pledge = PledgeFactory(
        company=world.company, state="completed", starts_on=today - days(90),
        ends_on=today - days(31),
    )  # fmt: skip
    mentor = MentorProfileFactory(company=world.company, state="approved")
    partnership(mentor, started=today - days(30))
    during = partnership(mentor, started=today - days(60), ended=today - days(20))

    assert list(pledge_partnerships(Pledge.objects.filter(pk=pledge.pk))) == [during]
    assert partnership_totals(pledge) == (1, 0)


def test_hours_are_those_of_check_ins_within_the_period(period_scene):
    today = timezone.localdate()
    counted = period_scene["counted"]
    CheckInFactory(partnership=counted["inside"], date=today, hours=Decimal("2.5"))
    CheckInFactory(partnership=counted["carried-over"], date=today - days(45), hours=Decimal("9"))
    CheckInFactory(partnership=counted["carried-over"], date=today - days(30), hours=Decimal("3"))
    CheckInFactory(
        partnership=period_scene["not_counted"]["over-before-start"],
        date=today - days(40),
        hours=Decimal("20"),
    )
    CheckInFactory(
        partnership=period_scene["not_counted"]["ended-early"], date=today, hours=Decimal("7")
    )

    assert partnership_totals(period_scene["pledge"]) == (3, 5)  # 2.5 + 3, rounded down


def test_pledges_with_totals_count_each_pledge_as_its_page_does(period_scene):
    today = timezone.localdate()
    CheckInFactory(partnership=period_scene["counted"]["inside"], date=today, hours=Decimal("4"))
    earlier = PledgeFactory(
        company=period_scene["pledge"].company,
        state="completed",
        starts_on=today - days(400),
        ends_on=today - days(31),
    )
    empty = PledgeFactory(state="approved")

    rows = {
        pledge.pk: (pledge.smes_supported, int(pledge.mentoring_hours))
        for pledge in pledges_with_totals(Pledge.objects.all())
    }

    assert rows == {
        period_scene["pledge"].pk: (3, 4),
        # the partnerships of its period: over before the second began, ended on its first day,
        # carried over; none of the check-in's hours (dated today)
        earlier.pk: (3, 0),
        empty.pk: (0, 0),
    }
    for pledge in (period_scene["pledge"], earlier, empty):
        assert partnership_totals(pledge) == rows[pledge.pk]


# --------------------------------------------------------------------------------------------
# From the outside: the three places show the same numbers
# --------------------------------------------------------------------------------------------
def smes_on_page(response) -> int:
    progress = {str(item.label): item.done for item in response.context["progress"]}
    return progress["SMEs supported"]


def smes_in_chart(response) -> int:
    return sum(smes for _code, _name, _pledges, smes in response.context["country_counts"])


def three_places(world, pledge) -> tuple[int, int, int]:
    """SMEs supported as the pledge's page, its company's dashboard and the viewer's chart
    (filtered to the company) show them."""
    admin = Client()
    admin.force_login(world.company_admin)
    page = Client().get(pledge.get_absolute_url())
    dashboard = admin.get(reverse("volunteers:company_pledge", kwargs={"pk": world.company.pk}))
    viewer = Client().get(LIST_URL, {"company": world.company.pk})
    for response in (page, dashboard, viewer):
        assert response.status_code == 200
    return smes_on_page(page), smes_on_page(dashboard), smes_in_chart(viewer)


def test_page_dashboard_and_chart_agree(world, period_scene):
    page, dashboard, chart = three_places(world, period_scene["pledge"])

    assert (page, dashboard, chart) == (3, 3, 3)


def test_page_dashboard_and_chart_show_the_same_figure_in_their_html(world, period_scene):
    client = Client()
    admin = Client()
    admin.force_login(world.company_admin)

    page = text_of(client.get(period_scene["pledge"].get_absolute_url()))
    dashboard = text_of(
        admin.get(reverse("volunteers:company_pledge", kwargs={"pk": world.company.pk}))
    )
    viewer = client.get(LIST_URL, {"company": world.company.pk}).content.decode()

    # (the page's <progress> element carries the percentage as its fallback text)
    shown = re.compile(r"SMEs supported (30% )?3 of 10 \(30%\)")
    assert shown.search(page)
    assert shown.search(dashboard)
    # the chart's table: France (the pledge's country, two SMEs) and Germany (one SME)
    assert '<tr><th scope="row">France</th><td>1</td><td>2</td></tr>' in viewer
    assert '<tr><th scope="row">Germany</th><td>0</td><td>1</td></tr>' in viewer


def test_upcoming_pledge_counts_nothing_yet_in_the_three_places(world, upcoming):
    """The issue's case: a partnership under way today, the pledge starting in 9 days. The
    page said 0 while the chart counted 1; now neither counts it, until the start date."""
    mentor = MentorProfileFactory(company=world.company, state="approved")
    ongoing = partnership(mentor, started=timezone.localdate() - days(1))
    CheckInFactory(partnership=ongoing, hours=Decimal("2"))

    assert three_places(world, upcoming) == (0, 0, 0)
    assert partnership_totals(upcoming) == (0, 0)
    assert partnership_totals(upcoming, today=upcoming.starts_on) == (1, 0)  # hours predate it
