"""One realistic portal for the security tests: every kind of object, in the states the pages
care about, and one person per role (plus the outsiders the canary test needs).

The world is built once per test module inside an outer transaction that is rolled back when the
module ends; each test runs in a savepoint of it (pytest-django's `db`), so what a GET writes
(sessions, view counters) is undone after every test and nothing leaks into other modules.
"""

from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.utils import timezone

# Unique strings put into confidential text: the canary test looks for them everywhere.
CHALLENGE_CANARY = "CANARY-7f3e91c4-challenge"
DRAFT_CANARY = "CANARY-7f3e91c4-draft"
ANSWER_CANARY = "CANARY-7f3e91c4-detail-answer"
# the published practice's answer to a question of its call kept private (issue #19)
PRIVATE_ANSWER_CANARY = "CANARY-7f3e91c4-private-answer"
PUBLIC_ANSWER = "Two afternoons a month"  # its answer to a public one: on its page

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

# The roles of the permission matrix, in the order of its columns.
MATRIX_ROLES = (
    "anonymous",
    "sme_member",
    "sme_admin",
    "company_admin",
    "mentor",
    "reviewer",
    "coordinator",
    "superuser",
)


@dataclass
class Portal:
    """Everything a URL of the portal can be filled with, and who is who."""

    people: dict = field(default_factory=dict)  # role → User (no entry: anonymous)
    objects: dict = field(default_factory=dict)  # name → model instance or value
    sessions: dict = field(default_factory=dict)  # role → session key (see _log_everyone_in)

    def __getattr__(self, name):
        try:
            return self.objects[name]
        except KeyError:
            raise AttributeError(name) from None


