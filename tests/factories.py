import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from accounts.enums import MembershipRole, OrganisationKind, SizeBand
from accounts.models import Invitation, Membership, Organisation, User

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    """A person with a verified primary email address, able to log in with PASSWORD."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.eu")
    full_name = factory.Faker("name")
    language = "en"
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            for name in extracted:
                self.groups.add(Group.objects.get(name=name))


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = OrganisationKind.SME
    country = "BE"
    sector = "C"
    size_band = SizeBand.SMALL
    website = ""


class CompanyFactory(OrganisationFactory):
    kind = OrganisationKind.LARGE_COMPANY
    size_band = SizeBand.LARGE
    sector = "J"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = MembershipRole.MEMBER


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"invitee{n}@example.eu")
    role = MembershipRole.MEMBER
    invited_by = factory.SubFactory(UserFactory)
