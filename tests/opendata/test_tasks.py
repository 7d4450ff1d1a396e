"""The beat tasks of the open data (#17): scheduled, and regenerating only when something the
datasets are made from changed (a publication, a takedown, an accepted licence, a pledge)."""

import pytest
from celery.schedules import crontab
from django.conf import settings

from opendata import datasets, tasks
from practices import services
from tests.factories import PledgeFactory, PublishedPracticeFactory
from tests.opendata.helpers import practice_ids, read_manifest

pytestmark = pytest.mark.django_db


def _schedule_of(task: str):
    (entry,) = [e for e in settings.CELERY_BEAT_SCHEDULE.values() if e["task"] == task]
    return entry["schedule"]


def test_the_beat_schedule_has_the_tasks():
    refresh = _schedule_of("opendata.refresh")

    assert 0 < refresh <= 5 * 60  # "within minutes" of a publication or a takedown
    assert isinstance(_schedule_of("opendata.regenerate"), crontab)  # nightly
    assert _schedule_of("opendata.ask_licence_renewals") <= 24 * 3600
    assert {"opendata.refresh", "opendata.regenerate", "opendata.ask_licence_renewals"} <= set(
        tasks.task_refresh_datasets.app.tasks
    )


def test_the_check_regenerates_only_when_something_changed(open_data_dir, world, published):
    never_generated = tasks.task_refresh_datasets.delay().get()
    nothing_changed = tasks.task_refresh_datasets.delay().get()

    other = PublishedPracticeFactory(organisation=world.sme)
    services.published_practices_changed([other.pk])
    after_publication = tasks.task_refresh_datasets.delay().get()
    ids_after_publication = practice_ids()[0]

    services.practice_take_down(user=world.sme_admin, practice=other)
    after_takedown = tasks.task_refresh_datasets.delay().get()

    assert (never_generated, nothing_changed, after_publication, after_takedown) == (
        True,
        False,
        True,
        True,
    )
    assert ids_after_publication == [published.pk, other.pk]
    assert practice_ids() == ([published.pk], [published.pk])


def test_an_accepted_licence_is_seen_by_the_next_check(
    open_data_dir, world, published_before_licence
):
    tasks.task_refresh_datasets.delay().get()

    services.practice_licence_accept(user=world.sme_member, practice=published_before_licence)

    assert tasks.task_refresh_datasets.delay().get() is True
    assert practice_ids()[0] == [published_before_licence.pk]


def test_a_pledge_entering_the_viewer_is_seen_by_the_next_check(open_data_dir):
    tasks.task_refresh_datasets.delay().get()

    PledgeFactory(state="approved", is_public=True)

    assert tasks.task_refresh_datasets.delay().get() is True
    assert {e["name"]: e["rows"] for e in read_manifest()["files"]}["pledges.json"] == 1


def test_the_nightly_run_regenerates_even_without_a_change(open_data_dir, published):
    tasks.task_refresh_datasets.delay().get()
    generated = read_manifest()["generated"]

    assert tasks.task_regenerate_datasets.delay().get() is True
    assert read_manifest()["generated"] != generated


def test_a_generation_under_way_is_not_started_twice(open_data_dir, published):
    from django.core.cache import cache

    from opendata.services import LOCK_KEY

    cache.add(LOCK_KEY, 1)

    assert tasks.task_refresh_datasets.delay().get() is False
    assert datasets.read_manifest() is None


def test_the_licence_task_asks_once(world, published_before_licence):
    assert tasks.task_ask_licence_renewals.delay().get() == 1
    assert tasks.task_ask_licence_renewals.delay().get() == 0
