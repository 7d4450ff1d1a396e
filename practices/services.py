"""Writes for calls and practices. Each service checks, saves, logs and says what it sends.

practice_transition() is the one function that changes a practice's state (see workflow.MOVES).
"""

import difflib
import hashlib
from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from accounts.enums import ConsentKind
from accounts.models import Organisation, User
from accounts.permissions import is_coordinator
from accounts.selectors import organisation_admins
from accounts.services import consent_give, consent_withdraw
from notifications.services import notify
from skillup.errors import ApplicationError
from skillup.links import absolute_url, language_of

from .enums import (
    DECISION_STATES,
    SENT_STATES,
    Actor,
    PracticeState,
    RevisionReason,
    Rsvp,
)
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
    PracticeSearch,
    PracticeTransition,
    Review,
)
from .permissions import (
    can_review_practice,
    can_submit_for,
    is_member_of,
    is_programme_staff,
)
from .validators import sniff_extension
from .workflow import find_move

MSG_NOT_ALLOWED = _("You are not allowed to do this.")
MSG_MOVE_NOT_ALLOWED = _("A practice that is “%(source)s” cannot become “%(target)s”.")
MSG_DEADLINE_PASSED = _(
    "The deadline of this call passed at %(deadline)s. Nothing was changed: your text is shown "
    "below so that you can copy it."
)
MSG_CALL_NOT_OPEN = _("This call is not open for submissions yet.")
MSG_NOT_EDITABLE = _("This practice can no longer be changed: it is “%(state)s”.")
MSG_INCOMPLETE = _("Complete the marked fields before submitting.")
MSG_FIELD_REQUIRED = _("This field is required to submit.")
MSG_INTERNAL_REQUIRED = _(
    "Confirm that the practice is internal and provided by your SME itself, not by an "
    "external company or training provider."
)
MSG_NEEDS_APPROVAL = _("The SME has not yet approved the public version of this practice.")
MSG_NEEDS_CONSENT = _("The SME has not consented to publication.")
MSG_NO_OPEN_REQUEST = _("There is no open request for detail on this practice.")
MSG_NOT_SELECTED = _("Only a selected practice can be prepared for publication.")
MSG_CONFLICT = _("You cannot review a submission of your own organisation.")
MSG_ALREADY_INVITED = _("This practice is already invited to the event.")
MSG_NOT_AN_SME = _("Practices are submitted on behalf of an SME.")

# The fields an SME writes; snapshotted in every revision.
CONTENT_FIELDS = (
    "title",
    "short_description",
    "online_learning",
    "methodology",
    "other_tools",
    "keep_learning",
    "audience",
    "employees_reached",
    "since_year",
    "internal_confirmed",
    "publication_consent",
)
REQUIRED_TO_SUBMIT = (
    "title",
    "short_description",
    "online_learning",
    "methodology",
    "keep_learning",
    "audience",
)
SIMILARITY_WARNING_RATIO = 0.8


# --------------------------------------------------------------------------------------------
# Deadlines
# --------------------------------------------------------------------------------------------
def deadline_for(*, call: Call, organisation: Organisation) -> datetime:
    return call.closes_at_for(organisation)


def format_deadline(moment: datetime) -> str:
    """'30 April 2021, 23:59 CEST': the date in the active time zone, the zone named."""
    local = timezone.localtime(moment)
    return f"{date_format(local, 'j F Y, H:i')} {local.tzname()}"


def _check_open(*, call: Call, organisation: Organisation, now: datetime | None = None) -> None:
    """Raise unless `organisation` may still change its practices in `call` at this moment."""
    now = now or timezone.now()
    if now < call.opens_at:
        raise ApplicationError(MSG_CALL_NOT_OPEN)
    deadline = deadline_for(call=call, organisation=organisation)
    if now >= deadline:
        raise ApplicationError(MSG_DEADLINE_PASSED % {"deadline": format_deadline(deadline)})


