"""The company admins' and mentors' forms: a pledge, a mentor invitation, a mentor's profile.

Forms check the shape of what was sent (required, lengths, ranges, known choices, dates in
order); the rules (who may, in which state, what completes a profile) are the services'. The
views call the services with `service_fields()` and put their messages on the fields.
"""

from crispy_forms.bootstrap import FormActions, StrictButton
from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Field, Fieldset, Layout, Submit
from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.translation import gettext_lazy as _

from accounts.enums import NaceSection, eu_eea_country_choices
from matching.levels import level_choices
from matching.models import Skill
from matching.selectors import skill_groups
from skillup.i18n import language_choices

from .commitments import COMMITMENTS
from .enums import Availability, CoalitionPillar, GeographicalScope
from .invitation_csv import (
    MAX_BYTES,
    MAX_ROWS,
    MSG_TOO_BIG,
    ExpertRow,
    FileRefused,
    read_experts,
    unpack_rows,
)
from .models import (
    BIO_MAX,
    DESCRIPTION_MAX,
    MAX_CAPACITY,
    MAX_TARGET,
    ConfidentialityAgreement,
    MentorProfile,
    Pledge,
)

# The "action" the pledge form's buttons send.
ACTION_SAVE = "save"
ACTION_SEND = "send"

# Server-side errors with their labels, not browser pop-ups; one submission per click.
_FORM_ATTRS = {"novalidate": "", "data-submit-once": ""}
_DATE_FORMAT = "%Y-%m-%d"  # what <input type="date"> sends and shows

MSG_COMMITMENT_REQUIRED = _("Confirm this commitment to pledge.")
MSG_PILLAR_REQUIRED = _("Choose the Coalition pillar your pledge serves.")
MSG_SCOPE_REQUIRED = _("Choose the geographical scope of your pledge.")
MSG_TARGET_NEGATIVE = _("Enter zero or a positive whole number.")
MSG_ENDS_BEFORE_START = _("The end date cannot be before the start date.")
MSG_PAUSED_NEEDS_DATE = _("Say until when you pause: a date in the future.")
MSG_PAUSED_DATE_PAST = _("The end of the pause must be a date in the future.")
MSG_AGREEMENT_REQUIRED = _("Accept the confidentiality agreement to mentor SMEs.")
MSG_CAPACITY = _("Enter a number from 1 to %(max)d.")


def _date_widget() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format=_DATE_FORMAT)


def _charcount(field: forms.CharField, limit: int) -> None:
    """The length limit in the help text, and a live counter (static/js/charcount.js)."""
    field.help_text = _("At most %(limit)s characters.") % {"limit": limit}
    field.widget.attrs.update(
        {
            "data-charcount-limit": str(limit),
            "data-charcount-text": _("{count} / {limit} characters"),
        }
    )


