"""What visitors wrote to SMEs: a record, never edited."""

from django.contrib import admin

from skillup.admin import ReadOnlyAdminMixin

from ..models import ContactMessage


@admin.register(ContactMessage)
class ContactMessageAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """What visitors wrote to SMEs (delivered by email): a record, never edited."""

    list_display = ["created_at", "practice", "name", "email"]
    search_fields = ["practice__title", "name", "email"]
    list_select_related = ["practice"]
    date_hierarchy = "created_at"
    fields = ["practice", "name", "email", "message", "created_at"]
    readonly_fields = fields
