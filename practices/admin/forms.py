"""The forms of the admin's own pages: a practice's (its public version), a request for detail,
an event invitation, a review, an extension."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from accounts.enums import OrganisationKind
from accounts.models import Organisation

from ..models import RUBRIC, Call, DeadlineExtension, Event, Practice, Review

# The public version's fields, as a revision keeps a proposed one (services.publication).
PUBLIC_TEXT_FIELDS = ("public_title", "public_description")


class PracticeAdminForm(forms.ModelForm):
    """The practice's change form: a published practice whose new public text awaits its SME
    opens with that text (what the reviewer proposed last), not with the one visitors read."""

    class Meta:
        model = Practice
        fields: list[str] = []  # the admin says which

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if "language" in self.fields:  # not sent (an older page): the practice keeps its own
            self.fields["language"].required = False
        proposal = self.instance.public_text_proposal if self.instance.pk else None
        if proposal is not None:
            for name in PUBLIC_TEXT_FIELDS:
                if name in self.fields:
                    self.initial[name] = proposal.data.get(name, "")


class DetailRequestForm(forms.Form):
    message = forms.CharField(
        label=_("What would you like the SME to tell you?"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        help_text=_("The SME receives this by email, with a link to answer."),
    )


class EventInviteForm(forms.Form):
    event = forms.ModelChoiceField(
        label=_("Event"),
        queryset=Event.objects.none(),
        help_text=_("Only selected or published practices are invited, each once."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = Event.objects.filter(starts_at__gt=timezone.now()).order_by(
            "starts_at", "pk"
        )


# a select rather than radio buttons: its label names it for assistive technology
SCORE_CHOICES = [("", "–"), *((n, str(n)) for n in range(1, 6))]


class ReviewForm(forms.ModelForm):
    """The rubric, 1 to 5 each; saved through services.review_save."""

    class Meta:
        model = Review
        fields = [*RUBRIC, "recommendation", "comment"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in RUBRIC:
            self.fields[name] = forms.TypedChoiceField(
                label=capfirst(Review._meta.get_field(name).verbose_name),
                choices=SCORE_CHOICES,
                coerce=int,
                help_text=_("1 = weak, 5 = outstanding"),
                initial=getattr(self.instance, name, None),
            )

    def _post_clean(self):
        pass  # the service validates the review (and knows the practice and the reviewer)


class ExtensionGrantForm(forms.Form):
    call = forms.ModelChoiceField(label=_("Call"), queryset=Call.objects.order_by("-closes_at"))
    organisation = forms.ModelChoiceField(
        label=_("SME"), queryset=Organisation.objects.filter(kind=OrganisationKind.SME)
    )
    closes_at = forms.SplitDateTimeField(
        label=_("New deadline"),
        widget=admin.widgets.AdminSplitDateTime,
        help_text=_("In the site's time zone; it must be after the call's own deadline."),
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        field.widget = AutocompleteSelect(
            DeadlineExtension._meta.get_field("organisation"), admin_site
        )
        field.widget.choices = field.choices  # a widget set after the field needs its choices
