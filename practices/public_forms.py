"""Forms visitors fill in on public practice pages."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Layout, Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ContactMessage

MSG_NO_LINE_BREAKS = _("A name cannot contain line breaks or < > signs.")


class ContactForm(forms.Form):
    """A visitor writes to the SME behind a practice. `homepage` is a trap for robots: hidden
    from people (and from assistive technology), a filled-in value means nothing is sent."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=ContactMessage._meta.get_field("name").max_length,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        help_text=_("The SME answers you at this address."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    message = forms.CharField(
        label=_("Message"),
        max_length=ContactMessage._meta.get_field("message").max_length,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    homepage = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, action: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_action = action
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(
            "name",
            "email",
            "message",
            Div(
                Field("homepage", tabindex="-1", autocomplete="off"),
                css_class="practice-contact-trap",
                aria_hidden="true",
            ),
        )
        self.helper.add_input(Submit("submit", _("Send message")))

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if any(ch in name for ch in "\r\n<>"):
            raise forms.ValidationError(MSG_NO_LINE_BREAKS)
        return name

    def clean_message(self) -> str:
        return self.cleaned_data["message"].strip()

    @property
    def is_robot(self) -> bool:
        return bool(self.cleaned_data.get("homepage"))

    def message_fields(self) -> dict[str, str]:
        return {name: self.cleaned_data[name] for name in ("name", "email", "message")}
