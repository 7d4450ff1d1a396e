"""Indexes that walk a topic's or a tool's practices newest first (selectors.related_practices
reads the newest RELATED_CANDIDATES of each): (topic, practice) and (tool, practice). The through
tables' own indexes start with the practice, or hold the topic alone (every row of a topic read,
then sorted: 1.4 s a page at 100,000 practices)."""

from django.db import migrations

INDEXES = (
    ("practices_topic_practice_idx", "practices_practice_topics", "topic_id"),
    ("practices_tool_practice_idx", "practices_practice_tools", "trainingtool_id"),
)


class Migration(migrations.Migration):
    dependencies = [("practices", "0017_search_title_document")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX {name} ON {table} ({column}, practice_id)",
            f"DROP INDEX {name}",
        )
        for name, table, column in INDEXES
    ]
