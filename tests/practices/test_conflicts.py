"""Conflicts of interest from the outside (#14): a reviewer in conflict with a practice gets
nothing of it on any page, export or email, whichever way the conflict arises (a declared
organisation, a declared practice, a shared email domain, their own organisation). The
practice's title is the canary; each test first checks that a reviewer without a conflict does
read it, so no test passes because the text is missing."""

from datetime import timedelta

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from accounts.enums import MembershipRole
from accounts.roles import REVIEWERS
from notifications.models import Notification
from practices import services
from practices.models import (
    EventInvitation,
    Review,
    ReviewAssignment,
    ReviewConflict,
)
from practices.permissions import can_review_practice, email_domain, is_in_conflict
from practices.reminders import reviewer_digests
from practices.selectors import (
    attach_calibrated_scores,
    conflicted_practice_ids,
    practices_for_staff,
)
from skillup.errors import ApplicationError
from tests.factories import (
    CallFactory,
    EventFactory,
    MembershipFactory,
    OrganisationFactory,
    PracticeFactory,
    ReviewFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

CANARY = "CANARY-3b9e-conflict"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
DESCRIPTION = (
    "Every Friday afternoon our warehouse staff meet in small circles to learn spreadsheets, "
    "route planning software and online safety from one another, with a mentor each."
)
KINDS = ["declared-organisation", "declared-practice", "email-domain", "own-organisation"]


def reviewer(**fields):
    return UserFactory(is_staff=True, groups=[REVIEWERS], **fields)


class Scene:
    """A practice of "Brandt Logistik" (people at brandt-logistik.de) in the detail-received
    state, with a review, an answered request for detail with a file, an event invitation and a
    sibling practice of the same SME that resembles it; a reviewer without any conflict."""

    def __init__(self, world):
        self.world = world
        self.call = CallFactory()
        self.sme = OrganisationFactory(name="Brandt Logistik GmbH", country="DE")
        self.member = MembershipFactory(
            organisation=self.sme,
            user=UserFactory(email="lena@brandt-logistik.de"),
            role=MembershipRole.ADMIN,
        ).user
        self.practice = PracticeFactory(
            call=self.call,
            organisation=self.sme,
            title=f"Mentoring circles {CANARY}",
            short_description=DESCRIPTION,
            state="shortlisted",
            submitted_at=timezone.now() - timedelta(days=3),
        )
        self.sibling = PracticeFactory(
            call=self.call,
            organisation=self.sme,
            title="Mentoring circles",
            short_description=DESCRIPTION,
            state="submitted",
            submitted_at=timezone.now() - timedelta(days=2),
        )
        self.clean = reviewer(full_name="Clean Reviewer")
        ReviewFactory(practice=self.practice, reviewer=reviewer())
        request = services.detail_request_create(
            user=self.clean, practice=self.practice, message="How many people took part?"
        )
        self.detail = services.detail_request_answer(
            user=self.member,
            detail_request=request,
            answer="Twelve people.",
            attachment=SimpleUploadedFile("answer.pdf", PDF, "application/pdf"),
        )
        self.practice.refresh_from_db()
        assert self.practice.state == "detail_received"
        EventInvitation.objects.create(event=EventFactory(call=self.call), practice=self.practice)
        self.event = EventInvitation.objects.get(practice=self.practice).event

    def conflicted(self, kind: str):
        """A reviewer in conflict with the practice in the given way, assigned to it anyway (a
        stale assignment must show nothing either)."""
        if kind == "email-domain":
            person = reviewer(email="jonas@brandt-logistik.de")
        else:
            person = reviewer()
        if kind == "declared-organisation":
            ReviewConflict.objects.create(reviewer=person, organisation=self.sme, reason="x")
        elif kind == "declared-practice":
            ReviewConflict.objects.create(reviewer=person, practice=self.practice, reason="x")
        elif kind == "own-organisation":
            MembershipFactory(organisation=self.sme, user=person, role=MembershipRole.MEMBER)
        ReviewAssignment.objects.create(practice=self.practice, reviewer=person)
        return person

    def admin_pages(self) -> list[str]:
        practice = self.practice.pk
        return [
            reverse("admin:index"),
            reverse("admin:practices_practice_changelist"),
            reverse("admin:practices_practice_changelist") + "?q=Mentoring+circles",
            reverse("admin:practices_practice_changelist") + "?state__exact=detail_received",
            reverse("admin:practices_practice_change", args=[practice]),
            reverse("admin:practices_practice_history", args=[practice]),
            reverse("admin:practices_practice_review", args=[practice]),
            reverse("admin:practices_practice_review", args=[self.sibling.pk]),
            reverse("admin:practices_practice_change", args=[self.sibling.pk]),
            reverse("admin:practices_practice_export"),
            reverse("admin:practices_practice_retention"),
            reverse("admin:practices_review_changelist"),
            reverse("admin:practices_reviewassignment_changelist"),
            reverse("admin:practices_reviewconflict_changelist"),
            reverse("admin:practices_event_change", args=[self.event.pk]),
            reverse("admin:practices_call_change", args=[self.call.pk]),
        ]

    def site_pages(self) -> list[str]:
        return [
            reverse("dashboard"),
            reverse("practices:submission_detail", kwargs={"pk": self.practice.pk}),
            reverse("practices:detail_attachment", kwargs={"pk": self.detail.pk}),
            reverse("practices:practice_attachment", kwargs={"pk": self.practice.pk}),
        ]


@pytest.fixture
def scene(world) -> Scene:
    return Scene(world)


def _bodies(client, urls) -> dict[str, tuple[int, str]]:
    pages = {}
    for url in urls:
        response = client.get(url, follow=True)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        pages[url] = (response.status_code, body.decode("utf-8", "replace"))
    return pages


def _leaks(pages) -> list[str]:
    return [url for url, (_status, body) in pages.items() if CANARY in body]


def _digest_of(user) -> str:
    with time_machine.travel(timezone.localtime().replace(hour=9), tick=False):
        for digest in reviewer_digests():
            if digest["recipient"] == user:
                return "\n".join(item["title"] for item in digest["context"]["practices"])
    return ""


# --------------------------------------------------------------------------------------------
# The data is there for a reviewer without a conflict
# --------------------------------------------------------------------------------------------
def test_a_reviewer_without_conflict_reads_the_practice_everywhere(scene, client):
    client.force_login(scene.clean)

    pages = _bodies(client, scene.admin_pages())

    assert set(_leaks(pages)) >= {
        reverse("admin:practices_practice_changelist"),
        reverse("admin:practices_practice_change", args=[scene.practice.pk]),
        reverse("admin:practices_practice_review", args=[scene.practice.pk]),
        reverse("admin:practices_practice_review", args=[scene.sibling.pk]),  # "similar"
        reverse("admin:practices_practice_export"),
        reverse("admin:practices_event_change", args=[scene.event.pk]),
    }
    assert CANARY in _digest_of(scene.clean)


# --------------------------------------------------------------------------------------------
# Nothing of it for a reviewer in conflict
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", KINDS)
def test_a_conflicted_reviewer_gets_nothing_of_the_practice_in_the_admin(scene, client, kind):
    person = scene.conflicted(kind)
    client.force_login(person)

    pages = _bodies(client, scene.admin_pages())

    assert _leaks(pages) == []
    assert pages[reverse("admin:practices_practice_review", args=[scene.practice.pk])][0] == 404
    assert pages[reverse("admin:practices_practice_changelist")][0] == 200


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "own-organisation"])
def test_a_conflicted_reviewer_gets_nothing_of_the_practice_on_the_site(scene, client, kind):
    """(A member of the SME reads its practice on the site as the SME does: not tested here.)"""
    person = scene.conflicted(kind)
    client.force_login(person)

    pages = _bodies(client, scene.site_pages())

    assert _leaks(pages) == []
    assert [pages[url][0] for url in scene.site_pages()[1:]] == [404, 404, 404]