# --------------------------------------------------------------------------------------------
# The one state-changing function
# --------------------------------------------------------------------------------------------
@transaction.atomic
def practice_transition(
    *, practice: Practice, target: str, actor: User, comment: str = ""
) -> Practice:
    """Move `practice` to `target`.

    1. locks the row and finds the move in workflow.MOVES (refused if absent);
    2. checks the actor: the SME's members for SME moves (before the deadline where the move
       says so), programme staff without a conflict of interest for staff moves;
    3. checks the move's own conditions (complete submission, approved public version);
    4. saves only the changed fields, writes a PracticeTransition row;
    5. writes the emails of the move to the outbox (sent after commit).
    """
    practice = (
        Practice.objects.select_for_update()
        .select_related("call", "organisation")
        .get(pk=practice.pk)
    )
    source = practice.state
    move = find_move(source, target)
    if move is None:
        raise ApplicationError(
            MSG_MOVE_NOT_ALLOWED
            % {"source": PracticeState(source).label, "target": PracticeState(target).label}
        )
    if move.actor == Actor.SME:
        if not is_member_of(actor, practice.organisation):
            raise ApplicationError(MSG_NOT_ALLOWED)
        if move.before_deadline:
            _check_open(call=practice.call, organisation=practice.organisation)
    elif not can_review_practice(actor, practice):
        raise ApplicationError(MSG_CONFLICT if is_programme_staff(actor) else MSG_NOT_ALLOWED)

    now = timezone.now()
    changed = ["state", "updated_at"]
    if target == PracticeState.SUBMITTED:
        _check_complete(practice)
        practice.submitted_at = now
        changed.append("submitted_at")
    if target == PracticeState.PUBLISHED:
        if not practice.publication_consent:
            raise ApplicationError(MSG_NEEDS_CONSENT)
        if practice.public_version_approved_at is None:
            raise ApplicationError(MSG_NEEDS_APPROVAL)
        practice.published_at = now
        practice.slug = practice.slug or _unique_slug(practice)
        changed += ["published_at", "slug"]
    if target in DECISION_STATES and practice.pending_decision:
        practice.pending_decision = ""
        practice.pending_decision_comment = ""
        changed += ["pending_decision", "pending_decision_comment"]

    practice.state = target
    practice.save(update_fields=changed)
    PracticeTransition.objects.create(
        practice=practice,
        actor=actor,
        from_state=source,
        to_state=target,
        comment=comment,
        created_at=now,
    )
    if target == PracticeState.SUBMITTED:
        _revision(practice, author=actor, reason=RevisionReason.SUBMITTED)
    if PracticeState.PUBLISHED in (source, target):
        published_practices_changed([practice.pk])
    _notify_transition(practice, source=source, target=target, comment=comment)
    return practice


def _check_complete(practice: Practice) -> None:
    errors: dict[str, list] = {}
    for name in REQUIRED_TO_SUBMIT:
        if getattr(practice, name) in ("", None):
            errors[name] = [ValidationError(MSG_FIELD_REQUIRED, code="required")]
    if not practice.internal_confirmed:
        errors["internal_confirmed"] = [ValidationError(MSG_INTERNAL_REQUIRED, code="required")]
    if not practice.other_tools and not practice.tools.exists():
        errors["tools"] = [
            ValidationError(_("Choose a tool or name one under “other tools”."), code="required")
        ]
    if errors:
        raise ValidationError(errors)


def _unique_slug(practice: Practice) -> str:
    base = slugify(practice.display_title)[:100] or "practice"
    return f"{base}-{practice.pk}"


# --------------------------------------------------------------------------------------------
# SME: drafts, submission, withdrawal
# --------------------------------------------------------------------------------------------
def _revision(practice: Practice, *, author: User | None, reason: str) -> PracticeRevision:
    data = {name: getattr(practice, name) for name in CONTENT_FIELDS}
    data["tools"] = sorted(practice.tools.values_list("slug", flat=True))
    data["topics"] = sorted(practice.topics.values_list("slug", flat=True))
    data["attachment"] = practice.attachment.name or ""
    data["state"] = practice.state
    return PracticeRevision.objects.create(
        practice=practice, author=author, reason=reason, data=data
    )


