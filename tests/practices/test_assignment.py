"""Assigning practices to reviewers: the pure algorithm (practices/assignment.py, property
tests with Hypothesis), the services on the database (by hand, for a whole call, declared
conflicts) and the admin pages that run them."""

import itertools
import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from accounts.enums import MembershipRole
from accounts.roles import COORDINATORS, REVIEWERS
from practices import selectors, services
from practices.assignment import AssignmentProblem, assign_reviewers
from practices.models import ReviewAssignment, ReviewConflict
from practices.reminders import reviewer_digests
from skillup.errors import ApplicationError
from tests.factories import (
    CallFactory,
    MembershipFactory,
    OrganisationFactory,
    PracticeFactory,
    ReviewFactory,
    UserFactory,
)


# --------------------------------------------------------------------------------------------
# The algorithm (no database)
# --------------------------------------------------------------------------------------------
@st.composite
def problems(draw, *, max_practices=12, max_reviewers=6, max_per_practice=4, history=True):
    practices = list(range(draw(st.integers(0, max_practices))))
    reviewers = list(range(100, 100 + draw(st.integers(0, max_reviewers))))
    pairs = [(p, r) for p in practices for r in reviewers]
    conflicts = draw(st.sets(st.sampled_from(pairs))) if pairs and history else set()
    held = draw(st.sets(st.sampled_from(pairs))) if pairs and history else set()
    holders = {p: {r for q, r in held if q == p} for p in practices}
    return AssignmentProblem(
        practices=practices,
        reviewers=reviewers,
        per_practice=draw(st.integers(1, max_per_practice)),
        holders=holders,
        conflicts=conflicts,
    )


def _need(problem, p) -> int:
    return max(0, problem.per_practice - len(problem.holders.get(p, ())))


def _free(problem, p) -> list[int]:
    held = set(problem.holders.get(p, ()))
    conflicts = set(problem.conflicts)
    return [r for r in problem.reviewers if r not in held and (p, r) not in conflicts]


def _initial_loads(problem) -> dict[int, int]:
    return {
        r: sum(r in problem.holders.get(p, ()) for p in problem.practices)
        for r in problem.reviewers
    }


@given(problems())
def test_assignment_is_never_in_conflict_nor_twice(problem):
    result = assign_reviewers(problem)

    conflicts = set(problem.conflicts)
    assert [pair for pair in result.pairs if pair in conflicts] == []
    assert [(p, r) for p, r in result.pairs if r in problem.holders.get(p, ())] == []
    assert len(set(result.pairs)) == len(result.pairs)
    assert {r for _p, r in result.pairs} <= set(problem.reviewers)


@given(problems())
def test_each_practice_gets_every_reviewer_it_can(problem):
    result = assign_reviewers(problem)

    given_to = {p: sum(q == p for q, _r in result.pairs) for p in problem.practices}
    expected = {p: min(_need(problem, p), len(_free(problem, p))) for p in problem.practices}
    assert given_to == expected
    assert result.lacking == {
        p: _need(problem, p) - expected[p]
        for p in problem.practices
        if _need(problem, p) > expected[p]
    }


@given(problems(history=False))
def test_loads_differ_by_at_most_one_without_conflicts(problem):
    result = assign_reviewers(problem)

    if problem.reviewers:
        loads = list(result.loads.values())
        assert max(loads) - min(loads) <= 1
        wanted = min(problem.per_practice, len(problem.reviewers))
        assert len(result.pairs) == wanted * len(problem.practices)


def _brute_force_best(problem) -> tuple[int, int]:
    """The smallest spread (max - min) and the smallest sum of squared loads over every
    assignment giving each practice all it can (small problems only)."""
    choices = [
        itertools.combinations(_free(problem, p), min(_need(problem, p), len(_free(problem, p))))
        for p in problem.practices
    ]
    start = _initial_loads(problem)
    best_spread, best_squares = None, None
    for combo in itertools.product(*choices):
        loads = dict(start)
        for chosen in combo:
            for r in chosen:
                loads[r] += 1
        spread = max(loads.values()) - min(loads.values())
        squares = sum(v * v for v in loads.values())
        best_spread = spread if best_spread is None else min(best_spread, spread)
        best_squares = squares if best_squares is None else min(best_squares, squares)
    return best_spread, best_squares


