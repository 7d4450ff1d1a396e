from allauth.core import context as allauth_context
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from skillup import ratelimit

from .enums import ConsentKind, MembershipRole, eu_eea_country_choices
from .models import InvitationBase, Organisation
from .selectors import invitation_by_link, is_token_link
from .services import consent_give


def signup_invitation(request: HttpRequest | None) -> InvitationBase | None:
    """The open invitation a sign-up comes from: the invitation pages link to the sign-up with
    their own link as `next`. A `next` with a token that names no invitation counts as a guess
    (skillup.ratelimit.TOKEN_GUESSES, as on the invitation pages themselves), so the sign-up
    page cannot be used to scan for invitations and their addresses."""
    if request is None:
        return None
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not next_url.startswith("/") or next_url.startswith("//"):
        return None
    address = ratelimit.client_ip(request)
    if ratelimit.exceeded(ratelimit.TOKEN_GUESSES, address):
        return None
    invitation = invitation_by_link(next_url)
    if invitation is None:
        if is_token_link(next_url):
            ratelimit.hit(ratelimit.TOKEN_GUESSES, address)
        return None
    return invitation if invitation.is_open else None


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

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Signing up from an invitation: its address, prefilled (allauth's form adds the email
        # field after this and reads self.initial); the page says where the person will land.
        self.invitation = signup_invitation(allauth_context.request)
        if self.invitation is not None and not self.is_bound:
            self.initial.setdefault("email", self.invitation.email)

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
    """Registering an organisation: its kind is chosen here, once (OrganisationEditForm has
    no kind; afterwards only coordinators change it, in the admin)."""

    class Meta:
        model = Organisation
        fields = ["name", "kind", "country", "sector", "size_band", "website"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "website": forms.URLInput(attrs={"autocomplete": "url", "placeholder": "https://"}),
        }
        help_texts = {
            "kind": _(
                "SMEs share practices and receive mentoring; large companies volunteer. "
                "Choose carefully: afterwards only the programme's coordinators can change it."
            ),
        }

    def __init__(self, *args, submit_label=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].strip = True
        # named and sorted in the reader's language, as every country list (skillup.i18n)
        country = self.fields["country"]
        country.choices = [*list(country.choices)[:1], *eu_eea_country_choices()]
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": ""}  # the server's labelled errors, not browser pop-ups
        self.helper.add_input(Submit("submit", submit_label or _("Save")))


class OrganisationEditForm(OrganisationForm):
    """An organisation's administrators edit its details, not its kind: an SME turned into a
    large company would leave its practices and needs profile behind (issue #15). A forged
    "kind" in the POST is not a field here, so it is ignored."""

    class Meta(OrganisationForm.Meta):
        fields = ["name", "country", "sector", "size_band", "website"]


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
