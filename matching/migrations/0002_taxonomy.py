"""Load the skill taxonomy (matching/fixtures/taxonomy.json); idempotent, see matching.taxonomy."""

from pathlib import Path

from django.db import migrations

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "taxonomy.json"


def load(apps, schema_editor):
    from matching.taxonomy import load_taxonomy

    load_taxonomy(
        apps.get_model("matching", "Framework"),
        apps.get_model("matching", "Skill"),
        path=FIXTURE,
        using=schema_editor.connection.alias,
    )


class Migration(migrations.Migration):
    dependencies = [("matching", "0001_initial")]

    # Reverse keeps the rows: skills are PROTECTed by their children and by whatever points at
    # them; unapplying 0001 drops the tables anyway.
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
