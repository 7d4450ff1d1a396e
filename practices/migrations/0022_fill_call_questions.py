"""Every call gets the four questions it asks today, and every practice's four fixed answers are
copied into Answers (issue #19). The fixed fields stay (a later phase removes them).

- Wording: the call's own question_* columns, language by language (an empty translation stays
  empty and shows the English text, as the call's question does today); the standard question
  in every language only if a call has no English wording at all.
- Kinds: online learning, methodology and keeping staff learning are long texts (5000
  characters, as the fields); tools is a multiple choice among the training tools (value: the
  tool's slug, label: its name, a proper noun shown as is in every language) with another
  answer allowed, which holds `other_tools` (300 characters, as the field): the tools stay
  data, not text, and no answer is lost.
- A practice gets an Answer only for a field it filled (an empty field is no answer).
"""

from django.conf import settings
from django.db import migrations
from django.utils.translation import gettext, override

# the msgids of practices.models.DEFAULT_QUESTION_* (kept here: a migration does not import code
# that may change)
QUESTIONS = [
    (
        "online_learning",
        "question_online_learning",
        "How is online learning integrated into your staff training?",
    ),
    ("methodology", "question_methodology", "What methodology do you follow?"),
    (
        "tools",
        "question_tools",
        "Which training tools do you use (for example Elements of AI)?",
    ),
    (
        "keep_learning",
        "question_keep_learning",
        "How do you encourage your employees to keep learning?",
    ),
]
TEXT_FIELDS = ["online_learning", "methodology", "keep_learning"]


def _in(language, message):
    with override(language):
        return gettext(message)


def fill(apps, schema_editor):
    languages = [code for code, _name in settings.LANGUAGES]
    Call = apps.get_model("practices", "Call")
    CallQuestion = apps.get_model("practices", "CallQuestion")
    Answer = apps.get_model("practices", "Answer")
    Practice = apps.get_model("practices", "Practice")
    TrainingTool = apps.get_model("practices", "TrainingTool")

    tool_choices = [
        {"value": slug, "label": {"en": name}}
        for slug, name in TrainingTool.objects.order_by("name", "pk").values_list("slug", "name")
    ]
    questions = {}  # (call id, legacy field) -> question
    for call in Call.objects.order_by("pk"):
        for position, (legacy, column, message) in enumerate(QUESTIONS, start=1):
            own = getattr(call, f"{column}_en") or getattr(call, column)
            labels = {
                f"label_{code}": (getattr(call, f"{column}_{code}") or "")
                if own
                else _in(code, message)
                for code in languages
            }
            labels["label_en"] = own or _in("en", message)
            is_tools = legacy == "tools"
            question = CallQuestion.objects.create(
                call=call,
                position=position,
                kind="multiple_choice" if is_tools else "long_text",
                label=labels["label_en"],
                **labels,
                required=True,  # the fixed fields were required to submit
                is_public=True,
                max_length=None if is_tools else 5000,
                choices=tool_choices if is_tools else [],
                allow_other=is_tools,
                legacy_field=legacy,
            )
            questions[call.pk, legacy] = question

    answers = []
    practices = Practice.objects.order_by("pk").prefetch_related("tools")
    for practice in practices.iterator(chunk_size=500):
        for name in TEXT_FIELDS:
            text = getattr(practice, name)
            if text:
                answers.append(
                    Answer(
                        practice=practice,
                        question=questions[practice.call_id, name],
                        value_text=text,
                    )
                )
        slugs = sorted(tool.slug for tool in practice.tools.all())
        if slugs or practice.other_tools:
            answers.append(
                Answer(
                    practice=practice,
                    question=questions[practice.call_id, "tools"],
                    value_choices=slugs,
                    value_text=practice.other_tools,
                )
            )
        if len(answers) >= 1000:
            Answer.objects.bulk_create(answers)
            answers = []
    Answer.objects.bulk_create(answers)


def empty(apps, schema_editor):
    """Undo: the copied answers and the four questions go (the fixed fields still hold it all)."""
    CallQuestion = apps.get_model("practices", "CallQuestion")
    Answer = apps.get_model("practices", "Answer")
    Answer.objects.filter(question__legacy_field__gt="").delete()
    CallQuestion.objects.filter(legacy_field__gt="").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0021_call_questions"),
    ]

    operations = [
        migrations.RunPython(fill, empty),
    ]