@settings(max_examples=150)
@given(problems(max_practices=4, max_reviewers=3, max_per_practice=2))
def test_loads_are_as_even_as_any_assignment_allows(problem):
    """Where some complete assignment has loads within one of each other, ours does; and no
    assignment has more even loads (smaller sum of squares) than ours."""
    result = assign_reviewers(problem)

    if problem.reviewers:
        best_spread, best_squares = _brute_force_best(problem)
        loads = list(result.loads.values())
        if best_spread <= 1:
            assert max(loads) - min(loads) <= 1
        assert sum(v * v for v in loads) == best_squares


@given(problems())
def test_running_again_keeps_everything_and_adds_nothing(problem):
    first = assign_reviewers(problem)
    holders = {p: set(problem.holders.get(p, ())) for p in problem.practices}
    for p, r in first.pairs:
        holders[p].add(r)

    again = assign_reviewers(
        AssignmentProblem(
            practices=problem.practices,
            reviewers=problem.reviewers,
            per_practice=problem.per_practice,
            holders=holders,
            conflicts=problem.conflicts,
        )
    )

    assert again.pairs == []
    assert again.lacking == first.lacking
    assert again.loads == first.loads


@given(problems(), st.randoms(use_true_random=False))
def test_the_same_problem_in_any_order_gives_the_same_pairs(problem, rng):
    practices, reviewers = list(problem.practices), list(problem.reviewers)
    rng.shuffle(practices)
    rng.shuffle(reviewers)
    shuffled = AssignmentProblem(
        practices=practices,
        reviewers=reviewers,
        per_practice=problem.per_practice,
        holders=problem.holders,
        conflicts=list(problem.conflicts),
    )

    assert assign_reviewers(shuffled).pairs == assign_reviewers(problem).pairs


def test_existing_loads_are_evened_out_by_the_top_up():
    """Reviewer 1 already holds 4 practices of the call: the 4 new ones go to the others."""
    problem = AssignmentProblem(
        practices=[10, 11, 12, 13],
        reviewers=[1, 2, 3],
        per_practice=1,
        loads={1: 4, 2: 0, 3: 0},
    )

    result = assign_reviewers(problem)

    assert result.loads == {1: 4, 2: 2, 3: 2}
    assert [r for _p, r in result.pairs].count(1) == 0


def test_a_practice_everyone_is_in_conflict_with_lacks_them_all():
    problem = AssignmentProblem(
        practices=[1, 2], reviewers=[7, 8], per_practice=2, conflicts={(1, 7), (1, 8), (2, 8)}
    )

    result = assign_reviewers(problem)

    assert result.pairs == [(2, 7)]
    assert result.lacking == {1: 2, 2: 1}


def test_a_large_call_is_assigned_quickly_and_evenly():
    rng = random.Random(14)
    practices = list(range(3000))
    reviewers = list(range(10_000, 10_040))
    conflicts = {(rng.choice(practices), rng.choice(reviewers)) for _ in range(2000)}

    result = assign_reviewers(
        AssignmentProblem(practices, reviewers, per_practice=3, conflicts=conflicts)
    )

    assert result.lacking == {}
    assert len(result.pairs) == 9000
    assert max(result.loads.values()) - min(result.loads.values()) <= 1


# --------------------------------------------------------------------------------------------
# The services (PostgreSQL)
# --------------------------------------------------------------------------------------------
def reviewer(**fields):
    return UserFactory(is_staff=True, groups=[REVIEWERS], **fields)


def submitted(call, organisation=None, **fields):
    fields.setdefault("state", "submitted")
    return PracticeFactory(call=call, organisation=organisation or OrganisationFactory(), **fields)


def pairs_of(call) -> set[tuple[int, int]]:
    return set(
        ReviewAssignment.objects.filter(practice__call=call).values_list(
            "practice_id", "reviewer_id"
        )
    )


def loads_of(call, reviewers) -> list[int]:
    pairs = pairs_of(call)
    return sorted(sum(r.pk == rid for _p, rid in pairs) for r in reviewers)


