"""Writing to a group in the admin: compose (a draft) → preview with the count → confirm → sent.

Nothing is sent before the confirmation on the preview page; once sent, the message and its
recipients are a read-only record.
"""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from skillup.admin import ReadOnlyAdminMixin
from skillup.dates import format_moment
from skillup.errors import ApplicationError

from . import selectors, services
from .forms import GroupMessageForm, SendForm
from .models import LANGUAGE_CODES, GroupMessage, GroupMessageRecipient
from .permissions import can_send_group_message

PREVIEW_TEMPLATE = "admin/outreach/groupmessage/preview.html"
PREVIEW_LISTED = 100  # people named on the preview page (then "and N more")
LANGUAGE_NAMES = dict(settings.LANGUAGES)


def _language_name(code: str) -> str:
    return str(LANGUAGE_NAMES.get(code, code))


class SentFilter(admin.SimpleListFilter):
    title = _("sending")
    parameter_name = "sent"

    def lookups(self, request, model_admin):
        return [("yes", _("Sent")), ("no", _("Drafts, not sent"))]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(sent_at__isnull=self.value() == "no")
        return queryset


@admin.register(GroupMessage)
class GroupMessageAdmin(admin.ModelAdmin):
    form = GroupMessageForm
    list_display = ["subject", "segment", "call", "recipient_count", "created_by", "sent"]
    list_filter = [SentFilter, "segment"]
    search_fields = [f"subject_{code}" for code in LANGUAGE_CODES]
    date_hierarchy = "created_at"
    record_fields = ("created_by", "created_at", "sent_by", "sent_at", "recipients_summary")

    def get_queryset(self, request):
        return selectors.group_messages_for_admin()

    def get_fieldsets(self, request, obj=None):
        sent = obj is not None and obj.is_sent
        fieldsets = [(None, {"fields": ("segment", "call")})]
        if sent:  # the record first: when, by whom, to how many; then the languages it has
            fieldsets.insert(0, (_("Sending"), {"fields": self.record_fields}))
        # seven languages: those not written yet are folded (<details>, no script), English aside
        written = obj.languages if obj is not None else []
        fieldsets += [
            (
                LANGUAGE_NAMES[code],
                {
                    "fields": (f"subject_{code}", f"body_{code}"),
                    "classes": [] if sent or code in written or code == "en" else ["collapse"],
                },
            )
            for code in (obj.languages if sent else LANGUAGE_CODES)
        ]
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.is_sent:  # a message as sent is never edited
            return flatten_fieldsets(self.get_fieldsets(request, obj))
        return ()

    def has_change_permission(self, request, obj=None) -> bool:
        return super().has_change_permission(request, obj) and not (obj and obj.is_sent)

    def has_delete_permission(self, request, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and not (obj and obj.is_sent)

    # ---- columns ------------------------------------------------------------------------
    @admin.display(description=_("subject"))
    def subject(self, obj: GroupMessage) -> str:
        return str(obj)

    @admin.display(description=_("recipients"), ordering="recipient_count")
    def recipient_count(self, obj: GroupMessage):
        return obj.recipient_count if obj.is_sent else "–"

    @admin.display(description=_("sent"), ordering="sent_at")
    def sent(self, obj: GroupMessage) -> str:
        if obj.sent_at is None:
            return gettext("Draft, not sent")
        return gettext("Sent on %(date)s") % {"date": format_moment(obj.sent_at)}

    @admin.display(description=_("recipients"))
    def recipients_summary(self, obj: GroupMessage):
        counts = obj.recipients.aggregate(
            sent=Count("pk", filter=Q(turned_off=False)), off=Count("pk", filter=Q(turned_off=True))
        )
        url = reverse("admin:outreach_groupmessagerecipient_changelist")
        if obj.is_sending:
            text = ngettext(
                "Being sent: %(count)d email written so far; reload the page to follow it.",
                "Being sent: %(count)d emails written so far; reload the page to follow it.",
                counts["sent"],
            ) % {"count": counts["sent"]}
        else:
            text = ngettext(
                "Sent to %(count)d person; %(off)d turned programme news off.",
                "Sent to %(count)d people; %(off)d turned programme news off.",
                counts["sent"],
            ) % {"count": counts["sent"], "off": counts["off"]}
        return format_html(
            '{} <a href="{}?message__id__exact={}">{}</a>',
            text,
            url,
            obj.pk,
            gettext("See who received it"),
        )

    # ---- saving: through the service, then to the preview ----------------------------------
    def save_model(self, request, obj, form, change) -> None:
        services.group_message_save(message=obj, actor=request.user)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ApplicationError as exc:  # sent meanwhile by someone else
            self.message_user(request, exc.message, messages.WARNING)
            return HttpResponseRedirect(reverse("admin:outreach_groupmessage_changelist"))

    def response_add(self, request, obj, post_url_continue=None):
        if "_continue" in request.POST:
            return super().response_add(request, obj, post_url_continue)
        return self._to_preview(request, obj)

    def response_change(self, request, obj):
        if "_continue" in request.POST:
            return super().response_change(request, obj)
        return self._to_preview(request, obj)

    def _to_preview(self, request, obj: GroupMessage):
        self.message_user(
            request,
            gettext("The draft is saved. Check who receives it and how it reads, then send."),
            messages.SUCCESS,
        )
        return HttpResponseRedirect(preview_url(obj))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), "preview_url": None}
        obj = self.get_object(request, unquote(object_id))
        if obj is not None and not obj.is_sent:
            extra_context["preview_url"] = preview_url(obj)
        return super().change_view(request, object_id, form_url, extra_context)

    # ---- the preview and the confirmation ----------------------------------------------------
    def get_urls(self):
        return [
            path(
                "<path:object_id>/preview/",
                self.admin_site.admin_view(self.preview_view),
                name="outreach_groupmessage_preview",
            ),
            *super().get_urls(),
        ]

    def preview_view(self, request, object_id):
        """GET: who receives the message (how many, in which language) and how it reads in
        each language. POST (the confirmation, carrying the previewed version): send it."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        message = self.get_object(request, unquote(object_id))
        if message is None:
            raise Http404
        change_url = reverse("admin:outreach_groupmessage_change", args=[message.pk])
        if message.is_sent:
            self.message_user(request, services.MSG_ALREADY_SENT, messages.INFO)
            return HttpResponseRedirect(change_url)
        form = SendForm(request.POST or None, initial={"version": message.version})
        if request.method == "POST":
            if not can_send_group_message(request.user):
                raise PermissionDenied
            if form.is_valid():
                try:
                    message = services.group_message_send(
                        message=message, actor=request.user, version=form.cleaned_data["version"]
                    )
                except (ApplicationError, ValidationError) as exc:
                    return self._refused(request, message, exc, change_url)
                _people, total, off = selectors.audience(message)
                count = total - off  # the emails are written after this page, by a worker
                self.message_user(
                    request,
                    ngettext(
                        "The message is on its way to %(count)d person.",
                        "The message is on its way to %(count)d people.",
                        count,
                    )
                    % {"count": count},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(change_url)
            self.message_user(request, " ".join(form.errors.get("version", [])), messages.ERROR)
            form = SendForm(initial={"version": message.version})
        return TemplateResponse(
            request, PREVIEW_TEMPLATE, self._preview_context(request, message, form)
        )

    def _refused(self, request, message: GroupMessage, exc, change_url: str):
        text = exc.message if isinstance(exc, ApplicationError) else " ".join(exc.messages)
        if GroupMessage.objects.filter(pk=message.pk, sent_at__isnull=False).exists():
            self.message_user(request, text, messages.INFO)  # a double confirmation: sent once
            return HttpResponseRedirect(change_url)
        self.message_user(request, text, messages.ERROR)
        return HttpResponseRedirect(preview_url(message))

    def _preview_context(self, request, message: GroupMessage, form: SendForm) -> dict:
        people, total, off = selectors.audience(message)
        by_language: dict[str, int] = {}
        for row in people.order_by().values("language").annotate(n=Count("pk")):
            reads = message.language_for(row["language"])
            by_language[reads] = by_language.get(reads, 0) + row["n"]
        listed = list(people[: PREVIEW_LISTED + 1]) if total else []
        previews = []
        for code in message.languages:
            with translation.override(code):
                html = render_to_string(
                    "admin/outreach/groupmessage/partials/email_preview.html",
                    services.email_context(message, code),
                )
            previews.append(
                {
                    "code": code,
                    "name": _language_name(code),
                    "subject": message.subject_in(code).strip(),
                    "html": html,
                    "readers": by_language.get(code, 0),
                }
            )
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Check, then send: %(subject)s") % {"subject": message},
            "message": message,
            "segment": message.get_segment_display(),
            "total": total,
            "off": off,
            "receiving": total - off,
            "previews": previews,
            "people": [
                (person, _language_name(message.language_for(person.language)))
                for person in listed[:PREVIEW_LISTED]
            ],
            "more": max(total - PREVIEW_LISTED, 0),
            "form": form,
            "can_send": can_send_group_message(request.user)
            and self.has_change_permission(request, message),
            "change_url": reverse("admin:outreach_groupmessage_change", args=[message.pk]),
        }


def preview_url(message: GroupMessage) -> str:
    return reverse("admin:outreach_groupmessage_preview", args=[message.pk])


@admin.register(GroupMessageRecipient)
class GroupMessageRecipientAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Who a sent message went to, and what became of each email (read-only)."""

    list_display = ["person", "email_address", "language", "delivery", "message"]
    list_filter = ["turned_off", "language"]
    search_fields = ["user__email", "user__full_name"]
    list_select_related = ["user", "notification", "message"]
    fields = ["message", "user", "language", "turned_off", "notification"]

    @admin.display(description=_("person"), ordering="user__full_name")
    def person(self, obj: GroupMessageRecipient) -> str:
        return str(obj)

    @admin.display(description=_("email address"))
    def email_address(self, obj: GroupMessageRecipient) -> str:
        return obj.user.email if obj.user_id and obj.user.erased_at is None else "–"

    @admin.display(description=_("delivery"))
    def delivery(self, obj: GroupMessageRecipient) -> str:
        if obj.turned_off:
            return gettext("Not sent: programme news turned off")
        if obj.notification_id is None:
            return gettext("Email deleted with the account")
        return obj.notification.get_status_display()