# --------------------------------------------------------------------------------------------
# Pledge
# --------------------------------------------------------------------------------------------
class FoldedCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes folded in a `<details>` per group of choices, in columns where the screen is
    wide (static/css/pledges.css): a long list costs one line on a phone until it is opened.
    Without JavaScript. A group with a ticked choice is open, and says how many are ticked, so
    nothing chosen is hidden; so is every group of a field with an error (`open = True`, set by
    the form after validation). Choices without a group are one group, summarised by `summary`
    and their number ("Choose countries (30)")."""

    template_name = "volunteers/widgets/folded_checkboxes.html"

    def __init__(self, *args, summary: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.summary = summary
        self.open = False

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        groups: list[dict] = []
        for group_name, options, _index in context["widget"]["optgroups"]:
            if group_name is None and groups and groups[-1]["name"] is None:
                groups[-1]["options"].extend(options)  # ungrouped choices: one group
            else:
                groups.append({"name": group_name, "options": list(options)})
        for group in groups:
            group["chosen"] = sum(1 for option in group["options"] if option["selected"])
            group["open"] = self.open or bool(group["chosen"])
        context["widget"].update(groups=groups, summary=self.summary)
        return context


class PledgeForm(forms.Form):
    """The whole pledge on one page. The three commitments are required and never ticked in
    advance: each save confirms them again, for what is saved."""

    description = forms.CharField(
        label=_("Description of your pledge"),
        max_length=DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    # radio buttons, none ticked in advance: the company chooses (a drop-down would show, and
    # send, its first option as if it had been chosen)
    pillar = forms.ChoiceField(
        label=_("Coalition pillar"),
        choices=CoalitionPillar.choices,
        widget=forms.RadioSelect,
        error_messages={"required": MSG_PILLAR_REQUIRED},
    )
    scope = forms.ChoiceField(
        label=_("Geographical scope"),
        choices=GeographicalScope.choices,
        widget=forms.RadioSelect,
        error_messages={"required": MSG_SCOPE_REQUIRED},
    )
    expertise = forms.MultipleChoiceField(
        label=_("Areas of expertise offered"),
        required=False,
        widget=FoldedCheckboxes,
        help_text=_("What your mentors can teach SMEs. Open an area to tick its competences."),
    )
    countries = forms.MultipleChoiceField(
        label=_("Countries served"),
        required=False,
        widget=FoldedCheckboxes(summary=_("Choose countries")),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages served"),
        required=False,
        choices=language_choices,  # named and sorted in the reader's language
        widget=FoldedCheckboxes(summary=_("Choose languages")),
    )
    target_smes = forms.IntegerField(label=_("SMEs to support"))
    target_mentors = forms.IntegerField(label=_("Mentors to engage"))
    target_hours = forms.IntegerField(label=_("Mentoring hours"))
    starts_on = forms.DateField(label=_("Start date"), widget=_date_widget())
    ends_on = forms.DateField(label=_("End date"), widget=_date_widget())
    is_public = forms.BooleanField(
        label=_("Show the pledge in the public Pledge Viewer once approved"),
        required=False,
        initial=True,
    )

    def __init__(self, *args, pledge: Pledge | None = None, **kwargs) -> None:
        if pledge is not None and "initial" not in kwargs:
            kwargs["initial"] = pledge_initial(pledge)
        super().__init__(*args, **kwargs)
        self.pledge = pledge
        for name, text in COMMITMENTS:
            self.fields[name] = forms.BooleanField(
                label=text,
                initial=False,
                error_messages={"required": MSG_COMMITMENT_REQUIRED},
            )
        self._skills = {}
        expertise_choices = []
        for legend, skills in skill_groups():
            self._skills.update({str(skill.pk): skill for skill in skills})
            expertise_choices.append((legend, [(str(s.pk), str(s)) for s in skills]))
        self.fields["expertise"].choices = expertise_choices
        self.fields["countries"].choices = eu_eea_country_choices()
        for name in ("target_smes", "target_mentors", "target_hours"):
            field = self.fields[name]
            field.min_value, field.max_value = 0, MAX_TARGET
            field.validators = [
                MinValueValidator(0, message=MSG_TARGET_NEGATIVE),
                MaxValueValidator(MAX_TARGET),
            ]
            field.widget.attrs.update({"min": 0, "max": MAX_TARGET, "inputmode": "numeric"})
            field.initial = 0
        _charcount(self.fields["description"], DESCRIPTION_MAX)
        self.helper = self._helper()

    def _helper(self) -> FormHelper:
        helper = FormHelper()
        helper.attrs = dict(_FORM_ATTRS)
        helper.layout = Layout(
            Fieldset(
                _("The three commitments of a Digital Volunteer"),
                HTML(
                    format_html(
                        '<p class="form-text">{}</p>',
                        _("Tick each commitment to confirm it. All three are required."),
                    )
                ),
                *(name for name, _text in COMMITMENTS),
            ),
            Fieldset(_("Your pledge"), "description", "pillar", "scope"),
            Field("expertise", template="volunteers/partials/folded_choices_field.html"),
            Fieldset(
                _("Where and for whom"),
                Field("countries", template="volunteers/partials/folded_choices_field.html"),
                Field("languages", template="volunteers/partials/folded_choices_field.html"),
            ),
            Fieldset(_("Targets"), "target_smes", "target_mentors", "target_hours"),
            Fieldset(_("Dates and visibility"), "starts_on", "ends_on", "is_public"),
            FormActions(
                StrictButton(
                    _("Save draft"),
                    type="submit",
                    name="action",
                    value=ACTION_SAVE,
                    css_class="btn-outline-primary",
                ),
                StrictButton(
                    _("Save and send for approval"),
                    type="submit",
                    name="action",
                    value=ACTION_SEND,
                    css_class="btn-primary ms-2",
                ),
            ),
        )
        return helper

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:  # a folded list with an error opens, to show where it is
            widget = self.fields[name].widget if name in self.fields else None
            if isinstance(widget, FoldedCheckboxes):
                widget.open = True

    def clean(self) -> dict:
        data = super().clean()
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", MSG_ENDS_BEFORE_START)
        return data

    @property
    def wants_send(self) -> bool:
        return self.data.get("action") == ACTION_SEND

    def service_fields(self) -> dict:
        """What services.pledge_create() and pledge_update() take as `fields`."""
        data = self.cleaned_data
        fields = {
            name: data[name]
            for name in (
                "description",
                "pillar",
                "scope",
                "countries",
                "languages",
                "target_smes",
                "target_mentors",
                "target_hours",
                "starts_on",
                "ends_on",
                "is_public",
            )
        }
        fields.update({name: data[name] for name, _text in COMMITMENTS})
        return fields

    def service_expertise(self) -> list[Skill]:
        return [self._skills[pk] for pk in self.cleaned_data["expertise"]]


def pledge_initial(pledge: Pledge) -> dict:
    """The pledge's values for its edit form (the commitments stay unticked)."""
    return {
        "description": pledge.description,
        "pillar": pledge.pillar,
        "scope": pledge.scope,
        "expertise": [str(skill.pk) for skill in pledge.expertise.all()],
        "countries": [country.code for country in pledge.countries],
        "languages": list(pledge.languages),
        "target_smes": pledge.target_smes,
        "target_mentors": pledge.target_mentors,
        "target_hours": pledge.target_hours,
        "starts_on": pledge.starts_on,
        "ends_on": pledge.ends_on,
        "is_public": pledge.is_public,
    }


