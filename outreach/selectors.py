"""Who is in each group, as querysets of people (each person once, active accounts only).

For an organisation, the people are those the portal already writes to about it: its active
administrators (accounts.selectors.organisation_admins); for a practice, also whoever wrote it
while still a member (practices.services.emails.sme_people); for a mentor, the mentor.
"""

from django.db.models import Count, F, Q, QuerySet

from accounts.enums import MembershipRole
from accounts.models import User
from matching.enums import NeedsStatus
from matching.models import NeedsProfile
from notifications.models import Preference
from practices.models import Call, Practice
from volunteers.enums import MentorState, PledgeState
from volunteers.models import MentorProfile, Pledge

from .enums import SEGMENT_PRACTICE_STATES, Segment
from .models import GroupMessage, GroupMessageRecipient


def _people() -> QuerySet[User]:
    """Accounts that can receive email: active and not erased."""
    return User.objects.filter(is_active=True, erased_at__isnull=True)


def _admins_of(organisation_ids: QuerySet) -> Q:
    return Q(
        pk__in=User.objects.filter(
            memberships__organisation__in=organisation_ids,
            memberships__role=MembershipRole.ADMIN,
        ).values("pk")
    )


def _practice_people(call: Call | None, states) -> Q:
    practices = Practice.objects.filter(call=call, state__in=states)
    # authors still members of the SME that owns the practice they wrote
    authors = User.objects.filter(
        practices_created__in=practices,
        memberships__organisation=F("practices_created__organisation"),
    ).values("pk")
    return _admins_of(practices.values("organisation_id")) | Q(pk__in=authors)


def segment_recipients(*, segment: str, call: Call | None = None) -> QuerySet[User]:
    """Everyone in `segment` (for a call group: of `call`), oldest account first."""
    if segment in SEGMENT_PRACTICE_STATES:
        who = _practice_people(call, SEGMENT_PRACTICE_STATES[segment])
    elif segment == Segment.PLEDGING:
        who = _admins_of(Pledge.objects.filter(state=PledgeState.APPROVED).values("company_id"))
    elif segment == Segment.MENTORS:
        who = Q(pk__in=MentorProfile.objects.filter(state=MentorState.APPROVED).values("user_id"))
    elif segment == Segment.NEEDS:
        who = _admins_of(
            NeedsProfile.objects.filter(status=NeedsStatus.ACTIVE).values("organisation_id")
        )
    else:
        return User.objects.none()
    return _people().filter(who).order_by("pk")


def turned_news_off(people: QuerySet[User]) -> QuerySet[User]:
    """Those of `people` who turned programme news off (they get no email)."""
    return people.filter(email__in=Preference.objects.filter(programme_news=False).values("email"))


def audience(message: GroupMessage) -> tuple[QuerySet[User], int, int]:
    """The people of a message's group now, how many they are, and how many of them turned
    programme news off (two counts, whatever the group's size)."""
    people = segment_recipients(segment=message.segment, call=message.call)
    total = people.count()
    off = turned_news_off(people).count() if total else 0
    return people, total, off


def group_messages_for_admin() -> QuerySet[GroupMessage]:
    """The admin's list: with the call, the authors and the number of recipients."""
    return GroupMessage.objects.select_related("call", "created_by", "sent_by").annotate(
        recipient_count=Count("recipients", filter=Q(recipients__turned_off=False))
    )


def recipients_of(message: GroupMessage) -> QuerySet[GroupMessageRecipient]:
    return message.recipients.select_related("user", "notification").order_by("pk")
