"""Property-based fuzzing of the portal's forms (S-33, S-34, R-18).

Public forms (the practice contact form, allauth's sign-up, log-in and password reset) and the
pages reached by a token, a slug or an id (invitations, unsubscribe links, reset and
confirmation keys) are posted hostile input by an anonymous visitor. The forms behind a log-in
that write most of the data are fuzzed as the person who may use them: the SME's practice
(create and edit) and needs, the company admin's pledge and mentor invitation, the mentor's
profile, and an organisation and its invitation.

Properties, for every example:
- the answer is never a server error;
- when the form itself rejects the input (the same form class the view uses, built the same
  way, is the oracle), nothing is saved and the page does not redirect as if it had;
- a script sent in any field never comes back unescaped.
"""

from urllib.parse import quote

import pytest
from allauth.account.models import EmailAddress
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils.datastructures import MultiValueDict
from hypothesis import event, example, given
from hypothesis import strategies as st

from accounts.enums import MembershipRole, NaceSection, OrganisationKind, SizeBand
from accounts.forms import InvitationForm, OrganisationForm
from accounts.models import Consent, Invitation, Membership, Organisation, User
from matching.enums import MaturityDimension, MentoringMode, NeedsStatus
from matching.forms import NeedsForm
from matching.models import NeedsProfile, SkillGap
from notifications.enums import EventKind
from notifications.forms import PreferenceForm
from notifications.models import Notification, Preference
from notifications.services import unsubscribe_token
from practices.enums import Audience
from practices.forms import PracticeForm, WithdrawForm
from practices.models import (
    ContactMessage,
    Practice,
    PracticeRevision,
    PracticeTransition,
    TrainingTool,
)
from practices.public_forms import ContactForm
from tests.factories import (
    PASSWORD,
    CallFactory,
    InvitationFactory,
    MentorInvitationFactory,
    MentorProfileFactory,
    PledgeFactory,
    PracticeFactory,
    PublishedPracticeFactory,
    UserFactory,
)
from tests.fuzz.strategies import (
    XSS_PAYLOADS,
    assert_escaped,
    assert_no_server_error,
    form_input,
    fresh_example,
    fuzz_settings,
    has_nul,
    hostile_text,
    is_saved,
    path_token,
    random_id,
    snapshot,
)
from volunteers.commitments import COMMITMENTS
from volunteers.enums import Availability, CoalitionPillar, GeographicalScope, Language, PledgeState
from volunteers.forms import MentorInvitationForm, MentorProfileForm, PledgeForm, PledgeMoveForm
from volunteers.models import (
    ConfidentialityAgreement,
    MentorInvitation,
    MentorProfile,
    MentorSkill,
    Pledge,
    PledgeTransition,
)

pytestmark = pytest.mark.django_db

# --------------------------------------------------------------------------------------------
# Plausible values (to get past the form to the service behind it)
# --------------------------------------------------------------------------------------------
person_name = st.sampled_from(["Ann Example", "Zoë Łukasiewicz", "O'Brien", "李小龍"])
email = st.one_of(
    st.sampled_from(["ann@example.eu", "ZOE@Example.EU", "new.person@example.eu"]),
    st.emails().filter(lambda e: len(e) <= 254),
)
prose = st.one_of(
    st.sampled_from(["Hello, we would like to learn more.", "Une pratique très utile !"]),
    st.text(min_size=1, max_size=300),
)
ticked = st.sampled_from(["on", "1", "true", "", "off", "false"])
small_int = st.integers(min_value=-5, max_value=1_000_001).map(str)
known_pk = st.integers(min_value=1, max_value=400).map(str)
a_date = st.one_of(
    st.dates().map(lambda d: d.isoformat()), st.sampled_from(["2030-01-01", "2020-02-29"])
)
COUNTRY = st.sampled_from(["BE", "FR", "DE", "PL", "NO", "US", "XX"])
LANGUAGE = st.sampled_from(Language.values)


