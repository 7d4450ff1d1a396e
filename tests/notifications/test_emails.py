"""Every email event renders in English and French, with links that lead somewhere."""

import re
from datetime import timedelta
from unittest import mock
from urllib.parse import urlsplit

import pytest
import time_machine
from django.urls import resolve
from django.utils import timezone, translation

from accounts import services as account_services
from accounts.enums import MembershipRole
from accounts.roles import COORDINATORS, REVIEWERS
from notifications import services
from notifications.registry import EVENTS
from practices import services as practice_services
from practices.models import Practice
from practices.reminders import practice_deadline_reminders, reviewer_digests
from practices.workflow import find_move
from tests.factories import (
    CallFactory,
    CompanyFactory,
    EventFactory,
    InvitationFactory,
    MembershipFactory,
    MentorProfileFactory,
    PledgeFactory,
    PracticeFactory,
    PublishedPracticeFactory,
    UserFactory,
)
from volunteers import services as volunteer_services

pytestmark = pytest.mark.django_db


# --------------------------------------------------------------------------------------------
# Practice samples: the real service runs, and what it passes to notify() for its first
# recipient (an SME administrator, or a reviewer, speaking `language`) becomes the sample.
# --------------------------------------------------------------------------------------------
def _sent_by(action) -> dict:
    sent: list[dict] = []
    with mock.patch("practices.services.emails.notify", side_effect=lambda **kw: sent.append(kw)):
        action()
    return sent[0]


# The same names in both languages: the English and French subjects differ only by translation.
TITLES = {"title": "Friday learning hour", "call__title": "Digital SkillUp"}


def _sme_admin(language: str):
    return MembershipFactory(
        role=MembershipRole.ADMIN,
        user__language=language,
        organisation__name="Atelier Lumière",
        organisation__country={"en": "IE", "fr": "FR"}[language],  # (name, country) is unique
    )


def _sme_practice(language: str, **fields):
    membership = _sme_admin(language)
    practice = PracticeFactory(
        organisation=membership.organisation, created_by=membership.user, **(TITLES | fields)
    )
    return membership.user, practice


def _staff(group: str, language: str = "en"):
    return UserFactory(is_staff=True, groups=[group], language=language)


def _move(source: str, target: str, **fields):
    def sample(language: str) -> dict:
        now = {name: value() for name, value in fields.items()}  # e.g. timezone.now
        sme_admin, practice = _sme_practice(language, state=source, **now)
        actor = sme_admin if find_move(source, target).actor == "sme" else _staff(REVIEWERS)
        return _sent_by(
            lambda: practice_services.practice_transition(
                practice=practice, target=target, actor=actor, comment="Lovely <b>work</b>."
            )
        )

    return sample


def _detail_requested(language: str) -> dict:
    _admin, practice = _sme_practice(language, state="shortlisted")
    return _sent_by(
        lambda: practice_services.detail_request_create(
            user=_staff(REVIEWERS), practice=practice, message="How many hours a month?"
        )
    )


def _detail_received(language: str) -> dict:
    sme_admin, practice = _sme_practice(language, state="shortlisted")
    request = practice_services.detail_request_create(
        user=_staff(REVIEWERS, language), practice=practice, message="How many hours a month?"
    )
    return _sent_by(
        lambda: practice_services.detail_request_answer(
            user=sme_admin, detail_request=request, answer="Four hours, in paid time."
        )
    )


def _public_text_changed(language: str) -> dict:
    _admin, practice = _sme_practice(
        language, state="published", public_version_approved_at=timezone.now()
    )
    return _sent_by(
        lambda: practice_services.practice_public_version_update(
            user=_staff(REVIEWERS),
            practice=practice,
            public_title="Friday learning",
            public_description="One hour of online courses every Friday.",
        )
    )


def _licence_renewal(language: str) -> dict:
    """A practice published before the consent named CC BY 4.0: its SME is asked to accept."""
    _sme_practice(
        language,
        state="published",
        slug=f"friday-learning-{language}",
        published_at=timezone.now(),
        publication_consent_version=1,
    )
    return _sent_by(practice_services.licence_renewals_ask)


def _taken_down(language: str) -> dict:
    sme_admin, practice = _sme_practice(
        language, state="published", slug=f"friday-learning-{language}"
    )
    coordinator = _staff(COORDINATORS, language)
    sent: list[dict] = []
    with mock.patch("practices.services.emails.notify", side_effect=lambda **kw: sent.append(kw)):
        practice_services.practice_take_down(
            user=sme_admin, practice=practice, comment="We changed <b>our</b> training."
        )
    return next(kw for kw in sent if kw["recipient"] == coordinator)


