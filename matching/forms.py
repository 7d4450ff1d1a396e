"""The SMEs' and mentors' matchmaking forms: the needs profile, answering a proposal, a
partnership's goals, check-ins, its end, and each side's feedback (the SME's with its repeated
self-assessment).

Forms check the shape of what was sent (required, lengths, known choices and ids); the rules
(who may, in which state, a reason to decline, no check-in in the future) are the services'.
The views call the services with `service_*()` and put their messages on the fields.
"""

from crispy_forms.bootstrap import FormActions, StrictButton
from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Field, Fieldset, Layout
from crispy_forms.utils import TEMPLATE_PACK, render_field
from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Q, QuerySet
from django.forms.utils import ErrorDict
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from accounts.enums import OrganisationKind
from accounts.models import Organisation
from skillup.fields import ModelMultipleChoiceField
from skillup.i18n import language_choices
from volunteers.enums import MentorState

from .enums import Importance, MaturityDimension, MaturityLevel, MentoringMode, NeedsStatus
from .gap_choices import (
    IMPORTANCE_HINTS,
    LEVEL_HINTS,
    MAX_GAPS,
    GapChoice,
    chosen_gap_ids,
    gap_catalogue,
    parse_id,
)
from .levels import CommonLevel
from .models import CHALLENGE_MAX, NeedsProfile, Partnership, Skill

# Server-side errors with their labels, not browser pop-ups; one submission per click.
_FORM_ATTRS = {"novalidate": "", "data-submit-once": ""}
_DATE_FORMAT = "%Y-%m-%d"  # what <input type="date"> sends and shows

GAP_PREFIX = "gap_"
TARGET_PREFIX = "target_"
CLOSED_PREFIX = "closed_"  # the SME closed this gap (its feedback)
MATURITY_PREFIX = "maturity_"
REGION_MAX = 100
REASON_MAX = 2000
GOALS_MAX = 3000
NOTE_MAX = 2000
FEEDBACK_MAX = 3000

# The "action" each form of the partnership page sends with its button.
ACTION_GOALS = "goals"
ACTION_CHECKIN = "checkin"
ACTION_END = "end"
ACTION_FEEDBACK = "feedback"
# The proposal's two buttons.
ANSWER_ACCEPT = "accept"
ANSWER_DECLINE = "decline"
# How a partnership ends.
END_COMPLETED = "completed"
END_EARLY = "ended_early"

MSG_TARGET_NEEDED = _("Choose the level you aim for in this competence.")
MSG_IMPORTANCE_NEEDED = _("Choose how important this gap is, or remove it.")
# the SME's feedback: each of its gaps is still a gap (how important, what level) or closed
MSG_IMPORTANCE_OR_CLOSED = _("Choose how important this gap still is, or tick “Closed”.")
MSG_ACTIVE_NEEDS_GAPS = _(
    "To look for a mentor, state at least one skill gap — or save as a draft for now."
)
# formatted when shown, in the reader's language
_format_lazy = lazy(lambda message, values: str(message) % values, str)
MSG_GAPS_MAX = _format_lazy(
    _("You can choose at most %(max)d skill gaps. Remove one before adding another."),
    {"max": MAX_GAPS},
)
MSG_GAPS_TOO_MANY = _format_lazy(
    _("At most %(max)d skill gaps: remove some before saving."), {"max": MAX_GAPS}
)
MSG_GAP_UNKNOWN = _("This competence does not exist. Search again and choose one from the list.")
MSG_CHOOSE_ANSWER = _("Choose to accept or decline.")
MSG_MATURITY_INTRO = _(
    "Where does your business stand today on the six dimensions of the EU Digital Maturity "
    "Assessment for SMEs? From 0 (not started) to 5 (leading)."
)
MSG_ACTIVE_NEEDS_LANGUAGE = _("To look for a mentor, choose at least one language you work in.")


def _charcount(field: forms.CharField, limit: int, text=None) -> None:
    """The length limit in the help text, and a live counter (static/js/charcount.js)."""
    limit_text = _("At most %(limit)s characters.") % {"limit": limit}
    field.help_text = format_html("{} {}", text, limit_text) if text else limit_text
    field.widget.attrs.update(
        {
            "data-charcount-limit": str(limit),
            "data-charcount-text": _("{count} / {limit} characters"),
        }
    )


