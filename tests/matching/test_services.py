"""Matchmaking services against the database: needs, runs, proposals from release to
partnership or to the next-best mentor, check-ins, the end, feedback, pledge progress."""

from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.utils import timezone

from accounts.enums import MembershipRole
from matching import engine, services, tasks
from matching.enums import ProposalState
from matching.models import (
    MatchRun,
    NeedsProfile,
    Partnership,
    Proposal,
    ProposalLog,
    ProposalTransition,
    SelfAssessment,
)
from matching.reminders import proposal_reminders
from notifications.models import Notification
from skillup.errors import ApplicationError
from tests.factories import (
    CompanyFactory,
    MembershipFactory,
    OrganisationFactory,
    PledgeFactory,
)
from tests.matching.factories import mentor_for, needs_for, skill_coded
from volunteers.models import ConfidentialityAgreement
from volunteers.selectors import partnership_totals

pytestmark = pytest.mark.django_db


def _run(user, **options) -> MatchRun:
    run = MatchRun.objects.create(started_by=user, **options)
    return services.run_execute(run.pk)


def _released(world, needs, mentor) -> Proposal:
    proposal = Proposal.objects.create(
        needs=needs, mentor=mentor, score=50.0, explanation={}, algorithm_version="test"
    )
    return services.proposal_release(user=world.coordinator, proposal=proposal)


# --------------------------------------------------------------------------------------------
# Needs
# --------------------------------------------------------------------------------------------
def test_needs_save_replaces_gaps(world):
    needs_for(world.sme, gaps=[("AI", 3, 3), ("DATA", 1, 2)])

    needs = needs_for(world.sme, gaps=[("CLOUD", 2, 4)])

    assert [(g.skill.code, g.importance, g.target_level) for g in needs.gaps.all()] == [
        ("CLOUD", 2, 4)
    ]


@pytest.mark.parametrize("who", ["company_admin", "other_sme_admin", "outsider", "coordinator"])
def test_needs_save_by_non_member_refused(world, who):
    with pytest.raises(ApplicationError):
        services.needs_save(user=getattr(world, who), organisation=world.sme, fields={}, gaps=[])

    assert not NeedsProfile.objects.exists()


def test_needs_save_for_a_large_company_refused(world):
    with pytest.raises(ApplicationError):
        services.needs_save(
            user=world.company_admin, organisation=world.company, fields={}, gaps=[]
        )


# --------------------------------------------------------------------------------------------
# Runs
# --------------------------------------------------------------------------------------------
def test_run_proposes_within_capacity_and_records_figures(world):
    strong = mentor_for(world.company, skills=[("AI", 5)], capacity=1)
    weak = mentor_for(CompanyFactory(), skills=[("AI", 1)], capacity=1)
    first = needs_for(world.sme)
    second = needs_for(world.other_sme)
    third = needs_for(OrganisationFactory(country="IT"))

    run = _run(world.coordinator)

    drafts = list(Proposal.objects.filter(state=ProposalState.DRAFT).order_by("needs_id"))
    assert run.status == "done" and run.progress == 100
    assert (run.sme_count, run.mentor_count, run.matched_count) == (3, 2, 2)
    assert {d.mentor_id for d in drafts} == {strong.pk, weak.pk}  # one SME each: capacity 1
    assert {d.needs_id for d in drafts} <= {first.pk, second.pk, third.pk}
    assert run.min_score == min(d.score for d in drafts)
    assert run.mean_score == pytest.approx(sum(d.score for d in drafts) / 2, abs=0.01)
    assert run.algorithm_version and set(run.weights) == {"coverage", "region", "sector", "mode"}
    assert all(d.explanation["parts"] and d.algorithm_version == run.algorithm_version
               for d in drafts)  # fmt: skip


def test_run_never_pairs_excluded_company_or_without_shared_language(world):
    excluded = mentor_for(world.company, skills=[("AI", 5)], capacity=3)
    other_language = mentor_for(CompanyFactory(), skills=[("AI", 5)], languages=["de"], capacity=3)
    needs = needs_for(world.sme)
    needs.excluded_companies.set([world.company])

    run = _run(world.coordinator)

    assert run.matched_count == 0
    assert not Proposal.objects.filter(mentor__in=[excluded, other_language]).exists()


