"""Practices: what an SME sent, its log and revisions, its search documents, the taxonomy it is
filed under, and what visitors wrote to its SME."""

import uuid

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Coalesce, Lower, NullIf
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from skillup.languages import Language
from skillup.models import TransitionLog

from ..enums import (
    PUBLICATION_CONSENT_VERSION,
    SME_EDITABLE_STATES,
    Audience,
    PracticeState,
    RevisionReason,
    SmeState,
    sme_state,
)
from ..validators import validate_attachment
from .calls import Call


class Topic(models.Model):
    """What a practice teaches (a small taxonomy, seeded by a data migration)."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self) -> str:
        return gettext(self.name)  # names are marked in taxonomy.py


class TrainingTool(models.Model):
    """A training tool or course SMEs use, such as Elements of AI (seeded; free entry beside)."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=120)
    url = models.URLField(_("web address"), blank=True)

    class Meta:
        verbose_name = _("training tool")
        verbose_name_plural = _("training tools")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


def _attachment_path(instance, filename: str) -> str:
    # a random name: never the uploader's file name, never guessable
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"practices/{uuid.uuid4().hex}.{extension}"


class Practice(models.Model):
    """An SME's submission to a call, from draft to published page."""

    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.PROTECT, related_name="practices"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="practices",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="practices_created",
    )
    # a double click on "save" sends the same token twice: one practice, not two
    form_token = models.UUIDField(_("form token"), default=uuid.uuid4, editable=False)
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=PracticeState.choices,
        default=PracticeState.DRAFT,
        db_index=True,
    )
    title = models.CharField(_("title"), max_length=200)
    # the language the SME wrote it in (ISO 639-1): its text's `lang`, its search configuration
    language = models.CharField(
        _("language of the text"),
        max_length=2,
        choices=Language.choices,
        default=Language.EN,
        help_text=_("The language the practice is written in."),
    )
    short_description = models.TextField(_("short description"), blank=True)
    online_learning = models.TextField(_("online learning"), blank=True, max_length=5000)
    methodology = models.TextField(_("methodology"), blank=True, max_length=5000)
    tools = models.ManyToManyField(
        TrainingTool, verbose_name=_("training tools"), related_name="practices", blank=True
    )
    other_tools = models.CharField(_("other tools"), max_length=300, blank=True)
    keep_learning = models.TextField(_("keeping staff learning"), blank=True, max_length=5000)
    audience = models.CharField(_("audience"), max_length=10, choices=Audience.choices, blank=True)
    employees_reached = models.PositiveIntegerField(
        _("employees reached"), null=True, blank=True, validators=[MaxValueValidator(1_000_000)]
    )
    since_year = models.PositiveSmallIntegerField(
        _("in place since (year)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1950), MaxValueValidator(2100)],
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), related_name="practices", blank=True
    )
    attachment = models.FileField(
        _("image or PDF"),
        upload_to=_attachment_path,
        blank=True,
        max_length=200,
        validators=[validate_attachment],
    )
    internal_confirmed = models.BooleanField(
        _("internal practice confirmed"),
        default=False,
        help_text=_(
            "The practice is internal to the SME and provided by the SME itself, "
            "not by an external company or training provider."
        ),
    )
    publication_consent = models.BooleanField(_("consent to publication"), default=False)
    publication_consent_at = models.DateTimeField(
        _("publication consent given at"), null=True, blank=True
    )
    # which wording of the consent the SME agreed to (enums.PUBLICATION_CONSENT_VERSION): set
    # with the consent; 1 for every consent given before the wording named the open licence
    publication_consent_version = models.PositiveSmallIntegerField(
        _("version of the publication consent"),
        default=PUBLICATION_CONSENT_VERSION,
        help_text=_(
            "From version 2 on, the consent covers publishing the text under the CC BY 4.0 licence."
        ),
    )
    # when its SME was asked by email to accept the current wording (asked once)
    licence_renewal_asked_at = models.DateTimeField(
        _("asked to accept the open licence at"), null=True, blank=True
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    # review: a decision recorded now and announced later, for the whole call at once
    pending_decision = models.CharField(
        _("decision to announce"),
        max_length=20,
        choices=[
            (PracticeState.SELECTED, PracticeState.SELECTED.label),
            (PracticeState.DECLINED, PracticeState.DECLINED.label),
        ],
        blank=True,
    )
    pending_decision_comment = models.TextField(_("decision comment"), blank=True)

    # publication: reviewers may shorten the text; the SME approves the public version
    slug = models.SlugField(_("slug"), max_length=120, unique=True, null=True, blank=True)
    public_title = models.CharField(_("public title"), max_length=200, blank=True)
    public_description = models.TextField(_("public description"), blank=True)
    # staff may write the public text in another language than the SME's (e.g. translate it
    # into English): empty means the SME's language (see text_language)
    public_language = models.CharField(
        _("language of the public text"),
        max_length=2,
        choices=Language.choices,
        blank=True,
        help_text=_("Leave empty when the public text is in the language of the practice."),
    )
    public_version_approved_at = models.DateTimeField(
        _("public version approved at"), null=True, blank=True
    )
    public_version_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("public version approved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # a staff change of the text of a practice that was published: kept aside (the revision of
    # services.practice_public_version_update) until the SME approves it; the public reads
    # public_title and public_description meanwhile
    public_text_proposal = models.ForeignKey(
        "PracticeRevision",
        verbose_name=_("new public text awaiting the SME's approval"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, db_index=True)
    view_count = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "form_token"], name="practices_practice_form_token_unique"
            ),
        ]
        indexes = [
            models.Index(fields=["state", "-published_at"], name="practice_state_published"),
            models.Index(fields=["call", "state"], name="practice_call_state"),
            # the reviewers' admin list: newest submissions first, filtered by state
            models.Index(fields=["state", "-submitted_at", "-id"], name="practice_state_submitted"),
            models.Index(fields=["state", "-view_count"], name="practice_state_views"),
            # the public list's A to Z order (the expression filters.py sorts on), published only
            models.Index(
                Lower(Coalesce(NullIf("public_title", models.Value("")), "title")),
                models.F("id"),
                name="practice_published_title",
                condition=models.Q(state="published"),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        if self.state == PracticeState.PUBLISHED and self.slug:
            return reverse("practices:practice_detail", kwargs={"slug": self.slug})
        return reverse("practices:submission_detail", kwargs={"pk": self.pk})

    def clean(self) -> None:
        super().clean()
        if self.call_id and self.short_description:
            limit = self.call.description_max_length
            if len(self.short_description) > limit:
                raise ValidationError(
                    {
                        "short_description": _(
                            "Keep the short description to %(limit)s characters (it has %(count)s)."
                        )
                        % {"limit": limit, "count": len(self.short_description)}
                    }
                )

    @property
    def is_sme_editable(self) -> bool:
        return self.state in SME_EDITABLE_STATES

    @property
    def awaits_public_version_approval(self) -> bool:
        """Selected, and waiting for its SME to approve the version the public will read
        (publication needs that approval)."""
        return self.state == PracticeState.SELECTED and self.public_version_approved_at is None

    @property
    def awaits_public_text_approval(self) -> bool:
        """Published once, with a staff change of its public text that its SME has not
        approved yet (the public keeps reading the approved text)."""
        return self.public_text_proposal_id is not None

    @property
    def awaits_licence_renewal(self) -> bool:
        """Published under an earlier wording of the consent (before it named the open
        licence): it stays on the site but out of the bulk open datasets until its SME accepts
        the current wording (services.practice_licence_accept)."""
        return (
            self.state == PracticeState.PUBLISHED
            and self.publication_consent
            and self.publication_consent_version < PUBLICATION_CONSENT_VERSION
        )

    @property
    def sme_state(self) -> SmeState:
        """The state as its SME reads it (enums.SME_STATES)."""
        return sme_state(self.state)

    @property
    def display_title(self) -> str:
        return self.public_title or self.title

    @property
    def display_description(self) -> str:
        return self.public_description or self.short_description

    @property
    def text_language(self) -> str:
        """The language of the text the public reads (display_title, display_description):
        the public text's own language when staff wrote one and gave it a language, else the
        SME's. The facet counts the same (TEXT_LANGUAGE)."""
        if self.public_language and (self.public_title or self.public_description):
            return self.public_language
        return self.language


# Practice.display_title and display_description in SQL (what the API's list reads, what the
# title order sorts on).
DISPLAY_TITLE = Coalesce(NullIf("public_title", models.Value("")), "title")
DISPLAY_DESCRIPTION = Coalesce(
    NullIf("public_description", models.Value("")),
    "short_description",
    output_field=models.TextField(),
)

# Practice.text_language in SQL: what the language facet counts and filters on.
TEXT_LANGUAGE = models.Case(
    models.When(
        ~models.Q(public_language="")
        & (~models.Q(public_title="") | ~models.Q(public_description="")),
        then=models.F("public_language"),
    ),
    default=models.F("language"),
    output_field=models.CharField(),
)


class PracticeViewDay(models.Model):
    """How many counted views a published practice had on one day (the site's local date),
    beside its running total `Practice.view_count`: the programme overview sums them per week.
    One row per practice and day, added to by services.practice_register_view (an upsert)."""

    practice = models.ForeignKey(
        Practice,
        verbose_name=_("practice"),
        on_delete=models.CASCADE,
        related_name="view_days",
    )
    day = models.DateField(_("day"))
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("views on a day")
        verbose_name_plural = _("views per day")
        ordering = ["-day", "practice"]
        constraints = [
            models.UniqueConstraint(fields=["practice", "day"], name="practices_view_day_unique"),
        ]
        indexes = [
            # the weekly sums read (day, views) only: an index-only scan on PostgreSQL
            models.Index(fields=["day"], include=["views"], name="practice_view_day"),
        ]

    def __str__(self) -> str:
        return f"{self.practice_id} @ {self.day}: {self.views}"


class PracticeViewFlush(models.Model):
    """A batch of buffered views (practices.viewcounts) written to the database: the batch's
    Redis key, recorded in the transaction that adds its views, so that a batch is never
    added twice (a flush that died after its commit and before deleting the key is finished by
    the next one). Rows older than a few days are deleted by the flush."""

    key = models.CharField(max_length=120, unique=True)
    flushed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("written batch of views")
        verbose_name_plural = _("written batches of views")

    def __str__(self) -> str:
        return self.key


class PracticeSearch(models.Model):
    """The full-text search documents of one published practice (PostgreSQL; SQLite searches
    with LIKE and leaves this table empty). Kept apart from the wide practice rows so that a
    search reads a narrow table: written by services.search_documents_refresh, GIN index on
    `document` in migration 0009."""

    practice = models.OneToOneField(
        Practice, on_delete=models.CASCADE, primary_key=True, related_name="search"
    )
    published_at = models.DateTimeField()
    # every text of the practice, weighted A (titles), B (descriptions, SME), C (answers):
    # what a search matches
    document = SearchVectorField()
    # the titles and descriptions only (A, B): what ranks the matches. Short enough to stay in
    # the row, so ranking reads no TOAST
    rank_document = SearchVectorField()
    # the practice's language (a copy of Practice.language): a tie ranks the visitor's first
    language = models.CharField(max_length=2, default="en")

    class Meta:
        verbose_name = _("practice search document")
        verbose_name_plural = _("practice search documents")

    def __str__(self) -> str:
        return str(self.practice_id)


class PracticeSearchWord(models.Model):
    """A word of the published practices' texts (accents folded, lower case) and in how many
    of them it occurs: what "Did you mean …?" picks from (trigram index on `word`, migration
    0014; PostgreSQL only). Rebuilt with the search documents by
    services.search_documents_refresh."""

    word = models.CharField(max_length=40, primary_key=True)
    ndoc = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("word of the published practices")
        verbose_name_plural = _("words of the published practices")

    def __str__(self) -> str:
        return self.word


class PracticeTransition(TransitionLog):
    """The log of every state change: who, when, from, to, and why."""

    subject_field = "practice"

    practice = models.ForeignKey(
        Practice,
        verbose_name=_("practice"),
        on_delete=models.CASCADE,
        related_name="transitions",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="practice_transitions",
    )
    from_state = models.CharField(_("from"), max_length=20, choices=PracticeState.choices)
    to_state = models.CharField(_("to"), max_length=20, choices=PracticeState.choices)

    class Meta(TransitionLog.Meta):
        verbose_name = _("state change")
        verbose_name_plural = _("state changes")


class PracticeRevision(models.Model):
    """A snapshot of what the SME (or a reviewer) wrote, kept on every save: nothing is lost."""

    practice = models.ForeignKey(
        Practice, verbose_name=_("practice"), on_delete=models.CASCADE, related_name="revisions"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="practice_revisions",
    )
    reason = models.CharField(_("reason"), max_length=20, choices=RevisionReason.choices)
    data = models.JSONField(_("content"))
    created_at = models.DateTimeField(_("saved at"), default=timezone.now)

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.practice_id} @ {self.created_at:%Y-%m-%d %H:%M:%S}"


class ContactMessage(models.Model):
    """A visitor's message to the SME behind a published practice (delivered by email)."""

    practice = models.ForeignKey(
        Practice,
        verbose_name=_("practice"),
        on_delete=models.CASCADE,
        related_name="contact_messages",
    )
    name = models.CharField(_("your name"), max_length=150)
    email = models.EmailField(_("your email address"), max_length=320)
    message = models.TextField(_("message"), max_length=3000)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} → {self.practice}"