def _late_revision(practice: Practice, *, author: User, fields: dict) -> None:
    """What an SME sent after its deadline: not accepted, but kept."""
    data = {name: fields.get(name) for name in CONTENT_FIELDS if name in fields}
    data["tools"] = sorted(t.slug for t in fields.get("tools") or [])
    data["topics"] = sorted(t.slug for t in fields.get("topics") or [])
    PracticeRevision.objects.create(
        practice=practice, author=author, reason=RevisionReason.LATE_ATTEMPT, data=data
    )


def practice_save(
    *,
    user: User,
    call: Call,
    organisation: Organisation,
    practice: Practice | None = None,
    form_token=None,
    fields: dict,
) -> Practice:
    """Create or update the SME's text (a draft, or a submission before the deadline).

    `fields` holds CONTENT_FIELDS plus optional "tools", "topics" (iterables) and "attachment"
    (an uploaded file, or False to remove it). A repeated create with the same `form_token`
    (a double click) returns the practice the first one made. Every save writes a revision.
    After the deadline nothing changes; what was sent is kept as a "late attempt" revision
    (for an existing practice) and ApplicationError explains the refusal.
    """
    if not can_submit_for(user, organisation):
        raise ApplicationError(MSG_NOT_AN_SME if organisation.kind != "sme" else MSG_NOT_ALLOWED)
    try:
        with transaction.atomic():
            return _practice_save(
                user=user,
                call=call,
                organisation=organisation,
                practice=practice,
                form_token=form_token,
                fields=fields,
            )
    except ApplicationError:
        if practice is not None and practice.pk and practice.organisation_id == organisation.pk:
            with transaction.atomic():
                _late_revision(practice, author=user, fields=fields)
        raise
    except IntegrityError:
        if practice is None and form_token is not None:  # the twin of a double click won
            existing = Practice.objects.filter(
                organisation=organisation, form_token=form_token
            ).first()
            if existing is not None:
                return existing
        raise


def _practice_save(*, user, call, organisation, practice, form_token, fields) -> Practice:
    now = timezone.now()
    if practice is None:
        if form_token is not None:
            existing = Practice.objects.filter(
                organisation=organisation, form_token=form_token
            ).first()
            if existing is not None:
                return existing
        _check_open(call=call, organisation=organisation, now=now)
        practice = Practice(call=call, organisation=organisation, created_by=user)
        if form_token is not None:
            practice.form_token = form_token
        reason = RevisionReason.DRAFT_SAVED
    else:
        practice = Practice.objects.select_for_update().select_related("call").get(pk=practice.pk)
        if practice.organisation_id != organisation.pk:
            raise ApplicationError(MSG_NOT_ALLOWED)
        _check_open(call=practice.call, organisation=organisation, now=now)
        if not practice.is_sme_editable:
            raise ApplicationError(MSG_NOT_EDITABLE % {"state": practice.get_state_display()})
        reason = (
            RevisionReason.EDITED
            if practice.state == PracticeState.SUBMITTED
            else RevisionReason.DRAFT_SAVED
        )

    consented_before = practice.publication_consent
    for name in CONTENT_FIELDS:
        if name in fields:
            setattr(practice, name, fields[name])
    if practice.publication_consent and practice.publication_consent_at is None:
        practice.publication_consent_at = now
    if not practice.publication_consent:
        practice.publication_consent_at = None
    attachment = fields.get("attachment")
    if attachment is False:
        practice.attachment = ""
    elif attachment:
        practice.attachment = _named_by_content(attachment)
    practice.full_clean(exclude=["form_token"], validate_constraints=False)
    practice.save()
    _record_consent(practice, user=user, before=consented_before)
    if "tools" in fields:
        practice.tools.set(fields["tools"] or [])
    if "topics" in fields:
        practice.topics.set(fields["topics"] or [])
    if practice.state == PracticeState.SUBMITTED:
        _check_complete(practice)  # an edit may not empty a submitted practice
    _revision(practice, author=user, reason=reason)
    return practice


