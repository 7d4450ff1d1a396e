"""The SME's forms: a practice (draft and submission), an answer to a request for detail, the
approval of the public version (and of a published practice's new text), an RSVP, a
withdrawal, taking a published practice down and publishing it again.

Forms only check the shape of what was sent; the rules (deadline, completeness to submit,
the call's length limit, the attachment's type and size) are checked by the services, and the
views put their messages on the fields.
"""

from crispy_forms.bootstrap import FormActions, StrictButton
from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Field, Fieldset, Layout, Submit
from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import MaxValueValidator
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from skillup.fields import ModelMultipleChoiceField

from .enums import OPEN_LICENCE_URL, Audience, PracticeState, Rsvp
from .language import (
    EU_LANGUAGES,
    detect_language,
    interface_content_language,
    sorted_language_choices,
)
from .models import Call, LegacyField, Practice, QuestionKind, Topic, TrainingTool
from .question_fields import (
    OTHER_SUFFIX,
    REMOVE_SUFFIX,
    answer_columns,
    field_name,
    file_description,
    initial_values,
    question_fields,
)
from .services import MSG_NEEDS_CONSENT

MSG_LANGUAGE_INVALID = _("Choose the language of your text from the list.")
MSG_LANGUAGE_HELP = _(
    "The language you write your practice in: visitors see it, and search uses it."
)
MSG_LANGUAGE_HELP_AUTO = _(
    "The language you write your practice in: visitors see it, and search uses it. Left "
    "unchanged, it becomes the language we recognise in your text when you save."
)
MSG_LANGUAGE_DETECTED = _(
    "Suggested from your text: %(language)s. Change it if your text is in another language."
)

# The Practice fields of the four original questions, in their order, and their columns' limit.
LEGACY_NAMES = [
    LegacyField.ONLINE_LEARNING.value,
    LegacyField.METHODOLOGY.value,
    LegacyField.TOOLS.value,
    LegacyField.KEEP_LEARNING.value,
]
LEGACY_TEXT_LIMIT = 5000

# The "action" a practice form's buttons send.
ACTION_SAVE = "save"
ACTION_SUBMIT = "submit"

# Fields a person types into stay selectable when read-only (they can copy their text);
# the others are disabled (an HTML attribute only: the form keeps what was posted).
_TYPED_WIDGETS = (forms.TextInput, forms.Textarea, forms.NumberInput)
_FORM_ATTRS = {"novalidate": "", "data-submit-once": ""}


def _attachment_help() -> str:
    return _("A PDF, PNG or JPEG file of at most %(limit)s.") % {
        "limit": filesizeformat(settings.PRACTICE_ATTACHMENT_MAX_BYTES)
    }


def _make_read_only(form: forms.Form) -> None:
    for field in form.fields.values():
        if isinstance(field.widget, _TYPED_WIDGETS):
            field.widget.attrs["readonly"] = True
        else:
            field.widget.attrs["disabled"] = True


