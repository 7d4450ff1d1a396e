"""Events selected SMEs are invited to, with who answered what."""

from django.contrib import admin
from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from skillup.admin import ReadOnlyAdminMixin

from .. import selectors
from ..models import Event, EventInvitation
from ..translation import english, localized_names, translation_fieldsets


class EventInvitationInline(ReadOnlyAdminMixin, admin.TabularInline):
    """Who is invited and what they answered (invitations are sent from the practice list)."""

    model = EventInvitation
    fields = ["practice", "organisation", "rsvp", "invited_at", "responded_at"]
    readonly_fields = fields
    extra = 0

    def get_queryset(self, request):
        # not the practices this person is in conflict of interest with (#14)
        staff = selectors.practices_for_staff(request.user)
        return (
            super()
            .get_queryset(request)
            .filter(practice__in=staff)
            .select_related("practice__organisation")
        )

    @admin.display(description=_("organisation"))
    def organisation(self, obj: EventInvitation) -> str:
        return obj.practice.organisation.name


@admin.register(Event)
class EventAdmin(TranslationAdmin):
    list_display = ["title", "starts_at", "place", "call", "is_public", "invited", "attending"]
    list_filter = ["call", "is_public", "language"]
    search_fields = [*localized_names("title"), *localized_names("place")]
    list_select_related = ["call"]
    date_hierarchy = "starts_at"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "call",
                    *english("title", "description"),
                    ("starts_at", "ends_at"),
                    *english("place"),
                    "online_url",
                    "language",
                    "is_public",
                    "slug",
                )
            },
        ),
        *translation_fieldsets("title", "description", "place"),
    )
    inlines = [EventInvitationInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                invited_count=Count("invitations"),
                attending_count=Count("invitations", filter=Q(invitations__rsvp="yes")),
            )
        )

    @admin.display(description=_("invited"), ordering="invited_count")
    def invited(self, obj: Event) -> int:
        return obj.invited_count

    @admin.display(description=_("attending"), ordering="attending_count")
    def attending(self, obj: Event) -> int:
        return obj.attending_count
