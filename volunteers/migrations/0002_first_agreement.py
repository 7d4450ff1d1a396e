from django.db import migrations


def forwards(apps, schema_editor):
    from volunteers.apps import seed_agreement

    seed_agreement(apps=apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [("volunteers", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