@pytest.mark.parametrize("kind", KINDS)
def test_a_conflicted_reviewer_gets_nothing_of_the_practice_in_the_csv(scene, client, kind):
    person = scene.conflicted(kind)
    client.force_login(person)

    export = client.get(reverse("admin:practices_practice_export"))
    action = client.post(
        reverse("admin:practices_practice_changelist"),
        {"action": "export_csv", "_selected_action": [scene.practice.pk, scene.sibling.pk]},
    )

    body = b"".join(export.streaming_content).decode()
    action_body = (
        b"".join(action.streaming_content) if action.streaming else action.content
    ).decode()
    assert CANARY not in body
    assert CANARY not in action_body


@pytest.mark.parametrize("kind", KINDS)
def test_a_conflicted_reviewers_digest_and_queue_leave_the_practice_out(scene, kind):
    person = scene.conflicted(kind)

    digest = _digest_of(person)

    assert CANARY not in digest
    assert "Mentoring circles" in digest or kind != "declared-practice"  # the sibling stays
    assert not is_in_conflict(scene.clean, scene.practice)
    assert is_in_conflict(person, scene.practice)
    assert not can_review_practice(person, scene.practice)
    assert scene.practice not in practices_for_staff(person)


def test_a_reviewer_who_declares_a_conflict_is_not_emailed_the_sme_answer(scene):
    """They asked for detail, then declared a conflict: the SME's answer reaches them not."""
    person = reviewer()
    scene.sibling.state = "shortlisted"
    scene.sibling.save(update_fields=["state"])
    request = services.detail_request_create(
        user=person, practice=scene.sibling, message="Which software?"
    )
    services.review_conflict_declare(user=person, practice=scene.sibling, reason="Ex-colleague")

    services.detail_request_answer(user=scene.member, detail_request=request, answer="Excel.")

    assert list(Notification.objects.filter(recipient=person).values_list("event", flat=True)) == []


