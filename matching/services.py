"""Writes for matchmaking: needs, runs, proposals, partnerships. Each service checks, saves, logs
and says what it sends (through the notification outbox, after commit).

The maths lives in scoring.py and solver.py (pure); engine.py turns the database into their
arrays; this module decides what happens to people.
"""

import time
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal

import numpy as np
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation, User
from accounts.permissions import is_coordinator
from accounts.selectors import organisation_admins
from notifications.services import notify
from skillup.errors import ApplicationError
from skillup.links import absolute_url, language_of
from volunteers.models import MentorProfile
from volunteers.selectors import mentors_open_to_proposals

from . import engine, scoring, solver
from .enums import (
    OPEN_PROPOSAL_STATES,
    Answer,
    NeedsStatus,
    PartnershipState,
    ProposalState,
    RunStatus,
    Side,
)
from .models import (
    CheckIn,
    Feedback,
    MatchRun,
    NeedsProfile,
    Partnership,
    Proposal,
    ProposalLog,
    ScoringSettings,
    SelfAssessment,
    Skill,
    SkillGap,
)
from .permissions import is_sme_member, partnership_side, proposal_side

MSG_NOT_ALLOWED = _("You are not allowed to do this.")
MSG_NOT_AN_SME = _("Only an SME can describe its skill gaps.")
MSG_ALREADY_ANSWERED = _("This proposal has already been answered.")
MSG_PROPOSAL_CLOSED = _("This proposal is no longer open.")
MSG_NOT_DRAFT = _("Only a draft proposal can be changed or released.")
MSG_REASON_REQUIRED = _("Please say briefly why you decline.")
MSG_PARTNERSHIP_ENDED = _("This partnership has ended.")
MSG_PARTNERSHIP_ACTIVE = _("Feedback comes once the partnership has ended.")
MSG_FEEDBACK_GIVEN = _("You have already given your feedback.")
MSG_MENTOR_UNAVAILABLE = _("This mentor cannot take this SME (capacity, language or exclusion).")
MSG_PROPOSAL_WAITING = _("This SME already has a proposal waiting for answers.")
MSG_CHECKIN_FUTURE = _("A check-in cannot be dated in the future.")
MSG_NEEDS_NOT_ACTIVE = _("This SME is no longer looking for a mentor.")
MSG_MENTOR_NOT_OPEN = _(
    "This mentor no longer takes proposals (paused, not approved, or the agreement in force "
    "not accepted)."
)

CANDIDATES_PER_SME = 20
CANDIDATES_PER_MENTOR = 20


def _weights() -> tuple[scoring.Weights, ScoringSettings]:
    row = ScoringSettings.load()
    weights = scoring.Weights(
        coverage=row.coverage, region=row.region, sector=row.sector, mode=row.mode
    ).normalised()
    return weights, row


def _weights_dict(weights: scoring.Weights) -> dict:
    return {name: round(getattr(weights, name), 4) for name in scoring.PARTS}


def _log(proposal: Proposal, action: str, actor: User | None, comment: str = "") -> None:
    ProposalLog.objects.create(proposal=proposal, action=action, actor=actor, comment=comment)


# --------------------------------------------------------------------------------------------
# Needs
# --------------------------------------------------------------------------------------------
@transaction.atomic
def needs_save(
    *,
    user: User,
    organisation: Organisation,
    fields: dict,
    gaps: Iterable[tuple[Skill, int, int]],
    excluded_companies: Iterable[Organisation] = (),
) -> NeedsProfile:
    """Create or replace the SME's needs profile (its gaps are replaced as a whole)."""
    if not organisation.is_sme:
        raise ApplicationError(MSG_NOT_AN_SME)
    if not is_sme_member(user, organisation):
        raise ApplicationError(MSG_NOT_ALLOWED)
    needs = NeedsProfile.objects.select_for_update().filter(organisation=organisation).first()
    needs = needs or NeedsProfile(organisation=organisation)
    for name, value in fields.items():
        setattr(needs, name, value)
    needs.full_clean(exclude=["organisation"], validate_constraints=False)
    needs.save()
    needs.excluded_companies.set(excluded_companies)
    needs.gaps.all().delete()
    SkillGap.objects.bulk_create(
        SkillGap(needs=needs, skill=skill, importance=importance, target_level=target)
        for skill, importance, target in gaps
    )
    return needs


