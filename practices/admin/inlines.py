"""What the practice's change page shows below the practice: its log, requests for detail,
revisions and event invitations (all read-only)."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from skillup.admin import ReadOnlyAdminMixin

from ..models import DetailRequest, EventInvitation, PracticeRevision, PracticeTransition


class TransitionInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = PracticeTransition
    fields = ["created_at", "from_state", "to_state", "actor", "comment"]
    readonly_fields = fields
    extra = 0
    verbose_name_plural = _("state changes")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")


class DetailRequestInline(ReadOnlyAdminMixin, admin.StackedInline):
    model = DetailRequest
    fields = [
        "message",
        "requested_by",
        "requested_at",
        "answer",
        "answer_attachment_link",
        "answered_by",
        "answered_at",
    ]
    readonly_fields = fields
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("requested_by", "answered_by")

    @admin.display(description=_("attachment"))
    def answer_attachment_link(self, obj: DetailRequest) -> str:
        if not obj.answer_attachment:
            return "–"
        url = reverse("practices:detail_attachment", kwargs={"pk": obj.pk})
        return format_html('<a href="{}">{}</a>', url, _("Open the attached file"))


class RevisionInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = PracticeRevision
    fields = ["created_at", "reason", "author", "content"]
    readonly_fields = fields
    extra = 0
    classes = ["collapse"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author")

    @admin.display(description=_("content"))
    def content(self, obj: PracticeRevision) -> str:
        return format_html_join(
            "",
            "<div><strong>{}</strong>: {}</div>",
            ((name, value) for name, value in obj.data.items() if value not in ("", None, [])),
        )


class EventInvitationOfPracticeInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = EventInvitation
    fields = ["event", "rsvp", "invited_at", "responded_at"]
    readonly_fields = fields
    extra = 0
    verbose_name_plural = _("event invitations")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("event")