def test_second_run_replaces_earlier_drafts(world):
    mentor_for(world.company)
    needs_for(world.sme)
    _run(world.coordinator)

    _run(world.coordinator)

    assert Proposal.objects.filter(state=ProposalState.DRAFT).count() == 1
    assert Proposal.objects.filter(state=ProposalState.REMOVED).count() == 1
    # the system removed it, on behalf of the run's coordinator
    assert list(ProposalTransition.objects.values_list("from_state", "to_state", "actor")) == [
        (ProposalState.DRAFT, ProposalState.REMOVED, None)
    ]


def test_run_is_deterministic(world):
    for _ in range(3):
        mentor_for(CompanyFactory(), skills=[("AI", 3), ("DATA", 3)], capacity=1)
    for country in ("FR", "DE", "IT", "ES"):
        needs_for(OrganisationFactory(country=country), gaps=[("AI", 2, 3), ("DATA", 2, 3)])

    _run(world.coordinator)
    first = sorted(Proposal.objects.filter(state="draft").values_list("needs_id", "mentor_id"))
    _run(world.coordinator)
    second = sorted(Proposal.objects.filter(state="draft").values_list("needs_id", "mentor_id"))

    assert first == second and len(first) == 3


def test_run_create_queues_the_task_after_commit(world, django_capture_on_commit_callbacks):
    mentor_for(world.company)
    needs_for(world.sme)

    with django_capture_on_commit_callbacks(execute=True):
        run = services.run_create(user=world.coordinator)

    run.refresh_from_db()
    assert (run.status, run.matched_count) == ("done", 1)  # eager Celery in the test settings


def test_run_create_by_non_coordinator_refused(world):
    with pytest.raises(ApplicationError):
        services.run_create(user=world.reviewer)

    assert not MatchRun.objects.exists()


def test_recommend_ranks_best_mentor_first_with_explanation(world):
    best = mentor_for(world.company, skills=[("AI", 5)])
    mentor_for(CompanyFactory(), skills=[("AI", 1)])
    needs = needs_for(world.sme)

    ranked = engine.recommend(needs)

    top, score, explanation = ranked[0]
    assert top == best
    assert sum(explanation["parts"].values()) == pytest.approx(score, abs=0.05)


# --------------------------------------------------------------------------------------------
# Proposals
# --------------------------------------------------------------------------------------------
def test_release_emails_both_sides_without_naming_the_sme_to_the_mentor(world):
    mentor = mentor_for(world.company)
    needs = needs_for(world.sme)

    proposal = _released(world, needs, mentor)

    assert proposal.state == ProposalState.PROPOSED
    assert proposal.expires_at > timezone.now() + timedelta(days=9)
    to_mentor = Notification.objects.get(event="proposal_made", recipient=mentor.user)
    to_sme = Notification.objects.get(event="proposal_made", recipient=world.sme_admin)
    assert world.sme.name not in to_mentor.body_text + to_mentor.subject
    assert "Secret plan." not in to_mentor.body_text
    assert world.sme.name in to_sme.body_text


@pytest.mark.parametrize(
    "gone",
    ["needs closed", "needs paused", "mentor paused", "mentor not approved", "new agreement"],
)
def test_release_refused_when_a_side_is_no_longer_there(world, gone):
    """A run's draft may wait days: releasing it must not email a paused mentor or an SME that
    closed its needs."""
    mentor = mentor_for(world.company)
    needs = needs_for(world.sme)
    draft = Proposal.objects.create(
        needs=needs, mentor=mentor, score=50.0, explanation={}, algorithm_version="test"
    )
    if gone.startswith("needs"):
        needs.status = "closed" if gone == "needs closed" else "paused"
        needs.save(update_fields=["status"])
    elif gone == "mentor paused":
        mentor.availability = "paused"
        mentor.paused_until = timezone.localdate() + timedelta(days=30)
        mentor.save(update_fields=["availability", "paused_until"])
    elif gone == "mentor not approved":
        mentor.state = "pending"
        mentor.save(update_fields=["state"])
    else:
        ConfidentialityAgreement.objects.create(version="v-next", text="New terms.")

    with pytest.raises(ApplicationError):
        services.proposal_release(user=world.coordinator, proposal=draft)

    draft.refresh_from_db()
    assert draft.state == ProposalState.DRAFT
    assert not Notification.objects.filter(event="proposal_made").exists()