def _record_consent(practice: Practice, *, user: User, before: bool) -> None:
    """A Consent row when the publication box gets ticked; withdrawn when it gets unticked."""
    if practice.publication_consent and not before:
        consent_give(user=user, kind=ConsentKind.PUBLICATION, about=practice)
    elif before and not practice.publication_consent:
        consent_withdraw(kind=ConsentKind.PUBLICATION, about=practice)


def _named_by_content(upload):
    """Store an upload under the extension its content proves (a PNG named x.pdf is a .png),
    so the file is later served with the right type. Unknown content keeps its name and is
    refused by the model's validator."""
    extension = sniff_extension(upload)
    if extension is not None:
        upload.name = f"attachment.{extension}"
    return upload


def practice_submit(*, user: User, practice: Practice) -> Practice:
    """Send a draft to the programme (receipt emailed to the SME). Submitting twice is harmless:
    the second click finds it submitted and changes nothing."""
    with transaction.atomic():
        current = Practice.objects.select_for_update().get(pk=practice.pk)
        if current.state == PracticeState.SUBMITTED and is_member_of(user, current.organisation):
            return current
        return practice_transition(practice=current, target=PracticeState.SUBMITTED, actor=user)


def practice_withdraw(*, user: User, practice: Practice, comment: str = "") -> Practice:
    return practice_transition(
        practice=practice, target=PracticeState.WITHDRAWN, actor=user, comment=comment
    )


def similar_practices(practice: Practice) -> list[Practice]:
    """Other practices the same organisation sent that closely resemble this one (a warning,
    not a refusal: one SME may well submit several practices)."""
    mine = f"{practice.title}\n{practice.short_description}".lower()
    others = (
        Practice.objects.filter(organisation=practice.organisation, state__in=SENT_STATES)
        .exclude(pk=practice.pk)
        .only("pk", "title", "short_description", "submitted_at", "state")
    )
    found = []
    for other in others:
        theirs = f"{other.title}\n{other.short_description}".lower()
        if difflib.SequenceMatcher(None, mine, theirs).ratio() >= SIMILARITY_WARNING_RATIO:
            found.append(other)
    return found


# --------------------------------------------------------------------------------------------
# Request for detail
# --------------------------------------------------------------------------------------------
@transaction.atomic
def detail_request_create(*, user: User, practice: Practice, message: str) -> DetailRequest:
    """Ask the SME for more detail: the practice moves to "more detail requested" and the SME
    gets an email with a link to answer (possible after the deadline, for this SME only)."""
    message = (message or "").strip()
    if not message:
        raise ApplicationError(_("Write what you would like the SME to tell you."), field="message")
    request = DetailRequest(practice=practice, message=message, requested_by=user)
    request.full_clean(exclude=["practice"])
    practice_transition(
        practice=practice, target=PracticeState.DETAIL_REQUESTED, actor=user, comment=message
    )
    request.save()
    return request


@transaction.atomic
def detail_request_answer(
    *, user: User, detail_request: DetailRequest, answer: str, attachment=None
) -> DetailRequest:
    """The SME answers; the practice returns to the reviewers (who are told by email)."""
    detail_request = DetailRequest.objects.select_for_update().get(pk=detail_request.pk)
    if not is_member_of(user, detail_request.practice.organisation):
        raise ApplicationError(MSG_NOT_ALLOWED)
    if not detail_request.is_open:
        raise ApplicationError(MSG_NO_OPEN_REQUEST)
    detail_request.answer = (answer or "").strip()
    if attachment:
        detail_request.answer_attachment = _named_by_content(attachment)
    detail_request.answered_by = user
    detail_request.answered_at = timezone.now()
    detail_request.full_clean()
    if not detail_request.answer:
        raise ApplicationError(_("Write your answer."), field="answer")
    detail_request.save()
    practice_transition(
        practice=detail_request.practice, target=PracticeState.DETAIL_RECEIVED, actor=user
    )
    return detail_request


