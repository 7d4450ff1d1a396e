"""Reads of the skill taxonomy, for forms and the public skills page."""

from .models import Framework, Skill

# (area, its competences); area is None for a framework without areas (advanced digital areas)
AreaGroup = tuple[Skill | None, list[Skill]]


def skills_grouped() -> list[tuple[Framework, list[AreaGroup]]]:
    """Each framework in order with its areas and their competences, in two queries.

    A framework's competences without an area come in one group whose area is None.
    """
    frameworks = {framework.pk: framework for framework in Framework.objects.all()}
    skills = list(Skill.objects.order_by("position", "pk"))
    groups: dict[int, list[AreaGroup]] = {pk: [] for pk in frameworks}
    by_area: dict[int, list[Skill]] = {}
    for skill in skills:
        skill.framework = frameworks[skill.framework_id]  # no query when a caller reads it
        if skill.is_area:
            by_area[skill.pk] = []
            groups[skill.framework_id].append((skill, by_area[skill.pk]))
    loose: dict[int, list[Skill]] = {}
    for skill in skills:
        if skill.is_area:
            continue
        if skill.parent_id is not None:
            by_area[skill.parent_id].append(skill)
            continue
        if skill.framework_id not in loose:
            loose[skill.framework_id] = []
            groups[skill.framework_id].append((None, loose[skill.framework_id]))
        loose[skill.framework_id].append(skill)
    return [(framework, groups[pk]) for pk, framework in frameworks.items()]


def skill_groups() -> list[tuple[str, list[Skill]]]:
    """(legend, competences) per area of each framework, in reading order, for the forms that
    ask one thing per competence (an SME's gaps, a mentor's levels). Two queries."""
    groups = []
    for framework, areas in skills_grouped():
        for area, skills in areas:
            if not skills:
                continue
            legend = f"{framework.name} – {area.title}" if area is not None else framework.name
            groups.append((legend, skills))
    return groups
