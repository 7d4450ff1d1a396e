"""Deadlines: what an SME is told about a call's window, and the extensions coordinators grant.

Whether an SME may write to a call now, and until when, is worked out in one place:
`Call.window_for(organisation, now)` (practices/models). This module turns a window into words:
the refusal a service raises (and a page repeats for a form that did not validate) and the
notice a read-only form shows.
"""

from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation, User
from accounts.permissions import is_coordinator
from skillup.errors import ApplicationError

from ..enums import WindowStatus
from ..formats import format_deadline
from ..models import Call, CallWindow, DeadlineExtension
from .emails import notify_extension_granted
from .errors import MSG_NOT_ALLOWED

# What a service answers to a write outside the window (the form's text is kept and shown).


MSG_DEADLINE_PASSED = _(
    "The deadline of this call passed at %(deadline)s. Nothing was changed: your text is shown "
    "below so that you can copy it."
)

MSG_CALL_NOT_OPEN = _("This call is not open for submissions yet.")
# What a page says above a form it shows read-only, outside the window.
MSG_CALL_OPENS_ON = _("This call opens on %(date)s.")
MSG_CALL_CLOSED = _(
    "The deadline of this call passed at %(deadline)s. Practices can no longer be changed or "
    "submitted."
)


def check_window(window: CallWindow) -> None:
    """Raise ApplicationError unless the SME may still write to the call at this moment."""
    if window.status == WindowStatus.UPCOMING:
        raise ApplicationError(MSG_CALL_NOT_OPEN)
    if window.status == WindowStatus.CLOSED:
        raise ApplicationError(MSG_DEADLINE_PASSED % {"deadline": format_deadline(window.deadline)})


def window_refusal(window: CallWindow) -> str | None:
    """What check_window would answer at this moment, or None inside the window: a page says it
    for a form that did not even validate (so the service was not called)."""
    try:
        check_window(window)
    except ApplicationError as exc:
        return str(exc.message)
    return None


def window_notice(window: CallWindow) -> str | None:
    """Why a form is shown read-only at this moment, or None inside the window."""
    if window.status == WindowStatus.UPCOMING:
        return MSG_CALL_OPENS_ON % {"date": format_deadline(window.opens_at)}
    if window.status == WindowStatus.CLOSED:
        return MSG_CALL_CLOSED % {"deadline": format_deadline(window.deadline)}
    return None


@transaction.atomic
def extension_grant(
    *, user: User, call: Call, organisation: Organisation, closes_at: datetime, reason: str
) -> DeadlineExtension:
    """Give one SME a later deadline (recorded, shown to the SME, emailed to it)."""
    if not is_coordinator(user):
        raise ApplicationError(MSG_NOT_ALLOWED)
    if closes_at <= call.closes_at:
        raise ApplicationError(
            _("An extension must end after the call's own deadline."), field="closes_at"
        )
    extension, _created = DeadlineExtension.objects.update_or_create(
        call=call,
        organisation=organisation,
        defaults={"closes_at": closes_at, "reason": reason, "granted_by": user},
    )
    notify_extension_granted(extension)
    return extension
