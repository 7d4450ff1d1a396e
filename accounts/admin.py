from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from skillup.admin import ReadOnlyAdminMixin, warn_refused
from skillup.errors import ApplicationError

from . import services
from .models import Consent, Invitation, Membership, Organisation, User
from .permissions import can_change_organisation_kind


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "language", "is_staff", "is_active", "date_joined"]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups", "language", "erased_at"]
    search_fields = ["email", "full_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal information"), {"fields": ("full_name", "language")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined", "erased_at")}),
    )
    readonly_fields = ["erased_at"]
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "full_name", "password1", "password2")}),
    )


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


class OrganisationAdminForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "kind", "country", "sector", "size_band", "website"]
        help_texts = {
            "kind": _(
                "Chosen at registration. A change is refused while the organisation has "
                "practices or a needs profile (an SME), or pledges or mentors (a large company)."
            ),
        }

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if self.instance.pk and kind and "kind" in self.changed_data:
            # the reason at once, on the field; the service asks again under a row lock
            error = services.organisation_kind_change_error(self.instance, kind)
            if error:
                self.add_error("kind", error)
        return cleaned


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    """Coordinators may correct an organisation's kind here, and only here; the service refuses
    a change that would leave its practices, pledges, mentors or needs profile behind."""

    form = OrganisationAdminForm
    list_display = ["name", "kind", "country", "sector", "size_band", "created_at"]
    list_filter = ["kind", "country", "sector", "size_band"]
    search_fields = ["name", "website"]
    readonly_fields = ["created_at", "created_by"]
    inlines = [MembershipInline]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and not can_change_organisation_kind(request.user):
            fields.append("kind")
        return fields

    def save_model(self, request, obj, form, change) -> None:
        if change and "kind" in form.changed_data:
            try:
                services.organisation_kind_change(
                    user=request.user, organisation=obj, kind=obj.kind, size_band=obj.size_band
                )
            except (ApplicationError, ValidationError) as exc:
                # only when a record of the old kind arrived after the form's check
                warn_refused(self, request, obj, exc)
                return
        super().save_model(request, obj, form, change)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "created_at"]
    list_filter = ["role", "organisation__kind"]
    search_fields = ["user__email", "organisation__name"]
    list_select_related = ["user", "organisation"]
    autocomplete_fields = ["user", "organisation"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organisation", "role", "created_at", "expires_at", "accepted_at"]
    list_filter = ["role", "accepted_at"]
    search_fields = ["email", "organisation__name"]
    list_select_related = ["organisation"]
    readonly_fields = ["token", "created_at", "accepted_at", "accepted_by", "invited_by"]
    # listed because the model's own order now starts with InvitationBase's fields
    fields = ["organisation", "email", "role", "language", "expires_at", *readonly_fields]


@admin.register(Consent)
class ConsentAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """The proof of consents: read only (a consent is given or withdrawn by the person)."""

    list_display = [
        "user",
        "kind",
        "version",
        "content_type",
        "object_id",
        "given_at",
        "withdrawn_at",
    ]
    list_filter = ["kind", "version", "withdrawn_at"]
    search_fields = ["user__email"]
    list_select_related = ["user", "content_type"]