def test_both_accept_starts_partnership_with_start_assessment(world):
    mentor = mentor_for(world.company)
    needs = needs_for(world.sme, maturity={"strategy": 2})
    proposal = _released(world, needs, mentor)

    services.proposal_answer(user=mentor.user, proposal=proposal, accept=True)
    services.proposal_answer(user=world.sme_member, proposal=proposal, accept=True)

    proposal.refresh_from_db()
    partnership = Partnership.objects.get()
    assert proposal.state == ProposalState.ACCEPTED
    assert (partnership.needs, partnership.mentor) == (needs, mentor)
    snapshot = SelfAssessment.objects.get(partnership=partnership, moment="start")
    assert snapshot.maturity == {"strategy": 2}
    assert snapshot.gaps == [{"skill": skill_coded("AI").pk, "importance": 3, "target": 3}]
    assert Notification.objects.filter(event="partnership_started").count() == 2
    assert Notification.objects.filter(event="proposal_accepted").count() == 2  # after the first
    assert list(proposal.transitions.values_list("from_state", "to_state", "actor")) == [
        (ProposalState.DRAFT, ProposalState.PROPOSED, world.coordinator.pk),
        (ProposalState.PROPOSED, ProposalState.ACCEPTED, world.sme_member.pk),
    ]
    assert proposal.closed_at == partnership.started_at == proposal.sme_answered_at


def test_answer_twice_or_by_a_stranger_refused(world):
    other_company_admin = MembershipFactory(
        organisation=CompanyFactory(), role=MembershipRole.ADMIN
    ).user
    mentor = mentor_for(world.company)
    proposal = _released(world, needs_for(world.sme), mentor)
    services.proposal_answer(user=mentor.user, proposal=proposal, accept=True)

    with pytest.raises(ApplicationError):
        services.proposal_answer(user=mentor.user, proposal=proposal, accept=True)
    for stranger in (world.other_sme_admin, world.company_admin, other_company_admin):
        with pytest.raises(ApplicationError):
            services.proposal_answer(user=stranger, proposal=proposal, accept=True)

    assert ProposalLog.objects.filter(proposal=proposal, action="mentor_accepted").count() == 1


def test_decline_needs_a_reason(world):
    mentor = mentor_for(world.company)
    proposal = _released(world, needs_for(world.sme), mentor)

    with pytest.raises(ApplicationError):
        services.proposal_answer(user=mentor.user, proposal=proposal, accept=False, reason=" ")

    proposal.refresh_from_db()
    assert proposal.state == ProposalState.PROPOSED


def test_decline_proposes_the_next_best_mentor(world, django_capture_on_commit_callbacks):
    first = mentor_for(world.company, skills=[("AI", 5)])
    second = mentor_for(CompanyFactory(), skills=[("AI", 2)])
    needs = needs_for(world.sme)
    proposal = _released(world, needs, first)

    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_answer(
            user=world.sme_admin, proposal=proposal, accept=False, reason="Competitor."
        )

    proposal.refresh_from_db()
    assert proposal.state == ProposalState.DECLINED
    following = Proposal.objects.get(state=ProposalState.PROPOSED)
    assert (following.needs, following.mentor) == (needs, second)
    assert ProposalLog.objects.filter(proposal=following, action="released", actor=None).exists()


def test_decline_is_saved_when_the_broker_is_down(
    world, django_capture_on_commit_callbacks, monkeypatch
):
    def broker_down(**kwargs):
        raise OSError("broker unavailable")

    monkeypatch.setattr(tasks.task_propose_next, "delay", broker_down)
    proposal = _released(world, needs_for(world.sme), mentor_for(world.company))

    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_answer(
            user=world.sme_admin, proposal=proposal, accept=False, reason="Competitor."
        )

    proposal.refresh_from_db()
    assert proposal.state == ProposalState.DECLINED


