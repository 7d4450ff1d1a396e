"""The form fields of a call's questions (issue #19), for the submission form's next phase.

Not wired to a page yet: the submission form still asks the four fixed fields. What is here is
the per-kind part the form will need, tested on its own: a question's field (or two, for a
choice question that allows another answer), the Answer columns a cleaned value fills, and the
initial value an Answer gives back. Fields are optional by default: a draft may be partial;
`required=True` is for the submission's check (as services.transition's REQUIRED_TO_SUBMIT).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Answer, CallQuestion, QuestionKind
from .models.questions import SHORT_TEXT_LIMIT
from .validators import validate_attachment

YES, NO = "yes", "no"
OTHER_SUFFIX = "_other"


def field_name(question: CallQuestion) -> str:
    """The form's name of a question's field (its id: labels change, ids do not)."""
    return f"question_{question.pk}"


def question_fields(question: CallQuestion, *, required: bool = False) -> dict[str, forms.Field]:
    """The form field(s) of `question`, labelled in the active language, validating its kind:
    text limits, the question's choices only, numbers within bounds, dates, files as the
    practices' attachments."""
    name = field_name(question)
    common = {"label": question.label, "help_text": question.help_text, "required": required}
    kind = question.kind
    if kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
        widget = (
            forms.Textarea(attrs={"rows": 4}) if kind == QuestionKind.LONG_TEXT else forms.TextInput
        )
        field = forms.CharField(max_length=question.text_limit, widget=widget, **common)
    elif kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE):
        choices = [(value, question.choice_label(value)) for value in question.choice_values()]
        if question.allow_other:
            # the choices or the other answer: checked together in answer_columns' caller
            common["required"] = False
        if kind == QuestionKind.SINGLE_CHOICE:
            field = forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
        else:
            field = forms.MultipleChoiceField(
                choices=choices, widget=forms.CheckboxSelectMultiple, **common
            )
    elif kind == QuestionKind.NUMBER:
        field = forms.IntegerField(
            min_value=question.min_value, max_value=question.max_value, **common
        )
    elif kind == QuestionKind.YES_NO:
        field = forms.TypedChoiceField(
            choices=[(YES, _("Yes")), (NO, _("No"))],
            coerce=lambda value: value == YES,
            empty_value=None,
            widget=forms.RadioSelect,
            **common,
        )
    elif kind == QuestionKind.DATE:
        field = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), **common)
    else:
        field = forms.FileField(validators=[validate_attachment], **common)
    fields = {name: field}
    if kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE) and question.allow_other:
        fields[name + OTHER_SUFFIX] = forms.CharField(
            label=_("Other"), max_length=SHORT_TEXT_LIMIT, required=False
        )
    return fields


def answer_columns(question: CallQuestion, value, other: str = "") -> dict:
    """The Answer columns a cleaned value of `question`'s field fills (the others emptied)."""
    columns = {
        "value_text": "",
        "value_number": None,
        "value_date": None,
        "value_bool": None,
        "value_choices": [],
    }
    kind = question.kind
    if kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
        columns["value_text"] = value or ""
    elif kind == QuestionKind.SINGLE_CHOICE:
        columns["value_choices"] = [value] if value else []
        columns["value_text"] = other or ""
    elif kind == QuestionKind.MULTIPLE_CHOICE:
        columns["value_choices"] = list(value or [])
        columns["value_text"] = other or ""
    elif kind == QuestionKind.NUMBER:
        columns["value_number"] = value
    elif kind == QuestionKind.YES_NO:
        columns["value_bool"] = value
    elif kind == QuestionKind.DATE:
        columns["value_date"] = value
    else:
        columns = {"value_file": value} if value else {}
    return columns


def initial_values(question: CallQuestion, answer: Answer | None) -> dict:
    """What the form shows for an existing answer (a draft reopened)."""
    if answer is None:
        return {}
    name = field_name(question)
    kind = question.kind
    if kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
        return {name: answer.value_text}
    if kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE):
        value = answer.value_choices
        if kind == QuestionKind.SINGLE_CHOICE:
            value = value[0] if value else ""
        initial = {name: value}
        if question.allow_other:
            initial[name + OTHER_SUFFIX] = answer.value_text
        return initial
    if kind == QuestionKind.NUMBER:
        return {name: answer.value_number}
    if kind == QuestionKind.YES_NO:
        return {name: None if answer.value_bool is None else (YES if answer.value_bool else NO)}
    if kind == QuestionKind.DATE:
        return {name: answer.value_date}
    return {name: answer.value_file or None}