class PracticeForm(forms.Form):
    """One page, in parts: the practice, the call's questions, its reach, a file, confirmations.

    Only the title is required here (a draft may be incomplete); what a submission needs is
    checked by services.practice_submit(). `organisations` (several SMEs) adds a choice of the
    SME; `with_token` adds the hidden token that makes a double click create one practice.
    """

    organisation = forms.ModelChoiceField(
        label=_("On behalf of"), queryset=Organisation.objects.none(), empty_label=None
    )
    form_token = forms.UUIDField(widget=forms.HiddenInput, required=False)
    title = forms.CharField(label=_("Title of the practice"), max_length=200)
    short_description = forms.CharField(
        label=_("Short description"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    # empty (an old browser's post, a script): the language is detected, see clean_language
    language = forms.ChoiceField(
        label=_("Language of your text"),
        required=False,
        error_messages={"invalid_choice": MSG_LANGUAGE_INVALID},
    )
    # the language preselected for the SME rather than chosen by it (a new practice: the
    # interface language): left as it was, it gives way to the language detected from the text
    language_auto = forms.CharField(widget=forms.HiddenInput, required=False, max_length=2)
    online_learning = forms.CharField(
        required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    methodology = forms.CharField(
        required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    tools = ModelMultipleChoiceField(
        queryset=TrainingTool.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    other_tools = forms.CharField(
        label=_("Other tools"),
        required=False,
        max_length=300,
        help_text=_("Tools not in the list, separated by commas."),
    )
    keep_learning = forms.CharField(
        required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    audience = forms.ChoiceField(
        label=_("Who takes part"),
        choices=Audience.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    employees_reached = forms.IntegerField(
        label=_("Employees reached"), required=False, min_value=0, max_value=1_000_000
    )
    since_year = forms.IntegerField(
        label=_("In place since (year)"),
        required=False,
        min_value=1950,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    topics = ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=Topic.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    attachment = forms.FileField(
        label=_("Image or PDF (optional)"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
    )
    remove_attachment = forms.BooleanField(label=_("Remove the current file"), required=False)
    internal_confirmed = forms.BooleanField(
        label=_(
            "This practice is internal: our SME runs it itself. It is not provided by an "
            "external company or training provider."
        ),
        help_text=_("Required to submit."),
        required=False,
    )
    publication_consent = forms.BooleanField(
        label=_(
            "We agree that this practice may be published on SkillUp if it is selected, and "
            "that anyone may reuse its public text under the Creative Commons Attribution 4.0 "
            "licence (CC BY 4.0), crediting our SME."
        ),
        required=False,
    )

    def __init__(
        self,
        *args,
        call: Call,
        practice: Practice | None = None,
        organisations=None,
        with_token: bool = False,
        read_only: bool = False,
        **kwargs,
    ) -> None:
        if practice is not None and "initial" not in kwargs:
            kwargs["initial"] = initial_from(practice)
        if practice is None:  # a new practice: the interface language, until the text says
            language = interface_content_language()
            kwargs["initial"] = {"language": language, "language_auto": language} | (
                kwargs.get("initial") or {}
            )
        super().__init__(*args, **kwargs)
        languages = EU_LANGUAGES
        if practice is not None and practice.language not in languages:
            languages = (*languages, practice.language)  # set by staff (Icelandic, Norwegian)
        self.fields["language"].choices = sorted_language_choices(languages)
        self.fields["language"].help_text = (
            MSG_LANGUAGE_HELP_AUTO if practice is None else MSG_LANGUAGE_HELP
        )
        self.fields["publication_consent"].help_text = licence_help()
        self.detected_language: str | None = None
        self.call = call
        self.practice = practice
        self.read_only = read_only
        if organisations is not None and len(organisations) > 1:
            self.fields["organisation"].queryset = Organisation.objects.filter(
                pk__in=[o.pk for o in organisations]
            ).order_by("name")
        else:
            del self.fields["organisation"]
        if not with_token:
            del self.fields["form_token"]
        if practice is None or not practice.attachment:
            del self.fields["remove_attachment"]

        limit = call.description_max_length
        description = self.fields["short_description"]
        description.help_text = _(
            "A few sentences or a paragraph: at most %(limit)s characters."
        ) % {"limit": limit}
        description.widget.attrs.update(
            {
                "data-charcount-limit": str(limit),
                # {count} and {limit} are filled in by static/js/charcount.js
                "data-charcount-text": _("{count} / {limit} characters"),
            }
        )
        self.question_names = self._add_questions(call, practice)
        this_year = timezone.now().year
        self.fields["since_year"].validators.append(MaxValueValidator(this_year))
        self.fields["since_year"].widget.attrs["max"] = this_year
        self.fields["attachment"].help_text = _attachment_help()
        if read_only:
            _make_read_only(self)
        self.helper = self._helper()

    def _add_questions(self, call: Call, practice: Practice | None) -> list:
        """Ask the call's questions in their order (issue #19); returns the layout's items.

        A question replacing one of the four fixed fields keeps that field (the column the rest
        of the code reads), labelled and limited as the question says; one the call no longer
        asks (hidden or deleted) is left out, and its column is left as it is. The others get
        question_fields' fields, with their answers as initial values. A hidden question's
        answer is kept but not shown: the SME can no longer change it. A call without any
        question (made before questions existed, or without its defaults) asks the four fixed
        fields under its own question_* wording, as before.
        """
        # two queries whatever the number of questions (the choices live on the question)
        self.questions = list(call.questions.all())
        self.answers = (
            {answer.question_id: answer for answer in practice.answers.all()}
            if practice is not None
            else {}
        )
        self.asked = [question for question in self.questions if not question.is_hidden]
        if not self.questions:
            for name in LEGACY_NAMES:
                self.fields[name].label = getattr(call, f"question_{name}")
            return ["online_learning", "methodology", "tools", "other_tools", "keep_learning"]
        by_legacy = {question.legacy_field: question for question in self.asked}
        for name in LEGACY_NAMES:
            question = by_legacy.get(name)
            if question is None:
                del self.fields[name]
                if name == "tools":
                    del self.fields["other_tools"]
                continue
            field = self.fields[name]
            if name != "tools":
                # the question's limit, never above the column's
                limit = min(question.text_limit or LEGACY_TEXT_LIMIT, LEGACY_TEXT_LIMIT)
                field = self.fields[name] = forms.CharField(
                    required=False, max_length=limit, widget=forms.Textarea(attrs={"rows": 4})
                )
            field.label = question.label
            field.help_text = _required_help(question, escape(question.help_text))
        items = []
        for question in self.asked:
            if question.legacy_field:
                items.append(question.legacy_field)
                if question.legacy_field == "tools":
                    items.append("other_tools")
                continue
            fields = question_fields(question)
            name = field_name(question)
            fields[name].help_text = _required_help(question, fields[name].help_text)
            self.fields.update(fields)
            if practice is not None:
                for key, value in initial_values(question, self.answers.get(question.pk)).items():
                    self.initial.setdefault(key, value)
            answer = self.answers.get(question.pk)
            if question.kind == QuestionKind.FILE and answer is not None and answer.value_file:
                self.fields[name + REMOVE_SUFFIX] = forms.BooleanField(
                    label=_("Remove the current file"), required=False
                )
                current = HTML(
                    format_html(
                        '<p class="mb-1">{} {}</p>',
                        _("Current file:"),
                        file_description(answer.value_file),
                    )
                )
                items += [name, current, name + REMOVE_SUFFIX]
            else:
                items += list(fields)
        return items

    def _helper(self) -> FormHelper:
        helper = FormHelper()
        helper.attrs = dict(_FORM_ATTRS)
        existing = ""
        if "remove_attachment" in self.fields:
            existing = HTML(
                format_html(
                    '<p>{} <a href="{}">{}</a></p>',
                    _("Current file:"),
                    reverse("practices:practice_attachment", kwargs={"pk": self.practice.pk}),
                    _("open the attached file"),
                )
            )
        helper.layout = Layout(
            *(["organisation"] if "organisation" in self.fields else []),
            *(["form_token"] if "form_token" in self.fields else []),
            Fieldset(
                _("Your practice"),
                "title",
                Field("short_description"),
                "language",
                "language_auto",
            ),
            Fieldset(_("Answers to the call's questions"), *self.question_names),
            Fieldset(_("Reach"), "audience", "employees_reached", "since_year", "topics"),
            Fieldset(
                _("Attachment"),
                *([existing, "remove_attachment"] if existing else []),
                "attachment",
            ),
            Fieldset(_("Confirmations"), "internal_confirmed", "publication_consent"),
        )
        if not self.read_only:
            if self.practice is not None and self.practice.state == PracticeState.SUBMITTED:
                buttons = [
                    StrictButton(
                        _("Save changes"),
                        type="submit",
                        name="action",
                        value=ACTION_SAVE,
                        css_class="btn-primary",
                    )
                ]
            else:
                buttons = [
                    StrictButton(
                        _("Save draft"),
                        type="submit",
                        name="action",
                        value=ACTION_SAVE,
                        css_class="btn-outline-primary",
                    ),
                    StrictButton(
                        _("Submit"),
                        type="submit",
                        name="action",
                        value=ACTION_SUBMIT,
                        css_class="btn-primary ms-2",
                    ),
                ]
            helper.layout.append(FormActions(*buttons))
        return helper

    def make_read_only(self) -> None:
        """No buttons, nothing to change (what was posted stays visible, to copy)."""
        self.read_only = True
        _make_read_only(self)
        action = self.helper.form_action
        self.helper = self._helper()
        self.helper.form_action = action

    def clean(self) -> dict:
        """The language: the SME's choice, unless it is the preselection it left untouched (or
        nothing was sent) and the text says another language. Shown again, the form then
        offers the detected language (its data is changed to say so)."""
        data = super().clean()
        if self.has_error("language"):
            return data
        chosen = data.get("language") or ""
        auto = data.get("language_auto") or ""
        if chosen and chosen != auto:
            return data
        detected = detect_language(
            "\n".join(
                data.get(name) or ""
                for name in (
                    "title",
                    "short_description",
                    "online_learning",
                    "methodology",
                    "keep_learning",
                )
            )
        )
        fallback = self.practice.language if self.practice is not None else None
        language = detected or chosen or fallback or interface_content_language()
        data["language"] = language
        if detected:
            self.detected_language = detected
            help_text = MSG_LANGUAGE_DETECTED % {
                "language": dict(self.fields["language"].choices)[detected]
            }
            # the bound field copied the help text when it was made: both say it
            self.fields["language"].help_text = self["language"].help_text = help_text
        # shown again (an error, a refusal): the select says the language that will be saved
        self.data = self.data.copy()
        self.data[self.add_prefix("language")] = language
        self.data[self.add_prefix("language_auto")] = language
        return data

    @property
    def wants_submit(self) -> bool:
        return self.data.get("action") == ACTION_SUBMIT

    def service_fields(self) -> dict:
        """What services.practice_save() takes, from the cleaned data."""
        data = self.cleaned_data
        fields = {
            name: data[name]
            for name in (
                "title",
                "short_description",
                "language",
                "online_learning",
                "methodology",
                "other_tools",
                "keep_learning",
                "audience",
                "employees_reached",
                "since_year",
                "internal_confirmed",
                "publication_consent",
            )
            if name in self.fields  # a fixed field the call no longer asks keeps its value
        }
        if "tools" in self.fields:
            fields["tools"] = list(data["tools"])
        fields["topics"] = list(data["topics"])
        fields["answers"] = self.answer_columns()
        if data.get("attachment"):
            fields["attachment"] = data["attachment"]
        elif data.get("remove_attachment"):
            fields["attachment"] = False
        return fields

    def answer_columns(self) -> dict:
        """{question: the Answer columns to write} for the asked questions that are not fixed
        fields. A file question without a new file and without its "remove" box ticked is left
        out: its answer stays as it is."""
        data = self.cleaned_data
        answers = {}
        for question in self.asked:
            if question.legacy_field:
                continue
            name = field_name(question)
            if question.kind == QuestionKind.FILE:
                # without a new upload, FileField gives back the stored file: not a change
                if isinstance(data.get(name), UploadedFile):
                    answers[question] = {"value_file": data[name]}
                elif data.get(name + REMOVE_SUFFIX):
                    answers[question] = {"value_file": ""}
                continue
            answers[question] = answer_columns(
                question, data.get(name), data.get(name + OTHER_SUFFIX, "")
            )
        return answers


def _required_help(question, help_text: str) -> str:
    """A required question says so under it (a draft is saved without its answer)."""
    if not question.required:
        return help_text
    return (
        format_html("{} {}", help_text, _("Required to submit."))
        if help_text
        else _("Required to submit.")
    )


def licence_help() -> str:
    """The consent's help text, with a link to the licence it names (the wording of version
    enums.PUBLICATION_CONSENT_VERSION)."""
    return format_html(
        '{} <a href="{}" rel="license noopener external">{}</a>',
        _(
            "Before publication you will see the public version and approve it. The public "
            "text then also goes into the portal's open data downloads."
        ),
        OPEN_LICENCE_URL,
        _("Read the CC BY 4.0 licence"),
    )


def initial_from(practice: Practice) -> dict:
    return {
        "title": practice.title,
        "short_description": practice.short_description,
        "language": practice.language,
        "online_learning": practice.online_learning,
        "methodology": practice.methodology,
        "tools": list(practice.tools.all()),
        "other_tools": practice.other_tools,
        "keep_learning": practice.keep_learning,
        "audience": practice.audience,
        "employees_reached": practice.employees_reached,
        "since_year": practice.since_year,
        "topics": list(practice.topics.all()),
        "internal_confirmed": practice.internal_confirmed,
        "publication_consent": practice.publication_consent,
    }


class _ConfirmForm(forms.Form):
    """A short form of the SME's pages with one button: `button` is (name, label, css class).
    Consent boxes are never ticked in advance."""

    button: tuple = ("confirm", "", "btn-primary")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if "consent" in self.fields:
            self.fields["consent"].initial = False
        name, label, css_class = self.button
        self.helper = FormHelper()
        self.helper.attrs = dict(_FORM_ATTRS)
        submit = Submit(name, label)
        submit.field_classes = f"btn {css_class}"  # not "btn-primary btn-danger": one colour
        self.helper.add_input(submit)


class WithdrawForm(_ConfirmForm):
    comment = forms.CharField(
        label=_("Why are you withdrawing it? (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    button = ("withdraw", _("Withdraw this practice"), "btn-danger")


class DetailAnswerForm(_ConfirmForm):
    answer = forms.CharField(
        label=_("Your answer"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 8})
    )
    answer_attachment = forms.FileField(
        label=_("Image or PDF (optional)"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
    )

    button = ("send", _("Send the answer"), "btn-primary")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["answer_attachment"].help_text = _attachment_help()


class PublicVersionApprovalForm(_ConfirmForm):
    consent = forms.BooleanField(
        label=_(
            "We approve this public version and consent to its publication on SkillUp, "
            "with the name of our SME, and to its reuse by anyone under the Creative Commons "
            "Attribution 4.0 licence (CC BY 4.0)."
        ),
        error_messages={"required": MSG_NEEDS_CONSENT},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["consent"].help_text = licence_help()

    button = ("approve", _("Approve the public version"), "btn-primary")


class PublicTextApprovalForm(_ConfirmForm):
    """The SME approves the new public text staff proposed for its published practice. The
    proposal's id says which text was read: a newer proposal is not approved unseen."""

    proposal = forms.IntegerField(widget=forms.HiddenInput)

    button = ("approve", _("Approve the new text"), "btn-primary")


class TakeDownForm(_ConfirmForm):
    comment = forms.CharField(
        label=_("Why are you taking it down? (optional, for the programme's coordinators)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    button = ("take_down", _("Take it off the public site"), "btn-danger")


class PublishAgainForm(_ConfirmForm):
    consent = forms.BooleanField(
        label=_(
            "We consent to the publication of this practice on SkillUp again, with the name of "
            "our SME, and to its reuse by anyone under the Creative Commons Attribution 4.0 "
            "licence (CC BY 4.0)."
        ),
        error_messages={"required": MSG_NEEDS_CONSENT},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["consent"].help_text = licence_help()

    button = ("publish", _("Publish it again"), "btn-primary")


class RsvpForm(_ConfirmForm):
    rsvp = forms.ChoiceField(
        label=_("Will you attend?"),
        choices=[(Rsvp.YES, _("Yes, we will attend")), (Rsvp.NO, _("No, we cannot attend"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether you will attend.")},
    )

    button = ("answer", _("Send the answer"), "btn-primary")
