"""Hostile and careless input on the pledge, invitation and mentor profile forms: a clear message
on the right field, no 500, nothing saved; text stored as typed and rendered escaped."""

import html
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from matching.models import Skill
from tests.factories import MembershipFactory, MentorProfileFactory, PledgeFactory
from volunteers.commitments import COMMITMENTS
from volunteers.enums import MentorState
from volunteers.models import BIO_MAX, DESCRIPTION_MAX, MentorInvitation, MentorProfile, Pledge

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
UNICODE = "Zusammenarbeit über Grenzen – ĄČĘ ΕΛΛΑΔΑ 日本 🚀"


def pledge_data(**changes) -> dict:
    today = timezone.localdate()
    data = {
        "description": "We mentor SMEs in cloud and data skills.",
        "pillar": "labour_force",
        "scope": "european",
        "expertise": [str(Skill.objects.selectable().order_by("pk").first().pk)],
        "countries": ["BE"],
        "languages": ["en"],
        "target_smes": "10",
        "target_mentors": "5",
        "target_hours": "200",
        "starts_on": today.isoformat(),
        "ends_on": (today + timedelta(days=365)).isoformat(),
        "action": "save",
        **{name: "on" for name, _text in COMMITMENTS},
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def field_errors(response, name: str) -> str:
    """The error messages shown under a field, joined (empty if none)."""
    body = response.content.decode()
    assert f'id="div_id_{name}"' in body, name
    pattern = rf'id="error_\d+_id_{name}"><strong>(.*?)</strong>'
    return " ".join(html.unescape(m) for m in re.findall(pattern, body, flags=re.S))


# --------------------------------------------------------------------------------------------
# Pledge form
# --------------------------------------------------------------------------------------------
PLEDGE_CASES = {
    "empty-description": ({"description": ""}, "description", "This field is required."),
    "description-too-long": (
        {"description": "x" * (DESCRIPTION_MAX + 1)},
        "description",
        f"at most {DESCRIPTION_MAX} characters",
    ),
    "no-pillar": ({"pillar": ""}, "pillar", "Choose the Coalition pillar your pledge serves."),
    "no-scope": ({"scope": ""}, "scope", "Choose the geographical scope of your pledge."),
    "unknown-pillar": ({"pillar": "space"}, "pillar", "Select a valid choice."),
    "unknown-country": ({"countries": ["US"]}, "countries", "Select a valid choice."),
    "unknown-language": ({"languages": ["xx"]}, "languages", "Select a valid choice."),
    "unknown-skill": ({"expertise": ["999999"]}, "expertise", "Select a valid choice."),
    "skill-not-a-number": ({"expertise": ["abc"]}, "expertise", "Select a valid choice."),
    "negative-smes": ({"target_smes": "-1"}, "target_smes", "zero or a positive whole number"),
    "negative-hours": ({"target_hours": "-5"}, "target_hours", "zero or a positive whole number"),
    "huge-target": ({"target_mentors": "100001"}, "target_mentors", "less than or equal to"),
    "target-not-a-number": ({"target_smes": "ten"}, "target_smes", "Enter a whole number."),
    "no-start": ({"starts_on": ""}, "starts_on", "This field is required."),
    "bad-date": ({"ends_on": "2026-02-30"}, "ends_on", "Enter a valid date."),
    "end-before-start": (
        {"starts_on": "2026-06-01", "ends_on": "2026-05-31"},
        "ends_on",
        "The end date cannot be before the start date.",
    ),
    **{
        f"missing-{name}": ({name: None}, name, "Confirm this commitment to pledge.")
        for name, _text in COMMITMENTS
    },
}


@pytest.mark.parametrize("action", ["save", "send"])
@pytest.mark.parametrize(
    ("changes", "field", "message"), PLEDGE_CASES.values(), ids=PLEDGE_CASES.keys()
)
def test_pledge_bad_input_shows_the_error_and_saves_nothing(
    world, client_for, changes, field, message, action
):
    response = client_for("company_admin").post(
        reverse("volunteers:pledge_create", kwargs={"pk": world.company.pk}),
        pledge_data(action=action, **changes),
    )

    assert response.status_code == 200
    assert message in field_errors(response, field)
    assert not Pledge.objects.exists()


def test_pledge_empty_post_marks_every_required_field(world, client_for):
    response = client_for("company_admin").post(
        reverse("volunteers:pledge_create", kwargs={"pk": world.company.pk}), {}
    )

    required = ["description", "pillar", "scope", "target_smes", "starts_on", "ends_on"]
    required += [name for name, _text in COMMITMENTS]
    assert [name for name in required if not field_errors(response, name)] == []
    assert not Pledge.objects.exists()


PILLAR_SCOPE_RADIO = re.compile(r'<input type="radio"[^>]*name="(?:pillar|scope)"[^>]*>')


def test_pledge_form_preselects_no_pillar_nor_scope(world, client_for):
    response = client_for("company_admin").get(
        reverse("volunteers:pledge_create", kwargs={"pk": world.company.pk})
    )

    radios = re.findall(
        r'<input type="radio"[^>]*name="(?:pillar|scope)"[^>]*>', response.content.decode()
    )
    assert len(radios) == 8  # four pillars, four scopes: every choice shown
    assert [radio for radio in radios if "checked" in radio] == []


def test_pledge_edit_form_shows_the_pillar_and_scope_chosen(world, client_for):
    PledgeFactory(company=world.company, pillar="education", scope="national")

    response = client_for("company_admin").get(
        reverse("volunteers:pledge_update", kwargs={"pk": world.company.pk})
    )

    radios = re.findall(
        r'<input type="radio"[^>]*name="(?:pillar|scope)"[^>]*>', response.content.decode()
    )
    assert [
        re.search(r'value="(\w+)"', radio).group(1) for radio in radios if "checked" in radio
    ] == [
        "education",
        "national",
    ]


def test_pledge_bad_edit_leaves_the_draft_as_it_was(world, client_for):
    pledge = PledgeFactory(company=world.company, description="Kept")

    response = client_for("company_admin").post(
        reverse("volunteers:pledge_update", kwargs={"pk": world.company.pk}),
        pledge_data(description="Changed", target_smes="-1"),
    )

    pledge.refresh_from_db()
    assert response.status_code == 200
    assert (pledge.description, pledge.target_smes) == ("Kept", 10)


def test_pledge_text_is_stored_as_typed_and_rendered_escaped(world, client_for):
    client = client_for("company_admin")
    text = f"{UNICODE} {SCRIPT}"

    client.post(
        reverse("volunteers:pledge_create", kwargs={"pk": world.company.pk}),
        pledge_data(description=text),
    )
    page = client.get(reverse("volunteers:company_pledge", kwargs={"pk": world.company.pk}))
    form = client.get(reverse("volunteers:pledge_update", kwargs={"pk": world.company.pk}))

    assert Pledge.objects.get().description == text
    for response in (page, form):
        body = response.content.decode()
        assert UNICODE in body
        assert SCRIPT not in body
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


@pytest.mark.parametrize("action", ["save", "send"])
def test_pledge_double_submit_of_create_makes_one_pledge(world, client_for, action):
    client = client_for("company_admin")
    create = reverse("volunteers:pledge_create", kwargs={"pk": world.company.pk})

    first = client.post(create, pledge_data(action=action))
    second = client.post(create, pledge_data(action=action), follow=True)

    assert first.status_code == 302
    assert second.status_code == 200
    assert "already has a pledge under way" in second.content.decode()
    assert Pledge.objects.count() == 1


def test_pledge_second_create_racing_past_the_view_gets_the_services_message(
    world, client_for, monkeypatch
):
    """The view's early check passed (as in two requests at once); the service refuses."""
    from volunteers import selectors

    PledgeFactory(company=world.company)
    monkeypatch.setattr(selectors, "pledge_for_company", lambda company: None)

    response = client_for("company_admin").post(
        reverse("volunteers:pledge_create", kwargs={"pk": world.company.pk}),
        pledge_data(),
        follow=True,
    )

    assert response.status_code == 200
    assert "already has a pledge under way" in response.content.decode()
    assert Pledge.objects.count() == 1


# --------------------------------------------------------------------------------------------
# Mentor invitation
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", "This field is required."),
        ("not-an-email", "Enter a valid email address."),
        (f"{'a' * 250}@example.eu", "at most 254 characters"),
        (f"{SCRIPT}@example.eu", "Enter a valid email address."),
    ],
    ids=["empty", "not-an-email", "too-long", "script"],
)
def test_invite_bad_email_is_refused(world, client_for, email, message):
    response = client_for("company_admin").post(
        reverse("volunteers:mentor_invite", kwargs={"pk": world.company.pk}), {"email": email}
    )

    assert response.status_code == 200
    assert message in field_errors(response, "email")
    assert SCRIPT not in response.content.decode()
    assert not MentorInvitation.objects.exists()