def test_a_webmail_domain_is_no_conflict(scene, client):
    MembershipFactory(organisation=scene.sme, user=UserFactory(email="brandt.family@gmail.com"))
    person = reviewer(email="someone.else@gmail.com")
    client.force_login(person)

    page = client.get(reverse("admin:practices_practice_changelist"))

    assert email_domain(person.email) == "gmail.com"
    assert not is_in_conflict(person, scene.practice)
    assert CANARY in page.content.decode()


def test_a_domain_matches_whole_not_as_a_suffix(scene):
    """logistik.de is not brandt-logistik.de."""
    person = reviewer(email="someone@logistik.de")

    assert not is_in_conflict(person, scene.practice)


def test_calibration_of_everyone_else_is_unchanged_by_a_conflict(scene, world):
    """A reviewer who scored the practice and then declares a conflict: their review still
    counts for the others' calibrated averages (as before)."""
    scorer = reviewer()
    for practice, score in ((scene.practice, 5), (scene.sibling, 2)):
        ReviewFactory(
            practice=practice,
            reviewer=scorer,
            innovation=score,
            impact=score,
            transferability=score,
            clarity=score,
        )

    def calibrated():
        practices = list(practices_for_staff(world.coordinator).filter(call=scene.call))
        for practice in practices:
            practice.own_review = False
        attach_calibrated_scores(practices, world.coordinator)
        return {p.pk: p.calibrated_score for p in practices}

    before = calibrated()
    services.review_conflict_declare(user=scorer, organisation=scene.sme, reason="Shareholder")
    after = calibrated()

    assert before == after
    assert before[scene.practice.pk] is not None
    assert Review.objects.filter(reviewer=scorer).count() == 2


# --------------------------------------------------------------------------------------------
# One rule, two writings: for one practice (is_in_conflict) and over a queryset
# (practices_for_staff, conflicted_practice_ids) they agree on every case
# --------------------------------------------------------------------------------------------
AGREEMENT_CASES = [
    *KINDS,
    "clean",
    "webmail",
    "suffix-domain",
    "upper-case-domain",
    "shared-domain-setting",
]


@pytest.mark.parametrize("case", AGREEMENT_CASES)
def test_the_conflict_rule_reads_the_same_for_one_practice_and_for_a_list(scene, settings, case):
    settings.REVIEW_CONFLICT_SHARED_DOMAINS = ["brandt-logistik.de"] if "setting" in case else []
    if case in KINDS:
        person = scene.conflicted(case)
    elif case == "clean":
        person = scene.clean
    elif case == "webmail":
        MembershipFactory(organisation=scene.sme, user=UserFactory(email="brandt@gmail.com"))
        person = reviewer(email="someone.else@gmail.com")
    elif case == "suffix-domain":
        person = reviewer(email="someone@logistik.de")
    elif case == "upper-case-domain":
        person = reviewer(email="Jonas@Brandt-Logistik.DE")
    else:  # a domain the deployment declared shared: no conflict from it
        person = reviewer(email="jonas@brandt-logistik.de")
    expected = case in KINDS or case == "upper-case-domain"

    one = is_in_conflict(person, scene.practice)
    listed = scene.practice.pk not in practices_for_staff(person).values_list("pk", flat=True)
    among = scene.practice.pk in conflicted_practice_ids(person, [scene.practice.pk])

    assert one == listed == among == expected


# --------------------------------------------------------------------------------------------
# Falling into conflict while the review page is open
# --------------------------------------------------------------------------------------------
def test_a_review_posted_after_declaring_a_conflict_is_refused_and_saves_nothing(scene, client):
    person = reviewer()
    ReviewAssignment.objects.create(practice=scene.practice, reviewer=person)
    client.force_login(person)
    url = reverse("admin:practices_practice_review", args=[scene.practice.pk])
    assert client.get(url).status_code == 200  # the page is open...
    services.review_conflict_declare(user=person, organisation=scene.sme, reason="New job")

    response = client.post(  # ...and the scores are sent after the conflict
        url,
        {
            "innovation": "4",
            "impact": "4",
            "transferability": "4",
            "clarity": "4",
            "recommendation": "select",
            "_next": "1",
        },
    )

    assert response.status_code == 404
    assert CANARY not in response.content.decode()
    assert not Review.objects.filter(reviewer=person).exists()
    assert not ReviewAssignment.objects.filter(reviewer=person).exists()


def test_the_service_refuses_a_review_in_conflict_naming_the_conflict(scene):
    person = reviewer()
    ReviewConflict.objects.create(reviewer=person, practice=scene.practice, reason="x")

    with pytest.raises(ApplicationError) as refused:
        services.review_save(
            reviewer=person,
            practice=scene.practice,
            scores=dict.fromkeys(("innovation", "impact", "transferability", "clarity"), 3),
            recommendation="select",
        )

    assert refused.value.message == services.MSG_CONFLICT
    assert "conflict of interest" in str(services.MSG_CONFLICT)