def build_portal(*, partnership: bool = True) -> Portal:
    """The SME "Atelier" (an admin and a member) with practices in several states and a needs
    profile whose challenge is confidential; the pledging company "Big Digital" (an admin and an
    approved mentor); another SME, another company with its own mentor, staff and a superuser.

    `partnership`: Atelier and the mentor are partners (both accepted the proposal); otherwise
    the proposal has just been released and awaits both answers.
    """
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from accounts.enums import ConsentKind, MembershipRole
    from accounts.models import Consent
    from accounts.roles import COORDINATORS, REVIEWERS
    from matching import services as matching_services
    from matching.models import Framework, MatchRun, ScoringSettings
    from notifications.models import Notification, Preference
    from practices import services as practice_services
    from practices.models import (
        Answer,
        CallQuestion,
        ContactMessage,
        DeadlineExtension,
        EventInvitation,
        Topic,
    )
    from tests.factories import (
        CallFactory,
        CompanyFactory,
        EventFactory,
        InvitationFactory,
        MembershipFactory,
        MentorInvitationFactory,
        MentorProfileFactory,
        MentorSkillFactory,
        OrganisationFactory,
        PledgeFactory,
        PracticeFactory,
        PublishedPracticeFactory,
        ReviewFactory,
        UserFactory,
    )
    from tests.matching.factories import NeedsProfileFactory, SkillGapFactory, _skill
    from volunteers.models import ConfidentialityAgreement

    portal = Portal()
    people, o = portal.people, portal.objects

    # ---------------------------------------------------------------- organisations and people
    sme = OrganisationFactory(
        name="Atelier Canary SARL", country="FR", website="https://atelier.example.fr"
    )
    other_sme = OrganisationFactory(name="Other Test GmbH", country="DE")
    company = CompanyFactory(name="Big Digital SE", country="BE")
    other_company = CompanyFactory(name="Elsewhere Cloud AG", country="DE")
    people["sme_admin"] = MembershipFactory(organisation=sme, role=MembershipRole.ADMIN).user
    people["sme_member"] = MembershipFactory(organisation=sme, role=MembershipRole.MEMBER).user
    people["other_sme_admin"] = MembershipFactory(
        organisation=other_sme, role=MembershipRole.ADMIN
    ).user
    people["company_admin"] = MembershipFactory(
        organisation=company, role=MembershipRole.ADMIN
    ).user
    people["other_company_admin"] = MembershipFactory(
        organisation=other_company, role=MembershipRole.ADMIN
    ).user
    people["reviewer"] = UserFactory(is_staff=True, groups=[REVIEWERS])
    people["coordinator"] = UserFactory(is_staff=True, groups=[COORDINATORS])
    people["superuser"] = UserFactory(is_staff=True, is_superuser=True)
    people["outsider"] = UserFactory()  # logged in, member of nothing
    # staff must use two-factor authentication (accounts.mfa): theirs is set up (the factory
    # gives staff an authenticator app)
    for role in ("reviewer", "coordinator", "superuser"):
        totp = Authenticator.objects.filter(user=people[role], type=Authenticator.Type.TOTP)
        if not totp.exists():
            TOTP.activate(people[role], generate_totp_secret())
        o[f"{role}_totp"] = totp.get()
    o.update(sme=sme, other_sme=other_sme, company=company, other_company=other_company)

    # ---------------------------------------------------------------- mentors and pledges
    agreement = ConfidentialityAgreement.objects.current()
    mentor = MentorProfileFactory(
        user=MembershipFactory(organisation=company, role=MembershipRole.MEMBER).user,
        company=company,
        state="approved",
        agreement=agreement,
    )
    MentorSkillFactory(mentor=mentor, skill=_skill(0), level=4)
    other_mentor = MentorProfileFactory(
        user=MembershipFactory(organisation=other_company, role=MembershipRole.MEMBER).user,
        company=other_company,
        state="approved",
        agreement=agreement,
    )
    MentorSkillFactory(mentor=other_mentor, skill=_skill(0), level=4)
    people["mentor"] = mentor.user
    people["other_mentor"] = other_mentor.user
    pledge = PledgeFactory(
        company=company, state="approved", slug="big-digital-se-2026", is_public=True
    )
    # the other company's pledge is still a draft: not public
    draft_pledge = PledgeFactory(company=other_company, state="draft", slug="elsewhere-2026")
    o.update(
        agreement=agreement,
        mentor=mentor,
        other_mentor=other_mentor,
        pledge=pledge,
        draft_pledge=draft_pledge,
        mentor_invitation=MentorInvitationFactory(
            company=company, email="new.expert@example.eu", invited_by=people["company_admin"]
        ),
        invitation=InvitationFactory(
            organisation=sme, email="new.colleague@example.eu", invited_by=people["sme_admin"]
        ),
    )

    # ---------------------------------------------------------------- calls and practices
    call = CallFactory(slug="call-2026", title="Digital SkillUp call 2026")
    unlisted_call = CallFactory(slug="call-preview", is_listed=False)
    published = PublishedPracticeFactory(
        call=call,
        organisation=sme,
        title="Friday learning hour",
        slug="friday-learning-hour",
        attachment=SimpleUploadedFile("plan.pdf", PDF, "application/pdf"),
    )
    public_question = CallQuestion.objects.create(
        call=call, position=10, kind="short_text", label="How often?", is_public=True
    )
    private_question = CallQuestion.objects.create(
        call=call, position=11, kind="long_text", label="What did it cost?", is_public=False
    )
    Answer.objects.create(practice=published, question=public_question, value_text=PUBLIC_ANSWER)
    Answer.objects.create(
        practice=published,
        question=private_question,
        value_text=f"Four thousand euros {PRIVATE_ANSWER_CANARY}",
    )
    practice_services.practice_refresh_search(published)  # with its public answer
    draft = PracticeFactory(
        call=call,
        organisation=sme,
        title="Our next idea",
        short_description=f"Not ready yet {DRAFT_CANARY}",
        methodology=f"Secret plan {DRAFT_CANARY}",
    )
    shortlisted = PracticeFactory(
        call=call, organisation=sme, title="Mentoring circles", state="shortlisted",
        submitted_at=timezone.now(),
    )  # fmt: skip
    selected = PracticeFactory(
        call=call, organisation=sme, title="Data days", state="selected",
        submitted_at=timezone.now(),
    )  # fmt: skip
    # another SME's submission: nobody of Atelier may see it
    PracticeFactory(
        call=call, organisation=other_sme, title="Their own practice", state="submitted"
    )
    detail_request = practice_services.detail_request_create(
        user=people["reviewer"], practice=shortlisted, message="How many people took part?"
    )
    detail_request = practice_services.detail_request_answer(
        user=people["sme_member"],
        detail_request=detail_request,
        answer=f"Twelve people {ANSWER_CANARY}",
        attachment=SimpleUploadedFile("answer.pdf", PDF, "application/pdf"),
    )
    # a file the SME sent as its answer to a question of the call (#19): never public
    answer_file = Answer.objects.create(
        practice=shortlisted,
        question=CallQuestion.objects.create(
            call=call, position=12, kind="file", label="Your training plan", is_public=True
        ),
        value_file=SimpleUploadedFile("plan.pdf", PDF, "application/pdf"),
    )
    review = ReviewFactory(practice=shortlisted, reviewer=people["reviewer"])
    event = EventFactory(call=call, title="SkillUp meet-up Brussels")
    event_invitation = EventInvitation.objects.create(event=event, practice=selected)
    extension = DeadlineExtension.objects.create(
        call=call,
        organisation=sme,
        closes_at=call.closes_at + timedelta(days=7),
        granted_by=people["coordinator"],
    )
    contact = ContactMessage.objects.create(
        practice=published, name="A visitor", email="visitor@example.eu", message="Hello!"
    )
    o.update(
        call=call,
        unlisted_call=unlisted_call,
        published=published,
        draft=draft,
        shortlisted=shortlisted,
        selected=selected,
        detail_request=detail_request,
        answer_file=answer_file,
        review=review,
        event=event,
        event_invitation=event_invitation,
        extension=extension,
        contact=contact,
        topic=Topic.objects.order_by("pk").first(),
        tool=published.tools.first(),
    )

    # ---------------------------------------------------------------- matchmaking
    needs = NeedsProfileFactory(organisation=sme, challenge=f"Paper order book {CHALLENGE_CANARY}")
    SkillGapFactory(needs=needs, skill=_skill(0), importance=3, target_level=3)
    proposal = matching_services.proposal_draft_for(
        user=people["coordinator"], needs=needs, mentor=mentor
    )
    proposal = matching_services.proposal_release(user=people["coordinator"], proposal=proposal)
    if partnership:
        matching_services.proposal_answer(user=people["sme_admin"], proposal=proposal, accept=True)
        matching_services.proposal_answer(user=mentor.user, proposal=proposal, accept=True)
        proposal.refresh_from_db()
        o["partnership"] = proposal.partnership
    run = MatchRun.objects.create(started_by=people["coordinator"])
    o.update(
        needs=needs,
        proposal=proposal,
        run=run,
        scoring=ScoringSettings.load(),
        framework=Framework.objects.order_by("pk").first(),
        skill=_skill(0),
    )

    # ---------------------------------------------------------------- the rest of the admin
    from allauth.account.models import EmailAddress
    from django.contrib.auth.models import Group
    from django.contrib.sites.models import Site

    Preference.objects.create(email=people["sme_member"].email, reminders=False, digests=True)
    o.update(
        notification=Notification.objects.filter(recipient=people["sme_admin"]).first(),
        preference=Preference.objects.get(email=people["sme_member"].email),
        email_address=EmailAddress.objects.get(user=people["sme_member"]),
        membership=people["sme_member"].memberships.first(),
        group=Group.objects.get(name=REVIEWERS),
        site=Site.objects.get_current(),
        consent=Consent.objects.create(
            user=people["sme_member"], kind=ConsentKind.values[0], version="2026-01"
        ),
    )
    return portal