# --------------------------------------------------------------------------------------------
# Reviews and decisions
# --------------------------------------------------------------------------------------------
@transaction.atomic
def review_save(
    *,
    reviewer: User,
    practice: Practice,
    scores: dict[str, int],
    recommendation: str,
    comment: str = "",
) -> Review:
    """Create or update `reviewer`'s review of `practice` (one per reviewer)."""
    if not can_review_practice(reviewer, practice):
        raise ApplicationError(MSG_CONFLICT if is_programme_staff(reviewer) else MSG_NOT_ALLOWED)
    review = Review.objects.filter(practice=practice, reviewer=reviewer).first() or Review(
        practice=practice, reviewer=reviewer
    )
    for name in RUBRIC:
        setattr(review, name, scores.get(name))
    review.recommendation = recommendation
    review.comment = comment
    review.full_clean(validate_constraints=False)
    review.save()
    return review


@transaction.atomic
def practice_record_decision(
    *, user: User, practice: Practice, decision: str, comment: str = ""
) -> Practice:
    """Record "selected" or "declined" now, to announce it later with the whole call."""
    practice = Practice.objects.select_for_update().get(pk=practice.pk)
    if decision not in DECISION_STATES or find_move(practice.state, decision) is None:
        raise ApplicationError(
            MSG_MOVE_NOT_ALLOWED
            % {"source": practice.get_state_display(), "target": PracticeState(decision).label}
        )
    if not can_review_practice(user, practice):
        raise ApplicationError(MSG_CONFLICT if is_programme_staff(user) else MSG_NOT_ALLOWED)
    practice.pending_decision = decision
    practice.pending_decision_comment = comment
    practice.save(update_fields=["pending_decision", "pending_decision_comment", "updated_at"])
    return practice


def call_release_decisions(*, user: User, call: Call) -> tuple[int, list[str]]:
    """Announce every recorded decision of `call` at once (one transition each).

    Returns how many were announced and the messages of those refused (each practice in its own
    transaction: one refusal does not hold back the others).
    """
    done, refused = 0, []
    pending = Practice.objects.filter(call=call).exclude(pending_decision="").order_by("pk")
    for practice in pending:
        try:
            practice_transition(
                practice=practice,
                target=practice.pending_decision,
                actor=user,
                comment=practice.pending_decision_comment,
            )
            done += 1
        except ApplicationError as exc:
            refused.append(f"{practice}: {exc.message}")
    return done, refused


# --------------------------------------------------------------------------------------------
# Publication
# --------------------------------------------------------------------------------------------
@transaction.atomic
def practice_public_version_update(
    *, user: User, practice: Practice, public_title: str, public_description: str
) -> Practice:
    """Reviewers edit what the public will read; a change asks the SME to approve it again."""
    practice = Practice.objects.select_for_update().get(pk=practice.pk)
    if not can_review_practice(user, practice):
        raise ApplicationError(MSG_NOT_ALLOWED)
    public_title, public_description = public_title.strip(), public_description.strip()
    changed = (public_title, public_description) != (
        practice.public_title,
        practice.public_description,
    )
    if not changed:
        return practice
    practice.public_title = public_title
    practice.public_description = public_description
    fields = ["public_title", "public_description", "updated_at"]
    if practice.public_version_approved_at is not None:
        practice.public_version_approved_at = None
        practice.public_version_approved_by = None
        fields += ["public_version_approved_at", "public_version_approved_by"]
    practice.full_clean(validate_constraints=False)
    practice.save(update_fields=fields)
    _revision(practice, author=user, reason=RevisionReason.PUBLIC_VERSION)
    if practice.state == PracticeState.PUBLISHED:
        published_practices_changed([practice.pk])
    elif practice.state == PracticeState.SELECTED:
        _notify_sme(practice, event="practice_public_version", occurrence=str(timezone.now()))
    return practice