@pytest.mark.django_db
def test_a_call_is_assigned_n_reviewers_per_practice_with_even_loads(world):
    call = CallFactory(reviewers_per_practice=2)
    practices = [submitted(call) for _ in range(7)]
    pool = [world.reviewer, reviewer(), reviewer()]

    report = services.call_assign_reviewers(user=world.coordinator, call=call)

    assert report.created == 14
    assert report.lacking == []
    assert report.load_range == (4, 5)
    assert loads_of(call, pool) == [4, 5, 5]
    per_practice = {p.pk: 0 for p in practices}
    for practice_id, _r in pairs_of(call):
        per_practice[practice_id] += 1
    assert set(per_practice.values()) == {2}
    assert set(
        ReviewAssignment.objects.filter(practice__call=call).values_list("automatic", "assigned_by")
    ) == {(True, world.coordinator.pk)}


@pytest.mark.django_db
def test_only_practices_awaiting_a_decision_are_assigned(world):
    call = CallFactory(reviewers_per_practice=1)
    awaiting = [submitted(call, state=state) for state in selectors.ASSIGNABLE_STATES]
    for state in ("draft", "withdrawn", "selected", "published", "declined"):
        submitted(call, state=state)
    submitted(call, state="in_review", pending_decision="selected")

    services.call_assign_reviewers(user=world.coordinator, call=call)

    assert {p for p, _r in pairs_of(call)} == {p.pk for p in awaiting}


@pytest.mark.django_db
def test_nobody_is_assigned_a_practice_they_are_in_conflict_with(world):
    """Four reviewers, each in conflict with one practice in a different way: own organisation,
    shared email domain, declared organisation, declared practice."""
    call = CallFactory(reviewers_per_practice=3)
    own = submitted(call, organisation=world.sme)
    domain_sme = OrganisationFactory(name="Brandt Logistik")
    MembershipFactory(organisation=domain_sme, user=UserFactory(email="lena@brandt-logistik.de"))
    by_domain = submitted(call, organisation=domain_sme)
    declared_org = submitted(call)
    declared_practice = submitted(call)
    member = reviewer()
    MembershipFactory(organisation=world.sme, user=member, role=MembershipRole.MEMBER)
    colleague = reviewer(email="jonas@brandt-logistik.de")
    declarer = reviewer()
    services.review_conflict_declare(
        user=declarer, organisation=declared_org.organisation, reason="My cousin's firm."
    )
    picky = reviewer()
    services.review_conflict_declare(
        user=picky, practice=declared_practice, reason="I helped write it."
    )
    ReviewAssignment.objects.all().delete()

    report = services.call_assign_reviewers(user=world.coordinator, call=call)

    forbidden = {
        (own.pk, member.pk),
        (by_domain.pk, colleague.pk),
        (declared_org.pk, declarer.pk),
        (declared_practice.pk, picky.pk),
    }
    assert pairs_of(call) & forbidden == set()
    assert report.lacking == []  # five reviewers in all: each practice still finds three
    assert len(pairs_of(call)) == 12


@pytest.mark.django_db
def test_too_few_reviewers_assigns_what_it_can_and_names_the_rest(world):
    call = CallFactory(reviewers_per_practice=2)
    first, second = submitted(call), submitted(call)
    other = reviewer()
    services.review_conflict_declare(user=other, practice=second, reason="Former client.")

    report = services.call_assign_reviewers(user=world.coordinator, call=call)

    assert pairs_of(call) == {
        (first.pk, world.reviewer.pk),
        (first.pk, other.pk),
        (second.pk, world.reviewer.pk),
    }
    assert report.lacking == [(second, 1)]


@pytest.mark.django_db
def test_running_again_keeps_assignments_and_reviews_and_only_tops_up(world):
    call = CallFactory(reviewers_per_practice=2)
    practices = [submitted(call) for _ in range(4)]
    pool = [world.reviewer, reviewer(), reviewer()]
    services.call_assign_reviewers(user=world.coordinator, call=call)
    before = pairs_of(call)
    given_practice, given_by = next(iter(sorted(before)))
    review = ReviewFactory(practice_id=given_practice, reviewer_id=given_by)

    again = services.call_assign_reviewers(user=world.coordinator, call=call)
    newcomer = submitted(call)
    topped = services.call_assign_reviewers(user=world.coordinator, call=call)

    assert (again.created, again.withdrawn, again.recorded) == (0, 0, 0)
    assert pairs_of(call) >= before
    assert {p for p, _r in pairs_of(call) - before} == {newcomer.pk}
    assert topped.created == 2
    assert loads_of(call, pool) == [3, 3, 4]
    review.refresh_from_db()  # still there, unchanged
    assert len(practices) == 4