@pytest.fixture(scope="module")
def portal(django_db_setup, django_db_blocker):
    """The portal with an active partnership, built once for the module (rolled back after)."""
    with django_db_blocker.unblock(), transaction.atomic():
        portal = build_portal(partnership=True)
        portal.sessions = _log_everyone_in(portal)
        yield portal
        transaction.set_rollback(True)


def _log_everyone_in(portal: Portal) -> dict[str, str]:
    """role → session cookie value: one log-in per person for the whole module (a log-in per
    test would double the run time)."""
    sessions = {}
    for role, user in portal.people.items():
        client = Client()
        client.force_login(user)
        sessions[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return sessions


@pytest.fixture
def client_as(portal, db):
    """client_as("mentor") → a fresh test client logged in as that person ("anonymous": none)."""

    def make(role: str) -> Client:
        client = Client()
        if role != "anonymous":
            client.cookies[settings.SESSION_COOKIE_NAME] = portal.sessions[role]
        return client

    return make


def body_of(response) -> bytes:
    """The body, read the way a WSGI server does. A file download is streamed: reading it to
    the end lets the test client close it (calling response.close() ourselves would fire
    request_finished with close_old_connections connected, which closes the database connection
    in the middle of the module's transaction on PostgreSQL)."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def pattern_keys(resolver=None, prefix: str = "", namespace: str = ""):
    """Yield (key, route) for every URL pattern of the project, recursively: the key is
    "namespace:name" when the pattern has a name, else its full route (e.g. the admin's
    "admin/<app>/<model>/<path:object_id>/" redirects and its catch-all)."""
    from django.urls import URLPattern, URLResolver, get_resolver

    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from pattern_keys(pattern, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            route = prefix + str(pattern.pattern)
            yield (f"{namespace}{pattern.name}" if pattern.name else route), route
