from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _


class PreferenceForm(forms.Form):
    reminders = forms.BooleanField(
        label=_("Reminders (deadlines, invitations and proposals about to expire)"),
        required=False,
    )
    digests = forms.BooleanField(
        label=_("Digests (summaries of what awaits you, for reviewers and coordinators)"),
        required=False,
    )
    programme_news = forms.BooleanField(
        label=_(
            "Programme news (messages the SkillUp coordinators write to groups of participants)"
        ),
        required=False,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": ""}
        self.helper.add_input(Submit("submit", _("Save preferences")))