def values_of(data: dict) -> MultiValueDict:
    """The POST as the view's request.POST sees it (repeated keys kept)."""
    return MultiValueDict(
        {key: value if isinstance(value, list) else [value] for key, value in data.items()}
    )


def check_post(
    client, url: str, data: dict, *, form_valid: bool, watched, text_fields=(), silent=False
):
    """POST, then the three properties; returns the response. `silent`: the form accepts the
    input but the page only pretends to act on it (a robot caught by a honeypot)."""
    if has_nul(data, text_fields):
        assert not form_valid, "the oracle let a NUL through"
    event("form valid" if form_valid else "form invalid")
    before = snapshot(*watched)

    response = client.post(url, data)

    assert_no_server_error(response)
    if not form_valid:
        assert not is_saved(response), response.status_code
    if not form_valid or silent:
        assert snapshot(*watched) == before
    assert_escaped(response, data)
    return response


# --------------------------------------------------------------------------------------------
# Public: the contact form of a published practice
# --------------------------------------------------------------------------------------------
@pytest.fixture
def published(db) -> Practice:
    return PublishedPracticeFactory()


CONTACT_FIELDS = {
    "name": person_name,
    "email": email,
    "message": prose,
    "homepage": st.sampled_from(["", "http://spam.example"]),
}
VALID_CONTACT = {"name": "Ann Example", "email": "ann@example.eu", "message": "Hello!"}


@fuzz_settings(max_examples=40)
@given(data=form_input(CONTACT_FIELDS, VALID_CONTACT))
@example(data={"name": "Ann", "email": "ann@example.eu", "message": "Hi\x00there"})
@example(data={"name": "Ann\x00", "email": "ann@example.eu", "message": "Hi"})
@example(data={"name": XSS_PAYLOADS[0], "email": "ann@example.eu", "message": XSS_PAYLOADS[1]})
@example(data={"name": "Ann", "email": "ann@example.eu", "message": "m" * 20_000})
@example(data={"name": "Ann", "email": "ann@example.eu", "message": "m" * 3_000_000})  # 3 MB
@example(data={"name": "Ann", "email": "ann@example.eu", "message": "Hi", "homepage": "\x00"})
def test_contact_form_never_fails_and_saves_only_what_it_accepts(published, data):
    url = f"/en/practices/{published.slug}/contact/"
    with fresh_example():
        form = ContactForm(values_of(data))
        form_valid = form.is_valid()

        check_post(
            Client(),
            url,
            data,
            form_valid=form_valid,
            # the honeypot: a robot is answered like a person, and nothing is sent
            silent=form_valid and form.is_robot,
            watched=(ContactMessage, Notification),
            text_fields=CONTACT_FIELDS,
        )


# --------------------------------------------------------------------------------------------
# Public: allauth's sign-up, log-in and password reset
# --------------------------------------------------------------------------------------------
SIGNUP_FIELDS = {
    "email": email,
    "full_name": person_name,
    "password1": st.just("a perfectly long passphrase"),
    "password2": st.just("a perfectly long passphrase"),
    "accept_terms": ticked,
}
VALID_SIGNUP = {
    "email": "new.person@example.eu",
    "full_name": "New Person",
    "password1": "a perfectly long passphrase",
    "password2": "a perfectly long passphrase",
    "accept_terms": "on",
}
ACCOUNT_TABLES = (User, EmailAddress, Notification, Membership, Consent)


@pytest.fixture
def fuzz_user(db) -> User:
    return UserFactory(email="fuzz@example.eu")


