import pytest

from accounts.enums import MembershipRole
from accounts.selectors import organisation_admins
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_organisation_admins_are_its_active_admins_oldest_first():
    organisation = OrganisationFactory()
    first, second = UserFactory(), UserFactory()
    MembershipFactory(organisation=organisation, user=second, role=MembershipRole.ADMIN)
    MembershipFactory(organisation=organisation, user=first, role=MembershipRole.ADMIN)
    MembershipFactory(organisation=organisation, role=MembershipRole.MEMBER)
    MembershipFactory(
        organisation=organisation, user=UserFactory(is_active=False), role=MembershipRole.ADMIN
    )
    MembershipFactory(organisation=OrganisationFactory(), role=MembershipRole.ADMIN)

    admins = list(organisation_admins(organisation))

    assert admins == [first, second]
