"""Existing calls and events keep their texts as the English version (what modeltranslation's
update_translation_fields command does, here so that every database ends the same).

A question still equal to the standard one (in any language) gets the standard question in
every language; a question the staff wrote stays English only until someone translates it.
"""

from django.conf import settings
from django.db import migrations
from django.utils.translation import gettext, override

CALL_FIELDS = ["title", "introduction", "eligibility", "how_to_take_part"]
EVENT_FIELDS = ["title", "description", "place"]
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


def fill(apps, schema_editor):
    languages = [code for code, _name in settings.LANGUAGES]
    Call = apps.get_model("practices", "Call")
    Event = apps.get_model("practices", "Event")
    for call in Call.objects.all():
        for name in CALL_FIELDS:
            if not getattr(call, f"{name}_en"):
                setattr(call, f"{name}_en", getattr(call, name))
        for name, message in DEFAULT_QUESTIONS.items():
            text = getattr(call, name)
            standard = text.strip() in {_in(code, message) for code in languages}
            for code in languages:
                if standard:
                    setattr(call, f"{name}_{code}", _in(code, message))
                else:
                    setattr(call, f"{name}_{code}", text if code == "en" else "")
        call.save()
    for event in Event.objects.all():
        for name in EVENT_FIELDS:
            if not getattr(event, f"{name}_en"):
                setattr(event, f"{name}_en", getattr(event, name))
        event.save()


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0007_call_event_translations"),
    ]

    operations = [
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