def _snapshot(needs: NeedsProfile) -> dict:
    return {
        "maturity": dict(needs.maturity or {}),
        "gaps": [
            {"skill": g.skill_id, "importance": g.importance, "target": g.target_level}
            for g in needs.gaps.order_by("skill_id")
        ],
    }


# --------------------------------------------------------------------------------------------
# Recommendations and runs
# --------------------------------------------------------------------------------------------
def recommend(needs: NeedsProfile, *, k: int = 10) -> list[tuple[MentorProfile, float, dict]]:
    """The top k mentors for one SME with their explanation (for coordinators)."""
    weights, _row = _weights()
    loaded = engine.load_population(only_needs=[needs.pk], include_busy=True)
    if not loaded.needs:
        return []
    ranked = scoring.recommend(loaded.population, weights, 0, k=k)
    return [
        (loaded.mentors[j], score, scoring.explain(loaded.population, weights, 0, j))
        for j, score in ranked
    ]


@transaction.atomic
def run_create(*, user: User, maximise_matches: bool = False, respect_quotas: bool = False):
    """Queue a global run (a Celery task does the work once this transaction commits)."""
    if not is_coordinator(user):
        raise ApplicationError(MSG_NOT_ALLOWED)
    run = MatchRun.objects.create(
        started_by=user, maximise_matches=maximise_matches, respect_quotas=respect_quotas
    )
    from .tasks import task_run_matching

    transaction.on_commit(lambda: task_run_matching.delay(run_id=run.pk), robust=True)
    return run


def _progress(run: MatchRun, value: int) -> None:
    MatchRun.objects.filter(pk=run.pk).update(progress=value)


