"""A call's questions (issue #19): the four defaults a new call starts with, a question's save
(its kind kept once answered), a practice's answers to the other questions, and, while the four
fixed fields of Practice still exist, their copy into the Answers of the questions that replace
them.

Default questions come from an explicit call of call_default_questions_create (the call's admin
on creation, the demo seed), not from a post_save signal: a signal would also fire for fixtures,
test factories and raw saves, adding four questions nobody asked for and hiding a write behind
Call.save(); an explicit call is visible where it happens and tested there.
"""

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from skillup.errors import ApplicationError

from ..cache import practices_version_bump
from ..models import Answer, Call, CallQuestion, LegacyField, Practice, QuestionKind, TrainingTool
from ..models.questions import LONG_TEXT_DEFAULT_LIMIT, MSG_KIND_ANSWERED, validate_answer
from ..question_fields import field_name

# the four original questions, in their order: (replaced field, the call's wording column)
DEFAULT_QUESTION_COLUMNS = [
    (LegacyField.ONLINE_LEARNING, "question_online_learning"),
    (LegacyField.METHODOLOGY, "question_methodology"),
    (LegacyField.TOOLS, "question_tools"),
    (LegacyField.KEEP_LEARNING, "question_keep_learning"),
]
LEGACY_TEXT_FIELDS = [
    LegacyField.ONLINE_LEARNING,
    LegacyField.METHODOLOGY,
    LegacyField.KEEP_LEARNING,
]


def tool_choices() -> list[dict]:
    """The training tools as a choice question's choices: value its slug, label its name (a
    proper noun, the same in every language: the English label serves them all)."""
    return [
        {"value": slug, "label": {settings.LANGUAGE_CODE: name}}
        for slug, name in TrainingTool.objects.order_by("name", "pk").values_list("slug", "name")
    ]


def call_default_questions_create(call: Call) -> list[CallQuestion]:
    """Give `call` the four questions of the original call, worded as its question_* columns
    say in each language (on a new call: the standard question in every language), after any
    question it has. Idempotent: a default question the call already has is not made again.

    Online learning, methodology and keeping staff learning are long texts of 5000 characters;
    tools is a multiple choice among the training tools with another answer allowed (see
    migration 0022 for why). All required and public, as the fields they replace.
    """
    languages = [code for code, _name in settings.LANGUAGES]
    with transaction.atomic():
        have = set(call.questions.exclude(legacy_field="").values_list("legacy_field", flat=True))
        last = max(call.questions.values_list("position", flat=True), default=0)
        made = []
        for legacy, column in DEFAULT_QUESTION_COLUMNS:
            if legacy in have:
                continue
            last += 1
            is_tools = legacy == LegacyField.TOOLS
            question = CallQuestion(
                call=call,
                position=last,
                kind=QuestionKind.MULTIPLE_CHOICE if is_tools else QuestionKind.LONG_TEXT,
                required=True,  # as the fixed fields were required to submit
                is_public=True,
                max_length=None if is_tools else LONG_TEXT_DEFAULT_LIMIT,
                choices=tool_choices() if is_tools else [],
                allow_other=is_tools,
                legacy_field=legacy,
            )
            for code in languages:
                setattr(question, f"label_{code}", getattr(call, f"{column}_{code}") or "")
            question.full_clean()
            question.save()
            made.append(question)
        transaction.on_commit(practices_version_bump)  # see call_question_save
        return made


def call_question_save(question: CallQuestion) -> CallQuestion:
    """Save a question, refusing to change the kind of a question that has answers (its
    answers would no longer fit it): hide it and add another instead."""
    with transaction.atomic():
        if question.pk is not None:
            # the row locked: no answer can arrive between the check and the save
            CallQuestion.objects.select_for_update().filter(pk=question.pk).first()
        if question.kind_change_refused():
            raise ApplicationError(str(MSG_KIND_ANSWERED), field="kind")
        question.save()
        if question.legacy_field:
            _call_wording_follow(question)
        # pages and API answers read a call's questions per practices version
        transaction.on_commit(practices_version_bump)
    return question


