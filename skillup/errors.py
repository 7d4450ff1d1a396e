from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


class ApplicationError(Exception):
    """A domain rule refused an action. `message` is written for the person who tried it."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def add_service_errors(
    form, exc: ValidationError | ApplicationError, *, top: bool = True
) -> str | None:
    """Put a service's refusal on `form`.

    A ValidationError goes on the fields it names (at the form's top for names the form does not
    have). An ApplicationError goes on its field when the form has it, else at the form's top;
    with `top=False` it is not put on the form but returned, for the view to show elsewhere (a
    message, the page's refusal). None when everything is on the form.
    """
    if isinstance(exc, ApplicationError):
        if exc.field and exc.field in form.fields:
            form.add_error(exc.field, exc.message)
            return None
        if not top:
            return exc.message
        form.add_error(None, exc.message)
        return None
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return None
    for name, errors in exc.message_dict.items():
        field = name if name in form.fields and name != NON_FIELD_ERRORS else None
        form.add_error(field, errors)
    return None
