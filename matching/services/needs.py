"""An SME's needs profile: its gaps, languages, mode and excluded companies, and the snapshot of
its self-assessment that a partnership keeps at its start and end."""

from collections.abc import Iterable

from django.db import transaction

from accounts.enums import OrganisationKind
from accounts.models import Organisation, User
from accounts.services import organisation_lock_as
from skillup.errors import ApplicationError

from ..models import NeedsProfile, Skill, SkillGap
from ..permissions import is_sme_member
from .errors import MSG_NOT_ALLOWED, MSG_NOT_AN_SME


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
    organisation_lock_as(organisation, OrganisationKind.SME, MSG_NOT_AN_SME)
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


def needs_snapshot(needs: NeedsProfile) -> dict:
    return {
        "maturity": dict(needs.maturity or {}),
        "gaps": [
            {"skill": g.skill_id, "importance": g.importance, "target": g.target_level}
            for g in needs.gaps.order_by("skill_id")
        ],
    }