@fuzz_settings(max_examples=30)
@given(data=form_input(SIGNUP_FIELDS, VALID_SIGNUP))
@example(
    data={
        "email": "ann@example.eu",
        "full_name": "Ann\x00",
        "password1": "a perfectly long passphrase",
        "password2": "a perfectly long passphrase",
    }
)
@example(
    data={
        "email": "ann\x00@example.eu",
        "full_name": "Ann",
        "password1": "a perfectly long passphrase\x00",
        "password2": "a perfectly long passphrase\x00",
    }
)
def test_signup_never_fails_and_creates_nobody_from_invalid_input(db, data):
    with fresh_example():
        before = snapshot(*ACCOUNT_TABLES)

        response = Client().post("/en/accounts/signup/", data)

        assert_no_server_error(response)
        if not is_saved(response):  # allauth redirects on success (to "confirm your address")
            assert snapshot(*ACCOUNT_TABLES) == before
        if has_nul(data, SIGNUP_FIELDS):
            assert not is_saved(response)
        assert_escaped(response, data)


@fuzz_settings(max_examples=30)
@given(
    data=form_input(
        {
            "login": st.sampled_from(["fuzz@example.eu", "FUZZ@example.eu", "nobody@example.eu"]),
            "password": st.sampled_from([PASSWORD, "wrong password"]),
            "remember": ticked,
        },
        {"login": "fuzz@example.eu", "password": PASSWORD},
    )
)
@example(data={"login": "fuzz@example.eu\x00", "password": PASSWORD})
@example(data={"login": "fuzz@example.eu", "password": PASSWORD + "\x00"})
@example(data={"login": "fuzz@example.eu", "password": "p" * 200_000})
def test_login_never_fails_and_lets_in_only_the_right_password(fuzz_user, data):
    with fresh_example():
        client = Client()
        before = snapshot(EmailAddress, Membership)

        response = client.post("/en/accounts/login/", data)

        assert_no_server_error(response)
        assert snapshot(EmailAddress, Membership) == before
        if values_of(data).get("password") != PASSWORD:
            assert "_auth_user_id" not in client.session
        assert_escaped(response, data)


@fuzz_settings(max_examples=25)
@given(
    data=form_input(
        {"email": st.sampled_from(["fuzz@example.eu", "nobody@example.eu"])},
        {"email": "fuzz@example.eu"},
    )
)
@example(data={"email": "fuzz@example.eu\x00"})
@example(data={"email": ["fuzz@example.eu", "nobody@example.eu"]})
def test_password_reset_never_fails_and_sends_nothing_for_invalid_input(fuzz_user, data):
    with fresh_example():
        before = snapshot(User, Notification)

        response = Client().post("/en/accounts/password/reset/", data)

        assert_no_server_error(response)
        if not is_saved(response):
            assert snapshot(User, Notification) == before
        if has_nul(data, ["email"]):
            assert not is_saved(response)
        assert_escaped(response, data)


# --------------------------------------------------------------------------------------------
# Public: pages reached by a token, a slug or an id
# --------------------------------------------------------------------------------------------
TOKEN_PAGES = [
    "/en/invitations/{}/",
    "/en/mentor-invitations/{}/",
    "/en/notifications/unsubscribe/{}/",
    "/en/accounts/password/reset/key/{}/",
    "/en/accounts/confirm-email/{}/",
]
SLUG_PAGES = [
    "/en/calls/{}/",
    "/en/practices/{}/",
    "/en/practices/{}/contact/",
    "/en/pledges/{}/",
]
ID_PAGES = [
    "/en/files/practices/{}/",
    "/en/files/detail/{}/",
    "/en/submissions/{}/",
    "/en/submissions/{}/edit/",
    "/en/organisations/{}/",
    "/en/organisations/{}/needs/",
    "/en/companies/{}/pledge/",
    "/en/companies/{}/pledge/new/",
    "/en/companies/{}/mentors/invite/",
    "/en/mentors/{}/",
    "/en/mentoring/proposals/{}/",
    "/en/mentoring/partnerships/{}/",
    "/en/event-invitations/{}/",
]
TOKEN_TABLES = (Membership, Invitation, MentorProfile, MentorInvitation, Preference, EmailAddress)
slug = st.one_of(
    st.from_regex(r"\A[-a-zA-Z0-9_]{1,300}\Z"), st.sampled_from(["fuzz-call", "a" * 2000])
)


