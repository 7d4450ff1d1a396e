"""The competences an SME may choose as skill gaps, in plain words, and finding them.

`gap_catalogue()` reads the competences (one query) and puts beside each its plain label,
description, area and framework in the interface language (skillup/plain_skills.py);
`GapFinder` answers a search (matching/skill_search.py) or the whole list grouped by area, each
competence marked if already chosen. `chosen_gap_ids()` reads which competences a posted needs
form holds (its gap_<id> and target_<id> fields, in page order).
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from skillup.plain_skills import language_of, plain_area, plain_framework, plain_skill

from .models import Skill
from .skill_search import MIN_QUERY_LENGTH, RESULTS_MAX, normalise, search

MAX_GAPS = 10
# the fields of one chosen gap: its importance and its target level
GAP_FIELD_RE = re.compile(r"(?:gap|target)_(\d{1,18})")

# the code shown beside the plain words, so the choice can be traced to its framework
_REFERENCES = {"digcomp": "DigComp {code}", "ecf": "e-CF {code}"}

# One-line descriptions of the choices a gap asks for (the common scale of matching/levels.py)
IMPORTANCE_HINTS = {
    1: _("it would help, not urgent"),
    2: _("it holds back part of our work"),
    3: _("we cannot do without it"),
}
LEVEL_HINTS = {
    1: _("simple tasks, with guidance"),
    2: _("routine tasks, without help"),
    3: _("varied tasks; guides others"),
    4: _("complex tasks; improves practice"),
    5: _("new problems; leads the field"),
}


@dataclass(frozen=True)
class GapChoice:
    """A competence as the SME reads it."""

    skill: Skill
    label: str
    description: str
    area: str
    framework: str
    reference: str  # "DigComp 1.3", "e-CF A.1", "" for an advanced digital area

    @property
    def pk(self) -> int:
        return self.skill.pk


def gap_catalogue(language: str | None = None) -> dict[int, GapChoice]:
    """Every competence that may be chosen, by id, in the taxonomy's reading order. One query."""
    language = language_of(language)
    skills = (
        Skill.objects.selectable()
        .select_related("parent")
        .order_by("framework__position", "position", "pk")
    )
    catalogue = {}
    for skill in skills:
        key = skill.framework.key
        plain = plain_skill(key, skill.code, language)
        area = plain_area(key, skill.parent.code, language) if skill.parent else None
        catalogue[skill.pk] = GapChoice(
            skill=skill,
            label=plain.label if plain else skill.title,
            description=plain.description if plain else "",
            area=area or (skill.parent.title if skill.parent else ""),
            framework=plain_framework(key, language) or skill.framework.name,
            reference=_REFERENCES.get(key, "").format(code=skill.code),
        )
    return catalogue


def chosen_gap_ids(data, catalogue: dict[int, GapChoice]) -> list[int]:
    """The competences a posted form holds as gaps, in page order: the ids of its gap_<id> and
    target_<id> fields that are competences (anything else is ignored)."""
    chosen: list[int] = []
    for name in data:
        match = GAP_FIELD_RE.fullmatch(name)
        if match is None:
            continue
        pk = int(match.group(1))
        if pk in catalogue and pk not in chosen:
            chosen.append(pk)
    return chosen


def parse_id(value) -> int | None:
    """A posted id, or None when it is not one."""
    value = str(value or "").strip()
    return int(value) if value.isdigit() and len(value) <= 18 else None


@dataclass
class FoundChoice:
    choice: GapChoice
    chosen: bool


@dataclass
class GapFinder:
    """What the "find a skill" part of the needs form shows: the results of a search, or every
    competence grouped by area (browsing), or nothing yet."""

    catalogue: dict[int, GapChoice]
    query: str = ""
    browse: bool = False
    chosen: list[int] = field(default_factory=list)

    @property
    def full(self) -> bool:
        return len(self.chosen) >= MAX_GAPS

    @property
    def query_too_short(self) -> bool:
        return 0 < len(normalise(self.query).strip()) < MIN_QUERY_LENGTH

    @property
    def searching(self) -> bool:
        return bool(self.query.strip()) and not self.query_too_short

    def _found(self, choice: GapChoice) -> FoundChoice:
        return FoundChoice(choice, choice.pk in self.chosen)

    @property
    def results(self) -> list[FoundChoice]:
        """The competences matching the query, best first (at most RESULTS_MAX)."""
        if not self.searching:
            return []
        by_key = {(c.skill.framework.key, c.skill.code): c for c in self.catalogue.values()}
        titles = {key: choice.skill.title for key, choice in by_key.items()}
        keys = search(self.query, titles=titles, limit=RESULTS_MAX)
        return [self._found(by_key[key]) for key in keys if key in by_key]

    @property
    def groups(self) -> list[tuple[str, list[FoundChoice], bool]]:
        """(area, competences, open) in reading order, when browsing; an area holding a chosen
        gap is open (after an "Add" the list comes back as the person left it)."""
        if not self.browse or self.searching:
            return []
        groups: dict[str, list[FoundChoice]] = {}
        for choice in self.catalogue.values():
            heading = f"{choice.framework} – {choice.area}" if choice.area else choice.framework
            groups.setdefault(heading, []).append(self._found(choice))
        return [
            (heading, items, any(found.chosen for found in items))
            for heading, items in groups.items()
        ]
