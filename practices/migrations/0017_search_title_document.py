"""The titles of each practice's search document in a column of their own (PostgreSQL only).

A search ranks title matches first. Reading "is it in the title?" from rank_document with
ts_filter() built a new tsvector per match: 240 ms of the 450 ms a common word ("digital",
75,000 of 100,000 practices) took. `title_document` is rank_document's A-weighted lexemes, a
generated column (always in step with rank_document, whatever writes it), small enough that
`title_document @@ query` costs next to nothing. SQLite has no search documents: nothing to do.
"""

from django.db import migrations

ADD = """
ALTER TABLE practices_practicesearch
ADD COLUMN title_document tsvector GENERATED ALWAYS AS (ts_filter(rank_document, '{a}')) STORED
"""
DROP = "ALTER TABLE practices_practicesearch DROP COLUMN title_document"


def _on_postgresql(sql: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("practices", "0016_more_interface_languages")]

    operations = [migrations.RunPython(_on_postgresql(ADD), _on_postgresql(DROP))]
