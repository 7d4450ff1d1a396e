"""The skill taxonomy as migration 0002 loads it, and the loader run again."""

import json

import pytest
from django.core.management import call_command
from django.db import connection

from matching import selectors
from matching.models import Framework, Skill
from matching.taxonomy import FIXTURE_PATH, load_taxonomy

pytestmark = pytest.mark.django_db

DIGCOMP_CODES = [
    "1.1", "1.2", "1.3",
    "2.1", "2.2", "2.3", "2.4", "2.5", "2.6",
    "3.1", "3.2", "3.3", "3.4",
    "4.1", "4.2", "4.3", "4.4",
    "5.1", "5.2", "5.3", "5.4",
]  # fmt: skip
ECF_CODES = (
    [f"A.{n}" for n in range(1, 11)]
    + [f"B.{n}" for n in range(1, 7)]
    + [f"C.{n}" for n in range(1, 6)]
    + [f"D.{n}" for n in range(1, 12)]
    + [f"E.{n}" for n in range(1, 10)]
)
ADVANCED_CODES = ["AI", "CYBER", "CLOUD", "DATA", "HPC", "QUANTUM", "BLOCKCHAIN"]


def _codes(key: str, *, is_area: bool) -> list[str]:
    return list(
        Skill.objects.filter(framework__key=key, is_area=is_area).values_list("code", flat=True)
    )


def _delete_skill_row(code: str) -> None:
    """Delete a row in SQL, as a flush would: no Python-side collection over referring tables."""
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM matching_skill WHERE code = %s", [code])


def _snapshot() -> list[tuple]:
    return list(
        Skill.objects.values_list("framework__key", "code", "title", "parent__code", "is_area")
    )


def test_frameworks_loaded_in_order():
    keys = list(Framework.objects.values_list("key", flat=True))

    assert keys == ["digcomp", "ecf", "advanced"]


def test_digcomp_has_21_competences_in_5_areas():
    areas = _codes("digcomp", is_area=True)
    competences = _codes("digcomp", is_area=False)

    assert areas == ["1", "2", "3", "4", "5"]
    assert competences == DIGCOMP_CODES
    assert Skill.objects.get(framework__key="digcomp", code="4.2").parent.title == "Safety"


def test_ecf_has_41_competences_a1_to_e9():
    areas = list(
        Skill.objects.filter(framework__key="ecf", is_area=True).values_list("code", "title")
    )
    competences = _codes("ecf", is_area=False)

    assert areas == [("A", "Plan"), ("B", "Build"), ("C", "Run"), ("D", "Enable"), ("E", "Manage")]
    assert len(competences) == 41
    assert competences == ECF_CODES


def test_ecf_competence_parent_is_area_of_its_letter():
    competences = Skill.objects.filter(framework__key="ecf", is_area=False).select_related("parent")

    assert {skill.code: skill.parent.code for skill in competences} == {
        code: code[0] for code in ECF_CODES
    }


def test_advanced_areas_are_selectable_without_parent():
    skills = Skill.objects.filter(framework__key="advanced")

    assert [s.code for s in skills] == ADVANCED_CODES
    assert {(s.is_area, s.parent_id) for s in skills} == {(False, None)}


def test_selectable_skill_has_area_parent_unless_advanced():
    skills = Skill.objects.selectable().select_related("parent")

    assert [s for s in skills if s.framework.key != "advanced" and not s.parent.is_area] == []
    assert [s for s in skills if s.framework.key == "advanced" and s.parent is not None] == []


def test_selectable_excludes_areas():
    codes = [(s.framework.key, s.code) for s in Skill.objects.selectable()]

    assert len(codes) == 21 + 41 + len(ADVANCED_CODES)
    assert ("digcomp", "1") not in codes
    assert ("ecf", "A") not in codes


def test_dma_dimensions_not_skills():
    titles = set(Skill.objects.values_list("title", flat=True))

    assert "Digital business strategy" not in titles
    assert not Framework.objects.filter(key__startswith="dma").exists()


def test_framework_has_licence_and_attribution():
    frameworks = list(Framework.objects.all())

    assert [f.key for f in frameworks if not (f.licence and f.attribution and f.source_url)] == []
    digcomp = Framework.objects.get(key="digcomp")
    assert digcomp.licence == "CC BY 4.0"
    assert "© European Union, 2022" in digcomp.attribution
    assert "Changes:" in digcomp.attribution


def test_load_taxonomy_twice_keeps_rows():
    before = _snapshot()

    load_taxonomy(Framework, Skill)
    load_taxonomy(Framework, Skill)

    assert _snapshot() == before
    assert Framework.objects.count() == 3
    assert Skill.objects.count() == 26 + 46 + len(ADVANCED_CODES)


def test_load_taxonomy_unchanged_costs_only_selects(django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        load_taxonomy(Framework, Skill)


def test_load_taxonomy_restores_edited_and_missing_rows():
    Skill.objects.filter(framework__key="digcomp", code="2.5").update(title="Edited")
    _delete_skill_row("HPC")
    Framework.objects.filter(key="ecf").update(licence="")
    expected = _snapshot()

    load_taxonomy(Framework, Skill)

    assert Skill.objects.get(framework__key="digcomp", code="2.5").title == "Netiquette"
    assert Skill.objects.filter(framework__key="advanced", code="HPC").exists()
    assert Framework.objects.get(key="ecf").licence != ""
    assert len(_snapshot()) == len(expected) + 1


@pytest.mark.django_db(transaction=True)
def test_taxonomy_reloaded_after_flush():
    before = _snapshot()

    call_command("flush", interactive=False, verbosity=0)

    assert _snapshot() == before
    assert Skill.objects.get(framework__key="ecf", code="D.7").parent.code == "D"


def test_fixture_names_source_and_licence_per_framework():
    frameworks = json.loads(FIXTURE_PATH.read_text(encoding="utf-8"))["frameworks"]

    assert [
        f["key"] for f in frameworks if not all(f.get(k) for k in ("source_url", "licence"))
    ] == []


def test_skills_grouped_in_two_queries(django_assert_num_queries):
    with django_assert_num_queries(2):
        grouped = selectors.skills_grouped()
        outline = {
            framework.key: [
                (area.code if area else None, [f"{s.framework.key}:{s.code}" for s in skills])
                for area, skills in groups
            ]
            for framework, groups in grouped
        }

    assert list(outline) == ["digcomp", "ecf", "advanced"]
    assert [area for area, _skills in outline["digcomp"]] == ["1", "2", "3", "4", "5"]
    assert outline["digcomp"][1][1] == [f"digcomp:2.{n}" for n in range(1, 7)]
    assert outline["advanced"] == [(None, [f"advanced:{code}" for code in ADVANCED_CODES])]
