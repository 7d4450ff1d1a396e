"""A call's questions, edited in the call's admin page (issue #19): one folded block per
question, its label and help asked in English, then per language as the call's own texts.

The choices of a choice question are written one per line, `value | label` (a new line may be
just a label: its value is made from it); the other languages give their labels line by line in
the same order (an empty line shows the English label). Values stay when labels change: answers
keep values. A choice some answer holds cannot be removed, an answered question cannot change
its kind nor be deleted (it can be hidden from new submissions).
"""

from django import forms
from django.conf import settings
from django.contrib.admin.widgets import AdminTextareaWidget
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline

from ..models import CallQuestion
from ..models.questions import CHOICE_KINDS
from ..translation import LANGUAGE_CODES, english, translation_fieldsets

SEPARATOR = "|"
CHOICES_HELP = _(
    "Choice questions only: one choice per line, as “value | label” (a line with only a label "
    "gets a value made from it). Keep the value when you reword a label: answers keep values."
)
TRANSLATED_CHOICES_HELP = _(
    "One label per line, in the order of the English choices; an empty line shows the English "
    "label."
)


def _choices_field(code: str) -> str:
    return f"choices_{code}"


class CallQuestionForm(forms.ModelForm):
    """A question, with its choices as one text per language (see the module's doc)."""

    class Meta:
        model = CallQuestion
        fields: list[str] = []  # the inline says which

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for code in LANGUAGE_CODES:
            english_one = code == settings.LANGUAGE_CODE
            lines = []
            for choice in self.instance.choices or []:
                label = (choice.get("label") or {}).get(code, "")
                lines.append(f"{choice['value']} {SEPARATOR} {label}" if english_one else label)
            self.initial[_choices_field(code)] = "\n".join(lines)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("DELETE") and self.instance.has_answers():
            # said before the admin's own refusal (which lists the protected answers)
            self.add_error(
                None,
                gettext("This question has answers: it cannot be deleted. Hide it instead."),
            )
        kind = data.get("kind", self.instance.kind)
        english_text = (data.get(_choices_field(settings.LANGUAGE_CODE)) or "").strip()
        if kind not in CHOICE_KINDS:
            if english_text:
                self.add_error(
                    _choices_field(settings.LANGUAGE_CODE),
                    gettext("Only choice questions have choices."),
                )
            self.instance.choices = []
            return data
        choices = self._parse_choices(english_text, data)
        removed = {c["value"] for c in self.instance.choices or []} - {c["value"] for c in choices}
        if removed and self.instance.pk:
            held = {
                value
                for values in self.instance.answers.values_list("value_choices", flat=True)
                for value in values
            } & removed
            if held:
                self.add_error(
                    _choices_field(settings.LANGUAGE_CODE),
                    ngettext(
                        "Answers hold the choice %(values)s: keep it (you may reword its label).",
                        "Answers hold the choices %(values)s: keep them (you may reword their "
                        "labels).",
                        len(held),
                    )
                    % {"values": ", ".join(sorted(held))},
                )
        self.instance.choices = choices
        return data

    def _parse_choices(self, english_text: str, data: dict) -> list[dict]:
        choices = []
        values = set()
        for line in english_text.splitlines():
            if not line.strip():
                continue
            value, _sep, label = line.partition(SEPARATOR)
            if not _sep:
                value, label = "", value
            value, label = slugify(value.strip())[:60], label.strip()
            if not value:
                value = slugify(label)[:60] or f"choice-{len(choices) + 1}"
                base, n = value, 2
                while value in values:
                    value, n = f"{base}-{n}", n + 1
            values.add(value)
            choices.append({"value": value, "label": {settings.LANGUAGE_CODE: label}})
        for code in LANGUAGE_CODES:
            if code == settings.LANGUAGE_CODE:
                continue
            labels = (data.get(_choices_field(code)) or "").splitlines()
            if len([line for line in labels if line.strip()]) > len(choices):
                self.add_error(
                    _choices_field(code), gettext("There are more labels than English choices.")
                )
            for choice, label in zip(choices, labels, strict=False):
                if label.strip():
                    choice["label"][code] = label.strip()
        return choices

    def _update_errors(self, errors: ValidationError) -> None:
        # the model's errors on its JSON list of choices belong to the English text of them
        if hasattr(errors, "error_dict") and "choices" in errors.error_dict:
            errors.error_dict.setdefault(_choices_field(settings.LANGUAGE_CODE), []).extend(
                errors.error_dict.pop("choices")
            )
        super()._update_errors(errors)


def _declare_choices_fields() -> None:
    """One text of choices per language, declared on the form (the admin's fieldsets name them,
    and a ModelForm only accepts names it declares or its model has)."""
    for code in LANGUAGE_CODES:
        english_one = code == settings.LANGUAGE_CODE
        field = forms.CharField(
            label=_("Choices"),
            required=False,
            widget=AdminTextareaWidget(attrs={"rows": 5}),
            help_text=CHOICES_HELP if english_one else TRANSLATED_CHOICES_HELP,
        )
        CallQuestionForm.base_fields[_choices_field(code)] = field
        CallQuestionForm.declared_fields[_choices_field(code)] = field


_declare_choices_fields()


class CallQuestionInline(TranslationStackedInline):
    """The call's questions, in their order (position, then creation)."""

    model = CallQuestion
    form = CallQuestionForm
    verbose_name_plural = _("Question list of the call")
    extra = 0
    ordering = ["position", "pk"]
    classes = ["collapse"]
    # a question is a sentence or two, not a page
    formfield_overrides = {models.TextField: {"widget": AdminTextareaWidget(attrs={"rows": 2})}}
    fieldsets = (
        (
            None,
            {
                "fields": (
                    *english("label", "help_text"),
                    ("kind", "position"),
                    # one a line: their help texts do not fit side by side on a phone
                    "required",
                    "is_public",
                    "is_hidden",
                )
            },
        ),
        (
            _("Settings for this kind of question"),
            {
                "fields": (
                    "max_length",
                    ("min_value", "max_value"),
                    _choices_field(settings.LANGUAGE_CODE),
                    "allow_other",
                ),
                "description": _(
                    "Text questions: the limit. Number questions: the bounds. Choice questions: "
                    "the choices. Other settings are left empty."
                ),
            },
        ),
        *[
            (
                name,
                {**options, "fields": (*options["fields"], _choices_field(code))},
            )
            for (name, options), code in zip(
                translation_fieldsets("label", "help_text"),
                [c for c in LANGUAGE_CODES if c != settings.LANGUAGE_CODE],
                strict=True,
            )
        ],
    )
