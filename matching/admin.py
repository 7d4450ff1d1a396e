"""Matching in the admin. The skill taxonomy: read-only for every staff member (the data is
public and comes from matching/fixtures/taxonomy.json; change the file, not the rows).
Matchmaking, for coordinators: needs with their recommendations, the scoring weights, runs,
draft proposals to review and release, partnerships."""

from copy import deepcopy

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _

from accounts.permissions import is_coordinator
from skillup.admin import ReadOnlyAdminMixin, form_page, run_each_and_report
from skillup.errors import ApplicationError
from volunteers.models import MentorProfile

from . import engine, services
from .enums import (
    ACTIVE_RUN_STATES,
    PART_LABELS,
    PART_SHORT_LABELS,
    ProposalState,
    RunPhase,
    RunStatus,
)
from .models import (
    CheckIn,
    Feedback,
    Framework,
    MatchRun,
    NeedsProfile,
    Partnership,
    Proposal,
    ProposalLog,
    ScoringSettings,
    Skill,
    SkillGap,
)
from .services.runs import NOT_QUEUED_PREFIX


class ReadOnlyForStaffAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Reference data every active staff member reads, without a model permission."""

    def has_module_permission(self, request) -> bool:
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.is_active and request.user.is_staff


@admin.register(Framework)
class FrameworkAdmin(ReadOnlyForStaffAdmin):
    list_display = ["name", "key", "version", "licence", "position"]
    search_fields = ["name", "key"]
    fields = [
        "key",
        "name",
        "version",
        "publisher",
        "source_url",
        "citation",
        "licence",
        "attribution",
        "position",
    ]


@admin.register(Skill)
class SkillAdmin(ReadOnlyForStaffAdmin):
    list_display = ["code", "title", "framework", "parent", "is_area"]
    list_filter = ["framework", "is_area"]
    search_fields = ["code", "title"]
    list_select_related = ["framework", "parent"]
    fields = ["framework", "code", "title", "parent", "is_area", "position"]


# --------------------------------------------------------------------------------------------
# Matchmaking (coordinators)
# --------------------------------------------------------------------------------------------
def explanation_html(explanation: dict):
    """The score's parts as a short list: "coverage of the gaps 42.5, sector 15 …"."""
    parts = explanation.get("parts") or {}
    return format_html_join(
        ", ",
        "{} {}",
        ((PART_SHORT_LABELS.get(name, name), points) for name, points in parts.items()),
    )


class ReadOnlyInline(ReadOnlyAdminMixin, admin.TabularInline):
    """Rows shown under their parent, never added, changed or deleted here."""

    extra = 0

    def get_readonly_fields(self, request, obj=None):
        return self.fields


