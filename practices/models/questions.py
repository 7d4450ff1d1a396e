"""A call's own questions (issue #19) and the answers a practice gives them.

A call has an ordered list of questions of several kinds; each practice of the call has at most
one Answer per question, whose value sits in the column of the question's kind (value_text,
value_number, value_date, value_bool, value_choices, value_file). The four fixed questions of
the first calls (Practice.online_learning, methodology, tools + other_tools, keep_learning) were
copied into questions and answers by migration 0022; `legacy_field` says which question took
over which field, until those fields are removed.

Choices are a JSON list on the question ([{"value": "moodle", "label": {"en": "Moodle", "fr":
…}}, …]) rather than a model of their own: Django's admin cannot nest an inline of choices in
the call's inline of questions (a page of their own would be a new admin URL for one list), a
question is always read with its choices (one row, no extra query to render a form), and an
answer keeps the choices' `value`s, which stay the same when a label is reworded or translated.
"""

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from ..validators import validate_attachment
from .calls import Call
from .practices import Practice

SHORT_TEXT_LIMIT = 300  # a short text's highest (and default) limit: one line
LONG_TEXT_DEFAULT_LIMIT = 5000  # what the four fixed long answers allowed
LONG_TEXT_LIMIT = 20_000
NUMBER_LIMIT = 10**12  # answers and bounds stay well inside a bigint

MSG_KIND_ANSWERED = _(
    "This question already has answers: its kind cannot change. Hide it from new submissions "
    "and add a new question instead."
)
MSG_REQUIRED = _("Please answer this question.")
MSG_TOO_LONG = _("Keep this answer to %(limit)d characters (it has %(length)d).")
MSG_BAD_CHOICE = _("“%(value)s” is not one of the choices.")
MSG_ONE_CHOICE = _("Choose one answer.")
MSG_BELOW = _("Enter a number of at least %(limit)s.")
MSG_ABOVE = _("Enter a number of at most %(limit)s.")
MSG_NOT_A_NUMBER = _("Enter a whole number.")
MSG_NOT_A_DATE = _("Enter a date.")
MSG_NOT_YES_NO = _("Answer yes or no.")


class QuestionKind(models.TextChoices):
    SHORT_TEXT = "short_text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")
    SINGLE_CHOICE = "single_choice", _("Single choice")
    MULTIPLE_CHOICE = "multiple_choice", _("Multiple choice")
    NUMBER = "number", pgettext_lazy("question kind", "Number")
    YES_NO = "yes_no", _("Yes or no")
    DATE = "date", _("Date")
    FILE = "file", _("File (PDF, PNG or JPEG)")


TEXT_KINDS = frozenset({QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT})
CHOICE_KINDS = frozenset({QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE})


class LegacyField(models.TextChoices):
    """The fixed fields of Practice that the four original questions replace."""

    ONLINE_LEARNING = "online_learning", _("online learning")
    METHODOLOGY = "methodology", _("methodology")
    TOOLS = "tools", _("training tools")
    KEEP_LEARNING = "keep_learning", _("keeping staff learning")


def _answer_file_path(instance, filename: str) -> str:
    # as the practices' attachments: a random name, never the uploader's
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"answers/{uuid.uuid4().hex}.{extension}"


