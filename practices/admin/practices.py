"""The reviewers' list of submissions: its columns, filters and bulk moves, the CSV export, the
retention page, and the URL of the review workspace of one practice (its page is in
reviews.py)."""

from decimal import Decimal

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _

from accounts.enums import NaceSection, SizeBand
from skillup.admin import action_page, run_each, run_each_and_report, warn_refused
from skillup.dates import format_moment
from skillup.errors import ApplicationError

from .. import selectors, services
from ..answers import answers_of, export_value, question_columns
from ..enums import DECISION_STATES, Actor, Audience, PracticeState
from ..exports import changelist_columns, changelist_row, csv_response
from ..models import RUBRIC, Practice, Review
from ..permissions import can_review_practice, can_see_other_reviews
from ..selectors import annotate_for_review, attach_calibrated_scores
from ..translation import localized_names
from ..workflow import MOVES, staff_targets
from .assignments import AssignmentActionsMixin
from .forms import DetailRequestForm, EventInviteForm, PracticeAdminForm
from .inlines import (
    DetailRequestInline,
    EventInvitationOfPracticeInline,
    RevisionInline,
    TransitionInline,
)
from .reviews import review_url, review_workspace


def _two_places(value) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))


# Long texts the list never shows: left out of the page query so the sort before LIMIT handles
# narrow rows (at 100,000 practices it stayed in memory instead of spilling to disk). Only here,
# not in get_queryset: actions such as the CSV export read the texts of every selected row.
LIST_DEFERRED = (
    "short_description",
    "online_learning",
    "methodology",
    "keep_learning",
    "public_description",
    "pending_decision_comment",
    *(
        name
        for text in (
            "call__introduction",
            "call__eligibility",
            "call__how_to_take_part",
            "call__question_online_learning",
            "call__question_methodology",
            "call__question_tools",
            "call__question_keep_learning",
        )
        for name in (text, *localized_names(text))  # and each language's column
    ),
)


class PracticeChangeList(ChangeList):
    def get_results(self, request):
        self.queryset = self.queryset.defer(*LIST_DEFERRED)
        super().get_results(request)
        # evaluates the page (the template reuses the fetched rows) and adds two queries
        attach_calibrated_scores(self.result_list, request.user)


class OwnReviewFilter(admin.SimpleListFilter):
    title = _("your review")
    parameter_name = "my_review"

    def lookups(self, request, model_admin):
        return [("given", _("Given")), ("to_do", _("Not yet"))]

    def queryset(self, request, queryset):
        if self.value() == "given":
            return queryset.filter(own_review=True)
        if self.value() == "to_do":
            return queryset.filter(own_review=False)
        return queryset


def _staff_move_label(target: str):
    return next(m.label for m in MOVES if m.actor == Actor.STAFF and m.target == target)


def _transition_action(target: str):
    """A bulk action moving each selected practice to `target` through practice_transition."""

    def action(modeladmin, request, queryset):
        return modeladmin.move_each(request, queryset, target=target)

    action.__name__ = f"move_to_{target}"
    return admin.action(description=_staff_move_label(target), permissions=["change"])(action)


def _decision_action(decision: str):
    def action(modeladmin, request, queryset):
        return modeladmin.record_decision(request, queryset, decision=decision)

    action.__name__ = f"record_{decision}"
    description = {
        PracticeState.SELECTED: _("Record as selected (announce later)"),
        PracticeState.DECLINED: _("Record as declined (announce later)"),
    }[decision]
    return admin.action(description=description, permissions=["change"])(action)


# Moves made from the list in one click; "request more detail" needs a message (own action).
ONE_CLICK_TARGETS = [t for t in staff_targets() if t != PracticeState.DETAIL_REQUESTED]


_STATE_LABELS = dict(PracticeState.choices)


_AUDIENCE_LABELS = dict(Audience.choices)


_SECTOR_LABELS = dict(NaceSection.choices)


_SIZE_LABELS = dict(SizeBand.choices)


