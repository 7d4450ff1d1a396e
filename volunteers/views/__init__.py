"""The pages of Digital Volunteers (public.py, company.py, mentor.py) and what they share."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from skillup.errors import ApplicationError


def add_service_errors(form, exc: ValidationError | ApplicationError) -> None:
    """A service's refusal on the form: on its field when the form has it, at the top
    otherwise."""
    if isinstance(exc, ApplicationError):
        form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        return
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for name, errors in exc.message_dict.items():
        field = name if name in form.fields and name != NON_FIELD_ERRORS else None
        form.add_error(field, errors)
