"""Calls, their extensions, and the decisions announced for a whole call at once."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from skillup.admin import ReadOnlyAdminMixin, form_page, warn_refused
from skillup.errors import ApplicationError, add_service_errors

from .. import selectors, services
from ..cache import practices_version_bump
from ..enums import SENT_STATES, PracticeState
from ..models import Call, CallQuestion, DeadlineExtension
from ..permissions import can_assign_reviewers
from ..translation import english, localized_names, translation_fieldsets
from .forms import ExtensionGrantForm
from .questions import CallQuestionInline


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
    """The texts are asked in English (required), then per language in folded fieldsets (an
    empty translation shows the English text). Plain TranslationAdmin: its tabbed variant loads
    jQuery UI from a CDN."""

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
    inlines = [CallQuestionInline, DeadlineExtensionInline]
    actions = ["announce_decisions", "grant_extension", "assign_reviewers_automatically"]
    fieldsets = (
        (
            None,
            {
                "fields": (
                    *english("title"),
                    "slug",
                    *english("introduction", "eligibility", "how_to_take_part"),
                    ("opens_at", "closes_at"),
                )
            },
        ),
        (
            _("Questions"),
            {
                "fields": ("description_max_length",),
                # the four original questions are in the question list like any other (#19)
                "description": _(
                    "The submission form asks the question list below, in its order. A new "
                    "call starts with the four questions of the original call: reword, add, "
                    "hide or reorder them there."
                ),
            },
        ),
        *translation_fieldsets("title", "introduction", "eligibility", "how_to_take_part"),
        (_("Review"), {"fields": ("reviewers_per_practice",)}),
        (_("Publication"), {"fields": ("is_listed", "created_at")}),
    )
    readonly_fields = ["created_at"]

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        if not change:
            # a new call starts with the four original questions, in the wording of the
            # original call (editable defaults: see services.call_default_questions_create)
            services.call_default_questions_create(obj)
        # the practice list's call filter and its cached pages show call titles
        transaction.on_commit(practices_version_bump)

    def save_formset(self, request, form, formset, change) -> None:
        if formset.model is not CallQuestion:
            super().save_formset(request, form, formset, change)
            return
        # the form refused what the service refuses; the service checks again under a lock
        saved = formset.save(commit=False)
        for question in saved:
            services.call_question_save(question)
        for question in formset.deleted_objects:
            question.delete()
        if saved or formset.deleted_objects:
            # a question made private, hidden or public again changes what the call's
            # published practices show and are found by (their search documents)
            services.published_practices_changed(
                form.instance.practices.filter(state=PracticeState.PUBLISHED).values_list(
                    "pk", flat=True
                )
            )

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

    # ---- reviewers: the automatic assignment and the call's "Reviewers" page --------------
    def has_assign_permission(self, request) -> bool:
        return request.user.has_perm("practices.add_reviewassignment") and can_assign_reviewers(
            request.user
        )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not self.has_assign_permission(request):
            return fieldsets
        # the call's "Reviewers" page, from the fieldset of its setting (the list has no room)
        return [
            (name, {**options, "fields": (*options["fields"], "reviewers_page")})
            if list(options["fields"]) == ["reviewers_per_practice"]
            else (name, options)
            for name, options in fieldsets
        ]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "reviewers_page"]

    @admin.display(description=_("assignment of reviewers"))
    def reviewers_page(self, obj: Call) -> str:
        if obj is None or obj.pk is None:
            return "–"
        return format_html(
            '<a href="{}">{}</a>', _reviewers_url(obj), gettext("Who reviews what in this call")
        )

    @admin.action(description=_("Assign reviewers automatically (top up)"), permissions=["assign"])
    def assign_reviewers_automatically(self, request, queryset):
        calls = list(queryset.order_by("pk"))
        for call in calls:
            self._assign(request, call)
        if len(calls) == 1:
            return redirect(_reviewers_url(calls[0]))
        return None

    def _assign(self, request, call: Call) -> None:
        """Run the automatic assignment of `call` and say what it did."""
        try:
            report = services.call_assign_reviewers(user=request.user, call=call)
        except ApplicationError as exc:
            warn_refused(self, request, call, exc)
            return
        text = ngettext(
            "%(call)s: %(count)d assignment made.",
            "%(call)s: %(count)d assignments made.",
            report.created,
        ) % {"call": call, "count": report.created}
        if report.load_range is not None:
            fewest, most = report.load_range
            if fewest == most:
                text += " " + ngettext(
                    "Each reviewer now holds %(count)d practice of the call.",
                    "Each reviewer now holds %(count)d practices of the call.",
                    most,
                ) % {"count": most}
            else:
                text += " " + gettext(
                    "Each reviewer now holds %(fewest)d to %(most)d practices of the call."
                ) % {"fewest": fewest, "most": most}
        self.message_user(request, text, messages.SUCCESS if report.created else messages.INFO)
        if report.withdrawn:
            self.message_user(
                request,
                ngettext(
                    "%(count)d assignment withdrawn: its reviewer is no longer an active "
                    "reviewer or has declared a conflict of interest.",
                    "%(count)d assignments withdrawn: their reviewers are no longer active "
                    "reviewers or have declared a conflict of interest.",
                    report.withdrawn,
                )
                % {"count": report.withdrawn},
                messages.INFO,
            )
        if not report.reviewers:
            self.message_user(
                request,
                gettext("Nobody is an active reviewer: add people to the Reviewers group first."),
                messages.ERROR,
            )
            return
        lacking = dict(report.lacking)
        visible = selectors.visible_practices(request.user, [p for p, _n in report.lacking])
        for practice in visible:
            self.message_user(
                request,
                ngettext(
                    "“%(practice)s” lacks %(count)d reviewer: too few reviewers are free of "
                    "conflict with it.",
                    "“%(practice)s” lacks %(count)d reviewers: too few reviewers are free of "
                    "conflict with it.",
                    lacking[practice],
                )
                % {"practice": practice, "count": lacking[practice]},
                messages.WARNING,
            )
        hidden = len(lacking) - len(visible)
        if hidden:
            self.message_user(
                request,
                ngettext(
                    "%(count)d practice you are in conflict with lacks reviewers.",
                    "%(count)d practices you are in conflict with lack reviewers.",
                    hidden,
                )
                % {"count": hidden},
                messages.WARNING,
            )

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/reviewers/",
                self.admin_site.admin_view(self.reviewers_view),
                name="{}_{}_reviewers".format(*info),
            ),
            *super().get_urls(),
        ]

    def reviewers_view(self, request, object_id):
        """The call's assignment at a glance (coordinators): each reviewer's practices in the
        call, the practices lacking reviewers; POST runs the automatic assignment."""
        if not self.has_assign_permission(request):
            raise PermissionDenied
        call = self.get_object(request, object_id)
        if call is None:
            raise Http404(gettext("This call does not exist."))
        if request.method == "POST":
            self._assign(request, call)
            return redirect(_reviewers_url(call))
        overview = selectors.call_assignments(call)
        lacking = {p.pk: (p, have, need) for p, have, need in overview.lacking}
        visible = selectors.visible_practices(request.user, [row[0] for row in overview.lacking])
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": call,
            "title": gettext("Reviewers of “%(call)s”") % {"call": call},
            "overview": overview,
            "lacking": [lacking[p.pk] for p in visible],
            "lacking_hidden": len(lacking) - len(visible),
            "practice_list_url": reverse("admin:practices_practice_changelist")
            + f"?call__id__exact={call.pk}",
            "assignment_list_url": reverse("admin:practices_reviewassignment_changelist")
            + f"?practice__call__id__exact={call.pk}",
            "call_url": reverse("admin:practices_call_change", args=[call.pk]),
        }
        return TemplateResponse(request, "admin/practices/assign_call.html", context)


def _reviewers_url(call: Call) -> str:
    return reverse("admin:practices_call_reviewers", args=[call.pk])


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
