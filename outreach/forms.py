from django import forms
from django.utils.translation import gettext_lazy as _

from practices.models import Call

from .models import BODY_MAX, LANGUAGE_CODES, GroupMessage

BODY_HELP = _("Plain text: a blank line starts a new paragraph; web addresses become links.")
MSG_VERSION_MISSING = _("Open the preview again, then send.")


class GroupMessageForm(forms.ModelForm):
    """The admin's compose form: the group, its call, and the texts per language."""

    class Meta:
        model = GroupMessage
        fields = [
            "segment",
            "call",
            *[name for code in LANGUAGE_CODES for name in (f"subject_{code}", f"body_{code}")],
        ]
        widgets = {
            **{
                f"body_{code}": forms.Textarea(attrs={"rows": 10, "maxlength": BODY_MAX})
                for code in LANGUAGE_CODES
            },
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if "call" in self.fields:  # a sent message's form has no editable field
            self.fields["call"].queryset = Call.objects.order_by("-opens_at", "pk")
        for code in LANGUAGE_CODES:
            if f"body_{code}" in self.fields:
                self.fields[f"body_{code}"].help_text = BODY_HELP


class SendForm(forms.Form):
    """The confirmation: the fingerprint of the message as it was previewed."""

    version = forms.CharField(
        max_length=64, widget=forms.HiddenInput, error_messages={"required": MSG_VERSION_MISSING}
    )
