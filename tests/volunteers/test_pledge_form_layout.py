"""The pledge form on a phone (issue #15): long lists of checkboxes folded in <details>, open
where something is ticked or wrong, so nothing chosen or wrong is hidden; it works without
JavaScript (the checkboxes are in the page, folded or not)."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from matching.models import Skill
from tests.factories import PledgeFactory
from volunteers.commitments import COMMITMENTS
from volunteers.models import Pledge

pytestmark = pytest.mark.django_db

GROUP = re.compile(
    r"<details class=\"folded-choices-group\"( open)?>\s*<summary>(.*?)</summary>(.*?)</details>",
    re.S,
)


def _groups(body: str, field: str) -> list[tuple[bool, str, list[str]]]:
    """(open, summary text, ticked values) of each folded group of a field."""
    start = body.index(f'id="div_id_{field}"')
    end = body.index("</fieldset>", body.index("</details>", start))
    found = []
    for is_open, summary, inner in GROUP.findall(body[start:end]):
        ticked = re.findall(rf'name="{field}" value="([^"]+)"[^>]*checked', inner)
        found.append(
            (bool(is_open), re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", summary)).strip(), ticked)
        )
    return found


def _url(name, world):
    return reverse(f"volunteers:{name}", kwargs={"pk": world.company.pk})


def test_new_pledge_form_folds_every_long_list(world, client_for):
    body = client_for("company_admin").get(_url("pledge_create", world)).content.decode()

    assert _groups(body, "countries") == [(False, "Choose countries (30)", [])]
    assert _groups(body, "languages") == [(False, "Choose languages (26)", [])]
    expertise = _groups(body, "expertise")
    assert len(expertise) > 1
    assert [group for group in expertise if group[0] or group[2]] == []
    # every checkbox is in the page, for browsers and readers without JavaScript
    assert body.count('name="countries"') == 30
    assert body.count('name="languages"') == 26


def test_edit_form_opens_the_groups_with_a_ticked_choice(world, client_for):
    skill = Skill.objects.selectable().order_by("pk").first()
    pledge = PledgeFactory(company=world.company, countries=["BE", "FR"], languages=[])
    pledge.expertise.set([skill])

    body = client_for("company_admin").get(_url("pledge_update", world)).content.decode()

    assert _groups(body, "countries") == [(True, "Choose countries (30) – 2 ticked", ["BE", "FR"])]
    assert _groups(body, "languages") == [(False, "Choose languages (26)", [])]
    opened = [group for group in _groups(body, "expertise") if group[0]]
    assert [(summary.endswith("– 1 ticked"), ticked) for _o, summary, ticked in opened] == [
        (True, [str(skill.pk)])
    ]


def test_a_list_with_an_error_opens_and_says_why(world, client_for):
    today = timezone.localdate().isoformat()
    data = {
        "description": "We mentor SMEs.", "pillar": "all", "scope": "european",
        "countries": ["US"], "target_smes": "1", "target_mentors": "1", "target_hours": "1",
        "starts_on": today, "ends_on": today, "action": "save",
        **{name: "on" for name, _text in COMMITMENTS},
    }  # fmt: skip

    response = client_for("company_admin").post(_url("pledge_create", world), data)

    body = response.content.decode()
    assert response.status_code == 200
    assert _groups(body, "countries") == [(True, "Choose countries (30)", [])]
    assert 'aria-describedby="id_countries_error"' in body
    assert "Select a valid choice." in body
    assert not Pledge.objects.exists()


def test_ticked_choices_in_folded_lists_are_saved(world, client_for):
    skill = Skill.objects.selectable().order_by("pk").last()
    today = timezone.localdate().isoformat()
    data = {
        "description": "We mentor SMEs.", "pillar": "all", "scope": "european",
        "countries": ["AT", "DE"], "languages": ["de"], "expertise": [str(skill.pk)],
        "target_smes": "1", "target_mentors": "1", "target_hours": "1",
        "starts_on": today, "ends_on": today, "action": "save",
        **{name: "on" for name, _text in COMMITMENTS},
    }  # fmt: skip

    client_for("company_admin").post(_url("pledge_create", world), data)

    pledge = Pledge.objects.get()
    assert ([c.code for c in pledge.countries], pledge.languages) == (["AT", "DE"], ["de"])
    assert list(pledge.expertise.all()) == [skill]