def _public_version(language: str) -> dict:
    _admin, practice = _sme_practice(language, state="selected")
    return _sent_by(
        lambda: practice_services.practice_public_version_update(
            user=_staff(REVIEWERS),
            practice=practice,
            public_title="Friday learning",
            public_description="One hour of online courses every Friday.",
        )
    )


def _deadline_extended(language: str) -> dict:
    membership = _sme_admin(language)
    call = CallFactory(title="Digital SkillUp")
    return _sent_by(
        lambda: practice_services.extension_grant(
            user=_staff(COORDINATORS),
            call=call,
            organisation=membership.organisation,
            closes_at=call.closes_at + timedelta(days=5),
            reason="Their office was flooded.",
        )
    )


def _contact(language: str) -> dict:
    membership = _sme_admin(language)
    practice = PublishedPracticeFactory(organisation=membership.organisation, **TITLES)
    return _sent_by(
        lambda: practice_services.contact_message_send(
            practice=practice,
            name="Ana <Visitor>",
            email="ana@example.eu",
            message="Could we visit you?\nWe are an SME too.",
        )
    )


def _event_invitation(language: str) -> dict:
    _admin, practice = _sme_practice(language, state="selected")
    event = EventFactory(title="SkillUp meet-up", description="Meet the other selected SMEs.")
    return _sent_by(
        lambda: practice_services.event_invite(
            user=_staff(COORDINATORS), event=event, practices=[practice]
        )
    )


def _deadline_reminder(language: str) -> dict:
    call = CallFactory(title="Digital SkillUp", closes_at=timezone.now() + timedelta(days=5))
    sme_admin, _practice = _sme_practice(language, call=call)
    return next(k for k in practice_deadline_reminders() if k["recipient"] == sme_admin)


def _reviewer_digest(language: str) -> dict:
    reviewer = _staff(REVIEWERS, language)
    if not Practice.objects.filter(state="submitted").exists():  # one awaits both reviewers
        PracticeFactory(state="submitted", submitted_at=timezone.now(), **TITLES)
    with time_machine.travel(timezone.now().replace(hour=9), tick=False):  # digests: mornings
        return next(k for k in reviewer_digests() if k["recipient"] == reviewer)


# --------------------------------------------------------------------------------------------
# Digital Volunteers samples, from the real services too
# --------------------------------------------------------------------------------------------
def _sent_by_volunteers(action) -> dict:
    sent: list[dict] = []
    with mock.patch("volunteers.services.notify", side_effect=lambda **kwargs: sent.append(kwargs)):
        action()
    return sent[0]


def _company_admin(language: str):
    return MembershipFactory(
        role=MembershipRole.ADMIN,
        user__language=language,
        organisation=CompanyFactory(
            name="Big Digital SE", country={"en": "IE", "fr": "FR"}[language]
        ),
    )


def _pledge_move(source: str, target: str):
    def sample(language: str) -> dict:
        membership = _company_admin(language)
        pledge = PledgeFactory(company=membership.organisation, state=source)
        actor = membership.user if target == "pending" else _staff(COORDINATORS)
        return _sent_by_volunteers(
            lambda: volunteer_services.pledge_transition(
                pledge=pledge, target=target, actor=actor, comment="Please name <b>targets</b>."
            )
        )

    return sample


def _mentor_invited(language: str) -> dict:
    membership = _company_admin(language)
    with translation.override(language):
        return _sent_by_volunteers(
            lambda: volunteer_services.mentor_invitation_create(
                user=membership.user, company=membership.organisation, email="expert@example.eu"
            )
        )


def _mentor_decided(approve: bool):
    def sample(language: str) -> dict:
        mentor = MentorProfileFactory(
            user__language=language,
            company=_company_admin(language).organisation,
            state="pending",
        )
        return _sent_by_volunteers(
            lambda: volunteer_services.mentor_decide(
                user=_staff(COORDINATORS), mentor=mentor, approve=approve
            )
        )

    return sample


