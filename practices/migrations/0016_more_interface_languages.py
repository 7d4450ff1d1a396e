"""Spanish, Italian, Polish and Dutch columns for calls and events (#16).

Existing calls get, in each new language, the standard question where their question is the
standard one (in any language), and an empty translation (which shows the English text) where
the staff wrote their own: the rule of 0008_fill_translation_fields.
"""

from django.db import migrations, models
from django.utils.translation import gettext, override

import practices.models

NEW_LANGUAGES = ["es", "it", "pl", "nl"]
OLD_LANGUAGES = ["en", "fr", "de"]
# the msgids of practices.models.DEFAULT_QUESTION_* (kept here: a migration does not import code
# that may change)
DEFAULT_QUESTIONS = {
    "question_online_learning": "How is online learning integrated into your staff training?",
    "question_methodology": "What methodology do you follow?",
    "question_tools": "Which training tools do you use (for example Elements of AI)?",
    "question_keep_learning": "How do you encourage your employees to keep learning?",
}


def _in(language, message):
    with override(language):
        return gettext(message)


def fill_questions(apps, schema_editor):
    Call = apps.get_model("practices", "Call")
    for call in Call.objects.all():
        changed = []
        for name, message in DEFAULT_QUESTIONS.items():
            standard = {_in(code, message) for code in OLD_LANGUAGES + NEW_LANGUAGES}
            written = [getattr(call, f"{name}_{code}") or "" for code in OLD_LANGUAGES]
            is_standard = all(text.strip() in standard for text in written if text.strip())
            for code in NEW_LANGUAGES:
                setattr(call, f"{name}_{code}", _in(code, message) if is_standard else "")
                changed.append(f"{name}_{code}")
        call.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0015_search_per_language"),
    ]

    operations = [
        migrations.AddField(
            model_name="call",
            name="eligibility_es",
            field=models.TextField(blank=True, null=True, verbose_name="eligibility"),
        ),
        migrations.AddField(
            model_name="call",
            name="eligibility_it",
            field=models.TextField(blank=True, null=True, verbose_name="eligibility"),
        ),
        migrations.AddField(
            model_name="call",
            name="eligibility_nl",
            field=models.TextField(blank=True, null=True, verbose_name="eligibility"),
        ),
        migrations.AddField(
            model_name="call",
            name="eligibility_pl",
            field=models.TextField(blank=True, null=True, verbose_name="eligibility"),
        ),
        migrations.AddField(
            model_name="call",
            name="how_to_take_part_es",
            field=models.TextField(blank=True, null=True, verbose_name="how to take part"),
        ),
        migrations.AddField(
            model_name="call",
            name="how_to_take_part_it",
            field=models.TextField(blank=True, null=True, verbose_name="how to take part"),
        ),
        migrations.AddField(
            model_name="call",
            name="how_to_take_part_nl",
            field=models.TextField(blank=True, null=True, verbose_name="how to take part"),
        ),
        migrations.AddField(
            model_name="call",
            name="how_to_take_part_pl",
            field=models.TextField(blank=True, null=True, verbose_name="how to take part"),
        ),
        migrations.AddField(
            model_name="call",
            name="introduction_es",
            field=models.TextField(null=True, verbose_name="introduction"),
        ),
        migrations.AddField(
            model_name="call",
            name="introduction_it",
            field=models.TextField(null=True, verbose_name="introduction"),
        ),
        migrations.AddField(
            model_name="call",
            name="introduction_nl",
            field=models.TextField(null=True, verbose_name="introduction"),
        ),
        migrations.AddField(
            model_name="call",
            name="introduction_pl",
            field=models.TextField(null=True, verbose_name="introduction"),
        ),
        migrations.AddField(
            model_name="call",
            name="question_keep_learning_es",
            field=models.TextField(
                default=practices.models.TranslatedDefault(
                    "How do you encourage your employees to keep learning?", "es"
                ),
                null=True,
                verbose_name="question on continued learning",
            ),
        ),
        migrations.AddField(
            model_name="call",
            name="question_keep_learning_it",
            field=models.TextField(
                default=practices.models.TranslatedDefault(
                    "How do you encourage your employees to keep learning?", "it"
                ),
                null=True,
                verbose_name="question on continued learning",
            ),
        ),
        migrations.AddField(
            model_name="call",
            name="question_keep_learning_nl",
            field=models.TextField(
                default=practices.models.TranslatedDefault(
                    "How do you encourage your employees to keep learning?", "nl"
                ),
                null=True,
                verbose_name="question on continued learning",
            ),
        ),
        migrations.AddField(
            model_name="call",
            name="question_keep_learning_pl",
            field=models.TextField(
                default=practices.models.TranslatedDefault(
                    "How do you encourage your employees to keep learning?", "pl"
                ),
                null=True,
                verbose_name="question on continued learning",
            ),
        ),
        migrations.AddField(
            model_name="call",
            name="question_methodology_es",
            field=models.TextField(
                default=practices.models.TranslatedDefault("What methodology do you follow?", "es"),
                null=True,
                verbose_name="question on methodology",
            ),
        ),
        migrations.AddField(
            model_name="call",
            name="question_methodology_it",
            field=models.TextField(
                default=practices.models.TranslatedDefault("What methodology do you follow?", "it"),
                null=True,
                verbose_name="question on methodology",
            ),
        ),
        migrations.AddField(
            model_name="call",
            name="question_methodology_nl",
            field=models.TextField(
                default=practices.models.TranslatedDefault("What methodology do you follow?", "nl"),
                null=True,
                verbose_name="question on methodology",
            ),
        ),
        migrations.AddField(
            model_name="call",
            name="question_methodology_pl",
            field=models.TextField(
                default=practices.models.TranslatedDefault("What methodology do you follow?", "pl"),
                null=True,
                verbose_name="question on methodology",
            ),
        ),
        migrations.AddField(
            model_name="call",
            name="question_online_learning_es",
            field=models.TextField(
                default=practices.models.TranslatedDefault(
                    "How is online learning integrated into your staff training?", "es"
                ),
                null=True,
                verbose_name="question on online learning",
            ),
        ),
        migrations.AddField(
            model_name="call",
            name="question_online_learning_it",
            field=models.TextField(
                default=practices.models.TranslatedDefault(
                    "How is online learning integrated into your staff training?", "it"
                ),
                null=True,
                verbose_name="question on online learning",
            ),
        ),
        migrations.AddField(
            model_name="call",
            name="question_online_learning_nl",
            field=models.TextField(
                default=practices.models.TranslatedDefault(
                    "How is online learning integrated into your staff training?", "nl"
                ),
                null=True,
                verbose_name="question on online learning",
            ),
        ),
        migrations.AddField(
            model_name="call",
            name="question_online_learning_pl",
            field=models.TextField(
                default=practices.models.TranslatedDefault(
                    "How is online learning integrated into your staff training?", "pl"
                ),
                null=True,
                verbose_name="question on online learning",
            ),
        ),
        migrations.AddField(
            model_name="call",
            name="question_tools_es",
            field=models.TextField(
                default=practices.models.TranslatedDefault(
                    "Which training tools do you use (for example Elements of AI)?", "es"
                ),
                null=True,
                verbose_name="question on tools",
            ),
        ),
        migrations.AddField(
            model_name="call",
            name="question_tools_it",
            field=models.TextField(
                default=practices.models.TranslatedDefault(
                    "Which training tools do you use (for example Elements of AI)?", "it"
                ),
                null=True,
                verbose_name="question on tools",
            ),
        ),
        migrations.AddField(
            model_name="call",
            name="question_tools_nl",
            field=models.TextField(
                default=practices.models.TranslatedDefault(
                    "Which training tools do you use (for example Elements of AI)?", "nl"
                ),
                null=True,
                verbose_name="question on tools",
            ),
        ),
        migrations.AddField(
            model_name="call",
            name="question_tools_pl",
            field=models.TextField(
                default=practices.models.TranslatedDefault(
                    "Which training tools do you use (for example Elements of AI)?", "pl"
                ),
                null=True,
                verbose_name="question on tools",
            ),
        ),
        migrations.AddField(
            model_name="call",
            name="title_es",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="call",
            name="title_it",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="call",
            name="title_nl",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="call",
            name="title_pl",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="event",
            name="description_es",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="event",
            name="description_it",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="event",
            name="description_nl",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="event",
            name="description_pl",
            field=models.TextField(blank=True, null=True, verbose_name="description"),
        ),
        migrations.AddField(
            model_name="event",
            name="place_es",
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name="place"),
        ),
        migrations.AddField(
            model_name="event",
            name="place_it",
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name="place"),
        ),
        migrations.AddField(
            model_name="event",
            name="place_nl",
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name="place"),
        ),
        migrations.AddField(
            model_name="event",
            name="place_pl",
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name="place"),
        ),
        migrations.AddField(
            model_name="event",
            name="title_es",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="event",
            name="title_it",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="event",
            name="title_nl",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="event",
            name="title_pl",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.RunPython(fill_questions, migrations.RunPython.noop),
    ]
