"""The SME's feedback shows its own gaps, in the needs page's plain words and levels, each closed
or still a gap (issue #15) — not the whole taxonomy with "Not a gap" in every row."""

import html
import re

import pytest
from django.test import Client
from django.utils import timezone, translation

from matching import services
from matching.enums import PartnershipState
from matching.gap_choices import LEVEL_HINTS, gap_catalogue
from matching.models import Feedback, Partnership, SelfAssessment, Skill
from matching.selectors import outcomes
from tests.matching.factories import mentoring_scene

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(world):
    return mentoring_scene(world)


@pytest.fixture
def ended(world, scene):
    services.proposal_answer(user=world.sme_admin, proposal=scene.proposal, accept=True)
    services.proposal_answer(user=scene.mentor.user, proposal=scene.proposal, accept=True)
    partnership = Partnership.objects.get(proposal=scene.proposal)
    Partnership.objects.filter(pk=partnership.pk).update(
        state=PartnershipState.COMPLETED, ended_at=timezone.now()
    )
    return partnership


def _gaps(scene) -> list[Skill]:
    return [gap.skill for gap in scene.needs.gaps.order_by("skill_id")]


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _errors(body: str, name: str) -> str:
    found = re.findall(rf'id="error_\d+_id_{name}"><strong>(.*?)</strong>', body, flags=re.S)
    return " ".join(html.unescape(m) for m in found)


def test_feedback_shows_only_the_smes_gaps_in_plain_words(world, scene, ended):
    catalogue = gap_catalogue()
    mine = _gaps(scene)

    body = _client(world.sme_admin).get(ended.get_absolute_url()).content.decode()

    shown = [int(pk) for pk in re.findall(r'name="gap_(\d+)"', body)]
    assert sorted(shown) == sorted(skill.pk for skill in mine)
    assert sorted(re.findall(r'name="closed_(\d+)"', body)) == sorted(str(s.pk) for s in mine)
    for skill in mine:
        assert (
            f'<legend class="needs-gap-title">{html.escape(catalogue[skill.pk].label)}</legend>'
            in body
        )
    assert "Not a gap" not in body
    assert str(LEVEL_HINTS[3]) in body  # the needs page's level descriptions
    # prefilled with the saved values: importance 3, target 3 for the first
    first = mine[0]
    assert re.search(rf'name="gap_{first.pk}"[^>]*>.*?<option value="3" selected>', body, re.S)


def test_feedback_gaps_in_french(world, scene, ended):
    with translation.override("fr"):  # given back after: the page activates French
        labels = [gap_catalogue()[skill.pk].label for skill in _gaps(scene)]
        body = _client(world.sme_admin).get(ended.get_absolute_url()).content.decode()

    assert all(html.escape(label) in body for label in labels)


def test_closing_one_gap_and_keeping_the_other(world, scene, ended):
    closed, kept = _gaps(scene)

    _client(world.sme_admin).post(
        ended.get_absolute_url(),
        {
            "action": "feedback",
            "rating": "4",
            f"closed_{closed.pk}": "on",
            f"gap_{closed.pk}": "3",  # values of a closed gap are not kept
            f"target_{closed.pk}": "3",
            f"gap_{kept.pk}": "2",
            f"target_{kept.pk}": "4",
        },
    )

    end = SelfAssessment.objects.get(partnership=ended, moment="end")
    assert end.gaps == [{"skill": kept.pk, "importance": 2, "target": 4}]
    assert list(scene.needs.gaps.values_list("skill_id", "importance", "target_level")) == [
        (kept.pk, 2, 4)
    ]
    assert outcomes(Partnership.objects.filter(pk=ended.pk))["gaps_closed"] == 1


def test_a_gap_neither_closed_nor_assessed_is_refused(world, scene, ended):
    first, second = _gaps(scene)

    response = _client(world.sme_admin).post(
        ended.get_absolute_url(),
        {
            "action": "feedback",
            "rating": "4",
            f"gap_{first.pk}": "",
            f"target_{first.pk}": "",
            f"gap_{second.pk}": "1",
            f"target_{second.pk}": "",
        },
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert (
        _errors(body, f"gap_{first.pk}")
        == "Choose how important this gap still is, or tick “Closed”."
    )
    assert _errors(body, f"target_{first.pk}") == "Choose the level you aim for in this competence."
    assert (
        _errors(body, f"target_{second.pk}") == "Choose the level you aim for in this competence."
    )
    assert not Feedback.objects.exists()
    assert scene.needs.gaps.count() == 2


def test_a_forged_gap_of_another_competence_is_ignored(world, scene, ended):
    first, second = _gaps(scene)
    other = Skill.objects.selectable().exclude(pk__in=[first.pk, second.pk]).first()

    _client(world.sme_admin).post(
        ended.get_absolute_url(),
        {
            "action": "feedback",
            "rating": "4",
            f"closed_{first.pk}": "on",
            f"closed_{second.pk}": "on",
            f"gap_{other.pk}": "3",
            f"target_{other.pk}": "3",
        },
    )

    assert SelfAssessment.objects.get(partnership=ended, moment="end").gaps == []
    assert outcomes(Partnership.objects.filter(pk=ended.pk))["gaps_closed"] == 2


def test_an_sme_without_gaps_is_told_so(world, scene, ended):
    scene.needs.gaps.all().delete()

    body = _client(world.sme_admin).get(ended.get_absolute_url()).content.decode()

    assert "Your needs list no skill gap" in body
    assert 'name="gap_' not in body