@pytest.fixture
def open_invitations(world) -> None:
    """Real invitations of both kinds, so a guessed token has rows to (not) match."""
    InvitationFactory(organisation=world.sme, email="invitee@example.eu")
    MentorInvitationFactory(company=world.company, email=world.sme_admin.email)


def _quote(segment: str) -> str:
    return quote(segment, safe="")


@fuzz_settings(max_examples=60)
@given(
    page=st.one_of(
        st.tuples(st.sampled_from(TOKEN_PAGES), path_token),
        st.tuples(st.sampled_from(SLUG_PAGES), slug),
        st.tuples(st.sampled_from(ID_PAGES), random_id.map(str)),
    ),
    method=st.sampled_from(["get", "post"]),
    logged_in=st.booleans(),
    body=st.dictionaries(st.text(max_size=10), hostile_text, max_size=3),
)
@example(page=("/en/invitations/{}/", "\x00"), method="get", logged_in=False, body={})
@example(page=("/en/mentor-invitations/{}/", "\x00"), method="post", logged_in=True, body={})
@example(page=("/en/notifications/unsubscribe/{}/", "\x00"), method="post", logged_in=False,
         body={})  # fmt: skip
@example(page=("/en/accounts/confirm-email/{}/", "\x00"), method="get", logged_in=False, body={})
@example(page=("/en/accounts/password/reset/key/{}/", "1-\x00"), method="get", logged_in=False,
         body={})  # fmt: skip
@example(page=("/en/accounts/password/reset/key/{}/", "zzzzzzzzzzzzzzzzzzzz-x"), method="get",
         logged_in=False, body={})  # fmt: skip
@example(page=("/en/submissions/{}/", str(2**63)), method="get", logged_in=True, body={})
def test_pages_by_token_slug_or_id_answer_without_error_or_change(
    world, open_invitations, page, method, logged_in, body
):
    template, segment = page
    url = template.format(_quote(segment))
    with fresh_example():
        client = Client()
        if logged_in:
            client.force_login(world.sme_admin)
        before = snapshot(*TOKEN_TABLES)

        response = getattr(client, method)(url, body) if method == "post" else client.get(url)

        assert_no_server_error(response)
        assert snapshot(*TOKEN_TABLES) == before
        assert_escaped(response, {"segment": segment})


@fuzz_settings(max_examples=25)
@given(
    position=st.integers(min_value=0, max_value=200),
    replacement=st.characters(codec="utf-8"),
    mode=st.sampled_from(["replace", "insert", "truncate", "append"]),
    method=st.sampled_from(["get", "post"]),
)
@example(position=0, replacement="\x00", mode="insert", method="post")
@example(position=5, replacement="x", mode="truncate", method="post")
def test_unsubscribe_accepts_only_the_untampered_token(db, position, replacement, mode, method):
    """A signed token changed in any way is refused (404) and turns nothing off."""
    valid = unsubscribe_token(email="ann@example.eu", kind=EventKind.REMINDER)
    at = position % len(valid)
    token = {
        "replace": valid[:at] + replacement + valid[at + 1 :],
        "insert": valid[:at] + replacement + valid[at:],
        "truncate": valid[:at],
        "append": valid + replacement,
    }[mode]
    with fresh_example():
        before = snapshot(Preference)

        response = getattr(Client(), method)(f"/en/notifications/unsubscribe/{_quote(token)}/")

        assert_no_server_error(response)
        if token != valid:
            assert response.status_code == 404
            assert snapshot(Preference) == before


