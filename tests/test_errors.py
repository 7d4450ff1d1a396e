"""skillup.errors.add_service_errors: a service's refusal on the form that was sent."""

import pytest
from django import forms
from django.core.exceptions import ValidationError

from skillup.errors import ApplicationError, add_service_errors


class NameForm(forms.Form):
    name = forms.CharField(required=False)


def _form() -> NameForm:
    form = NameForm({"name": "Koivu"})
    form.is_valid()
    return form


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (ValidationError({"name": "Too short."}), {"name": ["Too short."]}),
        (ValidationError({"budget": "Too high."}), {"__all__": ["Too high."]}),
        (ValidationError({"__all__": "Not now."}), {"__all__": ["Not now."]}),
        (ValidationError("Not now."), {"__all__": ["Not now."]}),
        (ApplicationError("Taken.", field="name"), {"name": ["Taken."]}),
        (ApplicationError("Taken.", field="budget"), {"__all__": ["Taken."]}),
        (ApplicationError("Closed."), {"__all__": ["Closed."]}),
    ],
    ids=[
        "validation-on-field",
        "validation-unknown-field-at-top",
        "validation-non-field-at-top",
        "validation-plain-at-top",
        "application-on-field",
        "application-unknown-field-at-top",
        "application-no-field-at-top",
    ],
)
def test_add_service_errors_puts_the_refusal_on_the_form(exc, expected):
    form = _form()

    left = add_service_errors(form, exc)

    assert left is None
    assert form.errors == expected


def test_add_service_errors_not_at_top_returns_a_refusal_about_no_field():
    form = _form()

    left = add_service_errors(form, ApplicationError("Closed.", field="budget"), top=False)

    assert left == "Closed."
    assert form.errors == {}


def test_add_service_errors_not_at_top_still_puts_a_field_refusal_on_its_field():
    form = _form()

    left = add_service_errors(form, ApplicationError("Taken.", field="name"), top=False)

    assert left is None
    assert form.errors == {"name": ["Taken."]}
