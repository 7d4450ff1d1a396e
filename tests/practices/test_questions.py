"""A call's own questions (issue #19, phase 1): each kind's settings and answers validated, the
kind of an answered question kept, hiding, the four default questions of a new call, and the
fixed fields copied into answers."""

import datetime
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils.translation import override

from practices import services
from practices.models import Answer, CallQuestion, LegacyField, QuestionKind, TrainingTool
from skillup.errors import ApplicationError
from tests.factories import CallFactory, PracticeFactory

pytestmark = pytest.mark.django_db

CHOICES = [
    {"value": "yes-weekly", "label": {"en": "Every week", "fr": "Chaque semaine"}},
    {"value": "monthly", "label": {"en": "Every month"}},
]


def question(call=None, **fields) -> CallQuestion:
    fields.setdefault("label_en", "How often?")
    return CallQuestion(call=call or CallFactory(), **fields)


def answer(q: CallQuestion, **values) -> Answer:
    practice = PracticeFactory(call=q.call)
    return Answer(practice=practice, question=q, **values)


def errors_of(obj) -> dict:
    with pytest.raises(ValidationError) as exc:
        obj.full_clean()
    return exc.value.message_dict


# ---- a question's settings ---------------------------------------------------------------


def test_english_label_is_required():
    q = CallQuestion(call=CallFactory(), kind=QuestionKind.SHORT_TEXT)
    assert "label_en" in errors_of(q) or "label" in errors_of(q)


@pytest.mark.parametrize(
    ("kind", "max_length", "ok"),
    [
        (QuestionKind.SHORT_TEXT, 300, True),
        (QuestionKind.SHORT_TEXT, 301, False),
        (QuestionKind.LONG_TEXT, 20_000, True),
        (QuestionKind.LONG_TEXT, 20_001, False),
        (QuestionKind.LONG_TEXT, 0, False),
        (QuestionKind.NUMBER, 10, False),
        (QuestionKind.DATE, None, True),
    ],
)
def test_text_limits_fit_the_kind(kind, max_length, ok):
    q = question(kind=kind, max_length=max_length)
    if ok:
        q.full_clean()
    else:
        assert "max_length" in errors_of(q)


def test_number_bounds_in_order_and_only_for_numbers():
    question(kind=QuestionKind.NUMBER, min_value=0, max_value=10).full_clean()
    question(kind=QuestionKind.NUMBER, min_value=5, max_value=5).full_clean()
    assert "max_value" in errors_of(question(kind=QuestionKind.NUMBER, min_value=6, max_value=5))
    assert "min_value" in errors_of(question(kind=QuestionKind.NUMBER, min_value=10**13))
    assert "min_value" in errors_of(question(kind=QuestionKind.LONG_TEXT, min_value=1))


@pytest.mark.parametrize(
    "choices",
    [
        [],
        [{"value": "a"}],
        [{"value": "", "label": {"en": "A"}}],
        [{"value": "a", "label": {"fr": "A"}}],
        [{"value": "a", "label": {"en": "A"}}, {"value": "a", "label": {"en": "B"}}],
        "a,b",
    ],
)
def test_choice_questions_need_well_formed_choices(choices):
    assert "choices" in errors_of(question(kind=QuestionKind.SINGLE_CHOICE, choices=choices))


def test_choices_and_other_only_on_choice_questions():
    question(kind=QuestionKind.MULTIPLE_CHOICE, choices=CHOICES, allow_other=True).full_clean()
    assert "choices" in errors_of(question(kind=QuestionKind.LONG_TEXT, choices=CHOICES))
    assert "allow_other" in errors_of(question(kind=QuestionKind.YES_NO, allow_other=True))


def test_choice_labels_in_the_active_language_else_english():
    q = question(kind=QuestionKind.SINGLE_CHOICE, choices=CHOICES)
    assert q.choice_label("yes-weekly", "fr") == "Chaque semaine"
    assert q.choice_label("monthly", "fr") == "Every month"
    with override("de"):
        assert q.choice_label("yes-weekly") == "Every week"


def test_label_translated_with_english_fallback():
    q = question(kind=QuestionKind.SHORT_TEXT, label_en="Your city?", label_fr="Votre ville ?")
    q.full_clean()
    q.save()
    q = CallQuestion.objects.get(pk=q.pk)
    with override("fr"):
        assert q.label == "Votre ville ?"
    with override("pl"):
        assert q.label == "Your city?"


# ---- answers, kind by kind ---------------------------------------------------------------


def saved(**fields) -> CallQuestion:
    q = question(**fields)
    q.full_clean()
    q.save()
    return q