class CallQuestion(models.Model):
    """One question of a call's submission form. Managed in the call's admin page.

    A question that has answers keeps its kind (clean() and services.call_question_save refuse
    the change): it can be hidden from new submissions instead, its answers kept and shown.
    """

    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(
        _("kind"), max_length=20, choices=QuestionKind.choices, default=QuestionKind.LONG_TEXT
    )
    label = models.TextField(_("question"), max_length=500)
    help_text = models.TextField(_("help text"), max_length=1000, blank=True)
    required = models.BooleanField(_("required"), default=False)
    is_public = models.BooleanField(
        _("public"),
        default=True,
        help_text=_("The answer is shown on the practice's public page once it is published."),
    )
    is_hidden = models.BooleanField(
        _("hidden from new submissions"),
        default=False,
        help_text=_("The form no longer asks it; the answers already given are kept."),
    )
    max_length = models.PositiveIntegerField(
        _("maximum characters"),
        null=True,
        blank=True,
        help_text=_("Text questions only. Empty: 300 for a short text, 5000 for a long one."),
    )
    min_value = models.BigIntegerField(_("lowest number"), null=True, blank=True)
    max_value = models.BigIntegerField(_("highest number"), null=True, blank=True)
    # [{"value": "moodle", "label": {"en": "Moodle", "fr": "Moodle"}}, …]: see the module's doc
    choices = models.JSONField(_("choices"), default=list, blank=True)
    allow_other = models.BooleanField(
        _("allow another answer"),
        default=False,
        help_text=_("Choice questions only: a free text beside the choices (“Other”)."),
    )
    legacy_field = models.CharField(
        _("replaces the field"),
        max_length=20,
        choices=LegacyField.choices,
        blank=True,
        editable=False,
    )

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["call", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "legacy_field"],
                condition=~models.Q(legacy_field=""),
                name="practices_callquestion_one_per_legacy_field",
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def text_limit(self) -> int | None:
        """The most characters a text answer may have (None for other kinds)."""
        if self.kind == QuestionKind.SHORT_TEXT:
            return self.max_length or SHORT_TEXT_LIMIT
        if self.kind == QuestionKind.LONG_TEXT:
            return self.max_length or LONG_TEXT_DEFAULT_LIMIT
        return None

    def choice_values(self) -> list[str]:
        return [choice["value"] for choice in self.choices]

    def choice_label(self, value: str, language: str | None = None) -> str:
        """A choice's label in `language` (the active one by default), else in English."""
        language = (language or get_language() or settings.LANGUAGE_CODE)[:2]
        for choice in self.choices:
            if choice["value"] == value:
                labels = choice.get("label") or {}
                return labels.get(language) or labels.get(settings.LANGUAGE_CODE) or value
        return value

    def has_answers(self) -> bool:
        return self.pk is not None and self.answers.exists()

    def kind_change_refused(self) -> bool:
        """Would saving this question change the kind of a question that has answers?"""
        if self.pk is None:
            return False
        stored = CallQuestion.objects.filter(pk=self.pk).values_list("kind", flat=True).first()
        return stored is not None and stored != self.kind and self.has_answers()

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list] = {}
        if self.kind_change_refused():
            errors.setdefault("kind", []).append(MSG_KIND_ANSWERED)
        if self.kind in TEXT_KINDS:
            ceiling = SHORT_TEXT_LIMIT if self.kind == QuestionKind.SHORT_TEXT else LONG_TEXT_LIMIT
            if self.max_length is not None and not 1 <= self.max_length <= ceiling:
                errors.setdefault("max_length", []).append(
                    _("Between 1 and %(limit)d characters for this kind.") % {"limit": ceiling}
                )
        elif self.max_length is not None:
            errors.setdefault("max_length", []).append(_("Only text questions have a limit."))
        if self.kind == QuestionKind.NUMBER:
            for name in ("min_value", "max_value"):
                value = getattr(self, name)
                if value is not None and abs(value) > NUMBER_LIMIT:
                    errors.setdefault(name, []).append(_("This number is out of range."))
            if (
                self.min_value is not None
                and self.max_value is not None
                and self.min_value > self.max_value
            ):
                errors.setdefault("max_value", []).append(
                    _("The highest number must not be below the lowest.")
                )
        elif self.min_value is not None or self.max_value is not None:
            errors.setdefault("min_value", []).append(_("Only number questions have bounds."))
        if self.kind in CHOICE_KINDS:
            errors_of_choices = _choices_errors(self.choices)
            if errors_of_choices:
                errors.setdefault("choices", []).extend(errors_of_choices)
        else:
            if self.choices:
                errors.setdefault("choices", []).append(_("Only choice questions have choices."))
            if self.allow_other:
                errors.setdefault("allow_other", []).append(
                    _("Only choice questions allow another answer.")
                )
        if errors:
            raise ValidationError(errors)


def _choices_errors(choices) -> list:
    """What is wrong with a question's list of choices (see the module's doc for its shape)."""
    if not isinstance(choices, list) or not choices:
        return [_("A choice question needs at least one choice.")]
    seen = set()
    for choice in choices:
        if (
            not isinstance(choice, dict)
            or not isinstance(choice.get("value"), str)
            or not choice["value"]
            or not isinstance(choice.get("label"), dict)
            or not str(choice["label"].get(settings.LANGUAGE_CODE, "")).strip()
        ):
            return [_("Each choice needs a value and an English label.")]
        if choice["value"] in seen:
            return [_("Two choices have the same value “%(value)s”.") % {"value": choice["value"]}]
        seen.add(choice["value"])
    return []


class Answer(models.Model):
    """A practice's answer to one question of its call, in the column of the question's kind."""

    practice = models.ForeignKey(
        Practice, verbose_name=_("practice"), on_delete=models.CASCADE, related_name="answers"
    )
    # an answered question is hidden, not deleted: its answers stay
    question = models.ForeignKey(
        CallQuestion, verbose_name=_("question"), on_delete=models.PROTECT, related_name="answers"
    )
    value_text = models.TextField(_("text"), blank=True)  # also a choice question's "other"
    value_number = models.BigIntegerField(_("number"), null=True, blank=True)
    value_date = models.DateField(_("date"), null=True, blank=True)
    value_bool = models.BooleanField(_("yes or no"), null=True, blank=True)
    value_choices = models.JSONField(_("choices"), default=list, blank=True)
    value_file = models.FileField(
        _("file"),
        upload_to=_answer_file_path,
        blank=True,
        max_length=200,
        validators=[validate_attachment],
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "question"], name="practices_answer_one_per_question"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.practice_id} – {self.question_id}"

    @property
    def is_empty(self) -> bool:
        return (
            not self.value_text
            and self.value_number is None
            and self.value_date is None
            and self.value_bool is None
            and not self.value_choices
            and not self.value_file
        )

    def clean(self) -> None:
        super().clean()
        if self.practice_id and self.question_id and self.practice.call_id != self.question.call_id:
            raise ValidationError({"question": _("This question belongs to another call.")})
        if self.question_id:
            validate_answer(self.question, self)