class SkillGapInline(ReadOnlyInline):
    model = SkillGap
    fields = ["skill", "importance", "target_level"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("skill")


@admin.register(NeedsProfile)
class NeedsProfileAdmin(admin.ModelAdmin):
    """SMEs' needs, read-only; each has its top-10 recommendations with their explanation."""

    list_display = ["organisation", "status", "mode", "country", "updated_at"]
    list_filter = ["status", "mode", ("organisation__country", admin.ChoicesFieldListFilter)]
    search_fields = ["organisation__name"]
    list_select_related = ["organisation"]
    inlines = [SkillGapInline]
    fields = [
        "organisation",
        "status",
        "challenge",
        "languages",
        "mode",
        "region",
        "excluded_companies",
        "maturity",
        "updated_at",
    ]
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("country"), ordering="organisation__country")
    def country(self, obj: NeedsProfile):
        return obj.organisation.country.name

    def get_urls(self):
        return [
            path(
                "<int:pk>/recommendations/",
                self.admin_site.admin_view(self.recommendations_view),
                name="matching_needsprofile_recommendations",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        extra_context["recommendations_url"] = reverse(
            "admin:matching_needsprofile_recommendations", args=[object_id]
        )
        return super().change_view(request, object_id, form_url, extra_context)

    def recommendations_view(self, request, pk: int):
        if not is_coordinator(request.user):
            raise PermissionDenied
        needs = get_object_or_404(NeedsProfile.objects.select_related("organisation"), pk=pk)
        if request.method == "POST":
            return self._propose(request, needs)
        rows = [
            {
                "mentor": mentor,
                "score": round(score, 1),
                "parts": explanation_html(explanation),
            }
            for mentor, score, explanation in engine.recommend(needs, k=10)
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": gettext("Recommended mentors for %(sme)s") % {"sme": needs.organisation},
            "needs": needs,
            "rows": rows,
        }
        return TemplateResponse(request, "admin/matching/recommendations.html", context)

    def _propose(self, request, needs: NeedsProfile):
        form = ChangeMentorForm(request.POST)
        mentor = (
            MentorProfile.objects.filter(pk=form.cleaned_data["mentor"]).first()
            if form.is_valid()
            else None
        )
        try:
            if mentor is None:
                raise ApplicationError(services.MSG_MENTOR_UNAVAILABLE)
            services.proposal_draft_for(user=request.user, needs=needs, mentor=mentor)
        except ApplicationError as exc:
            self.message_user(request, exc.message, messages.WARNING)
        else:
            self.message_user(
                request,
                gettext("A draft proposal is ready for review in Proposals."),
                messages.SUCCESS,
            )
        return redirect("admin:matching_needsprofile_recommendations", pk=needs.pk)


@admin.register(ScoringSettings)
class ScoringSettingsAdmin(admin.ModelAdmin):
    """The one row of weights and proposal timing; every run records the weights it used."""

    list_display = ["__str__", "coverage", "region", "sector", "mode", "proposal_days"]
    fields = ["coverage", "region", "sector", "mode", "proposal_days", "reminder_days"]

    def has_add_permission(self, request) -> bool:
        return not ScoringSettings.objects.exists()

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def changelist_view(self, request, extra_context=None):
        # the same check as the page it redirects to: staff without access get a 403 here
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        row = ScoringSettings.load()
        return redirect("admin:matching_scoringsettings_change", row.pk)


class RunForm(forms.ModelForm):
    class Meta:
        model = MatchRun
        fields = ["maximise_matches", "respect_quotas"]


def _number(value: float, decimals: int = 1) -> str:
    return formats.number_format(value, decimal_pos=decimals if value % 1 else 0)


def run_progress_text(run: MatchRun) -> str:
    """One sentence saying where a run is: waiting, which phase of how many, done, or where it
    failed. The list, the change page and its status banner all say it the same way."""
    phases = list(RunPhase)
    if run.status == RunStatus.QUEUED:
        return gettext("Waiting for a worker to start it.")
    if run.status == RunStatus.RUNNING:
        if not run.phase:
            return gettext("Starting.")
        return gettext("Step %(step)d of %(steps)d: %(phase)s (%(percent)d%% done).") % {
            "step": phases.index(run.phase) + 1,
            "steps": len(phases),
            "phase": RunPhase(run.phase).label,
            "percent": run.progress,
        }
    if run.status == RunStatus.DONE:
        return ngettext(
            "Finished: %(matched)d of %(smes)d SME matched.",
            "Finished: %(matched)d of %(smes)d SMEs matched.",
            run.sme_count,
        ) % {"matched": run.matched_count, "smes": run.sme_count}
    if run.error.startswith(NOT_QUEUED_PREFIX):
        return gettext("Failed before it started: the task could not be queued. Start a new run.")
    if run.phase:
        return gettext("Failed in step %(step)d of %(steps)d: %(phase)s.") % {
            "step": phases.index(run.phase) + 1,
            "steps": len(phases),
            "phase": RunPhase(run.phase).label,
        }
    return gettext("Failed before it started.")


@admin.register(MatchRun)
class MatchRunAdmin(admin.ModelAdmin):
    """Start a global run (a Celery task) and follow it: its state and phase as the task writes
    them (the page updates itself while the run is queued or running), its figures, time per
    phase, the weights it used, and a link to its draft proposals."""

    # what fits at 1366 px beside the menu and the filter; the rest is on the run's page
    list_display = ["__str__", "status", "progress_now", "mean_score", "duration_s", "started_by"]
    list_filter = ["status"]
    list_select_related = ["started_by"]
    form = RunForm
    change_form_template = "admin/matching/matchrun/change_form.html"
    fieldsets_of_a_run = [
        (None, {"fields": ["status", "error", "drafts"]}),
        (
            _("Figures"),
            {
                "fields": [
                    "sme_count",
                    "mentor_count",
                    "matched_count",
                    "mean_score",
                    "min_score",
                    "algorithm_version",
                ]
            },
        ),
        (
            _("Timings"),
            {"fields": ["created_at", "started_at", "finished_at", "duration_s", "timings_table"]},
        ),
        (
            _("Settings"),
            {"fields": ["maximise_matches", "respect_quotas", "weights_table", "started_by"]},
        ),
    ]

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(None, {"fields": ["maximise_matches", "respect_quotas"]})]
        fieldsets = deepcopy(self.fieldsets_of_a_run)
        if obj.status != RunStatus.FAILED:
            fieldsets[0][1]["fields"].remove("error")
        if obj.status != RunStatus.DONE:  # zeros until then, which would read as results
            del fieldsets[1]
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return [name for _title, box in self.fieldsets_of_a_run for name in box["fields"]]

    def has_change_permission(self, request, obj=None) -> bool:
        # nothing of a run changes by hand: its page is read-only, even for a superuser
        return obj is None and super().has_change_permission(request)

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("progress"))
    def progress_now(self, obj: MatchRun) -> str:
        return run_progress_text(obj)

    @admin.display(description=_("draft proposals"))
    def drafts(self, obj: MatchRun):
        if obj.status != RunStatus.DONE:
            return "-"
        url = reverse("admin:matching_proposal_changelist") + f"?run__id__exact={obj.pk}"
        counts = obj.proposals.aggregate(
            proposals=Count("pk"), drafts=Count("pk", filter=Q(state=ProposalState.DRAFT))
        )
        proposals, drafts = counts["proposals"], counts["drafts"]
        return format_html(
            '<a href="{}">{}</a>',
            url,
            ngettext(
                "%(count)d proposal from this run (%(drafts)d still a draft)",
                "%(count)d proposals from this run (%(drafts)d still drafts)",
                proposals,
            )
            % {"count": proposals, "drafts": drafts},
        )

    @admin.display(description=_("time per phase"))
    def timings_table(self, obj: MatchRun):
        rows = [
            (phase.label, _number(obj.timings[phase.value], 2))
            for phase in RunPhase
            if phase.value in obj.timings
        ]
        if not rows:
            return "-"
        return format_html(
            '<table class="skillup-figures"><caption>{}</caption><thead><tr>'
            '<th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table>',
            gettext("Time per phase"),
            gettext("Phase"),
            gettext("Seconds"),
            format_html_join(
                "", '<tr><th scope="row">{}</th><td class="numeric">{}</td></tr>', rows
            ),
        )

    @admin.display(description=_("scoring weights"))
    def weights_table(self, obj: MatchRun):
        if not obj.weights:
            return gettext("Recorded when the run starts its work.")
        known = [name for name in PART_LABELS if name in obj.weights]
        rows = [(PART_LABELS[name], _number(round(obj.weights[name], 1))) for name in known]
        rows += [(name, _number(value)) for name, value in obj.weights.items() if name not in known]
        return format_html(
            '<table class="skillup-figures"><caption>{}</caption><thead><tr>'
            '<th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table>',
            gettext("The weights this run used (points out of 100)"),
            gettext("Part of the score"),
            gettext("Points"),
            format_html_join(
                "", '<tr><th scope="row">{}</th><td class="numeric">{}</td></tr>', rows
            ),
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        run = self.get_object(request, object_id)
        extra_context = extra_context or {}
        if run is not None:
            extra_context["run_summary"] = run_progress_text(run)
            extra_context["run_active"] = run.status in ACTIVE_RUN_STATES
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change) -> None:
        if change:
            return
        run = services.run_create(
            user=request.user,
            maximise_matches=obj.maximise_matches,
            respect_quotas=obj.respect_quotas,
        )
        obj.pk = run.pk
        obj.refresh_from_db()

    def response_add(self, request, obj, post_url_continue=None):
        self.message_user(
            request,
            gettext("The run is queued. This page follows it until it is done."),
            messages.SUCCESS,
        )
        return redirect("admin:matching_matchrun_change", obj.pk)