# --------------------------------------------------------------------------------------------
# Logged in: the SME's practice (create and edit)
# --------------------------------------------------------------------------------------------
PRACTICE_TEXT_FIELDS = [
    "title",
    "short_description",
    "online_learning",
    "methodology",
    "other_tools",
    "keep_learning",
]
PRACTICE_FIELDS = {
    "title": prose,
    "short_description": prose,
    "online_learning": prose,
    "methodology": prose,
    "tools": known_pk,
    "other_tools": st.sampled_from(["Moodle, Teams", "A, B, C"]),
    "keep_learning": prose,
    "audience": st.sampled_from(Audience.values),
    "employees_reached": small_int,
    "since_year": st.integers(min_value=1900, max_value=2100).map(str),
    "topics": known_pk,
    "internal_confirmed": ticked,
    "publication_consent": ticked,
    "remove_attachment": ticked,
    "action": st.sampled_from(["save", "submit"]),
    "form_token": st.uuids().map(str),
}
VALID_PRACTICE = {
    "title": "Friday learning hour",
    "short_description": "One hour of online courses every Friday.",
    "online_learning": "Elements of AI in paid time.",
    "methodology": "Peer groups of four.",
    "tools": "1",
    "keep_learning": "Certificates are celebrated.",
    "audience": "both",
    "employees_reached": "12",
    "since_year": "2021",
    "topics": "2",
    "internal_confirmed": "on",
    "publication_consent": "on",
    "action": "save",
}
PRACTICE_TABLES = (
    Practice,
    PracticeTransition,
    PracticeRevision,
    TrainingTool,
    Notification,
    Consent,
)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
attachment = st.builds(
    lambda name, content: SimpleUploadedFile(name, content),
    st.sampled_from(["photo.png", "doc.pdf", "evil.php", "image.svg", "a" * 300 + ".pdf"]),
    st.one_of(st.binary(max_size=200), st.just(PNG), st.just(b"%PDF-1.4\n")),
)


@pytest.fixture
def draft(world, settings, tmp_path) -> Practice:
    settings.MEDIA_ROOT = tmp_path
    return PracticeFactory(call=CallFactory(), organisation=world.sme, title="Untouched draft")


@fuzz_settings(max_examples=30)
@given(
    data=form_input(PRACTICE_FIELDS, VALID_PRACTICE),
    file=st.one_of(st.none(), attachment),
    editing=st.booleans(),
)
@example(data={"title": "Friday\x00hour", "action": "save"}, file=None, editing=False)
@example(data={"title": "Friday hour", "methodology": "\x00", "action": "submit"}, file=None,
         editing=True)  # fmt: skip
@example(data={"title": "Friday hour", "employees_reached": "1" * 40, "since_year": "-1"},
         file=None, editing=False)  # fmt: skip
@example(data={"title": "Friday hour", "tools": ["1", "1", str(2**63)], "topics": "\x00"},
         file=None, editing=True)  # fmt: skip
@example(data={"title": "Friday hour", "state": "published", "organisation": "1"},
         file=None, editing=True)  # fmt: skip
def test_practice_form_never_fails_and_saves_only_valid_input(world, draft, data, file, editing):
    call = draft.call
    url = f"/en/submissions/{draft.pk}/edit/" if editing else f"/en/calls/{call.slug}/submit/"
    client = Client()
    client.force_login(world.sme_admin)
    with fresh_example():
        posted = dict(data)
        files = MultiValueDict()
        if file is not None:
            posted["attachment"] = file
            files = MultiValueDict({"attachment": [file]})
        if editing:
            form = PracticeForm(values_of(data), files, call=call, practice=draft)
        else:
            form = PracticeForm(
                values_of(data), files, call=call, organisations=[world.sme], with_token=True
            )
        form_valid = form.is_valid()
        if file is not None:
            file.seek(0)

        check_post(
            client,
            url,
            posted,
            form_valid=form_valid,
            watched=PRACTICE_TABLES,
            text_fields=PRACTICE_TEXT_FIELDS,
        )
        # whatever was posted, the draft stays the SME's and in an SME state
        draft.refresh_from_db()
        assert draft.organisation_id == world.sme.pk
        assert draft.state in ("draft", "submitted")


