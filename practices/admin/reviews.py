"""Reviews: each reviewer's own, every one for coordinators."""

from django.contrib import admin

from accounts.permissions import is_coordinator
from skillup.admin import warn_refused
from skillup.errors import ApplicationError

from .. import selectors, services
from ..models import RUBRIC, Review


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    """A reviewer sees and edits their own reviews; coordinators see every review. Scores are
    given from the practice's page; changes here are saved through services.review_save."""

    list_display = ["practice", "reviewer", "score", "recommendation", "updated_at"]
    list_filter = ["recommendation", "practice__call"]
    search_fields = ["practice__title", "practice__organisation__name"]
    list_select_related = ["practice", "reviewer"]
    fields = ["practice", "reviewer", *RUBRIC, "score", "recommendation", "comment"]
    readonly_fields = ["practice", "reviewer", "score"]

    def get_queryset(self, request):
        queryset = (
            super()
            .get_queryset(request)
            .filter(practice__in=selectors.practices_for_staff(request.user))
        )
        if not is_coordinator(request.user):
            queryset = queryset.filter(reviewer=request.user)
        return queryset

    def has_add_permission(self, request) -> bool:
        return False  # from the practice's page, where the reviewer reads the submission

    def has_change_permission(self, request, obj=None) -> bool:
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or obj.reviewer_id == request.user.pk)

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def save_model(self, request, obj, form, change) -> None:
        try:
            services.review_save(
                reviewer=request.user,
                practice=obj.practice,
                scores={name: form.cleaned_data[name] for name in RUBRIC},
                recommendation=form.cleaned_data["recommendation"],
                comment=form.cleaned_data["comment"],
            )
        except ApplicationError as exc:
            warn_refused(self, request, obj, exc)
