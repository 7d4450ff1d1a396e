"""The newcomer's demo (issue #15): calls in every phase, at least 40 published practices from SMEs
of at least 10 countries written in at least 4 languages, submissions for the reviewers, a taken
down and a declined practice, twelve weeks of views and two events; idempotent."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from practices.demo_data import PUBLISHED
from practices.enums import Rsvp, WindowStatus
from practices.models import (
    Call,
    Event,
    EventInvitation,
    Practice,
    PracticeTransition,
    PracticeViewDay,
    Review,
)

pytestmark = pytest.mark.django_db


def _seed() -> None:
    call_command("seed_demo", "--force", stdout=io.StringIO())


def _counts() -> tuple[int, ...]:
    models = (Call, Practice, PracticeTransition, PracticeViewDay, Review, Event, EventInvitation)
    return tuple(model.objects.count() for model in models)


def test_seed_demo_publishes_practices_of_many_countries_in_many_languages_once():
    _seed()
    first = _counts()

    _seed()

    assert _counts() == first
    published = Practice.objects.filter(state="published").select_related("organisation")
    assert published.count() >= 40
    assert len({str(p.organisation.country) for p in published}) >= 10
    language_of = {(p.organisation, p.title): p.language for p in PUBLISHED}
    languages = {language_of[(p.organisation.name, p.title)] for p in published}
    assert len(languages) >= 4 and "en" in languages
    assert all(p.slug and p.topics.exists() and p.tools.exists() for p in published)
    assert all(p.organisation.kind == "sme" for p in published)
    # publication spread over the last two years, none in the future
    dates = sorted(p.published_at for p in published)
    now = timezone.now()
    assert dates[-1] <= now and dates[0] < now - timedelta(days=365)
    # each went through the workflow's steps
    assert all(p.transitions.filter(to_state="published").exists() for p in published)


def test_seed_demo_calls_submissions_views_and_events():
    _seed()

    windows = sorted(call.window_for().status for call in Call.objects.all())
    assert windows == sorted(
        [WindowStatus.OPEN, WindowStatus.UPCOMING, WindowStatus.CLOSED, WindowStatus.CLOSED]
    )
    open_call = next(call for call in Call.objects.all() if call.is_open)
    assert open_call.closes_at > timezone.now()
    states = set(open_call.practices.values_list("state", flat=True))
    assert {"draft", "submitted", "in_review"} <= states
    assert Review.objects.filter(practice__call=open_call, practice__state="in_review").exists()
    assert Practice.objects.filter(state="taken_down").count() == 1
    assert Practice.objects.filter(state="declined").count() == 1
    # views: the running totals include the daily rows of the last twelve weeks
    assert PracticeViewDay.objects.filter(
        day__gte=timezone.localdate() - timedelta(days=7)
    ).exists()
    for practice in Practice.objects.filter(state="published"):
        assert practice.view_count >= sum(practice.view_days.values_list("views", flat=True))
    past, upcoming = Event.objects.order_by("starts_at")
    assert past.starts_at < timezone.now() < upcoming.starts_at
    assert past.invitations.filter(rsvp=Rsvp.YES).count() >= 3
    assert all(i.practice.state == "published" for i in EventInvitation.objects.all())


def test_demo_practices_record_the_language_they_are_written_in():
    from practices.demo_data import PUBLISHED

    _seed()
    from practices.models import Practice

    written_in = {(p.organisation, p.title): p.language for p in PUBLISHED}
    recorded = {
        (name, title): language
        for name, title, language in Practice.objects.filter(state="published").values_list(
            "organisation__name", "title", "language"
        )
        if (name, title) in written_in
    }

    assert recorded == written_in
    assert len(set(recorded.values())) >= 4