@pytest.mark.django_db
def test_a_review_given_without_assignment_counts_and_is_recorded(world):
    call = CallFactory(reviewers_per_practice=2)
    practice = submitted(call, state="in_review")
    other = reviewer()
    ReviewFactory(practice=practice, reviewer=other)
    reviewer()

    report = services.call_assign_reviewers(user=world.coordinator, call=call)

    assert report.recorded == 1
    assert report.created == 1
    assert (practice.pk, other.pk) in pairs_of(call)
    assert len(pairs_of(call)) == 2


@pytest.mark.django_db
def test_assignments_of_people_no_longer_reviewing_are_withdrawn_and_replaced(world):
    call = CallFactory(reviewers_per_practice=1)
    practice = submitted(call)
    leaving = reviewer()
    ReviewAssignment.objects.create(practice=practice, reviewer=leaving)
    leaving.is_active = False
    leaving.save()

    report = services.call_assign_reviewers(user=world.coordinator, call=call)

    assert report.withdrawn == 1
    assert pairs_of(call) == {(practice.pk, world.reviewer.pk)}


@pytest.mark.django_db
def test_the_pool_is_active_staff_in_the_reviewers_group(world):
    call = CallFactory(reviewers_per_practice=5)
    submitted(call)
    UserFactory(is_staff=False, groups=[REVIEWERS])
    UserFactory(is_staff=True, is_active=False, groups=[REVIEWERS])
    UserFactory(is_staff=True, groups=[COORDINATORS])

    report = services.call_assign_reviewers(user=world.coordinator, call=call)

    assert {r for _p, r in pairs_of(call)} == {world.reviewer.pk}
    assert report.reviewers == 1


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["reviewer", "sme_admin", "outsider"])
def test_only_coordinators_assign(world, role):
    call = CallFactory()
    practice = submitted(call)

    with pytest.raises(ApplicationError):
        services.call_assign_reviewers(user=getattr(world, role), call=call)
    with pytest.raises(ApplicationError):
        services.review_assign(
            user=getattr(world, role), practice=practice, reviewer=world.reviewer
        )

    assert ReviewAssignment.objects.count() == 0


@pytest.mark.django_db
def test_assignment_by_hand_keeps_existing_and_refuses_conflicts(world):
    call = CallFactory()
    practice = submitted(call, organisation=world.sme)
    member = reviewer()
    MembershipFactory(organisation=world.sme, user=member)

    first, created = services.review_assign(
        user=world.coordinator, practice=practice, reviewer=world.reviewer
    )
    again, created_again = services.review_assign(
        user=world.coordinator, practice=practice, reviewer=world.reviewer
    )
    with pytest.raises(ApplicationError) as refused:
        services.review_assign(user=world.coordinator, practice=practice, reviewer=member)

    assert (created, created_again, again.pk) == (True, False, first.pk)
    assert refused.value.message == services.MSG_REVIEWER_IN_CONFLICT % {
        "reviewer": member,
        "practice": practice,
    }
    assert pairs_of(call) == {(practice.pk, world.reviewer.pk)}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "state"),
    [("coordinator", "submitted"), ("reviewer", "published"), ("reviewer", "draft")],
    ids=["not-a-reviewer", "decided", "draft"],
)
def test_assignment_by_hand_refuses_non_reviewers_and_decided_practices(world, who, state):
    practice = submitted(CallFactory(), state=state)

    with pytest.raises(ApplicationError):
        services.review_assign(
            user=world.coordinator, practice=practice, reviewer=getattr(world, who)
        )

    assert ReviewAssignment.objects.count() == 0