class ProposalLogInline(ReadOnlyInline):
    model = ProposalLog
    fields = ["created_at", "action", "actor", "comment"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")


class ChangeMentorForm(forms.Form):
    mentor = forms.IntegerField(label=_("mentor (profile number)"), min_value=1)


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    """Drafts from a run: review them with their explanation, change a mentor, remove, release."""

    list_display = [
        "needs",
        "mentor",
        "score",
        "parts",
        "state",
        "sme_answer",
        "mentor_answer",
        "expires_at",
        "run",
    ]
    list_filter = ["state", "run", "sme_answer", "mentor_answer"]
    search_fields = ["needs__organisation__name", "mentor__user__email", "mentor__company__name"]
    list_select_related = ["needs__organisation", "mentor__user", "mentor__company", "run"]
    actions = ["release", "remove"]
    inlines = [ProposalLogInline]
    fields = [
        "needs",
        "mentor",
        "score",
        "explanation_text",
        "algorithm_version",
        "state",
        "sme_answer",
        "sme_answered_at",
        "mentor_answer",
        "mentor_answered_at",
        "decline_reason",
        "released_at",
        "released_by",
        "expires_at",
        "closed_at",
        "run",
    ]
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("why"))
    def parts(self, obj: Proposal):
        return explanation_html(obj.explanation)

    @admin.display(description=_("explanation"))
    def explanation_text(self, obj: Proposal):
        gaps = obj.explanation.get("gaps") or []
        skills = {s.pk: s for s in Skill.objects.filter(pk__in=[g["skill"] for g in gaps])}
        rows = format_html_join(
            "",
            "<li>{}: {} {} → {}%</li>",
            (
                (
                    skills.get(g["skill"], g["skill"]),
                    gettext("target"),
                    g.get("target"),
                    round(100 * g.get("covered", 0)),
                )
                for g in gaps
            ),
        )
        return format_html("<p>{}</p><ul>{}</ul>", explanation_html(obj.explanation), rows)

    @admin.action(description=_("Release to both sides"), permissions=["change"])
    def release(self, request, queryset):
        run_each_and_report(
            self,
            request,
            queryset,
            lambda p: services.proposal_release(user=request.user, proposal=p),
            ngettext_lazy("%(count)d proposal released.", "%(count)d proposals released.", "count"),
        )

    @admin.action(description=_("Remove the selected drafts"), permissions=["change"])
    def remove(self, request, queryset):
        run_each_and_report(
            self,
            request,
            queryset,
            lambda p: services.proposal_remove(user=request.user, proposal=p),
            ngettext_lazy("%(count)d draft removed.", "%(count)d drafts removed.", "count"),
        )

    def get_urls(self):
        return [
            path(
                "<int:pk>/change-mentor/",
                self.admin_site.admin_view(self.change_mentor_view),
                name="matching_proposal_change_mentor",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        proposal = self.get_object(request, object_id)
        if proposal is not None and proposal.state == ProposalState.DRAFT:
            extra_context["change_mentor_url"] = reverse(
                "admin:matching_proposal_change_mentor", args=[object_id]
            )
        return super().change_view(request, object_id, form_url, extra_context)

    def change_mentor_view(self, request, pk: int):
        if not is_coordinator(request.user):
            raise PermissionDenied
        proposal = get_object_or_404(Proposal, pk=pk)
        form = ChangeMentorForm(request.POST or None)
        if form.is_valid():
            mentor = MentorProfile.objects.filter(pk=form.cleaned_data["mentor"]).first()
            try:
                if mentor is None:
                    raise ApplicationError(services.MSG_MENTOR_UNAVAILABLE, field="mentor")
                services.proposal_change_mentor(user=request.user, proposal=proposal, mentor=mentor)
            except ApplicationError as exc:
                form.add_error("mentor", exc.message)
            else:
                self.message_user(request, gettext("The mentor is changed."), messages.SUCCESS)
                return redirect("admin:matching_proposal_change", pk)
        return form_page(
            self,
            request,
            form=form,
            title=gettext("Another mentor for %(sme)s") % {"sme": proposal.needs},
            submit_label=gettext("Change the mentor"),
            cancel_url=reverse("admin:matching_proposal_change", args=[pk]),
            intro=gettext("The recommendations page of the SME lists the mentors who can take it."),
        )


class CheckInInline(ReadOnlyInline):
    model = CheckIn
    fields = ["date", "side", "hours", "note"]


class FeedbackInline(ReadOnlyInline):
    model = Feedback
    fields = ["side", "rating", "text", "created_at"]


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    list_display = ["needs", "mentor", "state", "started_at", "ended_at"]
    list_filter = ["state", ("mentor__company", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["needs__organisation__name", "mentor__user__email", "mentor__company__name"]
    list_select_related = ["needs__organisation", "mentor__user", "mentor__company"]
    inlines = [CheckInInline, FeedbackInline]
    fields = ["needs", "mentor", "state", "goals", "started_at", "ended_at", "end_reason"]
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
