"""The review workflow in the Django admin: calls, the reviewers' list of submissions with its
bulk moves, reviews, decisions announced together, extensions and events.

Every write goes through practices.services; the admin only turns a refusal into a message.
Querysets are scoped with selectors.practices_for_staff (a reviewer never sees their own
organisation's submission: a guessed address answers "doesn't exist").
"""

from decimal import Decimal

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import (
    Avg,
    Case,
    Count,
    DecimalField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from accounts.enums import NaceSection, OrganisationKind, SizeBand
from accounts.models import Organisation
from accounts.permissions import is_coordinator
from skillup.admin import ReadOnlyAdminMixin, run_each, run_each_and_report, warn_refused
from skillup.errors import ApplicationError

from . import selectors, services
from .calibration import ScoreSums, calibrated_scores_by_call
from .enums import DECISION_STATES, SENT_STATES, Actor, Audience, PracticeState
from .exports import changelist_columns, changelist_row, csv_response
from .filters import practices_version_bump
from .models import (
    RUBRIC,
    Call,
    ContactMessage,
    DeadlineExtension,
    DetailRequest,
    Event,
    EventInvitation,
    Practice,
    PracticeRevision,
    PracticeTransition,
    Review,
    Topic,
    TrainingTool,
)
from .permissions import can_review_practice, can_see_other_reviews
from .translation import localized_names
from .workflow import MOVES, staff_targets

ACTION_PAGE_TEMPLATE = "admin/practices/action_form.html"
# An intermediate page lists at most this many of the practices it acts on.
ACTION_PAGE_LISTED = 50


def _action_page(model_admin, request, queryset, *, form, title, intro, submit_label):
    """An intermediate page for an action that needs more input (a message, an event). It
    posts back to the list with the same action and selection, plus the form and "apply"."""
    opts = model_admin.model._meta
    listed = list(queryset[: ACTION_PAGE_LISTED + 1])
    hidden = [("action", request.POST["action"]), ("apply", "1")]
    hidden += [
        (helpers.ACTION_CHECKBOX_NAME, pk)
        for pk in request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
    ]
    if request.POST.get("select_across") == "1":
        hidden.append(("select_across", "1"))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": opts,
        "title": title,
        "intro": intro,
        "objects": listed[:ACTION_PAGE_LISTED],
        "more": len(listed) > ACTION_PAGE_LISTED,
        "adminform": helpers.AdminForm(form, [(None, {"fields": list(form.fields)})], {}),
        "form": form,
        "media": model_admin.media + form.media,
        "hidden": hidden,
        "form_url": request.get_full_path(),
        "cancel_url": request.get_full_path(),
        "submit_label": submit_label,
    }
    return TemplateResponse(request, ACTION_PAGE_TEMPLATE, context)


def _form_page(model_admin, request, *, form, title, submit_label, cancel_url, intro=""):
    """A page with one admin-styled form (a review, an extension)."""
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": title,
        "intro": intro,
        "adminform": helpers.AdminForm(form, [(None, {"fields": list(form.fields)})], {}),
        "form": form,
        "media": model_admin.media + form.media,
        "hidden": [],
        "form_url": request.get_full_path(),
        "cancel_url": cancel_url,
        "submit_label": submit_label,
    }
    return TemplateResponse(request, ACTION_PAGE_TEMPLATE, context)


def _two_places(value) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))


def _add_service_error(form, exc: ApplicationError) -> None:
    form.add_error(exc.field if exc.field in form.fields else None, exc.message)