@transaction.atomic
def practice_public_version_approve(*, user: User, practice: Practice, consent: bool) -> Practice:
    """The SME approves the public version and consents to publication (both recorded)."""
    practice = Practice.objects.select_for_update().get(pk=practice.pk)
    if not is_member_of(user, practice.organisation):
        raise ApplicationError(MSG_NOT_ALLOWED)
    if practice.state != PracticeState.SELECTED:
        raise ApplicationError(MSG_NOT_SELECTED)
    if not consent:
        raise ApplicationError(MSG_NEEDS_CONSENT, field="consent")
    now = timezone.now()
    consented_before = practice.publication_consent
    practice.publication_consent = True
    _record_consent(practice, user=user, before=consented_before)
    practice.publication_consent_at = practice.publication_consent_at or now
    practice.public_version_approved_at = now
    practice.public_version_approved_by = user
    practice.save(
        update_fields=[
            "publication_consent",
            "publication_consent_at",
            "public_version_approved_at",
            "public_version_approved_by",
            "updated_at",
        ]
    )
    return practice


# The search documents of published practices (models.PracticeSearch), built in SQL from the
# practice's columns: `rank_document` (titles A, descriptions and SME name B) ranks, `document`
# (that and the answers, C) matches. Migration 0009 holds a copy for the existing rows.
SEARCH_DOCUMENTS_SQL = """
INSERT INTO practices_practicesearch (practice_id, published_at, rank_document, document)
SELECT p.id, COALESCE(p.published_at, NOW()), ranked.doc,
       ranked.doc
       || setweight(to_tsvector(%(config)s::regconfig, COALESCE(p.online_learning, '')), 'C')
       || setweight(to_tsvector(%(config)s::regconfig, COALESCE(p.methodology, '')), 'C')
       || setweight(to_tsvector(%(config)s::regconfig, COALESCE(p.keep_learning, '')), 'C')
       || setweight(to_tsvector(%(config)s::regconfig, COALESCE(p.other_tools, '')), 'C')
FROM practices_practice p
JOIN accounts_organisation o ON o.id = p.organisation_id
CROSS JOIN LATERAL (
    SELECT setweight(to_tsvector(%(config)s::regconfig, COALESCE(p.public_title, '')), 'A')
        || setweight(to_tsvector(%(config)s::regconfig, COALESCE(p.title, '')), 'A')
        || setweight(to_tsvector(%(config)s::regconfig, COALESCE(p.public_description, '')), 'B')
        || setweight(to_tsvector(%(config)s::regconfig, COALESCE(p.short_description, '')), 'B')
        || setweight(to_tsvector(%(config)s::regconfig, COALESCE(o.name, '')), 'B') AS doc
) ranked
WHERE p.state = %(published)s AND (%(every)s OR p.id = ANY(%(ids)s))
ON CONFLICT (practice_id) DO UPDATE SET published_at = EXCLUDED.published_at,
    rank_document = EXCLUDED.rank_document, document = EXCLUDED.document
"""


def published_practices_changed(ids: Iterable[int]) -> None:
    """What these practices show the public changed, or whether they are published: their
    search documents are rebuilt now and, once committed, a new practices version starts (facet
    counts, cached searches and visitors' cached list pages are worked out again). Called by
    every write that changes a published practice's text, its SME or its state."""
    search_documents_refresh(ids)
    transaction.on_commit(practices_version_bump)


def practice_refresh_search(practice: Practice) -> None:
    """Rebuild the search documents of one practice: written while it is published, removed
    when it no longer is (PostgreSQL only; SQLite searches with a plain LIKE instead)."""
    search_documents_refresh([practice.pk])


def search_documents_refresh(ids: Iterable[int] | None = None) -> None:
    """Rebuild the search documents of these practices (None: of every published practice) in
    one statement, and drop those of practices no longer published."""
    if connection.vendor != "postgresql":
        return
    from .selectors import SEARCH_CONFIG

    ids = None if ids is None else list(ids)
    params = {
        "config": SEARCH_CONFIG,
        "published": PracticeState.PUBLISHED,
        "every": ids is None,
        "ids": ids or [],
    }
    with connection.cursor() as cursor:
        cursor.execute(SEARCH_DOCUMENTS_SQL, params)
    stale = PracticeSearch.objects.exclude(practice__state=PracticeState.PUBLISHED)
    (stale if ids is None else stale.filter(practice_id__in=ids)).delete()