class PledgeMoveForm(forms.Form):
    """One button of the company's pledge dashboard: the state it moves the pledge to."""

    target = forms.CharField(max_length=20)


# --------------------------------------------------------------------------------------------
# Mentor invitation
# --------------------------------------------------------------------------------------------
class MentorInvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("Expert's email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        help_text=_("Inviting the same address again sends the invitation again."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.attrs = dict(_FORM_ATTRS)
        self.helper.add_input(Submit("invite", _("Send the invitation")))


class MentorInvitationCSVForm(forms.Form):
    """A CSV of experts to invite (invitation_csv says what is accepted). A valid form has
    `rows`, each with its problems; a file refused as a whole is an error on the field."""

    file = forms.FileField(
        label=_("CSV file of experts"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def __init__(self, *args, default_language: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.default_language = default_language
        self.rows: list[ExpertRow] = []
        self.fields["file"].help_text = _(
            "Columns: email, name, language. At most %(rows)s experts and %(kb)s KB."
        ) % {"rows": MAX_ROWS, "kb": MAX_BYTES // 1024}
        self.helper = FormHelper()
        self.helper.attrs = dict(_FORM_ATTRS)
        self.helper.add_input(Submit("preview", _("Check the file")))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:  # before reading it
            raise forms.ValidationError(
                MSG_TOO_BIG % {"kb": MAX_BYTES // 1024, "rows": MAX_ROWS}, code="too_big"
            )
        try:
            self.rows = read_experts(upload.read(), default_language=self.default_language)
        except FileRefused as exc:
            raise forms.ValidationError(exc.message, code="refused") from exc
        return upload


class MentorInvitationConfirmForm(forms.Form):
    """The preview's confirmation: its signed rows (invitation_csv.pack_rows)."""

    rows = forms.CharField(widget=forms.HiddenInput, max_length=200_000)

    def __init__(self, *args, company_id: int, user_id: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.company_id, self.user_id = company_id, user_id

    def clean_rows(self) -> list[ExpertRow]:
        try:
            return unpack_rows(
                self.cleaned_data["rows"], company_id=self.company_id, user_id=self.user_id
            )
        except FileRefused as exc:
            raise forms.ValidationError(exc.message, code="refused") from exc


# --------------------------------------------------------------------------------------------
# Mentor profile
# --------------------------------------------------------------------------------------------
SKILL_PREFIX = "skill_"


class MentorProfileForm(forms.Form):
    """The mentor's own profile: who they are, their expertise (one level per competence they
    hold, grouped by area), their availability and the confidentiality agreement."""

    bio = forms.CharField(
        label=_("Short bio"),
        max_length=BIO_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you mentor in"),
        choices=language_choices,  # named and sorted in the reader's language
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    countries = forms.MultipleChoiceField(
        label=_("Countries you can work with"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sectors = forms.MultipleChoiceField(
        label=_("Sectors you know"),
        choices=NaceSection.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    capacity = forms.IntegerField(
        label=_("Capacity"),
        help_text=_("How many SMEs you can mentor at the same time (1 to 10)."),
        widget=forms.NumberInput(attrs={"min": 1, "max": MAX_CAPACITY, "inputmode": "numeric"}),
    )
    availability = forms.ChoiceField(
        label=_("Availability"), choices=Availability.choices, widget=forms.RadioSelect
    )
    paused_until = forms.DateField(
        label=_("Paused until"),
        required=False,
        widget=_date_widget(),
        help_text=_("Only when you pause: the date you are available again."),
    )

    def __init__(
        self,
        *args,
        mentor: MentorProfile,
        agreement: ConfidentialityAgreement | None,
        **kwargs,
    ) -> None:
        if "initial" not in kwargs:
            kwargs["initial"] = mentor_initial(mentor)
        super().__init__(*args, **kwargs)
        self.mentor = mentor
        self.agreement = agreement
        capacity_message = MSG_CAPACITY % {"max": MAX_CAPACITY}
        self.fields["capacity"].validators = [
            MinValueValidator(1, message=capacity_message),
            MaxValueValidator(MAX_CAPACITY, message=capacity_message),
        ]
        self.fields["countries"].choices = eu_eea_country_choices()
        _charcount(self.fields["bio"], BIO_MAX)
        self.fields["bio"].help_text = _(
            "A few lines on your experience, for the coordinators and the SMEs you are proposed "
            "to: at most %(limit)s characters."
        ) % {"limit": BIO_MAX}

        self._skills: dict[str, Skill] = {}
        self.skill_groups: list[tuple[str, list[str]]] = []
        for legend, skills in skill_groups():
            names = []
            for skill in skills:
                name = f"{SKILL_PREFIX}{skill.pk}"
                self._skills[name] = skill
                self.fields[name] = forms.TypedChoiceField(
                    label=str(skill),
                    choices=level_choices(skill.framework.key, _("— not my expertise —")),
                    coerce=int,
                    empty_value=None,
                    required=False,
                )
                names.append(name)
            self.skill_groups.append((legend, names))

        self.agreement_accepted = mentor.has_accepted(agreement)
        if agreement is not None and not self.agreement_accepted:
            self.fields["accept_agreement"] = forms.BooleanField(
                label=_("I accept the confidentiality agreement, version %(version)s.")
                % {"version": agreement.version},
                initial=False,
                error_messages={"required": MSG_AGREEMENT_REQUIRED},
            )
        self.helper = self._helper()

    def _helper(self) -> FormHelper:
        helper = FormHelper()
        helper.attrs = dict(_FORM_ATTRS)
        expertise = Fieldset(
            _("Your expertise"),
            HTML(
                format_html(
                    '<p class="form-text">{}</p>',
                    _(
                        "Choose a level only for the competences you could teach. Levels follow "
                        "one common scale; the framework's own levels are shown beside them."
                    ),
                )
            ),
            *(
                Fieldset(escape(legend), *names, css_class="mb-3")
                for legend, names in self.skill_groups
            ),
        )
        agreement = []
        if "accept_agreement" in self.fields:
            agreement = [
                Fieldset(
                    _("Confidentiality agreement"),
                    HTML('{% include "volunteers/partials/mentor_agreement_text.html" %}'),
                    "accept_agreement",
                )
            ]
        helper.layout = Layout(
            Fieldset(_("About you"), "bio", "languages", "countries", "sectors"),
            expertise,
            Fieldset(_("Availability"), "capacity", "availability", "paused_until"),
            *agreement,
            FormActions(Submit("save", _("Save my profile"))),
        )
        return helper

    def clean(self) -> dict:
        data = super().clean()
        if data.get("availability") == Availability.PAUSED:
            until = data.get("paused_until")
            if until is None and "paused_until" not in self.errors:
                self.add_error("paused_until", MSG_PAUSED_NEEDS_DATE)
            elif until is not None and until <= timezone.localdate():
                self.add_error("paused_until", MSG_PAUSED_DATE_PAST)
        return data

    def service_fields(self) -> dict:
        """What services.mentor_profile_update() takes as `fields`."""
        data = self.cleaned_data
        paused = data["availability"] == Availability.PAUSED
        return {
            "bio": data["bio"],
            "languages": data["languages"],
            "countries": data["countries"],
            "sectors": data["sectors"],
            "capacity": data["capacity"],
            "availability": data["availability"],
            "paused_until": data["paused_until"] if paused else None,
        }

    def service_skills(self) -> list[tuple[Skill, int]]:
        return [
            (skill, self.cleaned_data[name])
            for name, skill in self._skills.items()
            if self.cleaned_data.get(name) is not None
        ]

    @property
    def accepts_agreement(self) -> bool:
        return bool(self.cleaned_data.get("accept_agreement"))


def mentor_initial(mentor: MentorProfile) -> dict:
    initial = {
        "bio": mentor.bio,
        "languages": list(mentor.languages),
        "countries": [country.code for country in mentor.countries],
        "sectors": list(mentor.sectors),
        "capacity": mentor.capacity,
        "availability": mentor.availability,
        "paused_until": mentor.paused_until,
    }
    for mentor_skill in mentor.skills.all():
        initial[f"{SKILL_PREFIX}{mentor_skill.skill_id}"] = mentor_skill.level
    return initial
