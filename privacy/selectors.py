"""Reads for a person's rights over their data: everything the portal holds about them, as
one structure for the download (GDPR art. 15 and 20)."""

from allauth.account.models import EmailAddress
from django.db.models import Q

from accounts.models import Invitation, User
from accounts.selectors import memberships_of
from matching.models import CheckIn, Feedback
from notifications.models import Notification, Preference
from practices.models import Practice, Review
from volunteers.models import MentorProfile, Pledge


def _plain(value):
    """JSON-friendly: countries by code, multi-selects and querysets as lists."""
    if hasattr(value, "code") and hasattr(value, "name"):  # django-countries' Country
        return value.code
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if not isinstance(value, str | bytes) and hasattr(value, "__iter__"):
        return [_plain(item) for item in value]  # multi-selects, several countries
    return value


def _row(obj, names: tuple[str, ...]) -> dict:
    return {name: _plain(getattr(obj, name)) for name in names}


ACCOUNT_FIELDS = ("email", "full_name", "language", "date_joined", "last_login")
PRACTICE_FIELDS = (
    "id", "state", "title", "short_description", "online_learning", "methodology",
    "other_tools", "keep_learning", "audience", "employees_reached", "since_year",
    "internal_confirmed", "publication_consent", "publication_consent_at", "created_at",
    "submitted_at", "published_at",
)  # fmt: skip
PLEDGE_FIELDS = (
    "id", "state", "description", "pillar", "scope", "countries", "languages", "target_smes",
    "target_mentors", "target_hours", "starts_on", "ends_on", "is_public", "commit_assist",
    "commit_mentor", "commit_confidentiality", "commitments_version", "commitments_accepted_at",
    "created_at", "submitted_at", "approved_at",
)  # fmt: skip
MENTOR_FIELDS = (
    "bio", "languages", "countries", "sectors", "capacity", "mode", "availability",
    "paused_until", "agreement_accepted_at", "state", "created_at", "decided_at",
)  # fmt: skip


def account_data(user: User) -> dict:
    """Everything the portal holds about `user` as a person, and what they wrote, in one
    structure for the JSON download. Only their own data: the organisations they belong to are
    named, never the other people in them; emails are listed by subject and date."""
    data: dict = {"account": _row(user, ACCOUNT_FIELDS)}
    data["account"]["email_addresses"] = [
        {"email": a.email, "verified": a.verified, "primary": a.primary}
        for a in EmailAddress.objects.filter(user=user).order_by("pk")
    ]
    data["memberships"] = [
        {
            "organisation": m.organisation.name,
            "kind": m.organisation.kind,
            "country": m.organisation.country.code,
            "role": m.role,
            "joined_at": m.created_at,
        }
        for m in memberships_of(user).order_by("pk")
    ]
    data["consents"] = [
        {
            "kind": c.kind,
            "version": c.version,
            "about": f"{c.content_type.model}:{c.object_id}" if c.content_type_id else "",
            "given_at": c.given_at,
            "withdrawn_at": c.withdrawn_at,
        }
        for c in user.consents.select_related("content_type").order_by("given_at", "pk")
    ]
    data["invitations_received"] = [
        {
            "organisation": i.organisation.name,
            "role": i.role,
            "sent_at": i.created_at,
            "accepted_at": i.accepted_at,
        }
        for i in Invitation.objects.filter(email__iexact=user.email)
        .select_related("organisation")
        .order_by("pk")
    ]
    data["practices_written"] = [
        {
            **_row(p, PRACTICE_FIELDS),
            "call": p.call.title,
            "organisation": p.organisation.name,
            "tools": sorted(t.name for t in p.tools.all()),
            "topics": sorted(t.slug for t in p.topics.all()),
        }
        for p in Practice.objects.filter(created_by=user)
        .select_related("call", "organisation")
        .prefetch_related("tools", "topics")
        .order_by("pk")
    ]
    data["pledges_made"] = [
        {**_row(p, PLEDGE_FIELDS), "company": p.company.name}
        for p in Pledge.objects.filter(created_by=user).select_related("company").order_by("pk")
    ]
    mentor = (
        MentorProfile.objects.filter(user=user)
        .select_related("company", "agreement")
        .prefetch_related("skills__skill")
        .first()
    )
    data["mentor_profile"] = None
    if mentor is not None:
        data["mentor_profile"] = {
            **_row(mentor, MENTOR_FIELDS),
            "company": mentor.company.name,
            "agreement_version": mentor.agreement.version if mentor.agreement else "",
            "skills": [
                {"code": s.skill.code, "title": s.skill.title, "level": s.level}
                for s in mentor.skills.all()
            ],
        }
    data["check_ins_written"] = [
        _row(c, ("partnership_id", "date", "note", "hours", "side", "created_at"))
        for c in CheckIn.objects.filter(author=user).order_by("pk")
    ]
    data["feedback_given"] = [
        _row(f, ("partnership_id", "side", "rating", "text", "created_at"))
        for f in Feedback.objects.filter(author=user).order_by("pk")
    ]
    data["reviews_written"] = [
        _row(r, ("practice_id", "innovation", "impact", "transferability", "clarity"))
        | _row(r, ("recommendation", "comment", "created_at", "updated_at"))
        for r in Review.objects.filter(reviewer=user).order_by("pk")
    ]
    data["emails_sent_to_you"] = [
        _row(n, ("subject", "to_email", "status", "created_at", "sent_at"))
        for n in Notification.objects.filter(
            Q(recipient=user) | Q(to_email__iexact=user.email)
        ).order_by("created_at", "pk")
    ]
    preference = Preference.objects.filter(email__iexact=user.email).first()
    data["email_preferences"] = (
        _row(preference, ("reminders", "digests", "programme_news", "updated_at"))
        if preference
        else None
    )
    return data