# --------------------------------------------------------------------------------------------
# Logged in: the SME's needs
# --------------------------------------------------------------------------------------------
gap_field = st.builds(
    lambda prefix, pk: f"{prefix}{pk}",
    st.sampled_from(["gap_", "target_"]),
    st.integers(min_value=1, max_value=120),
)
NEEDS_FIELDS = {
    "status": st.sampled_from(NeedsStatus.values),
    "challenge": prose,
    "languages": LANGUAGE,
    "mode": st.sampled_from(MentoringMode.values),
    "region": st.sampled_from(["Bretagne", "Île-de-France"]),
    "excluded_companies": known_pk,
    **{f"maturity_{d.value}": st.integers(-1, 6).map(str) for d in MaturityDimension},
}
VALID_NEEDS = {"status": "draft", "mode": "either", "languages": "en", "challenge": "Paper orders."}
NEEDS_TABLES = (NeedsProfile, SkillGap, Organisation)


@fuzz_settings(max_examples=15)
@given(
    data=form_input(NEEDS_FIELDS, VALID_NEEDS),
    gaps=st.dictionaries(gap_field, st.integers(-1, 6).map(str) | hostile_text, max_size=6),
)
@example(data={"status": "active", "mode": "either", "challenge": "\x00"}, gaps={})
@example(data={"status": "draft", "mode": "either", "region": "r" * 500},
         gaps={"gap_1": "3", "target_1": "\x00"})  # fmt: skip
def test_needs_form_never_fails_and_saves_only_valid_input(world, data, gaps):
    data = {**gaps, **data}
    client = Client()
    client.force_login(world.sme_admin)
    with fresh_example():
        current = NeedsProfile.objects.filter(organisation=world.sme).first()
        form_valid = NeedsForm(values_of(data), needs=current).is_valid()

        check_post(
            client,
            f"/en/organisations/{world.sme.pk}/needs/",
            data,
            form_valid=form_valid,
            watched=NEEDS_TABLES,
            text_fields=["challenge", "region"],
        )


# --------------------------------------------------------------------------------------------
# Logged in: the company admin's pledge and mentor invitation
# --------------------------------------------------------------------------------------------
PLEDGE_FIELDS = {
    "description": prose,
    "pillar": st.sampled_from(CoalitionPillar.values),
    "scope": st.sampled_from(GeographicalScope.values),
    "expertise": known_pk,
    "countries": COUNTRY,
    "languages": LANGUAGE,
    "target_smes": small_int,
    "target_mentors": small_int,
    "target_hours": small_int,
    "starts_on": a_date,
    "ends_on": a_date,
    "is_public": ticked,
    "action": st.sampled_from(["save", "send"]),
    **{name: st.just("on") for name, _text in COMMITMENTS},
}
VALID_PLEDGE = {
    "description": "We mentor SMEs in data and cloud skills.",
    "pillar": "all",
    "scope": "national",
    "countries": "BE",
    "languages": "fr",
    "target_smes": "10",
    "target_mentors": "5",
    "target_hours": "200",
    "starts_on": "2030-01-01",
    "ends_on": "2031-01-01",
    "is_public": "on",
    "action": "save",
    **{name: "on" for name, _text in COMMITMENTS},
}
PLEDGE_TABLES = (Pledge, PledgeTransition, Notification, Consent)


@fuzz_settings(max_examples=30)
@given(data=form_input(PLEDGE_FIELDS, VALID_PLEDGE))
@example(
    data={
        "description": "We mentor\x00",
        "pillar": CoalitionPillar.values[0],
        "scope": GeographicalScope.values[0],
        "target_smes": "1",
        "target_mentors": "1",
        "target_hours": "1",
        "starts_on": "2030-01-01",
        "ends_on": "2031-01-01",
        **{name: "on" for name, _text in COMMITMENTS},
    }
)
@example(data={"target_smes": "9" * 30, "starts_on": "10000-01-01", "countries": ["BE", "BE"]})
def test_pledge_form_never_fails_and_saves_only_valid_input(world, data):
    client = Client()
    client.force_login(world.company_admin)
    with fresh_example():
        form_valid = PledgeForm(values_of(data)).is_valid()

        check_post(
            client,
            f"/en/companies/{world.company.pk}/pledge/new/",
            data,
            form_valid=form_valid,
            watched=PLEDGE_TABLES,
            text_fields=["description"],
        )