def _helper(*layout) -> FormHelper:
    helper = FormHelper()
    helper.attrs = dict(_FORM_ATTRS)
    helper.layout = Layout(*layout)
    return helper


def _button(label, *, name: str, value: str, css_class: str = "btn-primary") -> StrictButton:
    return StrictButton(label, type="submit", name=name, value=value, css_class=css_class)


# --------------------------------------------------------------------------------------------
# Skill gaps and maturity: shared by the needs form and the SME's feedback
# --------------------------------------------------------------------------------------------
def gap_level_fields(pk: int, label, importance, target, *, focus: bool = False) -> dict:
    """The two fields of one chosen gap (its importance and target level, both optional here:
    the form says what is missing), named by the gap's skill; `focus` puts the focus on it."""
    return {
        f"{GAP_PREFIX}{pk}": forms.TypedChoiceField(
            label=_("Importance: %(skill)s") % {"skill": label},
            choices=gap_importance_choices(),
            coerce=int,
            empty_value=None,
            required=False,
            initial=importance,
            widget=forms.Select(attrs={"autofocus": True} if focus else {}),
        ),
        f"{TARGET_PREFIX}{pk}": forms.TypedChoiceField(
            label=_("Target level: %(skill)s") % {"skill": label},
            choices=gap_target_choices(),
            coerce=int,
            empty_value=None,
            required=False,
            initial=target,
        ),
    }


class GapsAndMaturityMixin:
    """The SME's self-assessment, shared by the needs form and its feedback: one select per
    maturity dimension; the gaps' importance and target level are checked and handed to the
    services here (each form adds the fields of the gaps it shows: `_gap_skills`)."""

    def _add_maturity_fields(self, *, maturity: dict) -> None:
        choices = [
            ("", _("— not assessed —")),
            *((str(v), f"{v}. {label}") for v, label in MaturityLevel.choices),
        ]
        for dimension in MaturityDimension:
            self.fields[f"{MATURITY_PREFIX}{dimension.value}"] = forms.TypedChoiceField(
                label=dimension.label,
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
                initial=maturity.get(dimension.value),
            )

    def _maturity_fieldset(self) -> Fieldset:
        return Fieldset(
            _("Digital maturity"),
            HTML(format_html('<p class="form-text">{}</p>', MSG_MATURITY_INTRO)),
            *(f"{MATURITY_PREFIX}{d.value}" for d in MaturityDimension),
        )

    def _clean_gaps(self, *, importance_message=MSG_IMPORTANCE_NEEDED, skip=()) -> None:
        """Each gap shown needs both its importance and its target level (but those in `skip`:
        the gaps an SME closed, in its feedback)."""
        data = self.cleaned_data
        for pk in self._gap_skills:
            importance_name, target_name = f"{GAP_PREFIX}{pk}", f"{TARGET_PREFIX}{pk}"
            if pk in skip or importance_name in self.errors or target_name in self.errors:
                continue  # closed, or not a valid choice: said already
            if data.get(importance_name) is None:
                self.add_error(importance_name, importance_message)
            if data.get(target_name) is None:
                self.add_error(target_name, MSG_TARGET_NEEDED)

    def service_gaps(self) -> list[tuple[Skill, int, int]]:
        """(skill, importance, target level) for each competence marked as a gap."""
        data = self.cleaned_data
        gaps = []
        for pk, skill in self._gap_skills.items():
            importance = data.get(f"{GAP_PREFIX}{pk}")
            target = data.get(f"{TARGET_PREFIX}{pk}")
            if importance is not None and target is not None:
                gaps.append((skill, importance, target))
        return gaps

    def service_maturity(self) -> dict[str, int]:
        """{dimension: level} for the dimensions assessed."""
        data = self.cleaned_data
        return {
            d.value: data[f"{MATURITY_PREFIX}{d.value}"]
            for d in MaturityDimension
            if data.get(f"{MATURITY_PREFIX}{d.value}") is not None
        }


