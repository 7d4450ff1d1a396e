"""Coordinators' admin for Digital Volunteers: approve or reject pledges (one at a time or in
bulk, every move through services.pledge_transition), approve mentors, publish a new version of
the confidentiality agreement. Nothing a company or a mentor wrote is edited or deleted here."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy

from skillup.admin import ReadOnlyAdminMixin, action_page, run_each, run_each_and_report

from . import services
from .enums import MentorState, PledgeActor, PledgePhase, PledgeState
from .models import (
    ConfidentialityAgreement,
    MentorInvitation,
    MentorProfile,
    MentorSkill,
    Pledge,
    PledgeTransition,
)
from .phases import phase_filter
from .workflow import MOVES, coordinator_targets


class RejectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, sent to the company"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000,
    )


def _move_label(target: str):
    return next(m.label for m in MOVES if m.actor == PledgeActor.COORDINATOR and m.target == target)


def _transition_action(target: str):
    """A bulk action moving each selected pledge to `target` through pledge_transition."""

    def action(modeladmin, request, queryset):
        return modeladmin.move_each(request, queryset, target=target)

    action.__name__ = f"move_to_{target}"
    return admin.action(description=_move_label(target), permissions=["change"])(action)


# one click from the list; a rejection needs a reason (its own action with a form)
ONE_CLICK_TARGETS = [t for t in coordinator_targets() if t != PledgeState.REJECTED]


class PhaseFilter(admin.SimpleListFilter):
    """Approved pledges by where they stand in their period today (volunteers.phases)."""

    title = _("status")
    parameter_name = "phase"

    def lookups(self, request, model_admin):
        return PledgePhase.choices

    def queryset(self, request, queryset):
        if self.value() in PledgePhase.values:
            return queryset.filter(phase_filter(self.value()))
        return queryset


class PledgeTransitionInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = PledgeTransition
    extra = 0
    fields = ["created_at", "actor", "from_state", "to_state", "comment"]
    readonly_fields = fields


@admin.register(Pledge)
class PledgeAdmin(admin.ModelAdmin):
    list_display = [
        "company",
        "state",
        "phase",
        "country",
        "pillar",
        "scope",
        "is_public",
        "starts_on",
        "ends_on",
        "target_smes",
        "submitted_at",
    ]
    list_filter = [
        "state",
        PhaseFilter,
        "pillar",
        "scope",
        "is_public",
        ("company__country", admin.ChoicesFieldListFilter),
    ]
    search_fields = ["company__name", "description", "slug"]
    list_select_related = ["company"]
    ordering = ["-submitted_at", "-pk"]
    date_hierarchy = "created_at"
    inlines = [PledgeTransitionInline]
    actions = [
        *(_transition_action(target) for target in ONE_CLICK_TARGETS),
        "reject",
    ]
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "company",
                    "slug",
                    "state",
                    "submitted_at",
                    "approved_at",
                    "invite_experts",
                )
            },
        ),
        (
            _("Commitments"),
            {
                "fields": (
                    "commit_assist",
                    "commit_mentor",
                    "commit_confidentiality",
                    "commitments_version",
                    "commitments_accepted_at",
                    "commitments_accepted_by",
                )
            },
        ),
        (
            _("Pledge"),
            {
                "fields": (
                    "description",
                    "pillar",
                    "scope",
                    "expertise",
                    "countries",
                    "languages",
                    "target_smes",
                    "target_mentors",
                    "target_hours",
                    "starts_on",
                    "ends_on",
                    "is_public",
                    "rejection_reason",
                )
            },
        ),
    )

    def get_readonly_fields(self, request, obj=None):
        return flatten_fieldsets(self.fieldsets)  # moves go through the actions only

    def has_add_permission(self, request) -> bool:
        return False  # companies pledge on the site

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def view_on_site(self, obj: Pledge):
        return obj.get_absolute_url() if obj.is_in_viewer else None

    @admin.display(description=_("status"), ordering="starts_on")
    def phase(self, obj: Pledge) -> str:
        """Upcoming, active, ended or completed today (volunteers.phases); "-" before approval."""
        phase = obj.phase
        return phase.label if phase else self.get_empty_value_display()

    @admin.display(description=_("country"), ordering="company__country")
    def country(self, obj: Pledge):
        return obj.company.country.name

    @admin.display(description=_("mentors"))
    def invite_experts(self, obj: Pledge):
        """Coordinators invite a company's experts from the CSV it sends them, on the same page
        as the company's admins (views/invitations.py)."""
        return format_html(
            '<a href="{}">{}</a>',
            reverse("volunteers:mentor_invite_csv", args=[obj.company_id]),
            _("Invite several experts of this company (CSV)"),
        )

    def move_each(self, request, queryset, *, target: str, comment: str = "") -> None:
        run_each_and_report(
            self,
            request,
            queryset,
            lambda pledge: services.pledge_transition(
                pledge=pledge, target=target, actor=request.user, comment=comment
            ),
            ngettext_lazy(
                "%(count)d pledge moved to “%(state)s”.",
                "%(count)d pledges moved to “%(state)s”.",
                "count",
            ),
            state=PledgeState(target).label,
        )

    @admin.action(description=_("Reject…"), permissions=["change"])
    def reject(self, request, queryset):
        form = RejectionForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            self.move_each(
                request, queryset, target=PledgeState.REJECTED, comment=form.cleaned_data["reason"]
            )
            return None
        return action_page(
            self,
            request,
            queryset,
            form=form,
            title=_("Reject pledges"),
            intro=_("The company receives this reason by email and may change its pledge."),
            submit_label=_("Reject"),
        )


class MentorSkillInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = MentorSkill
    extra = 0
    fields = ["skill", "level"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("skill")


@admin.register(MentorProfile)
class MentorProfileAdmin(admin.ModelAdmin):
    list_display = [
        "user",
        "company",
        "state",
        "capacity",
        "availability",
        "agreement",
        "created_at",
    ]
    # only the companies that have mentors (a plain "company" filter lists every organisation)
    list_filter = [
        "state",
        "availability",
        "agreement",
        ("company", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["user__email", "user__full_name", "company__name", "bio"]
    list_select_related = ["user", "company", "agreement"]
    inlines = [MentorSkillInline]
    actions = ["approve", "turn_down"]
    fields = [
        "user",
        "company",
        "state",
        "bio",
        "languages",
        "countries",
        "sectors",
        "capacity",
        "availability",
        "paused_until",
        "agreement",
        "agreement_accepted_at",
        "decided_at",
        "decided_by",
    ]
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False  # company admins invite mentors on the site

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def _decide(self, request, queryset, *, approve: bool) -> None:
        done = run_each(
            self,
            request,
            queryset,
            lambda mentor: services.mentor_decide(
                user=request.user, mentor=mentor, approve=approve
            ),
        )
        state = MentorState.APPROVED if approve else MentorState.REJECTED
        self.message_user(
            request,
            ngettext(
                "%(count)d mentor is now “%(state)s”.",
                "%(count)d mentors are now “%(state)s”.",
                done,
            )
            % {"count": done, "state": state.label},
            messages.SUCCESS if done else messages.INFO,
        )

    @admin.action(description=_("Approve the selected mentors"), permissions=["change"])
    def approve(self, request, queryset):
        self._decide(request, queryset, approve=True)

    @admin.action(description=_("Turn down the selected mentors"), permissions=["change"])
    def turn_down(self, request, queryset):
        self._decide(request, queryset, approve=False)


@admin.register(MentorInvitation)
class MentorInvitationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["email", "company", "invited_by", "created_at", "expires_at", "accepted_at"]
    list_filter = [("company", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["email", "company__name"]
    list_select_related = ["company", "invited_by"]
    fields = ["email", "company", "invited_by", "created_at", "expires_at", "accepted_at"]
    readonly_fields = fields


@admin.register(ConfidentialityAgreement)
class ConfidentialityAgreementAdmin(admin.ModelAdmin):
    """A published version is never changed: a new wording is a new version, which every mentor
    accepts again before receiving proposals (services.agreement_publish)."""

    list_display = ["version", "effective_at", "mentor_count"]
    fields = ["version", "effective_at", "text"]

    class PublishForm(forms.ModelForm):
        def clean_effective_at(self):
            effective_at = self.cleaned_data.get("effective_at")
            error = services.agreement_date_error(effective_at)
            if error:
                raise forms.ValidationError(error)
            return effective_at

    form = PublishForm

    def get_readonly_fields(self, request, obj=None):
        return self.fields if obj is not None else []

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(accepted_by=Count("mentors"))

    @admin.display(description=_("mentors who accepted it"), ordering="accepted_by")
    def mentor_count(self, obj: ConfidentialityAgreement) -> int:
        return obj.accepted_by

    def save_model(self, request, obj, form, change) -> None:
        if change:
            return  # read-only once published
        services.agreement_publish(user=request.user, agreement=obj)