def _agreement_updated(language: str) -> dict:
    from volunteers.models import ConfidentialityAgreement

    # the same version in both languages (the first sample is rendered already), so that the
    # subjects differ only by translation
    ConfidentialityAgreement.objects.filter(version="2.0").delete()
    mentor = MentorProfileFactory(
        user__language=language,
        company=_company_admin(language).organisation,
        agreement=ConfidentialityAgreement.objects.current(),
    )
    sent: list[dict] = []
    with mock.patch("volunteers.services.notify", side_effect=lambda **kwargs: sent.append(kwargs)):
        volunteer_services.agreement_publish(
            user=_staff(COORDINATORS),
            agreement=ConfidentialityAgreement(version="2.0", text="New text."),
        )
    return next(kwargs for kwargs in sent if kwargs["recipient"] == mentor.user)


# --------------------------------------------------------------------------------------------
# Matchmaking samples, from the real services
# --------------------------------------------------------------------------------------------
def _sent_by_matching(action, recipient_of=None) -> dict:
    sent: list[dict] = []
    with mock.patch("matching.services.emails.notify", side_effect=lambda **kw: sent.append(kw)):
        action()
    if recipient_of is not None:
        return next(kwargs for kwargs in sent if kwargs["recipient"] == recipient_of)
    return sent[0]


def _proposal(language: str, **fields):
    from matching.models import NeedsProfile, Proposal
    from volunteers.models import ConfidentialityAgreement

    sme_admin = _sme_admin(language)
    needs = NeedsProfile.objects.create(
        organisation=sme_admin.organisation, status="active", languages=["en"]
    )
    # a mentor proposals may reach: approved, bound by the agreement in force
    mentor = MentorProfileFactory(
        user__language=language,
        company=_company_admin(language).organisation,
        state="approved",
        agreement=ConfidentialityAgreement.objects.current(),
    )
    proposal = Proposal.objects.create(
        needs=needs, mentor=mentor, score=60.0, explanation={}, algorithm_version="1.0", **fields
    )
    return sme_admin.user, mentor, proposal


def _proposal_made(language: str) -> dict:
    from matching import services as matching_services

    sme_admin, _mentor, proposal = _proposal(language)
    return _sent_by_matching(
        lambda: matching_services.proposal_release(user=_staff(COORDINATORS), proposal=proposal),
        recipient_of=sme_admin,
    )


def _proposal_answered(accept: bool):
    def sample(language: str) -> dict:
        from matching import services as matching_services

        _sme_admin_user, mentor, proposal = _proposal(
            language, state="proposed", expires_at=timezone.now() + timedelta(days=5)
        )
        return _sent_by_matching(
            lambda: matching_services.proposal_answer(
                user=mentor.user, proposal=proposal, accept=accept, reason="Too far."
            ),
            recipient_of=mentor.user,
        )

    return sample


def _proposal_expired(language: str) -> dict:
    from matching import services as matching_services

    sme_admin, _mentor, _proposal_row = _proposal(
        language, state="proposed", expires_at=timezone.now() - timedelta(minutes=1)
    )
    return _sent_by_matching(lambda: matching_services.proposals_expire(), recipient_of=sme_admin)


def _proposal_reminder(language: str) -> dict:
    from matching.reminders import proposal_reminders

    sme_admin, _mentor, _proposal_row = _proposal(
        language, state="proposed", expires_at=timezone.now() + timedelta(days=2)
    )
    return next(k for k in proposal_reminders() if k["recipient"] == sme_admin)


def _partnership(language: str):
    from matching.models import Partnership

    sme_admin, mentor, proposal = _proposal(language, state="accepted")
    partnership = Partnership.objects.create(proposal=proposal, needs=proposal.needs, mentor=mentor)
    return sme_admin, mentor, partnership


def _partnership_started(language: str) -> dict:
    from matching import services as matching_services

    sme_admin, mentor, proposal = _proposal(
        language, state="proposed", expires_at=timezone.now() + timedelta(days=5)
    )
    matching_services.proposal_answer(user=mentor.user, proposal=proposal, accept=True)
    return _sent_by_matching(
        lambda: matching_services.proposal_answer(user=sme_admin, proposal=proposal, accept=True),
        recipient_of=sme_admin,
    )


def _checkin_reminder(language: str) -> dict:
    from matching.reminders import checkin_reminders

    sme_admin, _mentor, partnership = _partnership(language)
    partnership.started_at = timezone.now() - timedelta(days=40)
    partnership.save()
    return next(k for k in checkin_reminders() if k["recipient"] == sme_admin)