def test_expiry_closes_and_proposes_next_never_the_same(world, django_capture_on_commit_callbacks):
    first = mentor_for(world.company, skills=[("AI", 5)])
    needs = needs_for(world.sme)
    proposal = _released(world, needs, first)

    later = proposal.expires_at + timedelta(minutes=1)
    with (
        time_machine.travel(later, tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        expired = services.proposals_expire()

    proposal.refresh_from_db()
    assert (expired, proposal.state) == (1, ProposalState.EXPIRED)
    assert proposal.closed_at == later
    assert list(proposal.transitions.values_list("to_state", "actor")) == [
        (ProposalState.PROPOSED, world.coordinator.pk),
        (ProposalState.EXPIRED, None),
    ]
    assert Notification.objects.filter(event="proposal_expired").count() == 2
    assert not Proposal.objects.filter(state=ProposalState.PROPOSED).exists()  # no one else


def test_reminder_before_expiry_only_to_the_side_that_has_not_answered(world):
    mentor = mentor_for(world.company)
    proposal = _released(world, needs_for(world.sme), mentor)
    services.proposal_answer(user=mentor.user, proposal=proposal, accept=True)

    with time_machine.travel(proposal.expires_at - timedelta(days=2), tick=False):
        due = list(proposal_reminders())

    assert [kwargs["recipient"] for kwargs in due] == [world.sme_admin]


# --------------------------------------------------------------------------------------------
# Partnerships
# --------------------------------------------------------------------------------------------
@pytest.fixture
def partnership(world):
    mentor = mentor_for(world.company)
    proposal = _released(world, needs_for(world.sme, maturity={"strategy": 1}), mentor)
    services.proposal_answer(user=mentor.user, proposal=proposal, accept=True)
    services.proposal_answer(user=world.sme_admin, proposal=proposal, accept=True)
    return Partnership.objects.get()


def test_checkin_by_either_side_not_in_future_not_by_strangers(world, partnership):
    today = timezone.localdate()

    services.checkin_add(user=partnership.mentor.user, partnership=partnership, on=today,
                         note="Kick-off.", hours=Decimal("2.5"))  # fmt: skip
    services.checkin_add(user=world.sme_member, partnership=partnership, on=today, note="Plan.")
    with pytest.raises(ApplicationError):
        services.checkin_add(user=world.sme_admin, partnership=partnership,
                             on=today + timedelta(days=1), note="Later.")  # fmt: skip
    with pytest.raises(ApplicationError):
        services.checkin_add(user=world.other_sme_admin, partnership=partnership, on=today,
                             note="Intruder.")  # fmt: skip

    assert list(partnership.check_ins.values_list("side", "hours")) == [
        ("mentor", Decimal("2.5")),
        ("sme", Decimal("0")),
    ]


def test_checkin_sent_twice_is_recorded_once(world, partnership):
    today = timezone.localdate()
    sent = {"partnership": partnership, "on": today, "note": "Kick-off.", "hours": Decimal("2")}

    first = services.checkin_add(user=partnership.mentor.user, **sent)
    again = services.checkin_add(user=partnership.mentor.user, **sent)
    other_side = services.checkin_add(user=world.sme_admin, **sent)
    another_day = services.checkin_add(
        user=partnership.mentor.user, **{**sent, "on": today - timedelta(days=1)}
    )

    assert again == first
    assert list(partnership.check_ins.order_by("pk")) == [first, other_side, another_day]


def test_end_then_feedback_with_final_assessment(world, partnership):
    with pytest.raises(ApplicationError):
        services.feedback_give(user=world.sme_admin, partnership=partnership, rating=5)

    services.partnership_end(user=partnership.mentor.user, partnership=partnership, completed=True)
    services.feedback_give(
        user=world.sme_admin, partnership=partnership, rating=5, text="Great.",
        maturity={"strategy": 3}, gaps=[(skill_coded("AI"), 1, 3)],
    )  # fmt: skip
    services.feedback_give(user=partnership.mentor.user, partnership=partnership, rating=4)
    with pytest.raises(ApplicationError):
        services.feedback_give(user=world.sme_member, partnership=partnership, rating=1)

    partnership.refresh_from_db()
    assert partnership.state == "completed"
    assert sorted(partnership.feedback.values_list("side", "rating")) == [("mentor", 4), ("sme", 5)]
    end = SelfAssessment.objects.get(partnership=partnership, moment="end")
    assert end.maturity == {"strategy": 3}
    assert Notification.objects.filter(event="partnership_completed").count() == 2
    assert list(partnership.transitions.values_list("from_state", "to_state", "actor")) == [
        ("active", "completed", partnership.mentor.user.pk)
    ]


def test_end_early_needs_a_reason(world, partnership):
    with pytest.raises(ApplicationError):
        services.partnership_end(user=world.sme_admin, partnership=partnership, completed=False)

    services.partnership_end(
        user=world.sme_admin, partnership=partnership, completed=False, reason="We closed."
    )

    partnership.refresh_from_db()
    assert (partnership.state, partnership.end_reason) == ("ended_early", "We closed.")


def test_pledge_progress_counts_smes_and_hours(world, partnership):
    pledge = PledgeFactory(
        company=world.company, state="approved", starts_on=timezone.localdate() - timedelta(1)
    )
    today = timezone.localdate()
    services.checkin_add(user=world.sme_admin, partnership=partnership, on=today,
                         note="Two hours.", hours=Decimal("2"))  # fmt: skip
    services.checkin_add(user=partnership.mentor.user, partnership=partnership, on=today,
                         note="One hour.", hours=Decimal("1.5"))  # fmt: skip

    assert partnership_totals(pledge) == (1, 3)  # hours rounded down to whole hours