@fuzz_settings(max_examples=20)
@given(data=form_input({"email": email}, {"email": "expert@example.eu"}))
@example(data={"email": "expert@example.eu\x00"})
@example(data={"email": ["a@example.eu", "b@example.eu"]})
def test_mentor_invitation_form_never_fails_and_invites_only_valid_addresses(world, data):
    client = Client()
    client.force_login(world.company_admin)
    with fresh_example():
        form_valid = MentorInvitationForm(values_of(data)).is_valid()

        check_post(
            client,
            f"/en/companies/{world.company.pk}/mentors/invite/",
            data,
            form_valid=form_valid,
            watched=(MentorInvitation, Notification),
            text_fields=["email"],
        )


# --------------------------------------------------------------------------------------------
# Logged in: the mentor's profile
# --------------------------------------------------------------------------------------------
VALID_MENTOR = {
    "bio": "Cloud architect.",
    "languages": "en",
    "countries": "BE",
    "sectors": "C",
    "capacity": "2",
    "availability": "active",
    "accept_agreement": "on",
}


@pytest.fixture
def mentor(world) -> MentorProfile:
    return MentorProfileFactory(company=world.company)


skill_field = st.integers(min_value=1, max_value=120).map(lambda pk: f"skill_{pk}")
MENTOR_FIELDS = {
    "bio": prose,
    "languages": LANGUAGE,
    "countries": COUNTRY,
    "sectors": st.sampled_from(NaceSection.values),
    "capacity": st.integers(-1, 12).map(str),
    "availability": st.sampled_from(Availability.values),
    "paused_until": a_date,
    "accept_agreement": ticked,
}


@fuzz_settings(max_examples=15)
@given(
    data=form_input(MENTOR_FIELDS, VALID_MENTOR),
    skills=st.dictionaries(skill_field, st.integers(-1, 9).map(str) | hostile_text, max_size=4),
)
@example(data={"bio": "Cloud\x00", "capacity": "2", "availability": "available"}, skills={})
@example(data={"capacity": str(2**63), "availability": "paused", "paused_until": "0001-01-01"},
         skills={"skill_1": "\x00"})  # fmt: skip
def test_mentor_profile_form_never_fails_and_saves_only_valid_input(mentor, data, skills):
    data = {**skills, **data}
    client = Client()
    client.force_login(mentor.user)
    with fresh_example():
        from volunteers.selectors import mentor_with_skills

        form = MentorProfileForm(
            values_of(data),
            mentor=mentor_with_skills(mentor.pk),
            agreement=ConfidentialityAgreement.objects.current(),
        )

        check_post(
            client,
            "/en/mentor/profile/",
            data,
            form_valid=form.is_valid(),
            watched=(MentorProfile, MentorSkill, Consent),
            text_fields=["bio"],
        )


# --------------------------------------------------------------------------------------------
# Logged in: an organisation and its invitations
# --------------------------------------------------------------------------------------------
VALID_ORGANISATION = {
    "name": "Atelier Fuzz SARL",
    "kind": "sme",
    "country": "FR",
    "sector": "C",
    "size_band": "small",
    "website": "https://atelier.example.eu",
}
ORGANISATION_FIELDS = {
    "name": st.sampled_from(["Zażółć sp. z o.o.", "Atelier Fuzz SARL"]),
    "kind": st.sampled_from(OrganisationKind.values),
    "country": COUNTRY,
    "sector": st.sampled_from(NaceSection.values),
    "size_band": st.sampled_from(SizeBand.values),
    "website": st.sampled_from(["https://example.eu", "javascript:alert(1)", "ftp://x"]),
}


