"""Reviews: each reviewer's own, every one for coordinators; and the review workspace, the page
where a reviewer reads the whole practice beside the rubric and moves through their queue
(PracticeAdmin's `<id>/review/` URL)."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext

from accounts.permissions import is_coordinator
from skillup.admin import warn_refused
from skillup.errors import ApplicationError, add_service_errors

from .. import selectors, services
from ..answers import review_items
from ..models import RUBRIC, DetailRequest, Practice, Review
from .forms import ReviewForm

REVIEW_TEMPLATE = "admin/practices/practice/review.html"
NEXT_BUTTON = "_next"  # the name of the "Save and next" button


def review_url(pk: int) -> str:
    return reverse("admin:practices_practice_review", args=[pk])


def review_workspace(model_admin, request, practice: Practice):
    """The review page: the whole practice beside the rubric, the recommendation and the
    comment. "Save" goes back to the practice's page; "Save and next" to the next practice of
    the reviewer's queue, or to the list when the queue is empty. The caller has checked that
    the reviewer may score this practice."""
    user = request.user
    own = Review.objects.filter(practice=practice, reviewer=user).first()
    form = ReviewForm(request.POST or None, instance=own)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.review_save(
                reviewer=user,
                practice=practice,
                scores={name: data[name] for name in RUBRIC},
                recommendation=data["recommendation"],
                comment=data["comment"],
            )
        except (ApplicationError, ValidationError) as exc:
            add_service_errors(form, exc)
        else:
            if NEXT_BUTTON in request.POST:
                return _to_next(model_admin, request, practice)
            model_admin.message_user(request, gettext("Your review is saved."), messages.SUCCESS)
            return redirect("admin:practices_practice_change", practice.pk)
    progress = selectors.queue_progress(user, skip=practice.pk)
    context = {
        **model_admin.admin_site.each_context(request),
        # the practice needs the width: the admin's side menu stays closed on this page
        "is_nav_sidebar_enabled": False,
        "opts": model_admin.model._meta,
        "title": gettext("Your review of “%(practice)s”") % {"practice": practice},
        "practice": practice,
        "organisation": practice.organisation,
        "tools": list(practice.tools.order_by("name")),
        # every question of the call, private ones and their answers included
        "review_items": review_items(practice),
        "topics": list(practice.topics.order_by("name")),
        "similar": selectors.visible_practices(user, services.similar_practices(practice)),
        "detail_requests": list(
            DetailRequest.objects.filter(practice=practice).order_by("requested_at", "pk")
        ),
        "form": form,
        "rubric_fields": [form[name] for name in RUBRIC],
        "progress": progress,
        "next_url": review_url(progress.next_pk) if progress.next_pk else "",
        "change_url": reverse("admin:practices_practice_change", args=[practice.pk]),
        "media": model_admin.media + form.media,
    }
    return TemplateResponse(request, REVIEW_TEMPLATE, context)


def _to_next(model_admin, request, practice: Practice):
    """After "Save and next": the next practice of the queue, or the list when it is empty."""
    next_pk = selectors.next_in_queue(request.user, skip=practice.pk)
    if next_pk is None:
        model_admin.message_user(
            request,
            gettext(
                "Your review of “%(practice)s” is saved. No practice is left in your queue: "
                "you have reviewed every practice assigned to you."
            )
            % {"practice": practice},
            messages.SUCCESS,
        )
        return redirect("admin:practices_practice_changelist")
    model_admin.message_user(
        request,
        gettext("Your review of “%(practice)s” is saved. Here is the next practice of your queue.")
        % {"practice": practice},
        messages.SUCCESS,
    )
    return redirect(review_url(next_pk))


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
