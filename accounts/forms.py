from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .enums import ConsentKind, MembershipRole
from .models import Organisation
from .services import consent_give


class SignupExtraForm(forms.Form):
    """Fields allauth's sign-up form adds to email and password (ACCOUNT_SIGNUP_FORM_CLASS)."""

    # allauth orders its sign-up fields by this: the consent box comes last, by the button
    field_order = ["email", "full_name", "password1", "password2", "accept_terms"]

    full_name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    accept_terms = forms.BooleanField(
        label=_("I accept the terms of use and I have read the privacy notice."),
        required=True,  # never pre-ticked (no initial); its absence is a labelled error
        error_messages={
            "required": _("To create an account, accept the terms of use and the privacy notice.")
        },
    )

    def clean_full_name(self) -> str:
        name = self.cleaned_data["full_name"].strip()
        if any(ch in name for ch in "\r\n<>"):
            raise forms.ValidationError(_("A name cannot contain line breaks or < > signs."))
        return name

    def signup(self, request, user) -> None:
        user.full_name = self.cleaned_data["full_name"]
        user.language = translation.get_language() or user.language
        user.save(update_fields=["full_name", "language"])
        consent_give(user=user, kind=ConsentKind.TERMS)


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "kind", "country", "sector", "size_band", "website"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "website": forms.URLInput(attrs={"autocomplete": "url", "placeholder": "https://"}),
        }
        help_texts = {
            "kind": _("SMEs share practices and receive mentoring; large companies volunteer."),
        }

    def __init__(self, *args, submit_label=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].strip = True
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": ""}  # the server's labelled errors, not browser pop-ups
        self.helper.add_input(Submit("submit", submit_label or _("Save")))


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("Colleague's email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    role = forms.ChoiceField(
        label=_("Role"), choices=MembershipRole.choices, initial=MembershipRole.MEMBER
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": ""}
        self.helper.add_input(Submit("submit", _("Send invitation")))
