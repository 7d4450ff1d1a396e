"""Admin pieces the apps share."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from skillup.errors import ApplicationError


class ReadOnlyAdminMixin:
    """A record nobody adds, changes or deletes in the admin (consents, visitors' messages,
    invitations sent, reference data): those with the view permission read it. For a ModelAdmin
    or an inline (whose has_add_permission also takes the parent object; no delete permission
    also means no delete box, as `can_delete = False` would)."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


def _refusal_text(exc: Exception) -> str:
    """The readable message of a service refusal (ApplicationError or ValidationError)."""
    if isinstance(exc, ApplicationError):
        return str(exc.message)
    return " ".join(str(message) for message in exc.messages)


def warn_refused(model_admin, request, obj, exc: Exception) -> None:
    """Show a service's refusal as a warning naming the object: "<object>: <message>"."""
    model_admin.message_user(
        request,
        gettext("%(object)s: %(message)s") % {"object": obj, "message": _refusal_text(exc)},
        messages.WARNING,
    )


def run_each(model_admin, request, queryset, work) -> int:
    """Run `work(obj)` for each selected row in id order, one service call (and transaction)
    each; report each refusal by the object's name; return how many succeeded. The admins of
    practices, volunteers and matching run their bulk actions through it."""
    done = 0
    for obj in queryset.order_by("pk"):
        try:
            work(obj)
        except (ApplicationError, ValidationError) as exc:
            warn_refused(model_admin, request, obj, exc)
        else:
            done += 1
    return done


def run_each_and_report(model_admin, request, queryset, work, message, **params) -> int:
    """run_each, then one message saying how many succeeded (success if any, else info).
    `message` is an ngettext_lazy(singular, plural, "count") text; it is formatted with
    count and `params`. Returns the count."""
    done = run_each(model_admin, request, queryset, work)
    model_admin.message_user(
        request,
        message % {"count": done, **params},
        messages.SUCCESS if done else messages.INFO,
    )
    return done