def current_gaps(needs: NeedsProfile | None) -> dict[int, tuple[int, int]]:
    if needs is None:
        return {}
    return {gap.skill_id: (gap.importance, gap.target_level) for gap in needs.gaps.all()}


# --------------------------------------------------------------------------------------------
# Needs profile
# --------------------------------------------------------------------------------------------
# The buttons and the search box of the needs form's skill gaps. An add, a remove, a search or
# "browse" posts the whole form back (nothing is lost, nothing is saved); any other post saves.
ADD_GAP = "add_gap"
REMOVE_GAP = "remove_gap"
SEARCH_SKILLS = "search_skills"
BROWSE_SKILLS = "browse_skills"
FIND_SKILL = "find_skill"  # the search box
BROWSING = "browsing"  # sent along while every skill is shown by area (kept after an add)


def gap_importance_choices() -> list[tuple[str, str]]:
    """Built per request: the labels and hints are translated when read."""
    return [
        ("", _("— choose —")),
        *((str(v), f"{label} – {IMPORTANCE_HINTS[v]}") for v, label in Importance.choices),
    ]


def gap_target_choices() -> list[tuple[str, str]]:
    return [
        ("", _("— choose —")),
        *((str(v), f"{v}. {label} – {LEVEL_HINTS[v]}") for v, label in CommonLevel.choices),
    ]


class ChosenGap:
    """One gap the SME chose: the competence in plain words and its two bound fields."""

    def __init__(self, choice: GapChoice, importance: forms.BoundField, target: forms.BoundField):
        self.choice = choice
        self.importance = importance
        self.target = target

    @property
    def fields(self) -> list[forms.BoundField]:
        return [self.importance, self.target]

    @property
    def errors(self) -> list:
        return [*self.importance.errors, *self.target.errors]


class GapPicker:
    """A crispy layout object: the chosen gaps and the search that adds more
    (templates/matching/partials/needs_gaps.html)."""

    def render(self, form, context, template_pack=None, **kwargs) -> str:
        return render_to_string(
            "matching/partials/needs_gaps.html",
            {"form": form, "finder": form.finder, "needs_url": form.needs_url},
            request=context.get("request"),
        )


class MaturityDetails:
    """A crispy layout object: the maturity self-assessment (optional) folded in a <details>
    whose summary says how many dimensions are assessed; open when one has an error."""

    def __init__(self, *fields) -> None:
        self.fields = list(fields)

    def render(self, form, context, template_pack=TEMPLATE_PACK, **kwargs) -> str:
        content = SafeString(
            "".join(
                render_field(field, form, context, template_pack=template_pack, **kwargs)
                for field in self.fields
            )
        )
        names = [f"{MATURITY_PREFIX}{d.value}" for d in MaturityDimension]
        assessed = sum(1 for name in names if form[name].value() not in (None, ""))
        summary = _("Digital maturity (optional): %(count)d/%(total)d rated") % {
            "count": assessed,
            "total": len(names),
        }
        is_open = any(form[name].errors for name in names)
        return format_html(
            '<details class="needs-maturity mb-3"{}><summary>{}</summary>'
            '<div class="needs-maturity-fields">{}</div></details>',
            " open" if is_open else "",
            summary,
            content,
        )


def excludable_companies(needs: NeedsProfile | None) -> QuerySet[Organisation]:
    """The companies an SME may exclude: large companies with an approved mentor (no other can
    ever be proposed), and those it excluded already (kept until it unticks them)."""
    with_mentors = Q(
        kind=OrganisationKind.LARGE_COMPANY,
        pk__in=Organisation.objects.filter(mentors__state=MentorState.APPROVED).values("pk"),
    )
    if needs is not None and needs.pk:
        with_mentors |= Q(pk__in=needs.excluded_companies.values("pk"))
    return Organisation.objects.filter(with_mentors).order_by("name", "pk")


