import time
from datetime import timedelta

import factory
from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.enums import MembershipRole, OrganisationKind, SizeBand
from accounts.models import Invitation, Membership, Organisation, User

PASSWORD = "correct-horse-battery-staple"
# The authenticator-app secret of every staff member the factory makes (base32, 160 bits).
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_code(secret: str = TOTP_SECRET, *, offset: int = 0) -> str:
    """The code an authenticator app shows now (offset: periods later or earlier), computed
    by allauth's own HOTP function."""
    counter = int(time.time()) // mfa_settings.TOTP_PERIOD + offset
    return format_hotp_value(hotp_value(secret, counter))


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

    @factory.post_generation
    def totp(self, create, extracted, **kwargs):
        """Staff must use two-factor authentication (accounts.mfa), so a staff member comes with
        an authenticator app on TOTP_SECRET; totp=False makes one who has not set it up yet."""
        if create and extracted is not False and (self.is_staff or self.is_superuser):
            TOTP.activate(self, TOTP_SECRET)


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


# --------------------------------------------------------------------------------------------
# practices
# --------------------------------------------------------------------------------------------
class CallFactory(factory.django.DjangoModelFactory):
    """A call open now, closing in 30 days."""

    class Meta:
        model = "practices.Call"

    title = factory.Sequence(lambda n: f"Digital SkillUp call {n}")
    slug = factory.Sequence(lambda n: f"call-{n}")
    introduction = "SMEs: tell us how you upskill your staff."
    eligibility = "SMEs established in the EU or the EEA."
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))


class PracticeFactory(factory.django.DjangoModelFactory):
    """A complete draft (ready to submit). Use state=… for later states (no log rows)."""

    class Meta:
        model = "practices.Practice"
        skip_postgeneration_save = True

    call = factory.SubFactory(CallFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    created_by = None
    title = factory.Sequence(lambda n: f"Friday learning hour {n}")
    short_description = (
        "Every Friday our staff spend one hour on online courses such as Elements of AI."
    )
    online_learning = "Courses are chosen by each employee with their manager."
    methodology = "70-20-10: practice, peers, then courses."
    keep_learning = "A learning budget and a monthly show-and-tell."
    audience = "both"
    employees_reached = 12
    since_year = 2021
    internal_confirmed = True
    publication_consent = True

    @factory.post_generation
    def tools(self, create, extracted, **kwargs):
        from practices.models import TrainingTool

        if create:
            self.tools.set(
                extracted
                if extracted is not None
                else TrainingTool.objects.filter(slug="elements-of-ai")
            )


class PublishedPracticeFactory(PracticeFactory):
    state = "published"
    public_version_approved_at = factory.LazyFunction(timezone.now)
    published_at = factory.LazyFunction(timezone.now)
    submitted_at = factory.LazyFunction(timezone.now)
    slug = factory.Sequence(lambda n: f"friday-learning-hour-{n}")

    @factory.post_generation
    def searchable(self, create, extracted, **kwargs):
        from practices.services import practice_refresh_search

        if create:
            practice_refresh_search(self)


class CallQuestionFactory(factory.django.DjangoModelFactory):
    """A public, optional long-text question of a call (issue #19)."""

    class Meta:
        model = "practices.CallQuestion"

    call = factory.SubFactory(CallFactory)
    position = factory.Sequence(lambda n: n + 10)
    kind = "long_text"
    label = factory.Sequence(lambda n: f"Question {n}")
    is_public = True


class AnswerFactory(factory.django.DjangoModelFactory):
    """An answer to a question; give `value_…` for the question's kind."""

    class Meta:
        model = "practices.Answer"

    question = factory.SubFactory(CallQuestionFactory)
    practice = factory.SubFactory(PracticeFactory, call=factory.SelfAttribute("..question.call"))


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "practices.Review"

    practice = factory.SubFactory(PracticeFactory, state="in_review")
    reviewer = factory.SubFactory(UserFactory, is_staff=True)
    innovation = 4
    impact = 4
    transferability = 3
    clarity = 5
    recommendation = "select"


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "practices.Event"

    title = factory.Sequence(lambda n: f"SkillUp meet-up {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=40))
    place = "Brussels"


# --------------------------------------------------------------------------------------------
# Digital Volunteers
# --------------------------------------------------------------------------------------------
class PledgeFactory(factory.django.DjangoModelFactory):
    """A complete draft pledge of a large company (the three commitments ticked)."""

    class Meta:
        model = "volunteers.Pledge"

    company = factory.SubFactory(CompanyFactory)
    slug = factory.Sequence(lambda n: f"big-digital-pledge-{n}")
    description = "We help SMEs build data and cloud skills through mentoring."
    pillar = "labour_force"
    scope = "european"
    countries = ["BE", "FR"]
    languages = ["en", "fr"]
    target_smes = 10
    target_mentors = 5
    target_hours = 200
    starts_on = factory.LazyFunction(lambda: timezone.localdate())
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=365))
    commit_assist = True
    commit_mentor = True
    commit_confidentiality = True
    commitments_accepted_at = factory.LazyFunction(timezone.now)
    state = "draft"


class MentorInvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "volunteers.MentorInvitation"

    company = factory.SubFactory(CompanyFactory)
    email = factory.Sequence(lambda n: f"expert{n}@example.eu")


class MentorProfileFactory(factory.django.DjangoModelFactory):
    """A mentor with a bio and languages; state and agreement as the test needs them."""

    class Meta:
        model = "volunteers.MentorProfile"

    user = factory.SubFactory(UserFactory)
    company = factory.SubFactory(CompanyFactory)
    bio = "Cloud architect who trains teams in data literacy."
    languages = ["en", "fr"]
    countries = ["BE"]
    sectors = ["C", "J"]
    capacity = 2
    state = "incomplete"


class MentorSkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "volunteers.MentorSkill"

    mentor = factory.SubFactory(MentorProfileFactory)
    skill = factory.LazyFunction(lambda: _first_skill())
    level = 3


def _first_skill():
    from matching.models import Skill

    return Skill.objects.selectable().order_by("pk").first()
