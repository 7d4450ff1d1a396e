"""Seed the topics and training tools (practices/taxonomy.py); idempotent."""

from django.db import migrations


def seed(apps, schema_editor):
    from practices.taxonomy import TOOLS, TOPICS

    Topic = apps.get_model("practices", "Topic")
    TrainingTool = apps.get_model("practices", "TrainingTool")
    for slug, name in TOPICS:
        Topic.objects.update_or_create(slug=slug, defaults={"name": name})
    for slug, name, url in TOOLS:
        TrainingTool.objects.update_or_create(slug=slug, defaults={"name": name, "url": url})


class Migration(migrations.Migration):
    dependencies = [("practices", "0002_search_index")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