def test_required_question_needs_an_answer():
    q = saved(kind=QuestionKind.SHORT_TEXT, required=True)
    assert "value_text" in errors_of(answer(q))
    answer(q, value_text="Lyon").full_clean()
    optional = saved(kind=QuestionKind.YES_NO)
    answer(optional).full_clean()
    required_bool = saved(kind=QuestionKind.YES_NO, required=True)
    answer(required_bool, value_bool=False).full_clean()  # "no" is an answer


def test_text_limits():
    short = saved(kind=QuestionKind.SHORT_TEXT)
    answer(short, value_text="x" * 300).full_clean()
    assert "value_text" in errors_of(answer(short, value_text="x" * 301))
    long = saved(kind=QuestionKind.LONG_TEXT, max_length=50)
    answer(long, value_text="x" * 50).full_clean()
    assert "value_text" in errors_of(answer(long, value_text="x" * 51))


def test_choices_known_one_for_single_other_only_when_allowed():
    single = saved(kind=QuestionKind.SINGLE_CHOICE, choices=CHOICES)
    answer(single, value_choices=["monthly"]).full_clean()
    assert "value_choices" in errors_of(answer(single, value_choices=["yearly"]))
    assert "value_choices" in errors_of(answer(single, value_choices=["monthly", "yes-weekly"]))
    assert "value_choices" in errors_of(answer(single, value_choices="monthly"))
    assert "value_text" in errors_of(answer(single, value_text="Sometimes"))
    multiple = saved(kind=QuestionKind.MULTIPLE_CHOICE, choices=CHOICES, allow_other=True)
    answer(multiple, value_choices=["monthly", "yes-weekly"], value_text="Daily").full_clean()
    answer(multiple, value_text="Only other").full_clean()
    assert "value_text" in errors_of(answer(multiple, value_text="x" * 301))


def test_number_bounds():
    q = saved(kind=QuestionKind.NUMBER, min_value=1, max_value=500)
    answer(q, value_number=1).full_clean()
    answer(q, value_number=500).full_clean()
    assert "value_number" in errors_of(answer(q, value_number=0))
    assert "value_number" in errors_of(answer(q, value_number=501))
    unbounded = saved(kind=QuestionKind.NUMBER)
    assert "value_number" in errors_of(answer(unbounded, value_number=10**13))


def test_date_and_stray_columns():
    q = saved(kind=QuestionKind.DATE)
    answer(q, value_date=datetime.date(2027, 3, 1)).full_clean()
    # a value in another kind's column is refused (not silently kept)
    assert "value_text" in errors_of(answer(q, value_text="1 March"))
    assert "value_number" in errors_of(answer(q, value_number=3))


