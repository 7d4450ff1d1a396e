"""Assigning practices to reviewers by hand: the practice list's action "Assign to
reviewers…" (one or many practices at once). PracticeAdmin takes this mixin and lists the
action; the automatic assignment of a whole call is on the call list (calls.py)."""

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from skillup.admin import action_page

from .. import selectors, services
from ..permissions import can_assign_reviewers


class ReviewerChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return ngettext(
            "%(reviewer)s (%(count)d practice to review)",
            "%(reviewer)s (%(count)d practices to review)",
            obj.to_review,
        ) % {"reviewer": obj, "count": obj.to_review}


class AssignReviewersForm(forms.Form):
    reviewers = ReviewerChoiceField(
        label=_("Reviewers"),
        queryset=selectors.reviewer_pool_with_queues(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Each practice above goes to each reviewer you tick. Assignments that exist are "
            "kept; a reviewer in conflict of interest with a practice is not given it."
        ),
        error_messages={"required": _("Tick at least one reviewer.")},
    )

    class Media:
        css = {"all": ["css/admin-assign.css"]}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewers"].queryset = selectors.reviewer_pool_with_queues()


class AssignmentActionsMixin:
    """For PracticeAdmin: the "Assign to reviewers…" action (coordinators)."""

    @admin.action(description=_("Assign to reviewers…"), permissions=["assign"])
    def assign_to_reviewers(self, request, queryset):
        form = AssignReviewersForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            created, kept, refused = services.review_assign_many(
                user=request.user,
                practices=queryset.order_by("pk"),
                reviewers=form.cleaned_data["reviewers"],
            )
            for message in refused:
                self.message_user(request, message, messages.WARNING)
            self.message_user(
                request,
                ngettext(
                    "%(count)d assignment made.",
                    "%(count)d assignments made.",
                    created,
                )
                % {"count": created},
                messages.SUCCESS if created else messages.INFO,
            )
            if kept:
                self.message_user(
                    request,
                    ngettext(
                        "%(count)d assignment existed already: kept as it was.",
                        "%(count)d assignments existed already: kept as they were.",
                        kept,
                    )
                    % {"count": kept},
                    messages.INFO,
                )
            return None
        return action_page(
            self,
            request,
            queryset,
            form=form,
            title=gettext("Assign to reviewers"),
            intro=gettext("The selected practices:"),
            submit_label=gettext("Assign"),
        )

    def has_assign_permission(self, request) -> bool:
        return request.user.has_perm("practices.add_reviewassignment") and can_assign_reviewers(
            request.user
        )
