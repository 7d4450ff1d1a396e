from django import forms
from django.core.exceptions import ValidationError
from django.db import models


class HttpsURLField(models.URLField):
    """A URL field whose form assumes https:// when a person types a bare domain
    (Django 6's default; passing it now also silences the 5.x deprecation warning)."""

    def formfield(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        return super().formfield(**kwargs)


# Ids past what a 64-bit integer column holds: SQLite raises OverflowError on them (a 500),
# PostgreSQL answers "not one of the choices". Refused before the query on every engine.
BIGINT_MIN, BIGINT_MAX = -(2**63), 2**63 - 1


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's, with an id too large for any column reported as an invalid choice."""

    def clean(self, value):
        for pk in value if isinstance(value, list | tuple) else ():
            try:
                number = int(str(pk).strip())
            except ValueError:
                continue  # Django reports it as "not a valid value"
            if not BIGINT_MIN <= number <= BIGINT_MAX:
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        return super().clean(value)
