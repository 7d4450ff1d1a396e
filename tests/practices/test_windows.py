"""Call.window_for: the one answer to "may this SME write to this call now, and until when?",
and the predicates and refusals built on it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from practices import services
from practices.enums import WindowStatus
from practices.models import DeadlineExtension
from practices.permissions import (
    can_approve_public_version,
    can_edit_submission,
    can_submit_practice,
    is_editable_now,
)
from skillup.errors import ApplicationError
from tests.factories import CallFactory, PracticeFactory

pytestmark = pytest.mark.django_db

DAY = timedelta(days=1)


def _call(now):
    return CallFactory(opens_at=now - 10 * DAY, closes_at=now + 10 * DAY)


@pytest.mark.parametrize(
    ("offset_days", "status"),
    [(-11, WindowStatus.UPCOMING), (0, WindowStatus.OPEN), (10, WindowStatus.CLOSED)],
    ids=["before-opening", "open", "at-the-deadline"],
)
def test_window_for_gives_the_status_at_a_moment(world, offset_days, status):
    now = timezone.now()
    call = _call(now)

    window = call.window_for(world.sme, now + offset_days * DAY)

    assert (window.opens_at, window.deadline, window.status, window.is_extended) == (
        call.opens_at,
        call.closes_at,
        status,
        False,
    )
    assert window.is_open == (status == WindowStatus.OPEN)


def test_window_for_counts_the_extension_of_that_sme_only(world):
    now = timezone.now()
    call = _call(now)
    DeadlineExtension.objects.create(
        call=call,
        organisation=world.sme,
        closes_at=call.closes_at + 5 * DAY,
        reason="Flooded office",
        granted_by=world.coordinator,
    )
    later = call.closes_at + DAY

    mine, theirs, everyone = (
        call.window_for(world.sme, later),
        call.window_for(world.other_sme, later),
        call.window_for(None, later),
    )

    assert (mine.status, mine.deadline, mine.is_extended) == (
        WindowStatus.OPEN,
        call.closes_at + 5 * DAY,
        True,
    )
    assert (theirs.status, theirs.deadline) == (WindowStatus.CLOSED, call.closes_at)
    assert (everyone.status, call.is_open) == (WindowStatus.CLOSED, True)


def test_window_for_reads_extensions_already_fetched_without_a_query(
    world, django_assert_num_queries
):
    now = timezone.now()
    call = _call(now)
    extended = {(call.pk, world.sme.pk): call.closes_at + 5 * DAY}

    with django_assert_num_queries(0):
        window = call.window_for(world.sme, call.closes_at + DAY, extensions=extended)

    assert (window.status, window.deadline) == (WindowStatus.OPEN, call.closes_at + 5 * DAY)


@pytest.mark.parametrize(
    ("offset_days", "refused"),
    [(-11, True), (0, False), (10, True)],
    ids=["before-opening", "open", "after-the-deadline"],
)
def test_check_window_and_window_refusal_say_the_same(world, offset_days, refused):
    now = timezone.now()
    window = _call(now).window_for(world.sme, now + offset_days * DAY)

    refusal = services.window_refusal(window)

    if refused:
        with pytest.raises(ApplicationError) as exc:
            services.check_window(window)
        assert refusal == str(exc.value.message)
        assert services.window_notice(window) is not None
    else:
        services.check_window(window)
        assert (refusal, services.window_notice(window)) == (None, None)


@pytest.mark.parametrize(
    ("state", "call_open", "editable", "submittable"),
    [
        ("draft", True, True, True),
        ("submitted", True, True, False),
        ("in_review", True, False, False),
        ("draft", False, False, False),
        ("submitted", False, False, False),
    ],
    ids=["draft-open", "submitted-open", "in-review-open", "draft-closed", "submitted-closed"],
)
def test_edit_and_submit_predicates_follow_the_window(
    world, state, call_open, editable, submittable
):
    now = timezone.now()
    call = _call(now) if call_open else CallFactory(opens_at=now - 20 * DAY, closes_at=now - DAY)
    practice = PracticeFactory(call=call, organisation=world.sme, state=state)

    assert [
        is_editable_now(practice),
        can_edit_submission(world.sme_member, practice),
        can_submit_practice(world.sme_member, practice),
        can_edit_submission(world.other_sme_admin, practice),
    ] == [editable, editable, submittable, False]


@pytest.mark.parametrize(
    ("state", "approved", "awaits"),
    [("selected", False, True), ("selected", True, False), ("published", False, False)],
    ids=["selected-unapproved", "selected-approved", "published"],
)
def test_awaits_public_version_approval(world, state, approved, awaits):
    practice = PracticeFactory(
        organisation=world.sme,
        state=state,
        public_version_approved_at=timezone.now() if approved else None,
    )

    assert [
        practice.awaits_public_version_approval,
        can_approve_public_version(world.sme_member, practice),
        can_approve_public_version(world.other_sme_admin, practice),
    ] == [awaits, awaits, False]
