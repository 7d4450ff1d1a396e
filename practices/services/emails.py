"""The emails of practices: who at an SME hears about its practice, and what each state change
sends. Every email of the practices app goes through `notify` here (tests patch it here)."""

from accounts.models import User
from accounts.roles import COORDINATORS
from accounts.selectors import organisation_admins
from notifications.services import notify
from skillup.links import absolute_url, language_of

from ..enums import PracticeState
from ..models import DeadlineExtension, Practice
from ..permissions import can_review_practice

# The state changes an SME hears about, and the event each one sends. The review's own steps
# (in review, shortlisted) send nothing: the SME reads "under review" until a decision is
# announced (enums.SME_STATES).
TRANSITION_EVENTS: dict[str, str] = {
    PracticeState.SUBMITTED: "practice_submitted",
    PracticeState.WITHDRAWN: "practice_withdrawn",
    PracticeState.DETAIL_REQUESTED: "practice_detail_requested",
    PracticeState.SELECTED: "practice_selected",
    PracticeState.DECLINED: "practice_declined",
    PracticeState.PUBLISHED: "practice_published",
}


def sme_people(practice: Practice) -> list[User]:
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


def notify_sme(
    practice: Practice,
    *,
    event: str,
    about=None,
    occurrence: str = "",
    extra: dict | None = None,
) -> None:
    for recipient in sme_people(practice):
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


def notify_transition(
    practice: Practice, *, source: str, target: str, comment: str, actor: User | None = None
) -> None:
    if target == PracticeState.DETAIL_RECEIVED:
        _notify_reviewers_detail_received(practice)
        return
    if target == PracticeState.TAKEN_DOWN:
        _notify_coordinators_taken_down(practice, actor=actor, comment=comment)
        return
    event = TRANSITION_EVENTS.get(target)
    if event is None:
        return
    # a practice may pass through a state twice (detail asked again): each is its own email
    occurrence = str(practice.transitions.filter(to_state=target).count())
    notify_sme(practice, event=event, occurrence=occurrence, extra={"comment": comment})


def _notify_reviewers_detail_received(practice: Practice) -> None:
    request = practice.detail_requests.filter(answered_at__isnull=False).first()
    if request is None or request.requested_by is None:
        return
    if not can_review_practice(request.requested_by, practice):
        return  # a conflict of interest declared since they asked (#14): nothing of it
    notify(
        event="practice_detail_received",
        about=request,
        recipient=request.requested_by,
        context={
            "practice_title": practice.title,
            # the SME answers in the language of its practice: the quote says so (lang)
            "practice_language": practice.language,
            "organisation": practice.organisation.name,
            "admin_url": absolute_url("admin:practices_practice_change", practice.pk),
        },
    )


def programme_coordinators(practice: Practice) -> list[User]:
    """The coordinators who hear about a practice: active staff in the Coordinators group,
    those in conflict of interest with it excepted (they see nothing of it)."""
    coordinators = User.objects.filter(
        is_active=True, is_staff=True, groups__name=COORDINATORS
    ).order_by("pk")
    return [user for user in coordinators if can_review_practice(user, practice)]


def _notify_coordinators_taken_down(practice: Practice, *, actor: User | None, comment: str):
    """Staff hear that an SME took its practice off the public site: who, when, why."""
    move = practice.transitions.filter(to_state=PracticeState.TAKEN_DOWN).order_by("-pk").first()
    occurrence = str(practice.transitions.filter(to_state=PracticeState.TAKEN_DOWN).count())
    for recipient in programme_coordinators(practice):
        notify(
            event="practice_taken_down",
            about=practice,
            recipient=recipient,
            occurrence=occurrence,
            context={
                "practice_title": practice.display_title,
                "organisation": practice.organisation.name,
                "actor": str(actor) if actor else "",
                "taken_down_at": move.created_at if move else None,
                "comment": comment,
                "admin_url": absolute_url("admin:practices_practice_change", practice.pk),
            },
        )


def notify_public_text_proposed(practice: Practice, *, proposal, difference: list) -> None:
    """The SME is asked to approve a staff change of a published practice's public text, with
    the difference; the public keeps reading the approved text until it does."""
    notify_sme(
        practice,
        event="practice_public_text_changed",
        about=proposal,
        extra={"difference": difference},
    )


def notify_extension_granted(extension: DeadlineExtension) -> None:
    """The SME's administrators hear of their new deadline."""
    call, organisation, closes_at = extension.call, extension.organisation, extension.closes_at
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
