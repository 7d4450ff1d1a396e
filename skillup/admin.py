"""Admin pieces the apps share."""

from django.contrib import messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
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


# --------------------------------------------------------------------------------------------
# Admin-styled pages of one form (action pages of practices, pledges; reviews, extensions, ...)
# --------------------------------------------------------------------------------------------
FORM_PAGE_TEMPLATE = "admin/action_form.html"
ACTION_PAGE_LISTED = 50  # selected objects named on an action page (then "and more")


def _form_page_context(model_admin, request, *, form, title, intro, submit_label) -> dict:
    return {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": title,
        "intro": intro,
        "adminform": helpers.AdminForm(form, [(None, {"fields": list(form.fields)})], {}),
        "form": form,
        "media": model_admin.media + form.media,
        "hidden": [],
        "form_url": request.get_full_path(),
        "cancel_url": request.get_full_path(),
        "submit_label": submit_label,
    }


def action_page(model_admin, request, queryset, *, form, title, intro, submit_label):
    """An intermediate page for a bulk action that needs more input (a message, an event). It
    posts back to the list with the same action and selection, plus the form and "apply"."""
    listed = list(queryset[: ACTION_PAGE_LISTED + 1])
    hidden = [("action", request.POST["action"]), ("apply", "1")]
    hidden += [
        (helpers.ACTION_CHECKBOX_NAME, pk)
        for pk in request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
    ]
    if request.POST.get("select_across") == "1":
        hidden.append(("select_across", "1"))
    context = _form_page_context(
        model_admin, request, form=form, title=title, intro=intro, submit_label=submit_label
    )
    context.update(
        objects=listed[:ACTION_PAGE_LISTED],
        more=len(listed) > ACTION_PAGE_LISTED,
        hidden=hidden,
    )
    return TemplateResponse(request, FORM_PAGE_TEMPLATE, context)


def form_page(model_admin, request, *, form, title, submit_label, cancel_url, intro=""):
    """A page with one admin-styled form (a review, an extension, a proposal's edit)."""
    context = _form_page_context(
        model_admin, request, form=form, title=title, intro=intro, submit_label=submit_label
    )
    context["cancel_url"] = cancel_url
    return TemplateResponse(request, FORM_PAGE_TEMPLATE, context)
