"""Who is in each group a coordinator can write to: who is in, who is out, each person once."""

import pytest
from django.utils import timezone

from accounts.enums import MembershipRole
from matching.models import NeedsProfile
from notifications.models import Preference
from outreach.enums import Segment
from outreach.selectors import segment_recipients, turned_news_off
from practices.enums import PracticeState
from tests.factories import (
    CallFactory,
    CompanyFactory,
    MembershipFactory,
    MentorProfileFactory,
    OrganisationFactory,
    PledgeFactory,
    PracticeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _admin_of(organisation, **user):
    fields = {f"user__{name}": value for name, value in user.items()}
    return MembershipFactory(organisation=organisation, role=MembershipRole.ADMIN, **fields).user


def _member_of(organisation):
    return MembershipFactory(organisation=organisation, role=MembershipRole.MEMBER).user


def _emails(segment, call=None) -> list[str]:
    return list(segment_recipients(segment=segment, call=call).values_list("email", flat=True))


def _sme_with_practice(call, state, **practice):
    sme = OrganisationFactory()
    admin = _admin_of(sme)
    PracticeFactory(call=call, organisation=sme, state=state, **practice)
    return admin


# --------------------------------------------------------------------------------------------
# The SMEs of a call
# --------------------------------------------------------------------------------------------
def test_selected_smes_are_the_people_of_selected_published_or_taken_down_practices_of_the_call():
    call, other_call = CallFactory(), CallFactory()
    sme = OrganisationFactory(name="Atelier Selected")
    admin = _admin_of(sme)
    author = _member_of(sme)  # wrote the practice: hears about it
    _member_of(sme)  # a member who did not write it: the SME's admins speak for it
    _admin_of(sme, is_active=False)  # switched off by staff
    PracticeFactory(call=call, organisation=sme, state="selected", created_by=author)
    published = _sme_with_practice(call, "published")
    taken_down = _sme_with_practice(call, "taken_down")  # its consent withdrawn, still selected
    shortlisted = _sme_with_practice(call, "shortlisted")
    # a decision recorded, not yet announced: the SME does not know it was selected
    recorded = _sme_with_practice(call, "shortlisted", pending_decision="selected")
    elsewhere = _sme_with_practice(other_call, "selected")

    emails = _emails(Segment.SELECTED, call)

    assert sorted(emails) == sorted([admin.email, author.email, published.email, taken_down.email])
    assert not {shortlisted.email, recorded.email, elsewhere.email} & set(emails)


def test_an_author_who_left_the_sme_is_not_written_to():
    call = CallFactory()
    sme = OrganisationFactory()
    admin = _admin_of(sme)
    gone = UserFactory()  # wrote the practice, then left: no membership any more
    PracticeFactory(call=call, organisation=sme, state="selected", created_by=gone)

    assert _emails(Segment.SELECTED, call) == [admin.email]


def test_a_person_of_several_selected_smes_is_written_to_once():
    call = CallFactory()
    first, second = OrganisationFactory(), OrganisationFactory()
    both = _admin_of(first)
    MembershipFactory(organisation=second, user=both, role=MembershipRole.ADMIN)
    PracticeFactory(call=call, organisation=first, state="selected", created_by=both)
    PracticeFactory(call=call, organisation=first, state="published", created_by=both)
    PracticeFactory(call=call, organisation=second, state="selected")

    assert _emails(Segment.SELECTED, call) == [both.email]


SUBMITTED_OR_NOT = [
    (PracticeState.DRAFT, False),
    (PracticeState.WITHDRAWN, False),
    (PracticeState.SUBMITTED, True),
    (PracticeState.IN_REVIEW, True),
    (PracticeState.SHORTLISTED, True),
    (PracticeState.DETAIL_REQUESTED, True),
    (PracticeState.DETAIL_RECEIVED, True),
    (PracticeState.SELECTED, True),
    (PracticeState.PUBLISHED, True),
    (PracticeState.DECLINED, True),
]


@pytest.mark.parametrize(
    ("state", "included"),
    SUBMITTED_OR_NOT,
    ids=[f"{state}-{'in' if included else 'out'}" for state, included in SUBMITTED_OR_NOT],
)
def test_smes_that_submitted_are_those_past_draft_and_not_withdrawn(state, included):
    call = CallFactory()
    admin = _sme_with_practice(call, state)
    _sme_with_practice(CallFactory(), "submitted")  # another call's

    assert _emails(Segment.SUBMITTED, call) == ([admin.email] if included else [])


def test_a_call_group_without_a_call_is_nobody():
    _sme_with_practice(CallFactory(), "selected")

    assert _emails(Segment.SELECTED, None) == []


# --------------------------------------------------------------------------------------------
# Companies, mentors, SMEs looking for a mentor
# --------------------------------------------------------------------------------------------
PLEDGE_STATES = [
    ("draft", False),
    ("pending", False),
    ("approved", True),
    ("rejected", False),
    ("completed", False),
    ("withdrawn", False),
]


@pytest.mark.parametrize(("state", "included"), PLEDGE_STATES, ids=[s for s, _i in PLEDGE_STATES])
def test_pledging_companies_are_the_admins_of_companies_with_an_approved_pledge(state, included):
    company = CompanyFactory()
    admin = _admin_of(company)
    _member_of(company)  # not an admin: the company's admins speak for it
    PledgeFactory(company=company, state=state)

    assert _emails(Segment.PLEDGING) == ([admin.email] if included else [])


MENTOR_STATES = [("incomplete", False), ("pending", False), ("approved", True), ("rejected", False)]


@pytest.mark.parametrize(("state", "included"), MENTOR_STATES, ids=[s for s, _i in MENTOR_STATES])
def test_approved_mentors_are_the_mentors_themselves(state, included):
    company = CompanyFactory()
    _admin_of(company)  # their employer's admin is not a mentor
    mentor = MentorProfileFactory(company=company, state=state)

    assert _emails(Segment.MENTORS) == ([mentor.user.email] if included else [])


NEEDS_STATES = [("draft", False), ("active", True), ("paused", False), ("closed", False)]


@pytest.mark.parametrize(("status", "included"), NEEDS_STATES, ids=[s for s, _i in NEEDS_STATES])
def test_smes_looking_for_a_mentor_are_the_admins_of_smes_with_active_needs(status, included):
    sme = OrganisationFactory()
    admin = _admin_of(sme)
    _member_of(sme)
    NeedsProfile.objects.create(organisation=sme, status=status)

    assert _emails(Segment.NEEDS) == ([admin.email] if included else [])


# --------------------------------------------------------------------------------------------
# Accounts that cannot receive email
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "account",
    [{"is_active": False}, {"is_active": False, "erased_at": timezone.now}],
    ids=["inactive", "erased"],
)
def test_inactive_and_erased_accounts_are_in_no_group(account):
    account = {k: v() if callable(v) else v for k, v in account.items()}
    mentor = MentorProfileFactory(state="approved", user__is_active=True)
    gone = MentorProfileFactory(state="approved", **{f"user__{k}": v for k, v in account.items()})
    company = CompanyFactory()
    _admin_of(company, **account)
    PledgeFactory(company=company, state="approved")

    assert _emails(Segment.MENTORS) == [mentor.user.email]
    assert gone.user.email not in _emails(Segment.MENTORS)
    assert _emails(Segment.PLEDGING) == []


def test_turned_news_off_names_only_those_who_turned_programme_news_off():
    _on, off, reminders_off = (MentorProfileFactory(state="approved") for _ in range(3))
    Preference.objects.create(email=off.user.email, programme_news=False)
    Preference.objects.create(email=reminders_off.user.email, reminders=False)

    people = segment_recipients(segment=Segment.MENTORS)

    assert list(turned_news_off(people)) == [off.user]
    assert people.count() == 3


@pytest.mark.parametrize("segment", list(Segment), ids=list(Segment.values))
def test_each_group_is_one_query(segment, django_assert_num_queries):
    call = CallFactory()
    for _ in range(3):
        _sme_with_practice(call, "selected")

    with django_assert_num_queries(1):
        list(segment_recipients(segment=segment, call=call))