def practice_register_view(*, practice: Practice, visitor: str) -> bool:
    """Count one view per visitor per PRACTICE_VIEW_DEDUP_SECONDS. The increment is a single
    UPDATE … SET view_count = view_count + 1, so concurrent requests lose none."""
    digest = hashlib.sha256(f"{practice.pk}:{visitor}".encode()).hexdigest()[:32]
    if not cache.add(f"practice-view:{digest}", 1, settings.PRACTICE_VIEW_DEDUP_SECONDS):
        return False
    Practice.objects.filter(pk=practice.pk).update(view_count=F("view_count") + 1)
    return True


@transaction.atomic
def contact_message_send(*, practice: Practice, name: str, email: str, message: str):
    """A visitor writes to the SME behind a published practice; its author and the SME's
    administrators get it by email (the visitor's address is in the message; theirs is never
    shown)."""
    if practice.state != PracticeState.PUBLISHED:
        raise ApplicationError(MSG_NOT_ALLOWED)
    contact = ContactMessage(practice=practice, name=name, email=email, message=message)
    contact.full_clean()
    contact.save()
    _notify_sme(
        practice,
        event="practice_contact",
        about=contact,
        extra={"sender_name": contact.name, "sender_email": contact.email, "message": message},
    )
    return contact


# --------------------------------------------------------------------------------------------
# Coordinators: extensions and events
# --------------------------------------------------------------------------------------------
@transaction.atomic
def extension_grant(
    *, user: User, call: Call, organisation: Organisation, closes_at: datetime, reason: str
) -> DeadlineExtension:
    """Give one SME a later deadline (recorded, shown to the SME, emailed to it)."""
    if not is_coordinator(user):
        raise ApplicationError(MSG_NOT_ALLOWED)
    if closes_at <= call.closes_at:
        raise ApplicationError(
            _("An extension must end after the call's own deadline."), field="closes_at"
        )
    extension, _created = DeadlineExtension.objects.update_or_create(
        call=call,
        organisation=organisation,
        defaults={"closes_at": closes_at, "reason": reason, "granted_by": user},
    )
    for recipient in organisation_admins(organisation):
        notify(
            event="practice_deadline_extended",
            about=extension,
            recipient=recipient,
            context={
                "call": call.title,
                "organisation": organisation.name,
                "closes_at": closes_at,
                "call_url": absolute_url(call, language=language_of(recipient)),
            },
            occurrence=closes_at.isoformat(),
        )
    return extension


@transaction.atomic
def event_invite(*, user: User, event: Event, practices: Iterable[Practice]) -> int:
    """Invite the SMEs of selected or published practices to `event` (coordinators organise
    events); returns how many were newly invited."""
    if not is_coordinator(user):
        raise ApplicationError(MSG_NOT_ALLOWED)
    invited = 0
    for practice in practices:
        if practice.state not in (PracticeState.SELECTED, PracticeState.PUBLISHED):
            continue
        invitation, created = EventInvitation.objects.get_or_create(event=event, practice=practice)
        if created:
            invited += 1
            _notify_sme(
                practice,
                event="event_invitation",
                about=invitation,
                extra={"event": event, "event_title": event.title},
            )
    return invited


@transaction.atomic
def event_rsvp(*, user: User, invitation: EventInvitation, rsvp: str) -> EventInvitation:
    if not is_member_of(user, invitation.practice.organisation):
        raise ApplicationError(MSG_NOT_ALLOWED)
    if rsvp not in (Rsvp.YES, Rsvp.NO):
        raise ApplicationError(_("Choose whether you will attend."), field="rsvp")
    if invitation.event.starts_at <= timezone.now():
        raise ApplicationError(_("This event has already started."))
    invitation.rsvp = rsvp
    invitation.responded_at = timezone.now()
    invitation.responded_by = user
    invitation.save(update_fields=["rsvp", "responded_at", "responded_by"])
    return invitation


