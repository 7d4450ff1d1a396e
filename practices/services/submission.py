"""SME writes: drafts, submission, withdrawal (and what may be sent twice by a double click)."""

import difflib

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.enums import ConsentKind, OrganisationKind
from accounts.models import Organisation, User
from accounts.services import consent_give, consent_withdraw, organisation_lock_as
from skillup.errors import ApplicationError

from ..enums import PUBLICATION_CONSENT_VERSION, SENT_STATES, PracticeState, RevisionReason
from ..models import Call, Practice
from ..permissions import can_submit_for, is_member_of
from ..validators import sniff_extension
from .deadlines import check_window
from .errors import MSG_NOT_ALLOWED
from .questions import legacy_answers_sync, practice_answers_save
from .revisions import CONTENT_FIELDS, record_late_attempt, record_revision
from .transition import check_complete, practice_transition

MSG_NOT_EDITABLE = _("This practice can no longer be changed: it is “%(state)s”.")

MSG_NOT_AN_SME = _("Practices are submitted on behalf of an SME.")


SIMILARITY_WARNING_RATIO = 0.8


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

    `fields` holds CONTENT_FIELDS plus optional "tools", "topics" (iterables), "attachment"
    (an uploaded file, or False to remove it) and "answers" (the call's own questions: see
    questions.practice_answers_save). The fixed fields' answers follow their columns. A
    repeated create with the same `form_token`
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
                record_late_attempt(practice, author=user, fields=fields)
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
        check_window(call.window_for(organisation, now=now))
        organisation_lock_as(organisation, OrganisationKind.SME, MSG_NOT_AN_SME)
        practice = Practice(call=call, organisation=organisation, created_by=user)
        if form_token is not None:
            practice.form_token = form_token
        reason = RevisionReason.DRAFT_SAVED
    else:
        practice = Practice.objects.select_for_update().select_related("call").get(pk=practice.pk)
        if practice.organisation_id != organisation.pk:
            raise ApplicationError(MSG_NOT_ALLOWED)
        check_window(practice.call.window_for(organisation, now=now))
        if not practice.is_sme_editable:
            # said to the SME: the state as it reads it (never an internal step of the review)
            raise ApplicationError(MSG_NOT_EDITABLE % {"state": practice.sme_state.label})
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
    if practice.publication_consent:
        # the box was ticked on the form that shows the current wording (with the licence)
        practice.publication_consent_version = PUBLICATION_CONSENT_VERSION
    if not practice.publication_consent:
        practice.publication_consent_at = None
    attachment = fields.get("attachment")
    if attachment is False:
        practice.attachment = ""
    elif attachment:
        practice.attachment = named_by_content(attachment)
    practice.full_clean(exclude=["form_token"], validate_constraints=False)
    practice.save()
    record_consent(practice, user=user, before=consented_before)
    if "tools" in fields:
        practice.tools.set(fields["tools"] or [])
    if "topics" in fields:
        practice.topics.set(fields["topics"] or [])
    # the call's own questions (issue #19), in this transaction: a refused answer saves nothing
    practice_answers_save(practice, _answers_named(fields.get("answers") or {}))
    legacy_answers_sync([practice])  # the fixed fields' answers stay equal to their columns
    if practice.state == PracticeState.SUBMITTED:
        check_complete(practice)  # an edit may not empty a submitted practice
    record_revision(practice, author=user, reason=reason)
    return practice


def _answers_named(answers: dict) -> dict:
    """File answers stored under the extension their content proves, as attachments are."""
    return {
        question: (
            {**columns, "value_file": named_by_content(columns["value_file"])}
            if columns.get("value_file")
            else columns
        )
        for question, columns in answers.items()
    }


def record_consent(practice: Practice, *, user: User, before: bool) -> None:
    """A Consent row when the publication box gets ticked; withdrawn when it gets unticked."""
    if practice.publication_consent and not before:
        consent_give(user=user, kind=ConsentKind.PUBLICATION, about=practice)
    elif before and not practice.publication_consent:
        consent_withdraw(kind=ConsentKind.PUBLICATION, about=practice)


def named_by_content(upload):
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