def _upload(content: bytes, name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


@override_settings(PRACTICE_ATTACHMENT_MAX_BYTES=1024)
def test_file_answers_checked_as_attachments():
    q = saved(kind=QuestionKind.FILE)
    answer(q, value_file=_upload(b"%PDF-1.7 small", "plan.pdf")).full_clean()
    assert "value_file" in errors_of(answer(q, value_file=_upload(b"MZ\x90\x00 exe", "plan.pdf")))
    big = BytesIO(b"%PDF-" + b"x" * 2000).getvalue()
    assert "value_file" in errors_of(answer(q, value_file=_upload(big, "big.pdf")))


def test_one_answer_per_question_and_practice():
    q = saved(kind=QuestionKind.SHORT_TEXT)
    a = answer(q, value_text="one")
    a.save()
    duplicate = Answer(practice=a.practice, question=q, value_text="two")
    assert errors_of(duplicate)


def test_answer_to_another_calls_question_refused():
    q = saved(kind=QuestionKind.SHORT_TEXT)
    other = PracticeFactory()
    assert "question" in errors_of(Answer(practice=other, question=q, value_text="x"))


# ---- kind kept once answered; hiding -----------------------------------------------------


def test_kind_change_refused_once_answered_but_hiding_allowed():
    q = saved(kind=QuestionKind.LONG_TEXT)
    q.kind = QuestionKind.SHORT_TEXT
    services.call_question_save(q)  # no answers yet: allowed
    answer(q, value_text="Lyon").save()

    q.kind = QuestionKind.NUMBER
    assert "kind" in errors_of(q)
    with pytest.raises(ApplicationError) as exc:
        services.call_question_save(q)
    assert exc.value.field == "kind"
    assert CallQuestion.objects.get(pk=q.pk).kind == QuestionKind.SHORT_TEXT

    q = CallQuestion.objects.get(pk=q.pk)
    q.is_hidden = True
    q.label_en = "Your city (no longer asked)"
    q.full_clean()
    services.call_question_save(q)
    q.refresh_from_db()
    assert q.is_hidden and q.answers.count() == 1


def test_answered_question_cannot_be_deleted():
    from django.db.models import ProtectedError

    q = saved(kind=QuestionKind.SHORT_TEXT)
    answer(q, value_text="Lyon").save()
    with pytest.raises(ProtectedError):
        q.delete()


# ---- default questions, the fixed fields' answers ----------------------------------------


def test_new_call_gets_the_four_default_questions_in_every_language():
    TrainingTool.objects.get_or_create(slug="moodle", defaults={"name": "Moodle"})
    call = CallFactory()
    made = services.call_default_questions_create(call)
    assert [q.legacy_field for q in made] == [
        LegacyField.ONLINE_LEARNING,
        LegacyField.METHODOLOGY,
        LegacyField.TOOLS,
        LegacyField.KEEP_LEARNING,
    ]
    assert [q.position for q in made] == [1, 2, 3, 4]
    online, methodology, tools, _keep = call.questions.all()
    assert online.kind == QuestionKind.LONG_TEXT and online.max_length == 5000
    assert tools.kind == QuestionKind.MULTIPLE_CHOICE and tools.allow_other
    assert "moodle" in tools.choice_values()
    assert all(q.is_public and q.required and not q.is_hidden for q in made)
    assert online.label_en == "How is online learning integrated into your staff training?"
    with override("fr"):
        # the call's French default wording, not the English fallback
        assert online.label == call.question_online_learning
        assert online.label != online.label_en
    # editable: reworded and saved like any question
    methodology.label_en = "Which method?"
    methodology.full_clean()
    services.call_question_save(methodology)
    # idempotent: a second call makes nothing
    assert services.call_default_questions_create(call) == []
    assert call.questions.count() == 4


def test_default_questions_follow_the_calls_own_wording():
    call = CallFactory(question_methodology_en="What is your method?")
    services.call_default_questions_create(call)
    q = call.questions.get(legacy_field=LegacyField.METHODOLOGY)
    assert q.label_en == "What is your method?"


def test_a_fixed_question_reworded_rewords_its_calls_heading_in_every_language():
    call = CallFactory()
    services.call_default_questions_create(call)
    q = call.questions.get(legacy_field=LegacyField.METHODOLOGY)
    q.label_en, q.label_fr, q.label_de = "Which method?", "Quelle méthode ?", ""
    services.call_question_save(q)

    call.refresh_from_db()
    assert (call.question_methodology_en, call.question_methodology_fr) == (
        "Which method?",
        "Quelle méthode ?",
    )
    with override("de"):  # no German wording: the English one shows, as for any call text
        assert call.question_methodology == "Which method?"
    extra = CallQuestion(call=call, kind=QuestionKind.SHORT_TEXT, label_en="Your city?")
    services.call_question_save(extra)  # not a fixed one: no column follows it
    call.refresh_from_db()
    assert call.question_online_learning_en != "Your city?"


def test_legacy_answers_sync_copies_and_updates_the_fixed_fields():
    tool, _ = TrainingTool.objects.get_or_create(slug="moodle", defaults={"name": "Moodle"})
    call = CallFactory()
    services.call_default_questions_create(call)
    practice = PracticeFactory(call=call, keep_learning="", other_tools="Our wiki")
    practice.tools.add(tool)
    assert services.legacy_answers_sync([practice]) == 3
    by_field = {a.question.legacy_field: a for a in practice.answers.select_related("question")}
    assert set(by_field) == {"online_learning", "methodology", "tools"}
    assert by_field["online_learning"].value_text == practice.online_learning
    slugs = sorted(practice.tools.values_list("slug", flat=True))
    assert "moodle" in slugs and by_field["tools"].value_choices == slugs
    assert by_field["tools"].value_text == "Our wiki"
    for a in by_field.values():
        a.full_clean()
    assert services.legacy_answers_sync([practice]) == 0  # nothing changed
    practice.methodology = ""
    practice.online_learning = "Changed."
    assert services.legacy_answers_sync([practice]) == 2
    assert practice.answers.count() == 2


def test_purged_practice_takes_its_answer_files(django_capture_on_commit_callbacks):
    from datetime import timedelta

    from django.conf import settings
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.utils import timezone

    closes_at = timezone.now() - timedelta(days=settings.RETENTION_DRAFT_DAYS + 1)
    call = CallFactory(opens_at=closes_at - timedelta(days=60), closes_at=closes_at)
    q = saved(call=call, kind=QuestionKind.FILE)
    a = Answer(practice=PracticeFactory(call=call), question=q)
    a.value_file.save("plan.pdf", ContentFile(b"%PDF-1.4 plan"), save=True)
    assert default_storage.exists(a.value_file.name)

    with django_capture_on_commit_callbacks(execute=True):
        assert services.practices_purge_expired() == 1

    assert not Answer.objects.filter(pk=a.pk).exists()
    assert not default_storage.exists(a.value_file.name)
