"""The form fields of a call's questions (issue #19), used by the submission form (forms.
PracticeForm) for the questions that are not one of the four fixed fields.

Per kind: a question's field (or two, for a choice question that allows another answer), the
Answer columns a cleaned value fills, the initial value an Answer gives back, and the answer as
the SME's detail page shows it. Fields are optional by default: a draft may be partial; what a
submission needs is checked by services.transition.check_complete.
"""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.translation import gettext_lazy as _

from .answers import shown_answer
from .models import Answer, CallQuestion, QuestionKind
from .models.questions import (
    MSG_BAD_CHOICE,
    MSG_NOT_A_DATE,
    MSG_NOT_A_NUMBER,
    MSG_REQUIRED,
    SHORT_TEXT_LIMIT,
)
from .validators import validate_attachment

YES, NO = "yes", "no"
OTHER_SUFFIX = "_other"
REMOVE_SUFFIX = "_remove"  # a file question's "remove the current file" box

# Django's own messages, in the words of models.questions' (Django names the numbers otherwise)
MSG_FIELD_TOO_LONG = _("Keep this answer to %(limit_value)d characters (it has %(show_value)d).")
MSG_FIELD_BELOW = _("Enter a number of at least %(limit_value)s.")
MSG_FIELD_ABOVE = _("Enter a number of at most %(limit_value)s.")


def field_name(question: CallQuestion) -> str:
    """The form's name of a question's field (its id: labels change, ids do not)."""
    return f"question_{question.pk}"


def question_fields(question: CallQuestion, *, required: bool = False) -> dict[str, forms.Field]:
    """The form field(s) of `question`, labelled in the active language, validating its kind:
    text limits, the question's choices only, numbers within bounds, dates, files as the
    practices' attachments."""
    name = field_name(question)
    # help texts are rendered unescaped by Django's and crispy's templates: a coordinator's
    # "<b>" stays text
    common = {
        "label": question.label,
        "help_text": escape(question.help_text),
        "required": required,
    }
    kind = question.kind
    # the messages of validate_answer (services.questions checks the answer again), not Django's
    common["error_messages"] = {
        "required": MSG_REQUIRED,
        "max_length": MSG_FIELD_TOO_LONG,
        "invalid_choice": MSG_BAD_CHOICE,
        "invalid": MSG_NOT_A_DATE if kind == QuestionKind.DATE else MSG_NOT_A_NUMBER,
        "min_value": MSG_FIELD_BELOW,
        "max_value": MSG_FIELD_ABOVE,
    }
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
        bounds = _bounds_help(question)
        if bounds:
            help_text = common["help_text"]
            common["help_text"] = format_html("{} {}", help_text, bounds) if help_text else bounds
        field = forms.IntegerField(
            min_value=question.min_value,
            max_value=question.max_value,
            # the phone's number keyboard; a typed "1e9" or "12.5" gets MSG_NOT_A_NUMBER
            widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
            **common,
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
        common["error_messages"] = {"required": MSG_REQUIRED}
        field = forms.FileField(
            validators=[validate_attachment],
            # not ClearableFileInput: removing the current file is a box of the form's own
            widget=forms.FileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
            **common,
        )
    fields = {name: field}
    if kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE) and question.allow_other:
        fields[name + OTHER_SUFFIX] = forms.CharField(
            label=_("Other answer"),
            # the same visible label under every choice question: its name says which one
            # (it starts with the visible words, WCAG 2.5.3)
            widget=forms.TextInput(
                attrs={
                    "aria-label": _("Other answer to: %(question)s") % {"question": question.label}
                }
            ),
            max_length=SHORT_TEXT_LIMIT,
            required=False,
            error_messages={"max_length": MSG_FIELD_TOO_LONG},
        )
    return fields


def _bounds_help(question: CallQuestion) -> str:
    """What a number question's bounds allow, said before the SME types (not only on error)."""
    low, high = question.min_value, question.max_value
    if low is not None and high is not None:
        return _("A whole number from %(low)s to %(high)s.") % {"low": low, "high": high}
    if low is not None:
        return _("A whole number of at least %(low)s.") % {"low": low}
    if high is not None:
        return _("A whole number of at most %(high)s.") % {"high": high}
    return ""


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


def file_description(value) -> str:
    """A stored answer file as the SME reads it: "PDF, 120 KB" (the stored name is random)."""
    extension = value.name.rsplit(".", 1)[-1].upper() if "." in value.name else ""
    extension = "JPEG" if extension == "JPG" else extension
    try:
        size = filesizeformat(value.size)
    except OSError:  # the file went missing from storage: its type is still worth saying
        return extension or str(_("a file"))
    return f"{extension}, {size}" if extension else size


def answer_display(question: CallQuestion, answer: Answer | None) -> dict:
    """An answer as the SME's detail page shows it: {"text": …} (a text, choices by their labels
    in the active language, yes/no translated, a number), {"date": …} (localised by the
    template) or {"file": …} (its description); {} when unanswered."""
    if answer is None or answer.is_empty:
        return {}
    kind = question.kind
    if kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
        return {"text": answer.value_text, "multiline": kind == QuestionKind.LONG_TEXT}
    if kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.YES_NO):
        # choices by their labels, "other" last; yes/no translated: as every other output
        return {"text": shown_answer(question, answer).value}
    if kind == QuestionKind.NUMBER:
        return {"number": answer.value_number}
    if kind == QuestionKind.DATE:
        return {"date": answer.value_date}
    return {
        "file": file_description(answer.value_file),
        "file_url": reverse("practices:answer_file", args=[answer.pk]),
    }