@pytest.mark.django_db
def test_declaring_a_conflict_withdraws_unreviewed_assignments_only(world):
    call = CallFactory()
    sme = OrganisationFactory()
    reviewed, unreviewed, elsewhere = submitted(call, sme), submitted(call, sme), submitted(call)
    for practice in (reviewed, unreviewed, elsewhere):
        ReviewAssignment.objects.create(practice=practice, reviewer=world.reviewer)
    ReviewFactory(practice=reviewed, reviewer=world.reviewer)

    services.review_conflict_declare(user=world.reviewer, organisation=sme, reason="Shareholder")

    assert pairs_of(call) == {(reviewed.pk, world.reviewer.pk), (elsewhere.pk, world.reviewer.pk)}
    assert list(selectors.review_queue(world.reviewer)) == [elsewhere]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("target", "reason", "message"),
    [
        ("both", "Why", services.MSG_CONFLICT_TARGET),
        ("neither", "Why", services.MSG_CONFLICT_TARGET),
        ("organisation", "   ", services.MSG_CONFLICT_REASON),
        ("again", "Why", services.MSG_CONFLICT_ORGANISATION_DECLARED),
    ],
    ids=["both", "neither", "blank-reason", "twice"],
)
def test_declaring_a_conflict_refuses_bad_input(world, target, reason, message):
    practice = submitted(CallFactory(), organisation=world.other_sme)
    ReviewConflict.objects.create(reviewer=world.reviewer, organisation=world.sme, reason="x")
    arguments = {
        "both": {"organisation": world.other_sme, "practice": practice},
        "neither": {},
        "organisation": {"organisation": world.other_sme},
        "again": {"organisation": world.sme},
    }[target]

    with pytest.raises(ApplicationError) as refused:
        services.review_conflict_declare(user=world.reviewer, reason=reason, **arguments)

    assert refused.value.message == message
    assert ReviewConflict.objects.count() == 1


@pytest.mark.django_db
def test_people_outside_the_programme_declare_no_conflict(world):
    with pytest.raises(ApplicationError):
        services.review_conflict_declare(
            user=world.sme_admin, organisation=world.other_sme, reason="x"
        )

    assert ReviewConflict.objects.count() == 0


# --------------------------------------------------------------------------------------------
# The queue and the digest show assignments first
# --------------------------------------------------------------------------------------------
@pytest.mark.django_db
def test_the_queue_has_one_row_per_practice_oldest_assignment_first(world):
    call = CallFactory()
    first, second, done = submitted(call), submitted(call), submitted(call)
    others = [reviewer(), reviewer(), reviewer()]
    for practice in (second, first, done):  # assigned in this order
        ReviewAssignment.objects.create(practice=practice, reviewer=world.reviewer)
        for other in others:
            ReviewAssignment.objects.create(practice=practice, reviewer=other)
            ReviewFactory(practice=practice, reviewer=other)
    ReviewFactory(practice=done, reviewer=world.reviewer)

    queue = list(selectors.review_queue(world.reviewer))

    assert queue == [second, first]


@pytest.mark.django_db
def test_the_digest_lists_assignments_first(world, settings):
    settings.TIME_ZONE = "UTC"
    call = CallFactory()
    from datetime import timedelta

    from django.utils import timezone

    older = submitted(call, title="Older one", submitted_at=timezone.now() - timedelta(days=9))
    mine = submitted(call, title="Mine", submitted_at=timezone.now() - timedelta(days=1))
    shortlisted = submitted(call, title="Shortlisted mine", state="shortlisted")
    for practice in (mine, shortlisted):
        ReviewAssignment.objects.create(practice=practice, reviewer=world.reviewer)

    import time_machine

    with time_machine.travel(timezone.now().replace(hour=9), tick=False):
        digests = [d for d in reviewer_digests() if d["recipient"] == world.reviewer]

    context = digests[0]["context"]
    assert [item["title"] for item in context["practices"]] == [
        "Mine",
        "Shortlisted mine",
        "Older one",
    ]
    assert [item["assigned"] for item in context["practices"]] == [True, True, False]
    assert (context["total"], context["assigned"]) == (3, 2)
    assert older.pk


# --------------------------------------------------------------------------------------------
# The admin: by hand from the practice list, automatically from the call list
# --------------------------------------------------------------------------------------------
CHANGELIST = "admin:practices_practice_changelist"


