"""Search documents move from the wide practice rows to a narrow table of their own, with a
cheap ranking document beside the matching one: a search reads that table only. On PostgreSQL the
documents of the published practices are built here (the SQL of
practices.services.SEARCH_DOCUMENTS_SQL at the time of writing: a migration does not import code
that may change) and the GIN index is made; SQLite searches with LIKE and needs neither."""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

INDEX = "practices_search_document_gin"
FILL = """
INSERT INTO practices_practicesearch (practice_id, published_at, rank_document, document)
SELECT p.id, COALESCE(p.published_at, NOW()), ranked.doc,
       ranked.doc
       || setweight(to_tsvector('simple', COALESCE(p.online_learning, '')), 'C')
       || setweight(to_tsvector('simple', COALESCE(p.methodology, '')), 'C')
       || setweight(to_tsvector('simple', COALESCE(p.keep_learning, '')), 'C')
       || setweight(to_tsvector('simple', COALESCE(p.other_tools, '')), 'C')
FROM practices_practice p
JOIN accounts_organisation o ON o.id = p.organisation_id
CROSS JOIN LATERAL (
    SELECT setweight(to_tsvector('simple', COALESCE(p.public_title, '')), 'A')
        || setweight(to_tsvector('simple', COALESCE(p.title, '')), 'A')
        || setweight(to_tsvector('simple', COALESCE(p.public_description, '')), 'B')
        || setweight(to_tsvector('simple', COALESCE(p.short_description, '')), 'B')
        || setweight(to_tsvector('simple', COALESCE(o.name, '')), 'B') AS doc
) ranked
WHERE p.state = 'published'
"""


def build(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FILL)
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON practices_practicesearch USING gin (document)"
        )


def unbuild(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0008_fill_translation_fields"),
    ]

    operations = [
        migrations.CreateModel(
            name="PracticeSearch",
            fields=[
                (
                    "practice",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search",
                        serialize=False,
                        to="practices.practice",
                    ),
                ),
                ("published_at", models.DateTimeField()),
                ("document", django.contrib.postgres.search.SearchVectorField()),
                ("rank_document", django.contrib.postgres.search.SearchVectorField()),
            ],
            options={
                "verbose_name": "practice search document",
                "verbose_name_plural": "practice search documents",
            },
        ),
        migrations.RunPython(build, unbuild, elidable=False),
        migrations.RemoveField(
            model_name="practice",
            name="search_vector",
        ),
    ]