def validate_answer(question: CallQuestion, answer: "Answer") -> None:
    """Raise a ValidationError (on the answer's value column) unless `answer` fits `question`:
    required, text limits, choices among the question's, numbers within bounds, files as the
    practices' attachments. The submission form (next phase) calls it for each question."""
    kind = question.kind
    if question.required and answer.is_empty:
        raise ValidationError({_value_field(kind): MSG_REQUIRED}, code="required")
    if kind in TEXT_KINDS:
        limit = question.text_limit
        if len(answer.value_text) > limit:
            raise ValidationError(
                {"value_text": MSG_TOO_LONG % {"limit": limit, "length": len(answer.value_text)}},
                code="max_length",
            )
    elif kind in CHOICE_KINDS:
        values = answer.value_choices
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise ValidationError({"value_choices": MSG_BAD_CHOICE % {"value": values}})
        known = set(question.choice_values())
        for value in values:
            if value not in known:
                raise ValidationError(
                    {"value_choices": MSG_BAD_CHOICE % {"value": value}}, code="invalid_choice"
                )
        if kind == QuestionKind.SINGLE_CHOICE and len(values) > 1:
            raise ValidationError({"value_choices": MSG_ONE_CHOICE}, code="invalid_choice")
        if answer.value_text and not question.allow_other:
            raise ValidationError({"value_text": _("This question has no “other” answer.")})
        if len(answer.value_text) > SHORT_TEXT_LIMIT:
            raise ValidationError(
                {
                    "value_text": MSG_TOO_LONG
                    % {"limit": SHORT_TEXT_LIMIT, "length": len(answer.value_text)}
                },
                code="max_length",
            )
    elif kind == QuestionKind.NUMBER:
        number = answer.value_number
        if number is not None:
            if not isinstance(number, int) or isinstance(number, bool):
                raise ValidationError({"value_number": MSG_NOT_A_NUMBER}, code="invalid")
            low = question.min_value if question.min_value is not None else -NUMBER_LIMIT
            high = question.max_value if question.max_value is not None else NUMBER_LIMIT
            if number < low:
                raise ValidationError({"value_number": MSG_BELOW % {"limit": low}}, code="min")
            if number > high:
                raise ValidationError({"value_number": MSG_ABOVE % {"limit": high}}, code="max")
    elif kind == QuestionKind.DATE:
        if answer.value_date is not None and not isinstance(answer.value_date, datetime.date):
            raise ValidationError({"value_date": MSG_NOT_A_DATE}, code="invalid")
    elif kind == QuestionKind.YES_NO:
        if answer.value_bool not in (None, True, False):
            raise ValidationError({"value_bool": MSG_NOT_YES_NO}, code="invalid")
    elif kind == QuestionKind.FILE and answer.value_file:
        try:
            validate_attachment(answer.value_file)
        except ValidationError as exc:
            raise ValidationError({"value_file": exc.messages}) from exc
    # a value in a column of another kind is not an answer to this question
    stray = [
        name
        for name in _OTHER_COLUMNS
        if name != _value_field(kind)
        and not (name == "value_text" and kind in CHOICE_KINDS)
        and _column_set(answer, name)
    ]
    if stray:
        raise ValidationError(
            {stray[0]: _("This question is not answered with this kind of value.")}
        )


_OTHER_COLUMNS = (
    "value_text",
    "value_number",
    "value_date",
    "value_bool",
    "value_choices",
    "value_file",
)


def _column_set(answer: Answer, name: str) -> bool:
    value = getattr(answer, name)
    if name in ("value_number", "value_date", "value_bool"):
        return value is not None
    return bool(value)


def _value_field(kind: str) -> str:
    """The Answer column a question of this kind fills."""
    return {
        QuestionKind.SHORT_TEXT: "value_text",
        QuestionKind.LONG_TEXT: "value_text",
        QuestionKind.SINGLE_CHOICE: "value_choices",
        QuestionKind.MULTIPLE_CHOICE: "value_choices",
        QuestionKind.NUMBER: "value_number",
        QuestionKind.YES_NO: "value_bool",
        QuestionKind.DATE: "value_date",
        QuestionKind.FILE: "value_file",
    }[kind]