def _call_wording_follow(question: CallQuestion) -> None:
    """Write a fixed question's label into its call's question_* column, in every language:
    the pages that show the fixed fields' answers (the public page, the review page, the
    call's page) head them with those columns, so a question reworded in the question list
    reads the same everywhere. An empty translation stays empty (the English one shows)."""
    column = dict(DEFAULT_QUESTION_COLUMNS)[question.legacy_field]
    wording = {
        f"{column}_{code}": getattr(question, f"label_{code}") or ""
        for code, _name in settings.LANGUAGES
    }
    wording[column] = question.label_en or question.label
    Call.objects.filter(pk=question.call_id).update(**wording)


def legacy_answers_sync(practices: Iterable[Practice]) -> int:
    """Copy each practice's four fixed fields into the Answers of its call's questions that
    replace them (until the fields are removed, they are what the form writes). An emptied
    field deletes its answer. Returns how many answers were created or changed."""
    practices = list(practices)
    if not practices:
        return 0
    questions = {
        (q.call_id, q.legacy_field): q
        for q in CallQuestion.objects.filter(call_id__in={p.call_id for p in practices}).exclude(
            legacy_field=""
        )
    }
    existing = {
        (a.practice_id, a.question_id): a
        for a in Answer.objects.filter(practice__in=practices, question__in=questions.values())
    }
    tools = {}
    for practice_id, slug in Practice.tools.through.objects.filter(
        practice__in=practices
    ).values_list("practice_id", "trainingtool__slug"):
        tools.setdefault(practice_id, []).append(slug)
    changed = 0
    with transaction.atomic():
        for practice in practices:
            for legacy in LegacyField:
                question = questions.get((practice.call_id, legacy))
                if question is None:
                    continue
                if legacy == LegacyField.TOOLS:
                    values = {
                        "value_choices": sorted(tools.get(practice.pk, [])),
                        "value_text": practice.other_tools,
                    }
                    filled = bool(values["value_choices"] or values["value_text"])
                else:
                    values = {"value_text": getattr(practice, legacy)}
                    filled = bool(values["value_text"])
                answer = existing.get((practice.pk, question.pk))
                if not filled:
                    if answer is not None:
                        answer.delete()
                        changed += 1
                    continue
                if answer is None:
                    Answer.objects.create(practice=practice, question=question, **values)
                    changed += 1
                elif any(getattr(answer, name) != value for name, value in values.items()):
                    for name, value in values.items():
                        setattr(answer, name, value)
                    answer.save()
                    changed += 1
    return changed


def practice_answers_save(practice: Practice, answers: dict[CallQuestion, dict]) -> None:
    """Write `practice`'s answers to questions of its call that are not fixed fields:
    {question: the Answer columns to set} (question_fields.answer_columns; a file question's
    {"value_file": an upload, or "" to remove it}). An emptied answer is deleted (a draft may
    be partial: nothing is required here, see transition.check_complete); every other answer
    is checked by validate_answer. Raises ValidationError keyed by the form's field names
    (question_<id>) and writes nothing if one answer is refused; the caller's transaction
    (services.practice_save) also keeps the practice's own fields from being half-saved.
    """
    if not answers:
        return
    for question in answers:
        # the form only offers its call's questions, the fixed fields apart: anything else is a
        # caller's bug (a question hidden since the form was built is harmless: it is saved)
        if question.call_id != practice.call_id or question.legacy_field:
            raise ValueError(f"question {question.pk} is not one of this practice's call's")
    existing = {
        answer.question_id: answer
        for answer in Answer.objects.select_for_update().filter(
            practice=practice, question__in=list(answers)
        )
    }
    errors: dict[str, list] = {}
    to_save, to_delete = [], []
    for question, columns in answers.items():
        answer = existing.get(question.pk) or Answer(practice=practice, question=question)
        for name, value in columns.items():
            setattr(answer, name, value)
        if answer.is_empty:
            if answer.pk is not None:
                to_delete.append(answer.pk)
            continue
        try:
            validate_answer(question, answer)
        except ValidationError as exc:
            errors[field_name(question)] = [
                message for messages in exc.message_dict.values() for message in messages
            ]
            continue
        to_save.append(answer)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        if to_delete:
            Answer.objects.filter(pk__in=to_delete).delete()
        for answer in to_save:
            answer.save()