def _partnership_completed(language: str) -> dict:
    from matching import services as matching_services

    sme_admin, _mentor, partnership = _partnership(language)
    return _sent_by_matching(
        lambda: matching_services.partnership_end(
            user=sme_admin, partnership=partnership, completed=True
        ),
        recipient_of=sme_admin,
    )


def _group_message(language: str) -> dict:
    from outreach import services as outreach_services
    from outreach.models import GroupMessage

    mentor = MentorProfileFactory(state="approved", user__language=language).user
    message = GroupMessage.objects.create(
        segment="mentors",
        subject_en="Meet the other mentors",
        body_en="Join us on 12 March.",
        subject_fr="Rencontrez les autres mentors",
        body_fr="Rejoignez-nous le 12 mars.",
    )
    sent: list[dict] = []
    outreach_services.group_message_send(
        message=message, actor=_staff(COORDINATORS), version=message.version
    )
    with mock.patch("outreach.services.notify", side_effect=lambda **kw: sent.append(kw)):
        outreach_services.group_message_deliver(message_id=message.pk)  # the worker's part
    return next(kw for kw in sent if kw["recipient"] == mentor)


# event -> a function of the language returning notify() kwargs for a realistic object.
# A new event needs a row here (test_every_event_has_a_sample fails until it has one).
SAMPLES = {
    "invitation": lambda language: account_services.invitation_notification_kwargs(
        InvitationFactory(language=language), event="invitation"
    ),
    "invitation_reminder": lambda language: account_services.invitation_notification_kwargs(
        InvitationFactory(language=language), event="invitation_reminder"
    ),
    "practice_submitted": _move("draft", "submitted"),
    "practice_withdrawn": _move("submitted", "withdrawn"),
    "practice_detail_requested": _detail_requested,
    "practice_detail_received": _detail_received,
    "practice_selected": _move("shortlisted", "selected"),
    "practice_declined": _move("in_review", "declined"),
    "practice_published": _move("selected", "published", public_version_approved_at=timezone.now),
    "practice_public_version": _public_version,
    "practice_public_text_changed": _public_text_changed,
    "practice_taken_down": _taken_down,
    "practice_licence_renewal": _licence_renewal,
    "practice_deadline_extended": _deadline_extended,
    "practice_contact": _contact,
    "event_invitation": _event_invitation,
    "practice_deadline_reminder": _deadline_reminder,
    "reviewer_digest": _reviewer_digest,
    "pledge_received": _pledge_move("draft", "pending"),
    "pledge_approved": _pledge_move("pending", "approved"),
    "pledge_rejected": _pledge_move("pending", "rejected"),
    "pledge_completed": _pledge_move("approved", "completed"),
    "mentor_invited": _mentor_invited,
    "mentor_approved": _mentor_decided(approve=True),
    "mentor_rejected": _mentor_decided(approve=False),
    "agreement_updated": _agreement_updated,
    "proposal_made": _proposal_made,
    "proposal_reminder": _proposal_reminder,
    "proposal_accepted": _proposal_answered(accept=True),
    "proposal_declined": _proposal_answered(accept=False),
    "proposal_expired": _proposal_expired,
    "partnership_started": _partnership_started,
    "checkin_reminder": _checkin_reminder,
    "partnership_completed": _partnership_completed,
    "group_message": _group_message,
}
RENDERED_ELSEWHERE = {"account"}  # allauth renders these itself (tested in test_services)


def test_every_event_has_a_sample():
    assert set(EVENTS) - RENDERED_ELSEWHERE == set(SAMPLES)


@pytest.mark.parametrize("event", sorted(SAMPLES))
def test_event_renders_in_english_and_french_with_working_links(event):
    rendered = {}
    for language in ("en", "fr"):
        notification = services.notify(**SAMPLES[event](language))
        assert notification.language == language
        rendered[language] = notification

        for body in (notification.body_text, notification.body_html):
            assert "{{" not in body and "{%" not in body and "%(" not in body
            links = re.findall(r"https?://[^\s\"'<>]+", body)
            assert links, f"{event}/{language}: no link"
            for link in links:
                path = urlsplit(link).path
                if path.startswith("/admin/"):  # reviewers' emails: the admin has no prefix
                    resolve(path)
                    continue
                assert path.startswith(f"/{language}/"), link
                with translation.override(language):
                    resolve(path)  # raises Resolver404 for a dead link
        assert notification.subject and "%(" not in notification.subject

    assert rendered["en"].subject != rendered["fr"].subject
    assert rendered["en"].body_text != rendered["fr"].body_text