# --------------------------------------------------------------------------------------------
# Forms
# --------------------------------------------------------------------------------------------
class DetailRequestForm(forms.Form):
    message = forms.CharField(
        label=_("What would you like the SME to tell you?"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        help_text=_("The SME receives this by email, with a link to answer."),
    )


class EventInviteForm(forms.Form):
    event = forms.ModelChoiceField(
        label=_("Event"),
        queryset=Event.objects.none(),
        help_text=_("Only selected or published practices are invited, each once."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = Event.objects.filter(starts_at__gt=timezone.now()).order_by(
            "starts_at", "pk"
        )


# a select rather than radio buttons: its label names it for assistive technology
SCORE_CHOICES = [("", "–"), *((n, str(n)) for n in range(1, 6))]


class ReviewForm(forms.ModelForm):
    """The rubric, 1 to 5 each; saved through services.review_save."""

    class Meta:
        model = Review
        fields = [*RUBRIC, "recommendation", "comment"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in RUBRIC:
            self.fields[name] = forms.TypedChoiceField(
                label=capfirst(Review._meta.get_field(name).verbose_name),
                choices=SCORE_CHOICES,
                coerce=int,
                help_text=_("1 = weak, 5 = outstanding"),
                initial=getattr(self.instance, name, None),
            )

    def _post_clean(self):
        pass  # the service validates the review (and knows the practice and the reviewer)


class ExtensionGrantForm(forms.Form):
    call = forms.ModelChoiceField(label=_("Call"), queryset=Call.objects.order_by("-closes_at"))
    organisation = forms.ModelChoiceField(
        label=_("SME"), queryset=Organisation.objects.filter(kind=OrganisationKind.SME)
    )
    closes_at = forms.SplitDateTimeField(
        label=_("New deadline"),
        widget=admin.widgets.AdminSplitDateTime,
        help_text=_("In the site's time zone; it must be after the call's own deadline."),
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        field.widget = AutocompleteSelect(
            DeadlineExtension._meta.get_field("organisation"), admin_site
        )
        field.widget.choices = field.choices  # a widget set after the field needs its choices


# --------------------------------------------------------------------------------------------
# Calls
# --------------------------------------------------------------------------------------------
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
                _add_service_error(form, exc)
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
        return _form_page(
            self,
            request,
            form=form,
            title=gettext("Grant a deadline extension"),
            intro=gettext("The SME gets a later deadline for this call only; it is told by email."),
            submit_label=gettext("Grant"),
            cancel_url=reverse("admin:practices_deadlineextension_changelist"),
        )


# --------------------------------------------------------------------------------------------
# Practices: the reviewers' list
# --------------------------------------------------------------------------------------------
def annotate_for_review(queryset, user):
    """Add review_count, own_review and average_score (one correlated subquery each, computed
    for the rows of the page only). A reviewer sees the average of a practice only once they
    have reviewed it themselves (coordinators always): a hidden average is NULL, so sorting
    by it reveals nothing either."""
    reviews = Review.objects.filter(practice=OuterRef("pk")).order_by().values("practice")
    count = reviews.annotate(n=Count("pk")).values("n")
    average = reviews.annotate(a=Avg("score")).values("a")
    queryset = queryset.annotate(
        review_count=Coalesce(Subquery(count, output_field=IntegerField()), Value(0)),
        own_review=Exists(Review.objects.filter(practice=OuterRef("pk"), reviewer=user.pk)),
    )
    average_field = DecimalField(max_digits=3, decimal_places=2)
    if is_coordinator(user):
        return queryset.annotate(average_score=Subquery(average, output_field=average_field))
    return queryset.annotate(
        average_score=Case(
            When(own_review=True, then=Subquery(average, output_field=average_field)),
            default=Value(None),
            output_field=average_field,
        )
    )


def attach_calibrated_scores(practices, user) -> None:
    """Set `calibrated_score` on each practice (None where its scores are hidden), from two
    queries whatever the size of the calls: each reviewer's score sums per call (grouped in
    the database), and the reviews of these practices."""
    practices = list(practices)
    if not practices:
        return
    call_of = {p.pk: p.call_id for p in practices}
    sums = {
        (row["practice__call_id"], row["reviewer_id"]): ScoreSums(
            row["count"], row["total"], row["total_of_squares"]
        )
        for row in Review.objects.filter(practice__call_id__in=set(call_of.values()))
        .order_by()
        .values("practice__call_id", "reviewer_id")
        .annotate(
            count=Count("pk"),
            total=Sum("score"),
            total_of_squares=Sum(F("score") * F("score")),
        )
    }
    reviews = Review.objects.filter(practice_id__in=call_of).values_list(
        "reviewer_id", "practice_id", "score"
    )
    calibrated = calibrated_scores_by_call(
        sums,
        ((call_of[practice], reviewer, practice, score) for reviewer, practice, score in reviews),
    )
    coordinator = is_coordinator(user)
    for practice in practices:
        visible = coordinator or practice.own_review
        practice.calibrated_score = calibrated.get(practice.pk) if visible else None


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


class TransitionInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = PracticeTransition
    fields = ["created_at", "from_state", "to_state", "actor", "comment"]
    readonly_fields = fields
    extra = 0
    verbose_name_plural = _("state changes")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")


class DetailRequestInline(ReadOnlyAdminMixin, admin.StackedInline):
    model = DetailRequest
    fields = [
        "message",
        "requested_by",
        "requested_at",
        "answer",
        "answer_attachment_link",
        "answered_by",
        "answered_at",
    ]
    readonly_fields = fields
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("requested_by", "answered_by")

    @admin.display(description=_("attachment"))
    def answer_attachment_link(self, obj: DetailRequest) -> str:
        if not obj.answer_attachment:
            return "–"
        url = reverse("practices:detail_attachment", kwargs={"pk": obj.pk})
        return format_html('<a href="{}">{}</a>', url, _("Open the attached file"))


class RevisionInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = PracticeRevision
    fields = ["created_at", "reason", "author", "content"]
    readonly_fields = fields
    extra = 0
    classes = ["collapse"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author")

    @admin.display(description=_("content"))
    def content(self, obj: PracticeRevision) -> str:
        return format_html_join(
            "",
            "<div><strong>{}</strong>: {}</div>",
            ((name, value) for name, value in obj.data.items() if value not in ("", None, [])),
        )


class EventInvitationOfPracticeInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = EventInvitation
    fields = ["event", "rsvp", "invited_at", "responded_at"]
    readonly_fields = fields
    extra = 0
    verbose_name_plural = _("event invitations")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("event")


_STATE_LABELS = dict(PracticeState.choices)
_AUDIENCE_LABELS = dict(Audience.choices)
_SECTOR_LABELS = dict(NaceSection.choices)
_SIZE_LABELS = dict(SizeBand.choices)

# The SME's own text and the record of what happened: never edited in the admin.
SME_FIELDS = (
    "title",
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
)
PUBLIC_VERSION_EDITABLE = ("public_title", "public_description")


@admin.register(Practice)
class PracticeAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "state_label",
        "organisation",
        "country",
        "sector",
        "size",
        "audience_label",
        "submitted_at",
        "review_count",
        "average_score",
        "calibrated_score",
        "decision_label",
        "my_review",
    ]
    list_filter = [
        "state",
        "call",
        ("organisation__country", admin.ChoicesFieldListFilter),
        ("organisation__sector", admin.ChoicesFieldListFilter),
        ("organisation__size_band", admin.ChoicesFieldListFilter),
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
        "export_csv",
    ]
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
                    "What the public will read. Leave empty to publish the SME's own title "
                    "and description. A change asks the SME to approve the text again."
                ),
                "fields": (
                    *PUBLIC_VERSION_EDITABLE,
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

    def get_changelist(self, request, **kwargs):
        return PracticeChangeList

    def has_add_permission(self, request) -> bool:
        return False  # SMEs write practices on the site

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # nothing an SME sent is ever lost

    def get_readonly_fields(self, request, obj=None):
        editable = PUBLIC_VERSION_EDITABLE
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

    @admin.display(description=_("average score"), ordering="average_score")
    def average_score(self, obj: Practice) -> Decimal | None:
        return _two_places(obj.average_score)

    @admin.display(description=_("calibrated average"))
    def calibrated_score(self, obj: Practice) -> Decimal | None:
        return _two_places(getattr(obj, "calibrated_score", None))

    @admin.display(description=_("your review"), boolean=True, ordering="own_review")
    def my_review(self, obj: Practice) -> bool:
        return obj.own_review

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
            services.practice_public_version_update(
                user=request.user,
                practice=obj,
                public_title=form.cleaned_data.get("public_title", obj.public_title),
                public_description=form.cleaned_data.get(
                    "public_description", obj.public_description
                ),
            )
        except (ApplicationError, ValidationError) as exc:
            warn_refused(self, request, obj, exc)

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
        return _action_page(
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
        return _action_page(
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
        dated = selectors.practices_with_purge_date()
        declined = list(
            dated.filter(state=PracticeState.DECLINED, pk__in=self.get_queryset(request))
            .select_related("organisation", "call")
            .only("pk", "title", "state", "organisation__name", *localized_names("call__title"))
            .order_by("purge_on", "pk")[:500]
        )
        drafts: dict[tuple, int] = {}
        calls = {call.pk: call.title for call in Call.objects.only(*localized_names("title"))}
        for call_id, purge_on in dated.filter(state=PracticeState.DRAFT).values_list(
            "call_id", "purge_on"
        ):
            key = (timezone.localdate(purge_on), calls[call_id])
            drafts[key] = drafts.get(key, 0) + 1
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("What retention deletes, and when"),
            "declined": declined,
            "drafts": [(day, call, count) for (day, call), count in sorted(drafts.items())],
            "today": timezone.localdate(),
            "now": timezone.now(),
            "draft_days": settings.RETENTION_DRAFT_DAYS,
            "declined_days": settings.RETENTION_DECLINED_DAYS,
        }
        return TemplateResponse(request, "admin/practices/practice/retention.html", context)

    def _csv(self, request, queryset):
        names = list(self.list_display)
        columns = changelist_columns(self, names)

        def rows():
            # in chunks: the calibrated scores take two queries per chunk
            chunk_size = 2000
            start = 0
            while True:
                chunk = list(queryset[start : start + chunk_size])
                if not chunk:
                    return
                attach_calibrated_scores(chunk, request.user)
                for practice in chunk:
                    yield changelist_row(self, practice, names)
                start += chunk_size

        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        return csv_response(f"practices-{stamp}.csv", [h for _n, h in columns], rows())

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
        practice = self.get_object(request, object_id)
        if practice is None:
            raise Http404(gettext("This practice does not exist or is not yours to review."))
        if not self._can_score(request, practice):
            raise PermissionDenied
        own = Review.objects.filter(practice=practice, reviewer=request.user).first()
        form = ReviewForm(request.POST or None, instance=own)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                services.review_save(
                    reviewer=request.user,
                    practice=practice,
                    scores={name: data[name] for name in RUBRIC},
                    recommendation=data["recommendation"],
                    comment=data["comment"],
                )
            except ApplicationError as exc:
                _add_service_error(form, exc)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                self.message_user(request, gettext("Your review is saved."), messages.SUCCESS)
                return redirect("admin:practices_practice_change", practice.pk)
        return _form_page(
            self,
            request,
            form=form,
            title=gettext("Your review of “%(practice)s”") % {"practice": practice},
            intro=gettext(
                "Score each criterion from 1 (weak) to 5 (outstanding). The other reviewers' "
                "scores are shown once you have given yours."
            ),
            submit_label=gettext("Save my review"),
            cancel_url=reverse("admin:practices_practice_change", args=[practice.pk]),
        )


# --------------------------------------------------------------------------------------------
# Reviews
# --------------------------------------------------------------------------------------------
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


# --------------------------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------------------------
class EventInvitationInline(ReadOnlyAdminMixin, admin.TabularInline):
    """Who is invited and what they answered (invitations are sent from the practice list)."""

    model = EventInvitation
    fields = ["practice", "organisation", "rsvp", "invited_at", "responded_at"]
    readonly_fields = fields
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("practice__organisation")

    @admin.display(description=_("organisation"))
    def organisation(self, obj: EventInvitation) -> str:
        return obj.practice.organisation.name


@admin.register(Event)
class EventAdmin(TranslationAdmin):
    list_display = ["title", "starts_at", "place", "call", "invited", "attending"]
    list_filter = ["call"]
    search_fields = [*localized_names("title"), *localized_names("place")]
    list_select_related = ["call"]
    date_hierarchy = "starts_at"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fields = ["call", "title", "description", "starts_at", "place", "online_url"]
    inlines = [EventInvitationInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                invited_count=Count("invitations"),
                attending_count=Count("invitations", filter=Q(invitations__rsvp="yes")),
            )
        )

    @admin.display(description=_("invited"), ordering="invited_count")
    def invited(self, obj: Event) -> int:
        return obj.invited_count

    @admin.display(description=_("attending"), ordering="attending_count")
    def attending(self, obj: Event) -> int:
        return obj.attending_count


# --------------------------------------------------------------------------------------------
# Taxonomies and contact messages
# --------------------------------------------------------------------------------------------
@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ("name",)}


@admin.register(TrainingTool)
class TrainingToolAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "url"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ("name",)}


@admin.register(ContactMessage)
class ContactMessageAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """What visitors wrote to SMEs (delivered by email): a record, never edited."""

    list_display = ["created_at", "practice", "name", "email"]
    search_fields = ["practice__title", "name", "email"]
    list_select_related = ["practice"]
    date_hierarchy = "created_at"
    fields = ["practice", "name", "email", "message", "created_at"]
    readonly_fields = fields
