"""The answers of practices to their call's questions (issue #19), read for display: the review
page, the public page, the CSV export, the API and the open data.

Every output reads them through `answers_of` (one query for any number of practices): each
answer with its question's label in the active language and its value as display text. Which
answers an output may show:

- private outputs (the review page, the staff's CSV export) show every answered question, public
  or not, hidden from new submissions or not: a reviewer judges what the SME wrote;
- public outputs (the public page, search, the API, the open data) show only the answers of
  questions that are public and not hidden (`public_only`). A coordinator hides a question to
  retire it; its old answers stop being shown to visitors with it, rather than lingering on
  old practices' pages under a question the call no longer asks. File answers are not shown
  publicly either: no public address serves them.

The four original questions (`legacy_field`) are still stored in Practice's own columns, which
the public page, search, API and open data have always shown in their own way (a list of tools
with links, the call's wording as heading); they show them unless a coordinator made their
question private or hid it (`page_answers`, `legacy_hidden_by_call`).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Q
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext

from skillup.dates import format_day

from .cache import practices_version
from .models import Answer, CallQuestion, QuestionKind
from .models.questions import CHOICE_KINDS


@dataclass(frozen=True)
class ShownAnswer:
    """One answer as people read it."""

    question_id: int
    label: str  # the question, in the active language (modeltranslation's fallback otherwise)
    kind: str
    value: str  # the answer as one line or paragraph of text
    items: list[str] = field(default_factory=list)  # a choice question's choices, "other" last
    other: str = ""  # a choice question's "other" answer, in the SME's words (and language)
    legacy_field: str = ""
    is_public: bool = True
    is_hidden: bool = False
    file_name: str = ""
    file_url: str = ""  # where the SME's members and staff open it (never public)
    # the value for machine-readable outputs (CSV): number, ISO date, bool, choice values
    raw: object = None
    # (for the templates' lang_of: a label shown in English where its translation is empty)
    question: CallQuestion | None = field(default=None, compare=False, repr=False)


def answers_of(practices: Iterable, *, public_only: bool = False) -> dict[int, list[ShownAnswer]]:
    """{practice id: its answers in the order of its call's questions}, empty answers left out.
    `practices` are Practice objects or ids. One query, whatever their number."""
    ids = [getattr(p, "pk", p) for p in practices]
    if not ids:
        return {}
    answers = Answer.objects.filter(practice_id__in=ids).select_related("question")
    if public_only:
        # files too stay private: no public address serves an answer's file (yet)
        answers = answers.filter(question__is_public=True, question__is_hidden=False).exclude(
            question__kind=QuestionKind.FILE
        )
    shown: dict[int, list[ShownAnswer]] = {pk: [] for pk in ids}
    for answer in answers.order_by("practice_id", "question__position", "question_id"):
        if answer.is_empty:
            continue
        shown[answer.practice_id].append(shown_answer(answer.question, answer))
    return shown


def shown_answer(question: CallQuestion, answer: Answer) -> ShownAnswer:
    """`answer` as display text, in the active language."""
    kind = question.kind
    items: list[str] = []
    file_name = ""
    raw: object
    if kind in CHOICE_KINDS:
        items = [question.choice_label(value) for value in answer.value_choices or []]
        if answer.value_text:
            items.append(answer.value_text)
        value = ", ".join(items)
        raw = {"choices": list(answer.value_choices or []), "other": answer.value_text}
    elif kind == QuestionKind.NUMBER:
        value = number_format(answer.value_number, force_grouping=True)
        raw = answer.value_number
    elif kind == QuestionKind.DATE:
        value = format_day(answer.value_date)
        raw = answer.value_date.isoformat() if answer.value_date else None
    elif kind == QuestionKind.YES_NO:
        value = gettext("Yes") if answer.value_bool else gettext("No")
        raw = answer.value_bool
    elif kind == QuestionKind.FILE:
        # files are stored under a random name (models.questions._answer_file_path)
        file_name = answer.value_file.name.rsplit("/", 1)[-1] if answer.value_file else ""
        value = file_name
        raw = file_name
    else:
        value = answer.value_text
        raw = answer.value_text
    return ShownAnswer(
        question_id=question.pk,
        label=str(question.label),
        kind=kind,
        value=value,
        items=items,
        legacy_field=question.legacy_field,
        is_public=question.is_public,
        is_hidden=question.is_hidden,
        file_name=file_name,
        file_url=reverse("practices:answer_file", args=[answer.pk]) if file_name else "",
        raw=raw,
        other=answer.value_text if kind in CHOICE_KINDS else "",
        question=question,
    )


def questions_shown(questions: Iterable[CallQuestion], answered: set[int]) -> list[CallQuestion]:
    """A practice's call's questions as its private pages list them (the SME's detail page,
    the review page), in their order: every question the form asks, and one hidden from new
    submissions only if this practice answered it (`answered`: the ids of its questions with
    an answer; a fixed field's answer follows its column)."""
    return [q for q in questions if not q.is_hidden or q.pk in answered]


@dataclass(frozen=True)
class ReviewItem:
    """One question of the review page, in the call's order: a legacy one (its answer read from
    Practice's column by the template) or another one with its answer (None: not answered)."""

    legacy_field: str
    label: str
    answer: ShownAnswer | None = None
    is_public: bool = True
    is_hidden: bool = False


LEGACY_ORDER = ("online_learning", "methodology", "tools", "keep_learning")


def review_items(practice) -> list[ReviewItem]:
    """Every question of the practice's call the reviewer reads, in the call's order: the
    questions the form asks, answered or not, and those hidden from new submissions that this
    practice answered. The four original questions come first where the call does not have
    them as questions (a call older than migration 0022, or one made by a test factory). Two
    queries."""
    answers = {a.question_id: a for a in answers_of([practice])[practice.pk]}
    questions = CallQuestion.objects.filter(call_id=practice.call_id).order_by("position", "pk")
    items = []
    seen_legacy = {q.legacy_field for q in questions if q.legacy_field}
    for question in questions_shown(questions, set(answers)):
        answer = answers.get(question.pk)
        items.append(
            ReviewItem(
                legacy_field=question.legacy_field,
                label=str(question.label),
                answer=None if question.legacy_field else answer,
                is_public=question.is_public,
                is_hidden=question.is_hidden,
            )
        )
    missing = [ReviewItem(legacy_field=f, label="") for f in LEGACY_ORDER if f not in seen_legacy]
    return missing + items


def question_columns(practices) -> list[tuple[int, str]]:
    """(question id, header) of a CSV export's answer columns: every question of the calls of
    `practices` (a queryset), call by call in their order. With one call the header is the
    question; with several, "call-slug: question", since two calls may ask the same words
    (the four original questions) and each column is one call's question. One query."""
    questions = list(
        CallQuestion.objects.filter(call_id__in=practices.order_by().values("call_id"))
        .select_related("call")
        .order_by("call__slug", "position", "pk")
    )
    several = len({q.call_id for q in questions}) > 1
    return [(q.pk, f"{q.call.slug}: {q.label}" if several else str(q.label)) for q in questions]


def export_value(answer: ShownAnswer):
    """An answer's CSV cell: numbers as numbers and dates in ISO 8601 (machine-readable, as
    every date of the exports), anything else as the text people read."""
    if answer.kind in (QuestionKind.NUMBER, QuestionKind.DATE):
        return answer.raw
    return answer.value


def legacy_hidden_by_call() -> dict[int, set[str]]:
    """The fixed fields of Practice (online_learning, …) whose question visitors may not read
    (made private or hidden by a coordinator), for every call at once: {call id: fields} (one
    query; calls that hide none are left out, as calls without such questions)."""
    hidden: dict[int, set[str]] = {}
    for call_id, legacy in (
        CallQuestion.objects.exclude(legacy_field="")
        .filter(Q(is_public=False) | Q(is_hidden=True))
        .values_list("call_id", "legacy_field")
    ):
        hidden.setdefault(call_id, set()).add(legacy)
    return hidden


# (practices version) → {call id: its questions}; the latest version's only. A question saved
# bumps the version (services.call_question_save, the call's admin), so a page or an API answer
# never reads an old list; built per process, as api.listing's calls map.
_QUESTIONS: dict[int, dict[int, list[CallQuestion]]] = {}


def call_questions(call_id: int) -> list[CallQuestion]:
    """The questions of a call in their order (one query per call and practices version in
    each process)."""
    version = practices_version()
    calls = _QUESTIONS.get(version)
    if calls is None:
        _QUESTIONS.clear()  # an older version's lists (threads: the last writer wins)
        calls = _QUESTIONS[version] = {}
    questions = calls.get(call_id)
    if questions is None:
        questions = calls[call_id] = list(
            CallQuestion.objects.filter(call_id=call_id).order_by("position", "pk")
        )
    return questions


def page_answers(practice, *, with_legacy: bool = False) -> tuple[list[ShownAnswer], set[str]]:
    """What one published practice's page shows of its answers: the public answers to its
    call's questions (`with_legacy`: the four original ones' included; the page shows those
    from Practice's columns), and the original fields whose question visitors may not read (as
    legacy_hidden_by_call). The call's questions come from call_questions; the answers take one
    query, none when the call asks no other public question (most calls: the four originals)."""
    questions = call_questions(practice.call_id)
    hidden = {
        q.legacy_field
        for q in questions
        if q.legacy_field and not (q.is_public and not q.is_hidden)
    }
    shown = {
        q.pk: q
        for q in questions
        if q.is_public
        and not q.is_hidden
        and q.kind != QuestionKind.FILE
        and (with_legacy or not q.legacy_field)
    }
    if not shown:
        return [], hidden
    answers = Answer.objects.filter(practice_id=practice.pk, question_id__in=list(shown))
    by_question = {answer.question_id: answer for answer in answers}
    extras = [
        shown_answer(question, by_question[pk])
        for pk, question in shown.items()
        if pk in by_question and not by_question[pk].is_empty
    ]
    return extras, hidden