@pytest.mark.django_db
def test_coordinator_assigns_two_practices_to_two_reviewers_from_the_list(world, client_for):
    call = CallFactory()
    first, second = submitted(call), submitted(call, organisation=world.sme)
    member = reviewer(full_name="Conflicted Reviewer")
    MembershipFactory(organisation=world.sme, user=member)
    client = client_for("coordinator")
    selection = {
        "action": "assign_to_reviewers",
        "_selected_action": [first.pk, second.pk],
    }

    page = client.post(reverse(CHANGELIST), selection)
    done = client.post(
        reverse(CHANGELIST),
        {**selection, "apply": "1", "reviewers": [world.reviewer.pk, member.pk]},
        follow=True,
    )

    assert page.status_code == 200
    assert "Conflicted Reviewer" in page.content.decode()
    assert pairs_of(call) == {
        (first.pk, world.reviewer.pk),
        (first.pk, member.pk),
        (second.pk, world.reviewer.pk),
    }
    shown = [str(m) for m in done.context["messages"]]
    assert shown == [
        str(services.MSG_REVIEWER_IN_CONFLICT % {"reviewer": member, "practice": second}),
        "3 assignments made.",
    ]


@pytest.mark.django_db
def test_assigning_by_hand_without_a_reviewer_says_so(world, client_for):
    practice = submitted(CallFactory())
    client = client_for("coordinator")

    response = client.post(
        reverse(CHANGELIST),
        {"action": "assign_to_reviewers", "_selected_action": [practice.pk], "apply": "1"},
    )

    assert response.status_code == 200
    assert "Tick at least one reviewer." in response.content.decode()
    assert ReviewAssignment.objects.count() == 0


@pytest.mark.django_db
def test_reviewers_have_no_assignment_action(world, client_for):
    practice = submitted(CallFactory())
    client = client_for("reviewer")

    response = client.post(
        reverse(CHANGELIST),
        {
            "action": "assign_to_reviewers",
            "_selected_action": [practice.pk],
            "apply": "1",
            "reviewers": [world.reviewer.pk],
        },
    )

    assert response.status_code == 302  # back to the list: the action is not theirs
    assert ReviewAssignment.objects.count() == 0


@pytest.mark.django_db
def test_coordinator_assigns_a_call_from_the_call_list_and_sees_the_result(world, client_for):
    call = CallFactory(reviewers_per_practice=2, title="Spring call")
    practices = [submitted(call) for _ in range(3)]
    lonely = submitted(call, title="Everyone is conflicted")
    ReviewConflict.objects.create(reviewer=world.reviewer, practice=lonely, reason="x")
    second = reviewer()
    ReviewConflict.objects.create(reviewer=second, practice=lonely, reason="x")
    client = client_for("coordinator")

    response = client.post(
        reverse("admin:practices_call_changelist"),
        {"action": "assign_reviewers_automatically", "_selected_action": [call.pk]},
        follow=True,
    )

    assert response.redirect_chain == [
        (reverse("admin:practices_call_reviewers", args=[call.pk]), 302)
    ]
    body = response.content.decode()
    assert "Spring call: 6 assignments made." in body
    assert "“Everyone is conflicted” lacks 2 reviewers" in body
    assert "3 of 4 practices have their reviewers." in body
    assert len(pairs_of(call)) == 6
    assert len(practices) == 3


@pytest.mark.django_db
def test_the_reviewers_page_tops_up_on_post(world, client_for):
    call = CallFactory(reviewers_per_practice=1)
    submitted(call)
    url = reverse("admin:practices_call_reviewers", args=[call.pk])

    response = client_for("coordinator").post(url, follow=True)
    again = client_for("coordinator").post(url, follow=True)

    assert response.redirect_chain == [(url, 302)]
    assert len(pairs_of(call)) == 1
    assert "0 assignments made." in again.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "status"), [("reviewer", 403), ("coordinator", 200)])
def test_the_reviewers_page_is_for_coordinators(world, client_for, role, status):
    call = CallFactory()

    response = client_for(role).get(reverse("admin:practices_call_reviewers", args=[call.pk]))
    post = client_for(role).post(reverse("admin:practices_call_reviewers", args=[call.pk]))

    assert response.status_code == status
    assert post.status_code == (403 if status == 403 else 302)


