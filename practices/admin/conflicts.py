"""Conflicts of interest and review assignments, as lists.

A reviewer declares their conflicts here ("Conflicts of interest": they add and see their own;
coordinators see everyone's and withdraw one at a reviewer's request) and reads their
assignments; coordinators read everyone's and take a practice back. Assigning happens from the
practice list (by hand) and the call list (automatically): see assignments.py and calls.py.

A practice someone is in conflict with is never named to them: their own declared conflict
with a practice shows its number and SME, not its title, and opens no page of its own.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation
from accounts.permissions import is_coordinator
from skillup.admin import form_page, warn_refused
from skillup.errors import ApplicationError, add_service_errors

from .. import selectors, services
from ..models import Practice, Review, ReviewAssignment, ReviewConflict
from ..permissions import can_assign_reviewers, can_declare_conflict


class ReviewerFilter(admin.SimpleListFilter):
    """The active reviewers (not every user of the portal, as a plain related filter would)."""

    title = _("reviewer")
    parameter_name = "reviewer"

    def lookups(self, request, model_admin):
        if not is_coordinator(request.user):
            return []
        return [(user.pk, str(user)) for user in selectors.reviewer_pool()]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(reviewer_id=int(value))
        return queryset


@admin.register(ReviewAssignment)
class ReviewAssignmentAdmin(admin.ModelAdmin):
    """Who reviews what: a reviewer's own assignments, everyone's for coordinators. Made from
    the practice list and the call list; coordinators take one back here (deleting it)."""

    # narrow enough for 1366 px: the call is a filter, who assigned it is on the row's page
    list_display = ["practice", "reviewer", "reviewed", "how_assigned", "created_at"]
    list_filter = ["practice__call", ReviewerFilter, "automatic"]
    search_fields = ["practice__title", "reviewer__email", "reviewer__full_name"]
    list_select_related = ["practice__call", "reviewer", "assigned_by"]
    fields = ["practice", "reviewer", "automatic", "assigned_by", "created_at"]
    readonly_fields = fields
    ordering = ["-created_at", "-pk"]

    def get_queryset(self, request):
        reviewed = Review.objects.filter(
            practice=OuterRef("practice"), reviewer=OuterRef("reviewer")
        )
        queryset = (
            super()
            .get_queryset(request)
            .filter(practice__in=selectors.practices_for_staff(request.user))
            .annotate(is_reviewed=Exists(reviewed))
        )
        if not is_coordinator(request.user):
            queryset = queryset.filter(reviewer=request.user)
        return queryset

    def get_list_filter(self, request):
        if is_coordinator(request.user):
            return self.list_filter
        return ["practice__call", "automatic"]

    @admin.display(description=_("assigned"), ordering="automatic")
    def how_assigned(self, obj: ReviewAssignment) -> str:
        if obj.automatic:
            return gettext("automatically")
        return gettext("by %(person)s") % {"person": obj.assigned_by or "–"}

    @admin.display(description=_("reviewed"), boolean=True, ordering="is_reviewed")
    def reviewed(self, obj: ReviewAssignment) -> bool:
        return obj.is_reviewed

    def has_add_permission(self, request) -> bool:
        return False  # from the practice list or the call list

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and can_assign_reviewers(request.user)

    def delete_model(self, request, obj) -> None:
        try:
            services.review_unassign(user=request.user, assignment=obj)
        except ApplicationError as exc:
            warn_refused(self, request, obj, exc)

    def delete_queryset(self, request, queryset) -> None:
        for assignment in queryset.order_by("pk"):
            self.delete_model(request, assignment)


class ConflictDeclareForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.all(),
        required=False,
        help_text=_("Every practice of this organisation, in every call."),
    )
    practice = forms.ModelChoiceField(
        label=_("Or one practice"),
        queryset=Practice.objects.none(),
        required=False,
        help_text=_("Only this practice (its organisation's other practices stay visible)."),
    )
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_("For example: “I advised this company in 2025.” Coordinators read it."),
    )

    def __init__(self, *args, admin_site, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["practice"].queryset = selectors.practices_for_staff(user)
        for name in ("organisation", "practice"):
            field = self.fields[name]
            field.widget = AutocompleteSelect(ReviewConflict._meta.get_field(name), admin_site)
            field.widget.choices = field.choices  # a widget set after the field needs them

    def clean(self):
        data = super().clean()
        chosen = [data.get("organisation"), data.get("practice")]
        invalid = "organisation" in self.errors or "practice" in self.errors
        if not invalid and (chosen[0] is None) == (chosen[1] is None):
            raise forms.ValidationError(services.MSG_CONFLICT_TARGET)
        return data


def _target_column(viewer):
    """The "conflict with" column as `viewer` reads it: their own conflict with a practice
    names it by number and SME (they declared it, so they no longer see it)."""

    @admin.display(description=_("conflict with"))
    def target(obj: ReviewConflict) -> str:
        if obj.organisation_id:
            return gettext("the organisation %(organisation)s") % {"organisation": obj.organisation}
        if obj.reviewer_id == viewer.pk:
            return gettext("practice no. %(number)d of %(organisation)s") % {
                "number": obj.practice_id,
                "organisation": obj.practice.organisation,
            }
        return gettext("the practice “%(practice)s”") % {"practice": obj.practice}

    return target


@admin.register(ReviewConflict)
class ReviewConflictAdmin(admin.ModelAdmin):
    """Conflicts of interest declared by reviewers. Those worked out from facts (own
    organisation, email domain) are not listed: they apply without being declared."""

    list_display = ["reviewer", "reason_short", "created_at"]  # see get_list_display
    list_filter = [ReviewerFilter]
    search_fields = ["organisation__name", "reason", "reviewer__email", "reviewer__full_name"]
    list_select_related = ["reviewer", "organisation", "practice__organisation"]
    fields = ["reviewer", "organisation", "practice", "reason", "created_at"]
    readonly_fields = fields

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if not is_coordinator(request.user):
            return queryset.filter(reviewer=request.user)
        # a coordinator in conflict with a practice does not read its title here either
        return queryset.filter(
            Q(practice__isnull=True) | Q(practice__in=selectors.practices_for_staff(request.user))
        )

    def get_list_filter(self, request):
        return self.list_filter if is_coordinator(request.user) else []

    def get_list_display_links(self, request, list_display):
        # a reviewer's own conflict page would name the practice (its title): list only
        return ["reviewer"] if is_coordinator(request.user) else None

    def has_view_permission(self, request, obj=None) -> bool:
        allowed = super().has_view_permission(request, obj)
        return allowed and (obj is None or is_coordinator(request.user))

    def get_list_display(self, request):
        return ["reviewer", _target_column(request.user), "reason_short", "created_at"]

    @admin.display(description=_("reason"))
    def reason_short(self, obj: ReviewConflict) -> str:
        return Truncator(obj.reason).chars(120)

    def has_change_permission(self, request, obj=None) -> bool:
        return False  # declared once; a coordinator withdraws it, the reviewer declares again

    def has_add_permission(self, request) -> bool:
        return super().has_add_permission(request) and can_declare_conflict(request.user)

    def has_delete_permission(self, request, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and is_coordinator(request.user)

    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ConflictDeclareForm(
            request.POST or None, admin_site=self.admin_site, user=request.user
        )
        if request.method == "POST" and form.is_valid():
            try:
                services.review_conflict_declare(user=request.user, **form.cleaned_data)
            except ApplicationError as exc:
                add_service_errors(form, exc)
            else:
                # no admin log entry: it would name the practice on the reviewer's own admin
                # home ("recent actions"); the row itself records who declared what, and when
                self.message_user(
                    request,
                    gettext(
                        "Your conflict of interest is recorded. You no longer see the practices "
                        "it covers, and their assignments to you are withdrawn."
                    ),
                    messages.SUCCESS,
                )
                return redirect("admin:practices_reviewconflict_changelist")
        return form_page(
            self,
            request,
            form=form,
            title=gettext("Declare a conflict of interest"),
            intro=gettext(
                "Choose an organisation (all its practices) or one practice. You are already "
                "kept away from your own organisation's practices and from SMEs whose people "
                "share your email domain: no need to declare those."
            ),
            submit_label=gettext("Declare"),
            cancel_url=reverse("admin:practices_reviewconflict_changelist"),
        )

    def delete_model(self, request, obj) -> None:
        try:
            services.review_conflict_withdraw(user=request.user, conflict=obj)
        except ApplicationError as exc:
            warn_refused(self, request, obj, exc)

    def delete_queryset(self, request, queryset) -> None:
        for conflict in queryset.order_by("pk"):
            self.delete_model(request, conflict)
