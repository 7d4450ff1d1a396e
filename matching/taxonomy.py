"""Loads the skill taxonomy (matching/fixtures/taxonomy.json) into Framework and Skill.

One loader for migration 0002 (historical models) and for post_migrate (a flush empties the
tables and only post_migrate runs again). Idempotent: frameworks are matched by key, skills by
(framework, code); changed rows are updated, missing ones created, none deleted (other tables
point at skills with PROTECT). When nothing changed it costs a few SELECTs.
"""

import json
from pathlib import Path

FIXTURE_PATH = Path(__file__).resolve().parent / "fixtures" / "taxonomy.json"

FRAMEWORK_FIELDS = (
    "name",
    "version",
    "publisher",
    "source_url",
    "citation",
    "licence",
    "attribution",
)


def read_taxonomy(path: Path = FIXTURE_PATH) -> list[dict]:
    """The frameworks of the fixture, each with its "skills" in reading order."""
    with open(path, encoding="utf-8") as fixture:
        return json.load(fixture)["frameworks"]


def _save_changes(obj, values: dict) -> None:
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    for name in changed:
        setattr(obj, name, values[name])
    if changed:
        obj.save(update_fields=changed)


def load_taxonomy(Framework, Skill, *, path: Path = FIXTURE_PATH, using: str = "default") -> None:
    """Create or update every framework and skill of the fixture at ``path``.

    Framework and Skill are passed in so that the migration can give its historical models.
    Positions follow the file: frameworks 1, 2, 3…; skills 1, 2, 3… within their framework.
    """
    frameworks = Framework._default_manager.db_manager(using)
    skills = Skill._default_manager.db_manager(using)
    existing = {framework.key: framework for framework in frameworks.all()}
    for framework_position, entry in enumerate(read_taxonomy(path), start=1):
        values = {name: entry.get(name, "") for name in FRAMEWORK_FIELDS}
        values["position"] = framework_position
        framework = existing.get(entry["key"])
        if framework is None:
            framework = frameworks.create(key=entry["key"], **values)
        else:
            _save_changes(framework, values)

        by_code = {skill.code: skill for skill in skills.filter(framework=framework)}
        for position, node in enumerate(entry["skills"], start=1):
            parent_code = node.get("parent")
            values = {
                "title": node["title"],
                "is_area": bool(node.get("area", False)),
                # areas come before their competences in the file
                "parent_id": by_code[parent_code].pk if parent_code else None,
                "position": position,
            }
            skill = by_code.get(node["code"])
            if skill is None:
                by_code[node["code"]] = skills.create(
                    framework=framework, code=node["code"], **values
                )
            else:
                _save_changes(skill, values)