@pytest.mark.django_db
def test_the_reviewers_page_of_an_unknown_call_is_a_404(world, client_for):
    response = client_for("coordinator").get(
        reverse("admin:practices_call_reviewers", args=[987654])
    )

    assert response.status_code == 404


def _reviewers_page_queries(client, call) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("admin:practices_call_reviewers", args=[call.pk]))
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_the_reviewers_page_runs_the_same_queries_for_1_and_many(world, client_for):
    small, large = CallFactory(reviewers_per_practice=3), CallFactory(reviewers_per_practice=3)
    submitted(small)
    for _ in range(25):
        submitted(large)
    for _ in range(6):
        reviewer()
    services.call_assign_reviewers(user=world.coordinator, call=small)
    services.call_assign_reviewers(user=world.coordinator, call=large)
    client = client_for("coordinator")
    _reviewers_page_queries(client, small)  # warm the session and the permission caches

    assert _reviewers_page_queries(client, small) == _reviewers_page_queries(client, large)


@pytest.mark.django_db
def test_the_call_form_asks_how_many_reviewers_per_practice(world, client_for):
    call = CallFactory(reviewers_per_practice=3)

    page = client_for("coordinator").get(reverse("admin:practices_call_change", args=[call.pk]))

    assert page.context["adminform"].form["reviewers_per_practice"].value() == 3
    assert reverse("admin:practices_call_reviewers", args=[call.pk]) in page.content.decode()


@pytest.mark.django_db
def test_the_call_form_of_a_reviewer_links_to_no_assignment_page(world, client_for):
    call = CallFactory()

    page = client_for("reviewer").get(reverse("admin:practices_call_change", args=[call.pk]))

    assert page.status_code == 200
    assert reverse("admin:practices_call_reviewers", args=[call.pk]) not in page.content.decode()


@pytest.mark.django_db
def test_assignments_list_a_reviewer_sees_their_own(world, client_for):
    call = CallFactory()
    mine, theirs = submitted(call, title="Mine to do"), submitted(call, title="Theirs to do")
    ReviewAssignment.objects.create(practice=mine, reviewer=world.reviewer)
    ReviewAssignment.objects.create(practice=theirs, reviewer=reviewer())

    as_reviewer = client_for("reviewer").get(reverse("admin:practices_reviewassignment_changelist"))
    as_coordinator = client_for("coordinator").get(
        reverse("admin:practices_reviewassignment_changelist")
    )

    assert [a.practice for a in as_reviewer.context["cl"].result_list] == [mine]
    assert {a.practice for a in as_coordinator.context["cl"].result_list} == {mine, theirs}