# --------------------------------------------------------------------------------------------
# Mentor profile
# --------------------------------------------------------------------------------------------
@pytest.fixture
def newcomer(world):
    user = MembershipFactory(organisation=world.company, role="member").user
    return MentorProfileFactory(user=user, company=world.company, bio="", languages=[])


@pytest.fixture
def newcomer_client(newcomer) -> Client:
    client = Client()
    client.force_login(newcomer.user)
    return client


def profile_data(**changes) -> dict:
    skill = Skill.objects.selectable().order_by("pk").first()
    data = {
        "bio": "Data engineer.",
        "languages": ["en"],
        "countries": ["BE"],
        "sectors": ["J"],
        "capacity": "2",
        "availability": "active",
        f"skill_{skill.pk}": "3",
        "accept_agreement": "on",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def _first_skill_field() -> str:
    return f"skill_{Skill.objects.selectable().order_by('pk').first().pk}"


PROFILE_CASES = {
    "bio-too-long": ({"bio": "x" * (BIO_MAX + 1)}, "bio", f"at most {BIO_MAX} characters"),
    "capacity-0": ({"capacity": "0"}, "capacity", "Enter a number from 1 to 10."),
    "capacity-11": ({"capacity": "11"}, "capacity", "Enter a number from 1 to 10."),
    "capacity-empty": ({"capacity": ""}, "capacity", "This field is required."),
    "unknown-availability": ({"availability": "busy"}, "availability", "Select a valid choice."),
    "paused-without-date": (
        {"availability": "paused", "paused_until": ""},
        "paused_until",
        "Say until when you pause",
    ),
    "paused-until-today": (
        {"availability": "paused", "paused_until": "TODAY"},
        "paused_until",
        "must be a date in the future",
    ),
    "unknown-language": ({"languages": ["xx"]}, "languages", "Select a valid choice."),
    "unknown-sector": ({"sectors": ["Z"]}, "sectors", "Select a valid choice."),
    "unknown-country": ({"countries": ["US"]}, "countries", "Select a valid choice."),
    "level-9": ({"SKILL": "9"}, "SKILL", "Select a valid choice."),
    "level-0": ({"SKILL": "0"}, "SKILL", "Select a valid choice."),
    "level-text": ({"SKILL": "expert"}, "SKILL", "Select a valid choice."),
    "agreement-missing": (
        {"accept_agreement": None},
        "accept_agreement",
        "Accept the confidentiality agreement to mentor SMEs.",
    ),
}


@pytest.mark.parametrize(
    ("changes", "field", "message"), PROFILE_CASES.values(), ids=PROFILE_CASES.keys()
)
def test_profile_bad_input_shows_the_error_and_saves_nothing(
    world, newcomer, newcomer_client, changes, field, message
):
    skill_field = _first_skill_field()
    changes = {skill_field if k == "SKILL" else k: v for k, v in changes.items()}
    if changes.get("paused_until") == "TODAY":
        changes["paused_until"] = timezone.localdate().isoformat()
    field = skill_field if field == "SKILL" else field

    response = newcomer_client.post(reverse("volunteers:mentor_profile"), profile_data(**changes))

    newcomer.refresh_from_db()
    assert response.status_code == 200
    assert message in field_errors(response, field)
    assert (newcomer.bio, newcomer.state, newcomer.skills.count()) == (
        "",
        MentorState.INCOMPLETE,
        0,
    )


def test_profile_unknown_skill_id_in_post_is_ignored(world, newcomer, newcomer_client):
    response = newcomer_client.post(
        reverse("volunteers:mentor_profile"), profile_data(skill_999999="3", skill_abc="2")
    )

    newcomer.refresh_from_db()
    assert response.status_code == 302
    assert list(newcomer.skills.values_list("skill", "level")) == [
        (Skill.objects.selectable().order_by("pk").first().pk, 3)
    ]


def test_profile_area_id_posted_as_a_skill_is_ignored(world, newcomer, newcomer_client):
    area = Skill.objects.filter(is_area=True).first()

    newcomer_client.post(
        reverse("volunteers:mentor_profile"), profile_data(**{f"skill_{area.pk}": "4"})
    )

    assert not newcomer.skills.filter(skill=area).exists()


def test_profile_paused_with_a_future_date_is_saved(world, newcomer, newcomer_client):
    until = timezone.localdate() + timedelta(days=30)

    response = newcomer_client.post(
        reverse("volunteers:mentor_profile"),
        profile_data(availability="paused", paused_until=until.isoformat()),
    )

    newcomer.refresh_from_db()
    assert response.status_code == 302
    assert (newcomer.availability, newcomer.paused_until) == ("paused", until)


def test_profile_active_drops_a_posted_pause_date(world, newcomer, newcomer_client):
    newcomer_client.post(
        reverse("volunteers:mentor_profile"),
        profile_data(availability="active", paused_until="2030-01-01"),
    )

    newcomer.refresh_from_db()
    assert (newcomer.availability, newcomer.paused_until) == ("active", None)


def test_profile_empty_post_saves_nothing(world, newcomer, newcomer_client):
    response = newcomer_client.post(reverse("volunteers:mentor_profile"), {})

    newcomer.refresh_from_db()
    assert response.status_code == 200
    assert field_errors(response, "capacity")
    assert field_errors(response, "availability")
    assert field_errors(response, "accept_agreement")
    assert newcomer.state == MentorState.INCOMPLETE


def test_profile_text_is_stored_as_typed_and_rendered_escaped(
    world, client_for, newcomer, newcomer_client
):
    text = f"{UNICODE} {SCRIPT}"

    newcomer_client.post(reverse("volunteers:mentor_profile"), profile_data(bio=text))
    pages = [
        newcomer_client.get(reverse("volunteers:mentor_profile")),
        client_for("company_admin").get(
            reverse("volunteers:mentor_detail", kwargs={"pk": newcomer.pk})
        ),
    ]

    assert MentorProfile.objects.get(pk=newcomer.pk).bio == text
    for response in pages:
        body = response.content.decode()
        assert UNICODE in body
        assert SCRIPT not in body
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