# The SME's own text and the record of what happened: never edited in the admin.
SME_FIELDS = (
    "title",
    "language",
    "short_description",
    "online_learning",
    "methodology",
    "tools",
    "other_tools",
    "keep_learning",
    "audience",
    "employees_reached",
    "since_year",
    "topics",
    "attachment_link",
    "internal_confirmed",
    "publication_consent",
    "publication_consent_at",
    "publication_consent_version",  # 2 and later: under the open licence (opendata)
)


PUBLIC_VERSION_EDITABLE = ("public_title", "public_description")
# staff correct the language of the SME's text, and say the public text's own (a translation)
LANGUAGE_EDITABLE = ("language", "public_language")


# The CSV export: the list's columns and what the list leaves to the practice's page.
EXPORT_COLUMNS = (
    "title",
    "state_label",
    "organisation",
    "country",
    "sector",
    "size",
    "audience_label",
    "submitted_at",
    "review_count",
    "reviews_needed",
    "average_score",
    "calibrated_score",
    "decision_label",
    "own_score",
)


@admin.register(Practice)
class PracticeAdmin(AssignmentActionsMixin, admin.ModelAdmin):
    # What a reviewer decides on, narrow enough for 1366 px without sideways scrolling; the
    # rest is on the practice's page, in the filters and in the CSV export (EXPORT_COLUMNS).
    list_display = [
        "title",
        "state_label",
        "country",
        "reviews_done",
        "average_score",
        "calibrated_score",
        "own_score",
    ]
    list_filter = [
        "state",
        "call",
        ("organisation__country", admin.ChoicesFieldListFilter),
        ("organisation__sector", admin.ChoicesFieldListFilter),
        ("organisation__size_band", admin.ChoicesFieldListFilter),
        "language",
        "audience",
        "topics",
        "pending_decision",
        OwnReviewFilter,
    ]
    search_fields = ["title", "short_description", "organisation__name"]
    list_select_related = ["organisation", "call"]
    list_per_page = 100
    show_full_result_count = False  # one COUNT per page, not two, at 100,000 rows
    ordering = ["-submitted_at", "-pk"]
    inlines = [
        DetailRequestInline,
        TransitionInline,
        EventInvitationOfPracticeInline,
        RevisionInline,
    ]
    actions = [
        *(_transition_action(target) for target in ONE_CLICK_TARGETS),
        "request_detail",
        *(_decision_action(decision) for decision in sorted(DECISION_STATES, reverse=True)),
        "invite_to_event",
        "assign_to_reviewers",
        "export_csv",
    ]
    form = PracticeAdminForm
    fieldsets = (
        (None, {"fields": ("call", "organisation", "state", "submitted_at")}),
        (_("What the SME sent"), {"fields": SME_FIELDS}),
        (
            _("Decision to announce"),
            {"fields": ("pending_decision", "pending_decision_comment")},
        ),
        (
            _("Public version"),
            {
                "description": _(
                    "What the public reads. Leave empty to publish the SME's own title and "
                    "description. Before publication, a change asks the SME to approve the "
                    "text again, and the practice is published only once it does. Once "
                    "published, a change is not shown to visitors: the SME is emailed the "
                    "difference, and visitors keep reading the current text until the SME "
                    "approves the new one (a further change replaces one not yet approved; "
                    "going back to the current text withdraws it)."
                ),
                "fields": (
                    *PUBLIC_VERSION_EDITABLE,
                    "public_language",
                    "public_text_awaiting",
                    "public_version_approved_at",
                    "public_version_approved_by",
                    "slug",
                    "published_at",
                    "view_count",
                ),
            },
        ),
    )

    # ---- scope and list ----------------------------------------------------------------
    def get_queryset(self, request):
        queryset = selectors.practices_for_staff(request.user).select_related(
            "organisation", "call"
        )
        ordering = self.get_ordering(request)
        if ordering:
            queryset = queryset.order_by(*ordering)
        return annotate_for_review(queryset, request.user)

    def get_list_display(self, request):
        if request.user.has_perm("practices.add_review"):
            return self.list_display
        return [name for name in self.list_display if name != "own_score"]  # never scores

    def changelist_view(self, request, extra_context=None):
        extra_context = extra_context or {}
        if request.user.has_perm("practices.add_review"):
            progress = selectors.queue_progress(request.user)  # two queries, whatever the size
            extra_context["review_queue"] = progress
            if progress.next_pk:
                extra_context["review_queue_url"] = review_url(progress.next_pk)
        return super().changelist_view(request, extra_context)

    def get_changelist(self, request, **kwargs):
        return PracticeChangeList

    def has_add_permission(self, request) -> bool:
        return False  # SMEs write practices on the site

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # nothing an SME sent is ever lost

    def get_readonly_fields(self, request, obj=None):
        editable = (*PUBLIC_VERSION_EDITABLE, *LANGUAGE_EDITABLE)
        if obj is None or not can_review_practice(request.user, obj):
            editable = ()
        return [name for name in flatten_fieldsets(self.fieldsets) if name not in editable]

    def view_on_site(self, obj: Practice):
        if obj.state == PracticeState.PUBLISHED and obj.slug:
            return obj.get_absolute_url()
        return None

    @admin.display(description=_("country"), ordering="organisation__country")
    def country(self, obj: Practice):
        return obj.organisation.country.name

    # Choice labels from dicts built once: get_FOO_display() rebuilds its dict for every cell,
    # which shows at 100 rows a page.
    @admin.display(description=_("state"), ordering="state")
    def state_label(self, obj: Practice) -> str:
        return _STATE_LABELS.get(obj.state, obj.state)

    @admin.display(description=_("sector"), ordering="organisation__sector")
    def sector(self, obj: Practice) -> str:
        return _SECTOR_LABELS.get(obj.organisation.sector, obj.organisation.sector)

    @admin.display(description=_("size"), ordering="organisation__size_band")
    def size(self, obj: Practice) -> str:
        return _SIZE_LABELS.get(obj.organisation.size_band, obj.organisation.size_band)

    @admin.display(description=_("audience"), ordering="audience")
    def audience_label(self, obj: Practice) -> str:
        return _AUDIENCE_LABELS.get(obj.audience, obj.audience)

    @admin.display(description=_("decision to announce"), ordering="pending_decision")
    def decision_label(self, obj: Practice) -> str:
        return _STATE_LABELS.get(obj.pending_decision, obj.pending_decision)

    @admin.display(description=_("reviews"), ordering="review_count")
    def review_count(self, obj: Practice) -> int:
        return obj.review_count

    @admin.display(description=_("reviews needed"), ordering="reviews_needed")
    def reviews_needed(self, obj: Practice) -> int:
        return obj.reviews_needed

    @admin.display(description=_("reviews done / needed"), ordering="review_count")
    def reviews_done(self, obj: Practice) -> str:
        return f"{obj.review_count} / {obj.reviews_needed}"  # numbers only: nothing to translate

    @admin.display(description=_("your score"), ordering="own_score")
    def own_score(self, obj: Practice) -> Decimal | None:
        return _two_places(obj.own_score)

    @admin.display(description=_("average score"), ordering="average_score")
    def average_score(self, obj: Practice) -> Decimal | None:
        return _two_places(obj.average_score)

    @admin.display(description=_("calibrated average"))
    def calibrated_score(self, obj: Practice) -> Decimal | None:
        return _two_places(getattr(obj, "calibrated_score", None))

    @admin.display(description=_("new public text awaiting the SME's approval"))
    def public_text_awaiting(self, obj: Practice) -> str:
        proposal = obj.public_text_proposal
        if proposal is None:
            return "–"
        return format_html(
            "{}<br><strong>{}</strong><br>{}",
            gettext("Proposed on %(date)s by %(author)s; visitors read the current text.")
            % {
                "date": format_moment(proposal.created_at),
                "author": proposal.author or "–",
            },
            proposal.data.get("public_title") or obj.title,
            proposal.data.get("public_description") or obj.short_description,
        )

    @admin.display(description=_("image or PDF"))
    def attachment_link(self, obj: Practice) -> str:
        if not obj.attachment:
            return "–"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("practices:practice_attachment", kwargs={"pk": obj.pk}),
            gettext("Open the file"),
        )

    # ---- the public version: saved through the service, never a raw save -----------------
    def save_model(self, request, obj, form, change) -> None:
        try:
            services.practice_language_set(
                user=request.user,
                practice=obj,
                language=form.cleaned_data.get("language") or obj.language,
                public_language=form.cleaned_data.get("public_language", obj.public_language),
            )
            practice = services.practice_public_version_update(
                user=request.user,
                practice=obj,
                public_title=form.cleaned_data.get("public_title", obj.public_title),
                public_description=form.cleaned_data.get(
                    "public_description", obj.public_description
                ),
            )
        except (ApplicationError, ValidationError) as exc:
            warn_refused(self, request, obj, exc)
            return
        if practice.awaits_public_text_approval and form.has_changed():
            self.message_user(
                request,
                gettext(
                    "The new public text is sent to the SME for approval; visitors keep "
                    "reading the current text until the SME approves it."
                ),
                messages.INFO,
            )

    def save_related(self, request, form, formsets, change) -> None:
        # every inline is read-only: nothing to save (the change message reads these lists)
        for formset in formsets:
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []

    # ---- bulk moves ------------------------------------------------------------------------
    def _each(self, request, queryset, work) -> int:
        return run_each(self, request, queryset, work)

    def move_each(self, request, queryset, *, target: str, comment: str = "") -> None:
        run_each_and_report(
            self,
            request,
            queryset,
            lambda practice: services.practice_transition(
                practice=practice, target=target, actor=request.user, comment=comment
            ),
            ngettext_lazy(
                "%(count)d practice moved to “%(state)s”.",
                "%(count)d practices moved to “%(state)s”.",
                "count",
            ),
            state=PracticeState(target).label,
        )

    @admin.action(description=_("Request more detail…"), permissions=["change"])
    def request_detail(self, request, queryset):
        form = DetailRequestForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            message = form.cleaned_data["message"]
            asked = self._each(
                request,
                queryset,
                lambda practice: services.detail_request_create(
                    user=request.user, practice=practice, message=message
                ),
            )
            self.message_user(
                request,
                ngettext(
                    "%(count)d SME asked for more detail.",
                    "%(count)d SMEs asked for more detail.",
                    asked,
                )
                % {"count": asked},
                messages.SUCCESS if asked else messages.INFO,
            )
            return None
        return action_page(
            self,
            request,
            queryset,
            form=form,
            title=gettext("Request more detail"),
            intro=gettext("Each SME below is emailed your message and answers in a form."),
            submit_label=gettext("Send the request"),
        )

    def record_decision(self, request, queryset, *, decision: str) -> None:
        recorded = self._each(
            request,
            queryset,
            lambda practice: services.practice_record_decision(
                user=request.user, practice=practice, decision=decision
            ),
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d decision “%(decision)s” recorded, to announce with the call.",
                "%(count)d decisions “%(decision)s” recorded, to announce with the call.",
                recorded,
            )
            % {"count": recorded, "decision": PracticeState(decision).label},
            messages.SUCCESS if recorded else messages.INFO,
        )

    @admin.action(description=_("Invite to an event…"), permissions=["invite"])
    def invite_to_event(self, request, queryset):
        form = EventInviteForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            event = form.cleaned_data["event"]
            try:
                invited = services.event_invite(
                    user=request.user, event=event, practices=queryset.order_by("pk")
                )
            except ApplicationError as exc:
                self.message_user(request, exc.message, messages.ERROR)
                return None
            self.message_user(
                request,
                ngettext(
                    "%(count)d SME invited to %(event)s.",
                    "%(count)d SMEs invited to %(event)s.",
                    invited,
                )
                % {"count": invited, "event": event},
                messages.SUCCESS if invited else messages.INFO,
            )
            return None
        return action_page(
            self,
            request,
            queryset,
            form=form,
            title=gettext("Invite to an event"),
            intro=gettext("The SMEs of the selected or published practices below are invited."),
            submit_label=gettext("Invite"),
        )

    def has_invite_permission(self, request) -> bool:
        return request.user.has_perm("practices.add_eventinvitation")

    # ---- CSV -----------------------------------------------------------------------------
    @admin.action(description=_("Export to CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        return self._csv(request, queryset)

    def export_view(self, request):
        """The whole filtered list (every page) as CSV: the list's own query string."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        changelist = self.get_changelist_instance(request)
        return self._csv(request, changelist.get_queryset(request))

    def retention_view(self, request):
        """What retention will delete, and when (the RETENTION_* settings; the task
        accounts.apply_retention runs daily): declined submissions one by one, soonest first;
        drafts, which staff never read, only counted per call and day."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        declined, drafts = selectors.retention_schedule(request.user)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("What retention deletes, and when"),
            "declined": declined,
            "drafts": drafts,
            "today": timezone.localdate(),
            "now": timezone.now(),
            "draft_days": settings.RETENTION_DRAFT_DAYS,
            "declined_days": settings.RETENTION_DECLINED_DAYS,
        }
        return TemplateResponse(request, "admin/practices/practice/retention.html", context)

    def _csv(self, request, queryset):
        names = list(EXPORT_COLUMNS)
        columns = changelist_columns(self, names)
        # then one column per question of the exported practices' calls (issue #19), private
        # ones included: the export is the staff's
        questions = question_columns(queryset)

        def rows():
            # in chunks: the calibrated scores take two queries per chunk, the answers one
            chunk_size = 2000
            start = 0
            while True:
                chunk = list(queryset[start : start + chunk_size])
                if not chunk:
                    return
                attach_calibrated_scores(chunk, request.user)
                answers = answers_of(chunk)
                for practice in chunk:
                    values = {a.question_id: export_value(a) for a in answers[practice.pk]}
                    yield [
                        *changelist_row(self, practice, names),
                        *(values.get(pk, "") for pk, _header in questions),
                    ]
                start += chunk_size

        header = [h for _n, h in columns] + [h for _pk, h in questions]
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        return csv_response(f"practices-{stamp}.csv", header, rows())

    # ---- reviews on the change page ------------------------------------------------------
    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "export/",
                self.admin_site.admin_view(self.export_view),
                name="{}_{}_export".format(*info),
            ),
            path(
                "retention/",
                self.admin_site.admin_view(self.retention_view),
                name="{}_{}_retention".format(*info),
            ),
            path(
                "<path:object_id>/review/",
                self.admin_site.admin_view(self.review_view),
                name="{}_{}_review".format(*info),
            ),
            *super().get_urls(),
        ]

    def _can_score(self, request, practice: Practice) -> bool:
        return request.user.has_perm("practices.add_review") and can_review_practice(
            request.user, practice
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        practice = self.get_object(request, object_id)
        extra_context = extra_context or {}
        if practice is not None:
            extra_context["review_panel"] = self._review_panel(request, practice)
        return super().change_view(request, object_id, form_url, extra_context)

    def _review_panel(self, request, practice: Practice) -> dict:
        reviews = list(practice.reviews.select_related("reviewer").order_by("created_at", "pk"))
        own = next((r for r in reviews if r.reviewer_id == request.user.pk), None)
        others = [r for r in reviews if r.reviewer_id != request.user.pk]
        visible = can_see_other_reviews(request.user, practice, has_own_review=own is not None)
        return {
            "own": own,
            "others": others if visible else [],
            "hidden_count": 0 if visible else len(others),
            "rubric": [Review._meta.get_field(name) for name in RUBRIC],
            "can_score": self._can_score(request, practice),
            "review_url": reverse("admin:practices_practice_review", args=[practice.pk]),
        }

    def review_view(self, request, object_id):
        """The review workspace (reviews.review_workspace): a practice the reviewer may not
        see is a 404, one they may see but not score (coordinators) a 403."""
        practice = self.get_object(request, object_id)
        if practice is None:
            raise Http404(gettext("This practice does not exist or is not yours to review."))
        if not self._can_score(request, practice):
            raise PermissionDenied
        return review_workspace(self, request, practice)