@pytest.mark.django_db
def test_coordinator_takes_an_assignment_back(world, client_for):
    assignment = ReviewAssignment.objects.create(
        practice=submitted(CallFactory()), reviewer=world.reviewer
    )

    response = client_for("coordinator").post(
        reverse("admin:practices_reviewassignment_delete", args=[assignment.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert ReviewAssignment.objects.count() == 0


@pytest.mark.django_db
def test_a_reviewer_declares_a_conflict_in_the_admin_and_lists_only_their_own(world, client_for):
    ReviewConflict.objects.create(reviewer=reviewer(), organisation=world.sme, reason="Theirs")
    client = client_for("reviewer")

    empty = client.post(reverse("admin:practices_reviewconflict_add"), {"reason": "x"})
    response = client.post(
        reverse("admin:practices_reviewconflict_add"),
        {"organisation": world.other_sme.pk, "reason": "I sit on its board."},
    )
    listing = client.get(reverse("admin:practices_reviewconflict_changelist"))

    assert empty.status_code == 200
    assert str(services.MSG_CONFLICT_TARGET) in empty.content.decode()
    assert response.status_code == 302
    assert list(
        ReviewConflict.objects.filter(reviewer=world.reviewer).values_list("organisation", "reason")
    ) == [(world.other_sme.pk, "I sit on its board.")]
    assert [c.reason for c in listing.context["cl"].result_list] == ["I sit on its board."]


@pytest.mark.django_db
def test_a_conflict_with_a_practice_one_cannot_see_is_refused(world, client_for):
    draft = PracticeFactory(organisation=world.sme)

    response = client_for("reviewer").post(
        reverse("admin:practices_reviewconflict_add"), {"practice": draft.pk, "reason": "x"}
    )

    assert response.status_code == 200
    assert ReviewConflict.objects.count() == 0


@pytest.mark.django_db
def test_coordinators_list_every_conflict_and_withdraw_one(world, client_for):
    conflict = ReviewConflict.objects.create(
        reviewer=world.reviewer, organisation=world.sme, reason="Old friend"
    )
    client = client_for("coordinator")

    listing = client.get(reverse("admin:practices_reviewconflict_changelist"))
    withdrawn = client.post(
        reverse("admin:practices_reviewconflict_delete", args=[conflict.pk]), {"post": "yes"}
    )

    assert [c.reason for c in listing.context["cl"].result_list] == ["Old friend"]
    assert withdrawn.status_code == 302
    assert ReviewConflict.objects.count() == 0


# --------------------------------------------------------------------------------------------
# Paths tried in review: an empty pool, a decided practice by hand, a conflict declared twice
# --------------------------------------------------------------------------------------------
@pytest.mark.django_db
def test_automatic_assignment_without_any_reviewer_says_so_and_assigns_nothing(world, client_for):
    call = CallFactory(reviewers_per_practice=2, title="Empty pool call")
    practice = submitted(call)
    ReviewAssignment.objects.create(practice=practice, reviewer=world.reviewer)
    world.reviewer.groups.clear()  # nobody is an active reviewer any more

    response = client_for("coordinator").post(
        reverse("admin:practices_call_changelist"),
        {"action": "assign_reviewers_automatically", "_selected_action": [call.pk]},
        follow=True,
    )

    shown = [str(m) for m in response.context["messages"]]
    assert response.status_code == 200
    assert shown[0] == "Empty pool call: 0 assignments made."
    assert "Nobody is an active reviewer: add people to the Reviewers group first." in shown
    assert pairs_of(call) == set()  # the former reviewer's unreviewed assignment withdrawn


@pytest.mark.django_db
def test_assigning_a_decided_practice_by_hand_from_the_list_is_refused(world, client_for):
    call = CallFactory()
    recorded = submitted(call, state="in_review", pending_decision="selected", title="Recorded")
    published = submitted(call, state="published", title="Published")

    done = client_for("coordinator").post(
        reverse(CHANGELIST),
        {
            "action": "assign_to_reviewers",
            "_selected_action": [recorded.pk, published.pk],
            "apply": "1",
            "reviewers": [world.reviewer.pk],
        },
        follow=True,
    )

    shown = [str(m) for m in done.context["messages"]]
    assert pairs_of(call) == set()
    assert shown[-1] == "0 assignments made."
    assert len([m for m in shown if "is not awaiting reviews" in m]) == 2


@pytest.mark.django_db
def test_declaring_a_conflict_with_the_same_practice_twice_is_refused(world):
    practice = submitted(CallFactory())
    services.review_conflict_declare(user=world.reviewer, practice=practice, reason="Ex-client")

    with pytest.raises(ApplicationError) as refused:
        services.review_conflict_declare(user=world.reviewer, practice=practice, reason="Again")

    assert refused.value.message == services.MSG_CONFLICT_PRACTICE_DECLARED
    assert ReviewConflict.objects.count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers: PostgreSQL")
def test_a_double_submitted_conflict_is_recorded_once_and_refused_once():
    """Two clicks on "Declare" at once: before the reviewer's row was locked both found no
    conflict and the second failed on the unique constraint (a raw ValidationError or an
    IntegrityError, which the admin page does not catch: a server error)."""
    from tests.harness import at_once

    person = reviewer()
    sme = OrganisationFactory()

    def declare():
        return services.review_conflict_declare(user=person, organisation=sme, reason="Shareholder")

    outcomes = at_once(declare, declare)

    refused = [o for o in outcomes if isinstance(o, Exception)]
    assert [type(o) for o in refused] == [ApplicationError]
    assert refused[0].message == services.MSG_CONFLICT_ORGANISATION_DECLARED
    assert ReviewConflict.objects.count() == 1
