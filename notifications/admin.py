from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from skillup.errors import ApplicationError

from . import services
from .models import Notification, Preference


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = [
        "created_at",
        "event",
        "to_email",
        "status",
        "attempts",
        "sent_at",
        "short_error",
    ]
    list_filter = ["status", "event", "kind", ("created_at", admin.DateFieldListFilter)]
    search_fields = ["to_email", "subject", "idempotency_key"]
    date_hierarchy = "created_at"
    list_select_related = ["recipient"]
    actions = ["send_again"]
    fieldsets = (
        (None, {"fields": ("event", "kind", "to_email", "recipient", "language", "status")}),
        (_("As sent"), {"fields": ("subject", "body_text", "body_html", "headers", "uuid")}),
        (
            _("Delivery"),
            {
                "fields": (
                    "attempts",
                    "last_error",
                    "next_attempt_at",
                    "lease_until",
                    "enqueued_at",
                    "created_at",
                    "sent_at",
                )
            },
        ),
        (_("About"), {"fields": ("content_type", "object_id", "idempotency_key")}),
    )

    def get_readonly_fields(self, request, obj=None):
        return flatten_fieldsets(self.fieldsets)  # an email as sent is never edited

    @admin.display(description=_("last error"))
    def short_error(self, obj: Notification) -> str:
        return obj.last_error[:80]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.action(description=_("Send again"), permissions=["change"])
    def send_again(self, request, queryset) -> None:
        count = 0
        for notification in queryset.order_by("pk"):
            try:
                services.notification_resend(notification=notification)
            except ApplicationError as exc:
                self.message_user(
                    request,
                    gettext("%(object)s: %(message)s")
                    % {"object": notification, "message": exc.message},
                    messages.WARNING,
                )
            else:
                count += 1
        self.message_user(
            request,
            ngettext("%(count)d email queued again.", "%(count)d emails queued again.", count)
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(Preference)
class PreferenceAdmin(admin.ModelAdmin):
    list_display = ["email", "reminders", "digests", "programme_news", "updated_at"]
    list_filter = ["reminders", "digests", "programme_news"]
    search_fields = ["email"]