@fuzz_settings(max_examples=20)
@given(data=form_input(ORGANISATION_FIELDS, VALID_ORGANISATION))
@example(
    data={
        "name": "Atelier\x00",
        "kind": "sme",
        "country": "FR",
        "sector": "C",
        "size_band": "small",
        "website": "",
    }
)
def test_organisation_form_never_fails_and_saves_only_valid_input(world, data):
    client = Client()
    client.force_login(world.outsider)
    with fresh_example():
        form_valid = OrganisationForm(values_of(data)).is_valid()

        check_post(
            client,
            "/en/organisations/new/",
            data,
            form_valid=form_valid,
            watched=(Organisation, Membership),
            text_fields=["name", "website"],
        )


@fuzz_settings(max_examples=15)
@given(
    data=form_input(
        {"email": email, "role": st.sampled_from(MembershipRole.values)},
        {"email": "colleague@example.eu", "role": "member"},
    ),
)
@example(data={"email": "colleague@example.eu\x00", "role": "member"})
@example(data={"email": "colleague@example.eu", "role": "owner"})
def test_organisation_invitation_form_never_fails_and_invites_only_valid_input(
    world, open_invitations, data
):
    client = Client()
    client.force_login(world.sme_admin)
    with fresh_example():
        form_valid = InvitationForm(values_of(data)).is_valid()

        check_post(
            client,
            f"/en/organisations/{world.sme.pk}/invite/",
            data,
            form_valid=form_valid,
            watched=(Invitation, Membership, Notification),
            text_fields=["email"],
        )


# --------------------------------------------------------------------------------------------
# Logged in: the small action forms (withdraw a practice, move a pledge, email preferences)
# --------------------------------------------------------------------------------------------
# name: (form class, fields, a valid POST, whether the page redirects even on an error)
SMALL_FORMS = {
    "withdraw": (WithdrawForm, {"comment": prose}, {"comment": "Not ready."}, False),
    "pledge_move": (
        PledgeMoveForm,
        {"target": st.sampled_from(PledgeState.values)},
        {"target": "submitted"},
        True,  # a dashboard button: errors come back as a message on the dashboard
    ),
    "preferences": (
        PreferenceForm,
        {"reminders": ticked, "digests": ticked},
        {"reminders": "on"},
        False,
    ),
}
SMALL_TABLES = (Practice, PracticeTransition, Pledge, PledgeTransition, Preference, Notification)


@pytest.fixture
def small_forms(world, draft) -> dict[str, tuple]:
    """name: (url, person) of each small form, with the objects they act on."""
    pledge = PledgeFactory(company=world.company)
    assert pledge.state == "draft"
    return {
        "withdraw": (f"/en/submissions/{draft.pk}/withdraw/", world.sme_admin),
        "pledge_move": (f"/en/companies/{world.company.pk}/pledge/move/", world.company_admin),
        "preferences": ("/en/notifications/preferences/", world.sme_admin),
    }


@fuzz_settings(max_examples=30)
@given(
    case=st.sampled_from(sorted(SMALL_FORMS)).flatmap(
        lambda name: st.tuples(
            st.just(name), form_input(SMALL_FORMS[name][1], SMALL_FORMS[name][2])
        )
    )
)
@example(case=("withdraw", {"comment": "Not ready\x00"}))
@example(case=("pledge_move", {"target": "approved"}))
@example(case=("pledge_move", {"target": "\x00"}))
@example(case=("preferences", {"reminders": ["on", "\x00"], "digests": "x" * 10_000}))
def test_small_forms_never_fail_and_save_only_valid_input(small_forms, case):
    name, data = case
    form_class, _fields, _valid, always_redirects = SMALL_FORMS[name]
    url, person = small_forms[name]
    client = Client()
    client.force_login(person)
    with fresh_example():
        form_valid = form_class(values_of(data)).is_valid()
        before = snapshot(*SMALL_TABLES)

        response = client.post(url, data)

        assert_no_server_error(response)
        if not form_valid:
            assert always_redirects or not is_saved(response)
            assert snapshot(*SMALL_TABLES) == before
        assert_escaped(response, data)