class NeedsForm(GapsAndMaturityMixin, forms.Form):
    """The SME's whole needs profile on one page.

    The skill gaps are only those the SME chose (at most MAX_GAPS), each with its importance and
    target level: a post with ADD_GAP or REMOVE_GAP changes that list and shows the form again,
    as does a search (SEARCH_SKILLS, BROWSE_SKILLS); none of them saves or reports errors
    (`gap_action` says which it was). Any other post is a save, validated in full.
    """

    status = forms.ChoiceField(
        label=_("Status"),
        choices=NeedsStatus.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Only “Looking for a mentor” takes part in matching. Pause or close it at any time."
        ),
    )
    challenge = forms.CharField(
        label=_("Your challenge (confidential)"),
        max_length=CHALLENGE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you work in"),
        choices=language_choices,  # named and sorted in the reader's language
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    mode = forms.ChoiceField(
        label=_("Preferred mentoring mode"),
        choices=MentoringMode.choices,
        widget=forms.RadioSelect,
    )
    region = forms.CharField(
        label=_("Region or city (optional)"),
        max_length=REGION_MAX,
        required=False,
    )
    excluded_companies = ModelMultipleChoiceField(
        label=_("Companies to exclude"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Competitors, suppliers or customers whose experts must not mentor you; only "
            "companies with mentors are listed."
        ),
    )

    # the languages shown first (the interface's); the others are folded
    main_languages = tuple(code for code, _name in settings.LANGUAGES)

    def __init__(self, *args, needs: NeedsProfile | None = None, url: str = "", **kwargs) -> None:
        if "initial" not in kwargs:
            kwargs["initial"] = needs_initial(needs)
        super().__init__(*args, **kwargs)
        self.needs = needs
        self.needs_url = url  # where the form posts and the search asks
        self.fields["excluded_companies"].queryset = excludable_companies(needs)
        _charcount(
            self.fields["challenge"],
            CHALLENGE_MAX,
            _(
                "Confidential: read only by your SME's members, the coordinators and, once a "
                "partnership has started, your mentor."
            ),
        )
        self.catalogue = gap_catalogue()
        saved = current_gaps(needs)
        self.gap_action: str | None = None
        self.gap_note: tuple[str, str] | None = None  # (alert level, message) of an add/remove
        self.focus_gap: int | None = None  # the gap just added (its first select gets focus)
        self.finder = None  # the search's results (a GapFinder), set by the view
        if self.is_bound:
            chosen = chosen_gap_ids(self.data, self.catalogue)
            chosen = self._apply_gap_action(chosen)
        else:
            chosen = [pk for pk in saved if pk in self.catalogue]
        self.gap_ids = chosen
        self._add_chosen_gap_fields(chosen, saved)
        self._add_maturity_fields(maturity=(needs.maturity if needs else None) or {})
        self.helper = _helper(
            # the form's default button (Enter in a text box): a search, never a "Remove"
            HTML('{% include "matching/partials/needs_default_button.html" %}'),
            Field("status", wrapper_class="needs-choices"),
            GapPicker(),
            MaturityDetails(
                HTML(format_html('<p class="form-text">{}</p>', MSG_MATURITY_INTRO)),
                *(f"{MATURITY_PREFIX}{d.value}" for d in MaturityDimension),
            ),
            # the legend names the field; its label stays for screen readers
            Fieldset(_("Your challenge"), Field("challenge", wrapper_class="needs-challenge")),
            Fieldset(
                _("How you would like to work"),
                Field(
                    "languages",
                    wrapper_class="needs-choices",
                    template="matching/partials/needs_languages.html",
                ),
                Field("mode", wrapper_class="needs-choices"),
                "region",
                self._excluded_layout(),
            ),
            FormActions(_button(_("Save your needs"), name="save", value="save")),
        )
        self.helper.form_id = "needs-form"
        # explicit, whatever address the page was opened at
        self.helper.form_action = url

    def _excluded_layout(self):
        """The companies as checkboxes; when none has mentors yet, a sentence that says so (and
        the field's errors: crispy shows a checkbox list's errors under its last box)."""
        if self.fields["excluded_companies"].queryset.exists():
            return Field("excluded_companies", wrapper_class="needs-choices needs-choices-wide")
        return HTML('{% include "matching/partials/needs_no_companies.html" %}')

    # -- the chosen gaps ----------------------------------------------------------------------
    def _apply_gap_action(self, chosen: list[int]) -> list[int]:
        """Apply the posted add or remove (and note what happened), or note a search."""
        data = self.data
        if ADD_GAP in data:
            self.gap_action = ADD_GAP
            return self._add_gap(chosen, parse_id(data.get(ADD_GAP)))
        if REMOVE_GAP in data:
            self.gap_action = REMOVE_GAP
            pk = parse_id(data.get(REMOVE_GAP))
            if pk in chosen:
                self.gap_note = (
                    "success",
                    _("Removed “%(skill)s”.") % {"skill": self.catalogue[pk].label},
                )
                return [other for other in chosen if other != pk]
            return chosen  # removed already (a second click): nothing to say
        if SEARCH_SKILLS in data or BROWSE_SKILLS in data:
            self.gap_action = SEARCH_SKILLS
        return chosen

    @property
    def focus(self) -> str | None:
        """Where the page puts the focus (autofocus) after a gap button or a search: on the
        gap just added, on the list after a remove, on the search box otherwise."""
        if self.gap_action is None:
            return None
        if self.focus_gap is not None:
            return "gap"
        return "list" if self.gap_action == REMOVE_GAP else "search"

    def _add_gap(self, chosen: list[int], pk: int | None) -> list[int]:
        if pk not in self.catalogue:
            self.gap_note = ("danger", str(MSG_GAP_UNKNOWN))
            return chosen
        label = self.catalogue[pk].label
        if pk in chosen:
            self.gap_note = ("info", _("“%(skill)s” is in your list already.") % {"skill": label})
            return chosen
        if len(chosen) >= MAX_GAPS:
            self.gap_note = ("danger", str(MSG_GAPS_MAX))
            return chosen
        self.gap_note = (
            "success",
            _("Added “%(skill)s”: choose how important it is and the level you aim for.")
            % {"skill": label},
        )
        self.focus_gap = pk
        return [*chosen, pk]

    def _add_chosen_gap_fields(self, chosen: list[int], saved: dict) -> None:
        self._gap_skills = {pk: self.catalogue[pk].skill for pk in chosen}
        for pk in chosen:
            label = self.catalogue[pk].label
            importance, target = saved.get(pk, (None, None))
            # the gap just added: the person goes on with it (htmx focuses it after a swap)
            self.fields.update(
                gap_level_fields(pk, label, importance, target, focus=pk == self.focus_gap)
            )

    @property
    def chosen_gaps(self) -> list[ChosenGap]:
        return [
            ChosenGap(
                self.catalogue[pk],
                self[f"{GAP_PREFIX}{pk}"],
                self[f"{TARGET_PREFIX}{pk}"],
            )
            for pk in self.gap_ids
        ]

    @property
    def max_gaps(self) -> int:
        return MAX_GAPS

    # -- validation ---------------------------------------------------------------------------
    def full_clean(self) -> None:
        """An add, a remove or a search shows the form again as it was typed: nothing is
        validated yet, so no error is shown before the SME saves."""
        if self.gap_action is not None:
            self._errors = ErrorDict()
            self.cleaned_data = {}
            return
        super().full_clean()

    def is_valid(self) -> bool:
        return self.gap_action is None and super().is_valid()

    def clean(self) -> dict:
        data = super().clean()
        self._clean_gaps()
        if len(self.gap_ids) > MAX_GAPS:
            self.add_error(None, MSG_GAPS_TOO_MANY)
        if data.get("status") == NeedsStatus.ACTIVE and not self.errors:
            if not self.service_gaps():
                self.add_error(None, MSG_ACTIVE_NEEDS_GAPS)
            if not data.get("languages"):
                self.add_error("languages", MSG_ACTIVE_NEEDS_LANGUAGE)
        return data

    def service_fields(self) -> dict:
        """What services.needs_save() takes as `fields`."""
        data = self.cleaned_data
        return {
            "status": data["status"],
            "challenge": data["challenge"],
            "languages": data["languages"],
            "mode": data["mode"],
            "region": data["region"],
            "maturity": self.service_maturity(),
        }

    def service_excluded(self) -> list[Organisation]:
        return list(self.cleaned_data["excluded_companies"])


def needs_initial(needs: NeedsProfile | None) -> dict:
    if needs is None:
        return {"status": NeedsStatus.DRAFT, "mode": MentoringMode.EITHER}
    return {
        "status": needs.status,
        "challenge": needs.challenge,
        "languages": list(needs.languages),
        "mode": needs.mode,
        "region": needs.region,
        "excluded_companies": [c.pk for c in needs.excluded_companies.all()],
    }


# --------------------------------------------------------------------------------------------
# Proposal
# --------------------------------------------------------------------------------------------
class ProposalAnswerForm(forms.Form):
    """Accept or decline (the button says which); a reason is asked of who declines."""

    reason = forms.CharField(
        label=_("If you decline: why?"),
        max_length=REASON_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required to decline. The coordinators read it to propose better matches."),
    )
    # sent by the button pressed, never shown as a field: its errors go to the top
    answer = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            "reason",
            FormActions(
                _button(_("Accept"), name="answer", value=ANSWER_ACCEPT),
                _button(
                    pgettext("proposal", "Decline"),
                    name="answer",
                    value=ANSWER_DECLINE,
                    css_class="btn-outline-danger ms-2",
                ),
            ),
        )
        # the buttons carry the answer: the hidden field stays out of the layout

    def clean(self) -> dict:
        data = super().clean()
        if data.get("answer") not in (ANSWER_ACCEPT, ANSWER_DECLINE):
            self.add_error(None, MSG_CHOOSE_ANSWER)
        return data

    @property
    def accepts(self) -> bool:
        return self.cleaned_data["answer"] == ANSWER_ACCEPT


