"""The version of the publication consent's wording a practice was consented under (#17).

Every consent given so far is version 1 (its wording did not name a licence); new consents are
version 2 (the wording names CC BY 4.0). The field is added with a default of 1, which fills the
existing rows, then the default becomes 2 for the rows written from now on.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0018_related_practices_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="practice",
            name="publication_consent_version",
            field=models.PositiveSmallIntegerField(
                default=1,
                help_text="From version 2 on, the consent covers publishing the text under the CC BY 4.0 licence.",
                verbose_name="version of the publication consent",
            ),
        ),
        migrations.AlterField(
            model_name="practice",
            name="publication_consent_version",
            field=models.PositiveSmallIntegerField(
                default=2,
                help_text="From version 2 on, the consent covers publishing the text under the CC BY 4.0 licence.",
                verbose_name="version of the publication consent",
            ),
        ),
        migrations.AddField(
            model_name="practice",
            name="licence_renewal_asked_at",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="asked to accept the open licence at"
            ),
        ),
    ]