# --------------------------------------------------------------------------------------------
# Emails
# --------------------------------------------------------------------------------------------
# The state changes an SME hears about, and the event each one sends.
TRANSITION_EVENTS: dict[str, str] = {
    PracticeState.SUBMITTED: "practice_submitted",
    PracticeState.WITHDRAWN: "practice_withdrawn",
    PracticeState.SHORTLISTED: "practice_shortlisted",
    PracticeState.DETAIL_REQUESTED: "practice_detail_requested",
    PracticeState.SELECTED: "practice_selected",
    PracticeState.DECLINED: "practice_declined",
    PracticeState.PUBLISHED: "practice_published",
}


def _sme_people(practice: Practice) -> list[User]:
    """Who hears about a practice: whoever wrote it (if still a member) and the SME's admins."""
    people = list(organisation_admins(practice.organisation))
    author = practice.created_by
    if (
        author is not None
        and author.is_active
        and author not in people
        and practice.organisation.memberships.filter(user=author).exists()
    ):
        people.insert(0, author)
    return people


def _notify_sme(
    practice: Practice,
    *,
    event: str,
    about=None,
    occurrence: str = "",
    extra: dict | None = None,
) -> None:
    for recipient in _sme_people(practice):
        context = {
            "practice": practice,
            "practice_title": practice.title,
            "call": practice.call.title,
            "organisation": practice.organisation.name,
            "practice_url": absolute_url(practice, language=language_of(recipient)),
            **(extra or {}),
        }
        notify(
            event=event,
            about=about or practice,
            recipient=recipient,
            context=context,
            occurrence=occurrence,
        )


def _notify_transition(practice: Practice, *, source: str, target: str, comment: str) -> None:
    if target == PracticeState.DETAIL_RECEIVED:
        _notify_reviewers_detail_received(practice)
        return
    event = TRANSITION_EVENTS.get(target)
    if event is None:
        return
    # a practice may pass through a state twice (detail asked again): each is its own email
    occurrence = str(practice.transitions.filter(to_state=target).count())
    _notify_sme(practice, event=event, occurrence=occurrence, extra={"comment": comment})


def _notify_reviewers_detail_received(practice: Practice) -> None:
    request = practice.detail_requests.filter(answered_at__isnull=False).first()
    if request is None or request.requested_by is None:
        return
    notify(
        event="practice_detail_received",
        about=request,
        recipient=request.requested_by,
        context={
            "practice_title": practice.title,
            "organisation": practice.organisation.name,
            "admin_url": absolute_url("admin:practices_practice_change", practice.pk),
        },
    )


# --------------------------------------------------------------------------------------------
# Retention
# --------------------------------------------------------------------------------------------
def practices_purge_expired(*, now: datetime | None = None) -> int:
    """Delete the drafts and declined submissions whose retention period is over (see
    selectors.practices_with_purge_date), with everything hanging from them (revisions, reviews,
    requests for detail, messages) and, once committed, their files: the attachment, the answers'
    attachments and any earlier attachment a revision names. Returns how many practices went."""
    from .selectors import practices_due_for_purge

    due = list(
        practices_due_for_purge(now=now)
        .only("pk", "attachment")
        .prefetch_related("revisions", "detail_requests")
    )
    if not due:
        return 0
    files = set()
    for practice in due:
        files.add(practice.attachment.name)
        files.update(r.answer_attachment.name for r in practice.detail_requests.all())
        files.update(str(r.data.get("attachment") or "") for r in practice.revisions.all())
    files.discard("")
    with transaction.atomic():
        Practice.objects.filter(pk__in=[p.pk for p in due]).delete()
        transaction.on_commit(lambda: _delete_files(files))
    return len(due)


def _delete_files(names: Iterable[str]) -> None:
    for name in names:
        default_storage.delete(name)


def contact_messages_purge(*, now: datetime | None = None) -> int:
    """Delete visitors' messages older than RETENTION_CONTACT_MESSAGE_DAYS (already emailed)."""
    from datetime import timedelta

    cutoff = (now or timezone.now()) - timedelta(days=settings.RETENTION_CONTACT_MESSAGE_DAYS)
    deleted, _by_model = ContactMessage.objects.filter(created_at__lt=cutoff).delete()
    return deleted