def _company_quotas(loaded: engine.Loaded) -> np.ndarray:
    """SMEs each company may still take under its pledge's target (no target: no limit)."""
    from volunteers.enums import PledgeState
    from volunteers.models import Pledge

    quota = np.full(len(loaded.companies), np.iinfo(np.int32).max // 4, dtype=np.int64)
    targets = dict(
        Pledge.objects.filter(company_id__in=loaded.companies, state=PledgeState.APPROVED)
        .exclude(target_smes=0)
        .values_list("company_id", "target_smes")
    )
    supported = dict(
        Partnership.objects.filter(mentor__company_id__in=list(targets))
        .exclude(state=PartnershipState.ENDED_EARLY)
        .values("mentor__company_id")
        .annotate(n=Count("needs", distinct=True))
        .values_list("mentor__company_id", "n")
    )
    for k, company_id in enumerate(loaded.companies):
        if company_id in targets:
            quota[k] = max(0, targets[company_id] - supported.get(company_id, 0))
    return quota


def run_execute(run_id: int) -> MatchRun:
    """Do a queued run: load, score the candidates, solve the assignment, write the pairs as
    draft proposals (replacing the drafts of earlier runs). Idempotent for a finished run."""
    run = MatchRun.objects.get(pk=run_id)
    if run.status in (RunStatus.DONE, RunStatus.FAILED):
        return run
    started = time.perf_counter()
    MatchRun.objects.filter(pk=run.pk).update(status=RunStatus.RUNNING, progress=5)
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[name] = round(now - clock, 3)
        clock = now

    try:
        weights, _row = _weights()
        loaded = engine.load_population()
        lap("load")
        _progress(run, 30)
        population = loaded.population
        cands = scoring.candidates(
            population, weights, per_sme=CANDIDATES_PER_SME, per_mentor=CANDIDATES_PER_MENTOR
        )
        lap("score")
        _progress(run, 60)
        quota = _company_quotas(loaded) if run.respect_quotas else None
        assigned = solver.assign(
            cands,
            population.mentor_capacity,
            n_smes=len(loaded.needs),
            maximise_matches=run.maximise_matches,
            mentor_company=population.mentor_company if quota is not None else None,
            company_quota=quota,
        )
        lap("solve")
        _progress(run, 80)
        scores = []
        with transaction.atomic():
            Proposal.objects.filter(state=ProposalState.DRAFT).update(
                state=ProposalState.REMOVED, closed_at=timezone.now()
            )
            drafts = []
            for i, j in enumerate(assigned.tolist()):
                if j < 0:
                    continue
                explanation = scoring.explain(population, weights, i, j)
                scores.append(explanation["score"])
                drafts.append(
                    Proposal(
                        run=run,
                        needs=loaded.needs[i],
                        mentor=loaded.mentors[j],
                        score=explanation["score"],
                        explanation=_stored_explanation(explanation, loaded),
                        algorithm_version=scoring.ALGORITHM_VERSION,
                    )
                )
            Proposal.objects.bulk_create(drafts, batch_size=1000)
            run.status = RunStatus.DONE
            run.progress = 100
            run.algorithm_version = scoring.ALGORITHM_VERSION
            run.weights = _weights_dict(weights)
            run.sme_count = len(loaded.needs)
            run.mentor_count = len(loaded.mentors)
            run.matched_count = len(drafts)
            run.mean_score = round(float(np.mean(scores)), 2) if scores else None
            run.min_score = round(float(np.min(scores)), 2) if scores else None
            lap("write")
            run.timings = timings
            run.duration_s = round(time.perf_counter() - started, 3)
            run.finished_at = timezone.now()
            run.save()
    except Exception as exc:  # the run records its failure for the coordinator
        MatchRun.objects.filter(pk=run.pk).update(
            status=RunStatus.FAILED,
            error=f"{type(exc).__name__}: {exc}"[:2000],
            finished_at=timezone.now(),
            duration_s=round(time.perf_counter() - started, 3),
        )
        raise
    return run


def _stored_explanation(explanation: dict, loaded: engine.Loaded) -> dict:
    """The explanation with skill ids instead of indices (stable across runs)."""
    stored = dict(explanation)
    stored["gaps"] = [
        {**gap, "skill": loaded.skills[gap["skill"]].pk} for gap in explanation.get("gaps", [])
    ]
    return stored


# --------------------------------------------------------------------------------------------
# Proposals
# --------------------------------------------------------------------------------------------
def _mentor_can_take(mentor: MentorProfile, needs: NeedsProfile) -> dict | None:
    """The explanation if the pair is eligible now, else None."""
    weights, _row = _weights()
    loaded = engine.load_population(only_needs=[needs.pk], include_busy=True)
    if not loaded.needs:
        return None
    j = next((j for j, m in enumerate(loaded.mentors) if m.pk == mentor.pk), None)
    if j is None:
        return None
    explanation = scoring.explain(loaded.population, weights, 0, j)
    if explanation["excluded"]:
        return None
    return _stored_explanation(explanation, loaded)


@transaction.atomic
def proposal_draft_for(*, user: User, needs: NeedsProfile, mentor: MentorProfile) -> Proposal:
    """A coordinator proposes one recommended mentor: a draft to review and release (an SME
    has at most one open proposal: an older draft is replaced)."""
    if not is_coordinator(user):
        raise ApplicationError(MSG_NOT_ALLOWED)
    needs = NeedsProfile.objects.select_for_update().get(pk=needs.pk)
    if needs.proposals.filter(state=ProposalState.PROPOSED).exists():
        raise ApplicationError(MSG_PROPOSAL_WAITING)
    explanation = _mentor_can_take(mentor, needs)
    if explanation is None:
        raise ApplicationError(MSG_MENTOR_UNAVAILABLE)
    needs.proposals.filter(state=ProposalState.DRAFT).update(
        state=ProposalState.REMOVED, closed_at=timezone.now()
    )
    proposal = Proposal.objects.create(
        needs=needs,
        mentor=mentor,
        score=explanation["score"],
        explanation=explanation,
        algorithm_version=scoring.ALGORITHM_VERSION,
    )
    _log(proposal, "drafted", user)
    return proposal


@transaction.atomic
def proposal_change_mentor(*, user: User, proposal: Proposal, mentor: MentorProfile) -> Proposal:
    """A coordinator replaces the mentor of a draft (the score is computed again)."""
    if not is_coordinator(user):
        raise ApplicationError(MSG_NOT_ALLOWED)
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.state != ProposalState.DRAFT:
        raise ApplicationError(MSG_NOT_DRAFT)
    explanation = _mentor_can_take(mentor, proposal.needs)
    if explanation is None:
        raise ApplicationError(MSG_MENTOR_UNAVAILABLE)
    proposal.mentor = mentor
    proposal.score = explanation["score"]
    proposal.explanation = explanation
    proposal.save(update_fields=["mentor", "score", "explanation"])
    _log(proposal, "changed", user, str(mentor))
    return proposal


@transaction.atomic
def proposal_remove(*, user: User, proposal: Proposal) -> Proposal:
    if not is_coordinator(user):
        raise ApplicationError(MSG_NOT_ALLOWED)
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.state != ProposalState.DRAFT:
        raise ApplicationError(MSG_NOT_DRAFT)
    proposal.state = ProposalState.REMOVED
    proposal.closed_at = timezone.now()
    proposal.save(update_fields=["state", "closed_at"])
    _log(proposal, "removed", user)
    return proposal


@transaction.atomic
def proposal_release(*, user: User | None, proposal: Proposal) -> Proposal:
    """Send a draft to both sides: it expires after the configured number of days.

    Side effect: "proposal_made" to the SME's admins and to the mentor. `user` None: released
    automatically (the next-best mentor after a decline or expiry)."""
    if user is not None and not is_coordinator(user):
        raise ApplicationError(MSG_NOT_ALLOWED)
    proposal = (
        Proposal.objects.select_for_update()
        .select_related("needs__organisation", "mentor__user", "mentor__company")
        .get(pk=proposal.pk)
    )
    if proposal.state != ProposalState.DRAFT:
        raise ApplicationError(MSG_NOT_DRAFT)
    # a run's draft may wait days for release: both sides must still be there for it
    if proposal.needs.status != NeedsStatus.ACTIVE:
        raise ApplicationError(MSG_NEEDS_NOT_ACTIVE)
    if not mentors_open_to_proposals().filter(pk=proposal.mentor_id).exists():
        raise ApplicationError(MSG_MENTOR_NOT_OPEN)
    _weights_row = ScoringSettings.load()
    now = timezone.now()
    proposal.state = ProposalState.PROPOSED
    proposal.released_at = now
    proposal.released_by = user
    proposal.expires_at = now + timedelta(days=_weights_row.proposal_days)
    proposal.save(update_fields=["state", "released_at", "released_by", "expires_at"])
    _log(proposal, "released", user, "" if user else "automatic: next-best mentor")
    _notify_both(proposal, event="proposal_made")
    return proposal


def _notify_both(proposal: Proposal, *, event: str, occurrence: str = "", extra=None) -> None:
    people = [(u, Side.SME) for u in organisation_admins(proposal.needs.organisation)]
    if proposal.mentor.user.is_active:
        people.append((proposal.mentor.user, Side.MENTOR))
    for recipient, side in people:
        notify(
            event=event,
            about=proposal,
            recipient=recipient,
            occurrence=occurrence,
            context={
                "side": side,
                "sme": proposal.needs.organisation.name if side == Side.SME else "",
                "expires_at": proposal.expires_at,
                "proposal_url": absolute_url(
                    "matching:proposal_detail", pk=proposal.pk, language=language_of(recipient)
                ),
                **(extra or {}),
            },
        )


@transaction.atomic
def proposal_answer(*, user: User, proposal: Proposal, accept: bool, reason: str = "") -> Proposal:
    """One side accepts or declines. Both accepted → a partnership starts (with the SME's
    self-assessment at the start); a decline closes the proposal and proposes the next-best
    available mentor to the SME.

    Side effects: "proposal_accepted"/"proposal_declined" to both sides, "partnership_started"."""
    proposal = (
        Proposal.objects.select_for_update()
        .select_related("needs__organisation", "mentor__user", "mentor__company")
        .get(pk=proposal.pk)
    )
    side = proposal_side(user, proposal)
    if side is None:
        raise ApplicationError(MSG_NOT_ALLOWED)
    if proposal.state != ProposalState.PROPOSED:
        raise ApplicationError(MSG_PROPOSAL_CLOSED)
    if proposal.sme_answer if side == Side.SME else proposal.mentor_answer:
        raise ApplicationError(MSG_ALREADY_ANSWERED)
    reason = (reason or "").strip()
    if not accept and not reason:
        raise ApplicationError(MSG_REASON_REQUIRED, field="reason")
    now = timezone.now()
    answer = Answer.ACCEPTED if accept else Answer.DECLINED
    if side == Side.SME:
        proposal.sme_answer, proposal.sme_answered_at = answer, now
        proposal.sme_answered_by = user
    else:
        proposal.mentor_answer, proposal.mentor_answered_at = answer, now
    _log(proposal, f"{side}_{answer}", user, reason)
    if not accept:
        proposal.state = ProposalState.DECLINED
        proposal.decline_reason = reason
        proposal.closed_at = now
        proposal.save()
        _notify_both(proposal, event="proposal_declined", extra={"declined_by": side})
        transaction.on_commit(lambda: _propose_next_later(proposal.needs_id), robust=True)
        return proposal
    if proposal.sme_answer == Answer.ACCEPTED and proposal.mentor_answer == Answer.ACCEPTED:
        proposal.state = ProposalState.ACCEPTED
        proposal.closed_at = now
        proposal.save()
        partnership = Partnership.objects.create(
            proposal=proposal, needs=proposal.needs, mentor=proposal.mentor, started_at=now
        )
        SelfAssessment.objects.create(
            needs=proposal.needs, partnership=partnership, moment="start",
            **_snapshot(proposal.needs),
        )  # fmt: skip
        _notify_partnership(partnership, event="partnership_started")
        return proposal
    proposal.save()
    _notify_both(proposal, event="proposal_accepted", occurrence=side, extra={"accepted_by": side})
    return proposal


def _propose_next_later(needs_id: int) -> None:
    """Queued after commit with robust=True: a broker that is down must not turn the answer that
    was just saved into an error page (the next global run proposes to this SME anyway)."""
    from .tasks import task_propose_next

    task_propose_next.delay(needs_id=needs_id)


@transaction.atomic
def propose_next(*, needs_id: int) -> Proposal | None:
    """The quick re-solve for one SME: its best eligible mentor now (never one it declined or
    let expire before), released at once. None when no mentor is available."""
    needs = NeedsProfile.objects.select_for_update().filter(pk=needs_id).first()
    if needs is None or needs.status != NeedsStatus.ACTIVE:
        return None
    if needs.proposals.filter(state__in=OPEN_PROPOSAL_STATES).exists():
        return None
    if needs.partnerships.filter(state=PartnershipState.ACTIVE).exists():
        return None
    weights, _row = _weights()
    loaded = engine.load_population(only_needs=[needs.pk])
    if not loaded.needs:
        return None
    ranked = scoring.recommend(loaded.population, weights, 0, k=1)
    if not ranked:
        return None
    j, _score = ranked[0]
    explanation = scoring.explain(loaded.population, weights, 0, j)
    proposal = Proposal.objects.create(
        needs=needs,
        mentor=loaded.mentors[j],
        score=explanation["score"],
        explanation=_stored_explanation(explanation, loaded),
        algorithm_version=scoring.ALGORITHM_VERSION,
    )
    return proposal_release(user=None, proposal=proposal)


def proposals_expire(now=None) -> int:
    """Close proposals whose time ran out and propose the next-best mentor (periodic)."""
    now = now or timezone.now()
    expired = 0
    for pk in Proposal.objects.filter(
        state=ProposalState.PROPOSED, expires_at__lte=now
    ).values_list("pk", flat=True):
        with transaction.atomic():
            proposal = (
                Proposal.objects.select_for_update()
                .select_related("needs__organisation", "mentor__user")
                .get(pk=pk)
            )
            if proposal.state != ProposalState.PROPOSED:
                continue
            proposal.state = ProposalState.EXPIRED
            proposal.closed_at = now
            proposal.save(update_fields=["state", "closed_at"])
            _log(proposal, "expired", None)
            _notify_both(proposal, event="proposal_expired")
            needs_id = proposal.needs_id
            transaction.on_commit(
                lambda needs_id=needs_id: _propose_next_later(needs_id), robust=True
            )
            expired += 1
    return expired


# --------------------------------------------------------------------------------------------
# Partnerships
# --------------------------------------------------------------------------------------------
def _notify_partnership(partnership: Partnership, *, event: str, occurrence: str = "") -> None:
    people = list(organisation_admins(partnership.needs.organisation))
    if partnership.mentor.user.is_active:
        people.append(partnership.mentor.user)
    for recipient in people:
        notify(
            event=event,
            about=partnership,
            recipient=recipient,
            occurrence=occurrence,
            context={
                "sme": partnership.needs.organisation.name,
                "mentor": partnership.mentor.user.get_full_name() or str(partnership.mentor.user),
                "company": partnership.mentor.company.name,
                "partnership_url": absolute_url(
                    "matching:partnership_detail",
                    pk=partnership.pk,
                    language=language_of(recipient),
                ),
            },
        )


def _active_partnership_for(user: User, partnership: Partnership) -> tuple[Partnership, str]:
    partnership = (
        Partnership.objects.select_for_update()
        .select_related("needs__organisation", "mentor__user", "mentor__company")
        .get(pk=partnership.pk)
    )
    side = partnership_side(user, partnership)
    if side is None:
        raise ApplicationError(MSG_NOT_ALLOWED)
    return partnership, side


@transaction.atomic
def partnership_set_goals(*, user: User, partnership: Partnership, goals: str) -> Partnership:
    partnership, _side = _active_partnership_for(user, partnership)
    if partnership.state != PartnershipState.ACTIVE:
        raise ApplicationError(MSG_PARTNERSHIP_ENDED)
    partnership.goals = goals
    partnership.full_clean(validate_constraints=False)
    partnership.save(update_fields=["goals"])
    return partnership


@transaction.atomic
def checkin_add(
    *, user: User, partnership: Partnership, on: date, note: str, hours: Decimal = Decimal(0)
) -> CheckIn:
    """Either side records a check-in. The same one sent twice by its author (a double click,
    the form sent again) is recorded once: the earlier row is returned."""
    partnership, side = _active_partnership_for(user, partnership)
    if partnership.state != PartnershipState.ACTIVE:
        raise ApplicationError(MSG_PARTNERSHIP_ENDED)
    if on > timezone.localdate():
        raise ApplicationError(MSG_CHECKIN_FUTURE, field="date")
    # the partnership row is locked: a concurrent copy waits here and then finds the first
    same = partnership.check_ins.filter(author=user, date=on, note=note, hours=hours).first()
    if same is not None:
        return same
    check_in = CheckIn(
        partnership=partnership, date=on, note=note, hours=hours, side=side, author=user
    )
    check_in.full_clean()
    check_in.save()
    return check_in


@transaction.atomic
def partnership_end(
    *, user: User, partnership: Partnership, completed: bool, reason: str = ""
) -> Partnership:
    """Either side (or a coordinator) ends the partnership; both are asked for feedback.

    Side effect: "partnership_completed" (with the feedback request) to both sides."""
    partnership = (
        Partnership.objects.select_for_update()
        .select_related("needs__organisation", "mentor__user", "mentor__company")
        .get(pk=partnership.pk)
    )
    if partnership_side(user, partnership) is None and not is_coordinator(user):
        raise ApplicationError(MSG_NOT_ALLOWED)
    if partnership.state != PartnershipState.ACTIVE:
        raise ApplicationError(MSG_PARTNERSHIP_ENDED)
    reason = (reason or "").strip()
    if not completed and not reason:
        raise ApplicationError(MSG_REASON_REQUIRED, field="reason")
    partnership.state = PartnershipState.COMPLETED if completed else PartnershipState.ENDED_EARLY
    partnership.ended_at = timezone.now()
    partnership.end_reason = reason
    partnership.save(update_fields=["state", "ended_at", "end_reason"])
    _notify_partnership(partnership, event="partnership_completed")
    return partnership


@transaction.atomic
def feedback_give(
    *,
    user: User,
    partnership: Partnership,
    rating: int,
    text: str = "",
    maturity: dict | None = None,
    gaps: Iterable[tuple[Skill, int, int]] | None = None,
) -> Feedback:
    """One side's feedback at the end. The SME also repeats its self-assessment (maturity and
    gaps), saved as the partnership's "end" snapshot and as its current needs."""
    partnership, side = _active_partnership_for(user, partnership)
    if partnership.state == PartnershipState.ACTIVE:
        raise ApplicationError(MSG_PARTNERSHIP_ACTIVE)
    if partnership.feedback.filter(side=side).exists():
        raise ApplicationError(MSG_FEEDBACK_GIVEN)
    feedback = Feedback(partnership=partnership, side=side, rating=rating, text=text, author=user)
    feedback.full_clean(validate_constraints=False)
    feedback.save()
    if side == Side.SME:
        needs = partnership.needs
        if maturity is not None:
            needs.maturity = maturity
            needs.save(update_fields=["maturity", "updated_at"])
        if gaps is not None:
            needs.gaps.all().delete()
            SkillGap.objects.bulk_create(
                SkillGap(needs=needs, skill=skill, importance=importance, target_level=target)
                for skill, importance, target in gaps
            )
        SelfAssessment.objects.create(
            needs=needs, partnership=partnership, moment="end", **_snapshot(needs)
        )
    return feedback