# --------------------------------------------------------------------------------------------
# Partnership
# --------------------------------------------------------------------------------------------
class GoalsForm(forms.Form):
    goals = forms.CharField(
        label=_("Goals of the partnership"),
        max_length=GOALS_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, partnership: Partnership, **kwargs) -> None:
        kwargs.setdefault("initial", {"goals": partnership.goals})
        super().__init__(*args, **kwargs)
        _charcount(
            self.fields["goals"],
            GOALS_MAX,
            _("What you want to achieve together; either side can change them."),
        )
        self.helper = _helper(
            "goals", FormActions(_button(_("Save the goals"), name="action", value=ACTION_GOALS))
        )


class CheckInForm(forms.Form):
    date = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format=_DATE_FORMAT),
        help_text=_("The day you met or worked together (not in the future)."),
    )
    note = forms.CharField(
        label=_("What you did and what comes next"),
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    hours = forms.DecimalField(
        label=_("Hours of mentoring"),
        max_digits=5,
        decimal_places=1,
        initial=1,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("From 0 to 100, in steps of 0.5 or 0.1."),
        widget=forms.NumberInput(attrs={"min": 0, "max": 100, "step": "0.1"}),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["date"].initial = today
        self.fields["date"].widget.attrs["max"] = today.isoformat()
        _charcount(self.fields["note"], NOTE_MAX)
        self.helper = _helper(
            "date",
            "note",
            "hours",
            FormActions(_button(_("Record the check-in"), name="action", value=ACTION_CHECKIN)),
        )


class PartnershipEndForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("How did it end?"),
        choices=[
            (END_COMPLETED, _("Completed: we reached our goals or the agreed end")),
            (END_EARLY, _("Ended early")),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("If it ended early: why?"),
        max_length=REASON_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when it ended early. Both sides and the coordinators see it."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            "outcome",
            "reason",
            FormActions(
                _button(
                    _("End the partnership"),
                    name="action",
                    value=ACTION_END,
                    css_class="btn-outline-danger",
                )
            ),
        )

    @property
    def completed(self) -> bool:
        return self.cleaned_data["outcome"] == END_COMPLETED


class ReassessedGap(ChosenGap):
    """One of the SME's gaps in its feedback: closed, or still a gap (how important, what level
    now)."""

    def __init__(self, choice: GapChoice, closed: forms.BoundField, *fields: forms.BoundField):
        super().__init__(choice, *fields)
        self.closed = closed


class FeedbackGaps:
    """A crispy layout object: the SME's own gaps to assess again
    (templates/matching/partials/feedback_gaps.html)."""

    def render(self, form, context, template_pack=None, **kwargs) -> str:
        return render_to_string("matching/partials/feedback_gaps.html", {"form": form})


class FeedbackForm(GapsAndMaturityMixin, forms.Form):
    """One side's feedback; the SME's also repeats its self-assessment (prefilled from its
    current needs) so the change can be shown: its maturity, and each of the gaps of its needs
    profile, in the plain words and with the levels of the needs page, either closed or still a
    gap. What it saves becomes its needs and the partnership's "end" snapshot: a gap closed is
    a gap of the "start" snapshot missing from the "end" one (matching.selectors.outcomes)."""

    rating = forms.TypedChoiceField(
        label=_("Your rating of the partnership"),
        choices=[(str(n), str(n)) for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("From 1 (poor) to 5 (excellent)."),
    )
    text = forms.CharField(
        label=_("Your feedback"),
        max_length=FEEDBACK_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, needs: NeedsProfile | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.with_assessment = needs is not None
        _charcount(
            self.fields["text"],
            FEEDBACK_MAX,
            _("What went well, what could be better. The coordinators read it."),
        )
        layout = [Fieldset(_("Your feedback"), "rating", "text")]
        self.gap_ids: list[int] = []
        self._gap_skills: dict[int, Skill] = {}
        self._kept_gaps: list[tuple[Skill, int, int]] = []
        if needs is not None:
            self._add_reassessed_gap_fields(current_gaps(needs))
            self._add_maturity_fields(maturity=needs.maturity or {})
            layout += [
                self._maturity_fieldset(),
                Fieldset(
                    _("Your skill gaps now"),
                    HTML(
                        format_html(
                            '<p class="form-text">{}</p>',
                            _(
                                "For each gap of your needs, tick “Closed” if your staff no "
                                "longer need help with it, or say how it stands now. What you "
                                "save here becomes your current needs."
                            ),
                        )
                    ),
                    FeedbackGaps(),
                ),
            ]
        self.helper = _helper(
            *layout,
            FormActions(_button(_("Send your feedback"), name="action", value=ACTION_FEEDBACK)),
        )

    def _add_reassessed_gap_fields(self, saved: dict[int, tuple[int, int]]) -> None:
        """Three fields per gap of the needs profile: closed, importance, target level. A gap
        whose competence can no longer be chosen is not shown, and kept as it was."""
        self.catalogue = gap_catalogue()
        self.gap_ids = [pk for pk in saved if pk in self.catalogue]
        retired = Skill.objects.in_bulk([pk for pk in saved if pk not in self.catalogue])
        self._kept_gaps = [(skill, *saved[pk]) for pk, skill in retired.items()]
        for pk in self.gap_ids:
            choice = self.catalogue[pk]
            self._gap_skills[pk] = choice.skill
            importance, target = saved[pk]
            self.fields[f"{CLOSED_PREFIX}{pk}"] = forms.BooleanField(
                label=_("Closed: %(skill)s") % {"skill": choice.label}, required=False
            )
            self.fields.update(gap_level_fields(pk, choice.label, importance, target))

    @property
    def chosen_gaps(self) -> list[ReassessedGap]:
        return [
            ReassessedGap(
                self.catalogue[pk],
                self[f"{CLOSED_PREFIX}{pk}"],
                self[f"{GAP_PREFIX}{pk}"],
                self[f"{TARGET_PREFIX}{pk}"],
            )
            for pk in self.gap_ids
        ]

    def _closed_ids(self) -> set[int]:
        return {pk for pk in self.gap_ids if self.cleaned_data.get(f"{CLOSED_PREFIX}{pk}")}

    def clean(self) -> dict:
        data = super().clean()
        if self.with_assessment:
            self._clean_gaps(importance_message=MSG_IMPORTANCE_OR_CLOSED, skip=self._closed_ids())
        return data

    def service_gaps(self) -> list[tuple[Skill, int, int]]:
        """(skill, importance, target level) of the gaps not closed, and those kept unseen."""
        data, closed = self.cleaned_data, self._closed_ids()
        return [
            (self._gap_skills[pk], data[f"{GAP_PREFIX}{pk}"], data[f"{TARGET_PREFIX}{pk}"])
            for pk in self.gap_ids
            if pk not in closed
        ] + self._kept_gaps
