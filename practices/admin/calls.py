"""Calls, their extensions, and the decisions announced for a whole call at once."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from skillup.admin import ReadOnlyAdminMixin, form_page
from skillup.errors import ApplicationError, add_service_errors

from .. import services
from ..cache import practices_version_bump
from ..enums import SENT_STATES, PracticeState
from ..models import Call, DeadlineExtension
from ..translation import localized_names
from .forms import ExtensionGrantForm


class DeadlineExtensionInline(ReadOnlyAdminMixin, admin.TabularInline):
    """The extensions of a call, as granted (granting goes through its own page)."""

    model = DeadlineExtension
    fields = ["organisation", "closes_at", "reason", "granted_by", "granted_at"]
    readonly_fields = fields
    extra = 0
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organisation", "granted_by")


@admin.register(Call)
class CallAdmin(TranslationAdmin):
    """The texts are asked once per language (English required, an empty translation shows the
    English text). Plain TranslationAdmin: its tabbed variant loads jQuery UI from a CDN."""

    list_display = [
        "title",
        "opens_at",
        "closes_at",
        "is_listed",
        "submission_count",
        "draft_count",
        "decisions_to_announce",
    ]
    list_filter = ["is_listed"]
    search_fields = [*localized_names("title"), "slug"]
    prepopulated_fields = {"slug": ("title",)}
    date_hierarchy = "opens_at"
    inlines = [DeadlineExtensionInline]
    actions = ["announce_decisions", "grant_extension"]
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "title",
                    "slug",
                    "introduction",
                    "eligibility",
                    "how_to_take_part",
                    ("opens_at", "closes_at"),
                )
            },
        ),
        (
            _("Questions"),
            {
                "fields": (
                    "question_online_learning",
                    "question_methodology",
                    "question_tools",
                    "question_keep_learning",
                    "description_max_length",
                )
            },
        ),
        (_("Publication"), {"fields": ("is_listed", "created_at")}),
    )
    readonly_fields = ["created_at"]

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        # the practice list's call filter and its cached pages show call titles
        transaction.on_commit(practices_version_bump)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                submission_count=Count("practices", filter=Q(practices__state__in=SENT_STATES)),
                draft_count=Count("practices", filter=Q(practices__state=PracticeState.DRAFT)),
                pending_count=Count("practices", filter=~Q(practices__pending_decision="")),
            )
        )

    @admin.display(description=_("submissions"), ordering="submission_count")
    def submission_count(self, obj: Call) -> int:
        return obj.submission_count

    @admin.display(description=_("drafts"), ordering="draft_count")
    def draft_count(self, obj: Call) -> int:
        return obj.draft_count

    @admin.display(description=_("decisions to announce"), ordering="pending_count")
    def decisions_to_announce(self, obj: Call) -> int:
        return obj.pending_count

    @admin.action(description=_("Announce recorded decisions"), permissions=["change"])
    def announce_decisions(self, request, queryset) -> None:
        for call in queryset:
            done, refused = services.call_release_decisions(user=request.user, call=call)
            self.message_user(
                request,
                ngettext(
                    "%(call)s: %(count)d decision announced.",
                    "%(call)s: %(count)d decisions announced.",
                    done,
                )
                % {"call": call, "count": done},
                messages.SUCCESS,
            )
            for message in refused:
                self.message_user(request, message, messages.WARNING)

    @admin.action(description=_("Grant a deadline extension…"), permissions=["grant_extension"])
    def grant_extension(self, request, queryset):
        call = queryset.order_by("pk").first()
        return redirect(reverse("admin:practices_deadlineextension_add") + f"?call={call.pk}")

    def has_grant_extension_permission(self, request) -> bool:
        return request.user.has_perm("practices.add_deadlineextension")


@admin.register(DeadlineExtension)
class DeadlineExtensionAdmin(admin.ModelAdmin):
    """Granted through services.extension_grant (recorded, emailed to the SME); granting again
    for the same SME and call replaces the deadline."""

    list_display = ["organisation", "call", "closes_at", "granted_by", "granted_at"]
    list_filter = ["call"]
    search_fields = ["organisation__name", *localized_names("call__title")]
    list_select_related = ["organisation", "call", "granted_by"]
    fields = ["call", "organisation", "closes_at", "reason", "granted_by", "granted_at"]
    readonly_fields = fields

    def has_change_permission(self, request, obj=None) -> bool:
        return False  # a new deadline is granted again, through the service

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ExtensionGrantForm(
            request.POST or None,
            initial={"call": request.GET.get("call")},
            admin_site=self.admin_site,
        )
        if request.method == "POST" and form.is_valid():
            try:
                extension = services.extension_grant(user=request.user, **form.cleaned_data)
            except ApplicationError as exc:
                add_service_errors(form, exc)
            else:
                self.log_addition(request, extension, [{"added": {}}])
                self.message_user(
                    request,
                    gettext("%(organisation)s may now send until %(deadline)s.")
                    % {
                        "organisation": extension.organisation,
                        "deadline": services.format_deadline(extension.closes_at),
                    },
                    messages.SUCCESS,
                )
                return redirect("admin:practices_deadlineextension_changelist")
        return form_page(
            self,
            request,
            form=form,
            title=gettext("Grant a deadline extension"),
            intro=gettext("The SME gets a later deadline for this call only; it is told by email."),
            submit_label=gettext("Grant"),
            cancel_url=reverse("admin:practices_deadlineextension_changelist"),
        )
