"""The confidentiality canary (issue #7, S-22/S-23).

Unique strings sit in confidential text of the portal of tests/security/conftest.py: the SME's
challenge (matching.NeedsProfile.challenge), a draft practice's description and an answer to a
reviewers' request for detail. Each person who may not read one of them opens every page of
the permission matrix they can reach (the admin's CSV export, the Atom feed and the sitemaps
included) and every email addressed to them, before and after the SME and its mentor become
partners: the string never appears. The positive side is tested too (the SME's people,
coordinators, the reviewers for the answer, the mentor once a partnership exists do read it),
so the test cannot pass because the text is missing.
"""

from dataclasses import replace

import pytest
from django.db import transaction
from django.db.models import Q
from django.utils import translation

from matching import services as matching_services
from matching.models import Partnership
from notifications.models import Notification
from practices.models import Practice
from tests.security.conftest import (
    ANSWER_CANARY,
    CHALLENGE_CANARY,
    DRAFT_CANARY,
    PRIVATE_ANSWER_CANARY,
    PUBLIC_ANSWER,
    Portal,
    body_of,
    build_portal,
)
from tests.security.matrix import ROWS, url_for
from volunteers.models import Pledge

# Who must never read which canary. Reviewers work on submitted practices (they asked for the
# detail, so they read the answer) but never on drafts, and never on matchmaking.
_PRIVATE = {CHALLENGE_CANARY, DRAFT_CANARY, ANSWER_CANARY, PRIVATE_ANSWER_CANARY}
NOT_FOR = {
    "anonymous": _PRIVATE,
    "outsider": _PRIVATE,
    "other_sme_admin": _PRIVATE,
    "company_admin": _PRIVATE,  # the mentor's employer
    "other_company_admin": _PRIVATE,
    "mentor": _PRIVATE,  # proposed, not yet a partner
    "other_mentor": _PRIVATE,
    # reviewers read every answer of the practices they see, private ones included (#19)
    "reviewer": {CHALLENGE_CANARY, DRAFT_CANARY},
}
STAFF = {"reviewer", "coordinator", "superuser"}

# every test in a savepoint of the module's world: what a test does is undone after it
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def portal(django_db_setup, django_db_blocker):
    """The portal of conftest.py, but the proposal has just been released: no partnership."""
    from tests.security.conftest import _log_everyone_in

    with django_db_blocker.unblock(), transaction.atomic():
        portal = build_portal(partnership=False)
        portal.sessions = _log_everyone_in(portal)
        yield portal
        transaction.set_rollback(True)


def _partners(portal: Portal) -> Portal:
    """Both sides accept: the partnership starts (and its emails are written)."""
    proposal = portal.proposal
    matching_services.proposal_answer(user=portal.people["mentor"], proposal=proposal, accept=True)
    matching_services.proposal_answer(
        user=portal.people["sme_admin"], proposal=proposal, accept=True
    )
    partnership = Partnership.objects.get(proposal=proposal)  # the shared object stays as it was
    return replace(portal, objects={**portal.objects, "partnership": partnership})


def _extra_urls(portal: Portal) -> list[str]:
    """Pages beyond the matrix's choice of objects where a canary could show: the draft's own
    pages and admin page, and the admin pages of the needs."""
    from django.urls import reverse

    return [
        reverse("practices:submission_detail", kwargs={"pk": portal.draft.pk}),
        reverse("admin:practices_practice_change", args=[portal.draft.pk]),
        reverse("admin:practices_practice_history", args=[portal.draft.pk]),
        reverse("admin:practices_practice_review", args=[portal.draft.pk]),  # the workspace
        reverse("admin:matching_needsprofile_change", args=[portal.needs.pk]),
        reverse("admin:practices_practice_export") + "?state=draft",
        # the open-data API (#17): every practice and pledge with an address, whatever its
        # state (all but the public ones are 404s), and the lists at their largest page
        *(
            reverse("api:practice_detail", kwargs={"slug": slug})
            for slug in Practice.objects.exclude(slug=None).values_list("slug", flat=True)
        ),
        *(
            reverse("api:pledge_detail", kwargs={"slug": slug})
            for slug in Pledge.objects.values_list("slug", flat=True)
        ),
        reverse("api:practice_list") + "?page_size=100",
        reverse("api:practice_list") + "?page_size=100&q=idea",
        reverse("api:pledge_list") + "?page_size=100",
    ]


def _crawl(portal: Portal, client_as, role: str) -> dict[str, str]:
    """url → body of every page of the matrix (and the extras) this person gets with a 200.

    Every admin page is a log-in redirect for people who are not staff (the matrix says so):
    they skip the admin. Each page is opened by a fresh client in a savepoint, as in the
    matrix: a page with side effects (a password-reset link logs out whoever else is logged in)
    changes nothing for the next one."""
    urls = []
    for key in ROWS:
        if key.startswith("admin") and role not in STAFF:
            continue
        try:
            urls.append(url_for(key, portal))
        except AttributeError:  # before a partnership there is none to fill the partnership pages
            assert "partnership" not in portal.objects, key
    urls += _extra_urls(portal)
    pages = {}
    for url in urls:
        savepoint = transaction.savepoint()
        response = client_as(role).get(url)
        body = body_of(response)
        if response.status_code == 200:
            pages[url] = body.decode("utf-8", "replace")
        transaction.savepoint_rollback(savepoint)
    return pages


def _leaks(pages: dict[str, str], canaries: set[str]) -> list[tuple[str, str]]:
    return sorted(
        (url, canary) for url, body in pages.items() for canary in canaries if canary in body
    )


def _emails_to(user) -> list[Notification]:
    return list(Notification.objects.filter(Q(recipient=user) | Q(to_email__iexact=user.email)))


# --------------------------------------------------------------------------------------------
# The canaries are there for those who may read them
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("role", ["sme_member", "sme_admin"])
def test_the_sme_reads_its_own_confidential_text(portal, client_as, role):
    pages = _crawl(portal, client_as, role)

    assert _leaks(pages, {CHALLENGE_CANARY, DRAFT_CANARY, ANSWER_CANARY}) != []
    found = {
        canary for _url, canary in _leaks(pages, {CHALLENGE_CANARY, DRAFT_CANARY, ANSWER_CANARY})
    }
    assert found == {CHALLENGE_CANARY, DRAFT_CANARY, ANSWER_CANARY}


def test_coordinators_read_the_challenge_and_the_answers(portal, client_as):
    """…and the published practice's answer to a private question of its call (#19: in the
    CSV export), as reviewers do (below): the canary tests do not pass because answers show
    nowhere."""
    pages = _crawl(portal, client_as, "coordinator")

    canaries = {CHALLENGE_CANARY, ANSWER_CANARY, PRIVATE_ANSWER_CANARY}
    assert {canary for _url, canary in _leaks(pages, canaries)} == canaries


def test_visitors_read_the_public_answer(portal, client_as):
    """…and its answer to a public question is on its public page and in the API."""
    from django.urls import reverse

    pages = _crawl(portal, client_as, "anonymous")

    assert (
        PUBLIC_ANSWER in pages[reverse("practices:practice_detail", args=["friday-learning-hour"])]
    )
    assert PUBLIC_ANSWER in pages[reverse("api:practice_detail", args=["friday-learning-hour"])]


def test_reviewers_read_the_answer_they_asked_for_and_the_private_answer(portal, client_as):
    pages = _crawl(portal, client_as, "reviewer")

    canaries = {ANSWER_CANARY, PRIVATE_ANSWER_CANARY}
    assert {canary for _url, canary in _leaks(pages, canaries)} == canaries


def test_the_mentor_reads_the_challenge_once_partners(portal, client_as):
    after = _partners(portal)
    client = client_as("mentor")

    body = client.get(after.partnership.get_absolute_url()).content.decode()

    assert CHALLENGE_CANARY in body


# --------------------------------------------------------------------------------------------
# Nobody else does: pages, exports, feed, sitemaps
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("role", sorted(NOT_FOR))
def test_no_canary_on_any_page_before_a_partnership(portal, client_as, role):
    pages = _crawl(portal, client_as, role)

    assert _leaks(pages, NOT_FOR[role]) == []
    assert len(pages) >= 15  # each person does reach pages: the crawl is not empty


@pytest.mark.parametrize("role", sorted(set(NOT_FOR) - {"mentor"}))
def test_no_canary_on_any_page_after_a_partnership(portal, client_as, role):
    after = _partners(portal)

    pages = _crawl(after, client_as, role)

    assert _leaks(pages, NOT_FOR[role]) == []
    assert len(pages) >= 15


def test_partner_mentor_reads_only_the_challenge(portal, client_as):
    """The partnership opens the challenge to its mentor, not the SME's practices."""
    after = _partners(portal)

    pages = _crawl(after, client_as, "mentor")

    assert {canary for _url, canary in _leaks(pages, NOT_FOR["mentor"])} == {CHALLENGE_CANARY}
    assert [url for url, canary in _leaks(pages, NOT_FOR["mentor"])] == [
        after.partnership.get_absolute_url()
    ]


# --------------------------------------------------------------------------------------------
# Nobody else does: emails
# --------------------------------------------------------------------------------------------
def _check_in_and_goals(portal: Portal) -> None:
    partnership = portal.partnership
    matching_services.partnership_set_goals(
        user=portal.people["mentor"], partnership=partnership, goals="Put the order book online."
    )


def test_no_canary_in_any_email(portal):
    after = _partners(portal)  # proposal released (in the world), accepted by both: partners
    _check_in_and_goals(after)
    people = after.people

    mailed = {role: _emails_to(people[role]) for role in NOT_FOR if role != "anonymous"}

    leaks = [
        (role, email.event, canary)
        for role, emails in mailed.items()
        for email in emails
        for canary in NOT_FOR[role]
        if canary in f"{email.subject}\n{email.body_text}\n{email.body_html}"
    ]
    assert leaks == []
    # the people the flows write to did get their emails (the check is not vacuous)
    assert {email.event for email in mailed["mentor"]} >= {"proposal_made", "partnership_started"}
    assert mailed["reviewer"] != []  # the SME answered the request for detail


def test_no_email_carries_the_challenge_even_to_the_sme(portal):
    """Emails link to the pages; the SME's admin gets every event and no challenge text."""
    after = _partners(portal)

    emails = _emails_to(after.people["sme_admin"])

    assert {email.event for email in emails} >= {"proposal_made", "partnership_started"}
    assert [
        email.event
        for email in emails
        if CHALLENGE_CANARY in f"{email.subject}{email.body_text}{email.body_html}"
    ] == []


# --------------------------------------------------------------------------------------------
# Outputs behind a POST: the preview of a CSV of experts and the invitations it sends (#14)
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("role", ["company_admin", "coordinator"])
def test_no_canary_in_a_csv_invitation_preview_or_its_emails(portal, client_as, role):
    """Whoever uploads a list naming everyone of the portal learns from the preview only what
    the list says and whether each person is this company's mentor or invitee; the people
    invited get the invitation and no confidential text."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    emails = sorted({user.email.lower() for user in portal.people.values()})
    text = "email,name,language\n" + "".join(f"{email},Someone,en\n" for email in emails)
    client = client_as(role)
    upload = reverse("volunteers:mentor_invite_csv", kwargs={"pk": portal.company.pk})
    confirm = reverse("volunteers:mentor_invite_csv_confirm", kwargs={"pk": portal.company.pk})

    preview = client.post(upload, {"file": SimpleUploadedFile("list.csv", text.encode())})
    signed = preview.context["confirm_form"].initial["rows"]
    client.post(confirm, {"rows": signed})

    canaries = {CHALLENGE_CANARY, DRAFT_CANARY, ANSWER_CANARY}
    assert _leaks({"preview": preview.content.decode()}, canaries) == []
    sent = list(Notification.objects.filter(event="mentor_invited", to_email__in=emails))
    assert len(sent) == len(emails) - 1  # everyone but the company's own mentor
    assert [
        email.to_email
        for email in sent
        if any(c in f"{email.subject}{email.body_text}{email.body_html}" for c in canaries)
    ] == []


# --------------------------------------------------------------------------------------------
# The programme overview on the admin's home page and its CSV downloads (#14)
# --------------------------------------------------------------------------------------------
def test_no_confidential_text_in_the_programme_overview_or_its_downloads(portal, client_as):
    """Coordinators may read the challenge and the answers elsewhere, but the overview counts
    and never quotes: no canary, no review comment, no SME person's address, in the page or
    any of its CSV files (the overview's data exist: the call has a review, the SME needs)."""
    from django.urls import reverse

    from practices.models import Review
    from skillup import overview

    comment = "CANARY-7f3e91c4-review-comment"
    Review.objects.filter(pk=portal.review.pk).update(comment=comment)
    sme_emails = {m.user.email for m in portal.sme.memberships.select_related("user")}
    client = client_as("coordinator")
    urls = [reverse("admin:index")]
    urls += [
        reverse("admin_overview_csv", kwargs={"figure": figure})
        for figure in overview.PROGRAMME_FIGURES
    ]
    urls += [
        reverse("admin_overview_call_csv", kwargs={"call_id": portal.call.pk, "figure": figure})
        for figure in overview.CALL_FIGURES
    ]

    pages = {url: body_of(client.get(url)).decode("utf-8-sig") for url in urls}

    assert "Programme overview" in pages[urls[0]]
    assert portal.review.reviewer.get_full_name() in pages[urls[-1]]  # per reviewer: read
    secrets = {CHALLENGE_CANARY, DRAFT_CANARY, ANSWER_CANARY, comment, *sme_emails}
    assert _leaks(pages, secrets) == []


# --------------------------------------------------------------------------------------------
# Outputs behind a POST: a group message's preview and the emails it sends (#14)
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("segment", ["selected", "submitted", "pledging", "mentors", "needs"])
def test_no_canary_in_a_group_message_preview_or_its_emails(
    portal, client_as, segment, django_capture_on_commit_callbacks
):
    """A coordinator writes to each group: the preview names its people and shows the text,
    the emails carry the text and why the person receives it; none carries the confidential
    text of the SMEs in the group (the SME with the challenge is in "needs", the one with the
    draft and the answer in the call's groups)."""
    from django.urls import reverse

    from outreach.models import GroupMessage

    call = portal.selected.call if segment in ("selected", "submitted") else None
    message = GroupMessage.objects.create(
        segment=segment, call=call, subject_en="Programme news", body_en="Hello from SkillUp."
    )
    url = reverse("admin:outreach_groupmessage_preview", args=[message.pk])
    client = client_as("coordinator")

    preview = client.get(url)
    with django_capture_on_commit_callbacks(execute=True):  # the worker writes the emails
        sent = client.post(url, {"version": message.version})

    canaries = {CHALLENGE_CANARY, DRAFT_CANARY, ANSWER_CANARY}
    assert (preview.status_code, sent.status_code) == (200, 302)
    assert _leaks({"preview": preview.content.decode()}, canaries) == []
    emails = list(Notification.objects.filter(event="group_message", object_id=str(message.pk)))
    assert emails != []  # the group has people: the check is not vacuous
    assert [
        email.to_email
        for email in emails
        if any(c in f"{email.subject}{email.body_text}{email.body_html}" for c in canaries)
    ] == []


# --------------------------------------------------------------------------------------------
# A reviewer in conflict of interest with the SME reads nothing of its submissions (#14)
# --------------------------------------------------------------------------------------------
# Atelier's submissions that are not public: their titles are the canaries here (the published
# practice is anyone's to read).
SUBMISSION_TITLES = {"Mentoring circles", "Data days"}
CONFLICTS = ["declared-organisation", "declared-practices", "email-domain"]


def _declare(portal: Portal, kind: str) -> None:
    """The portal's reviewer becomes conflicted with Atelier's submissions (in the test's
    savepoint; rows are changed with update() so the shared objects in memory stay as built).
    Their own organisation is tested in tests/practices/test_conflicts.py (a member of the SME
    reads its practices on the site as the SME does)."""
    from accounts.models import User
    from practices.models import ReviewConflict

    reviewer = portal.people["reviewer"]
    if kind == "declared-organisation":
        ReviewConflict.objects.create(reviewer=reviewer, organisation=portal.sme, reason="Board")
    elif kind == "declared-practices":
        for practice in (portal.shortlisted, portal.selected):
            ReviewConflict.objects.create(reviewer=reviewer, practice=practice, reason="Advised")
    else:
        User.objects.filter(pk=reviewer.pk).update(email="reviewer@atelier-canary.fr")
        User.objects.filter(pk=portal.people["sme_member"].pk).update(
            email="member@atelier-canary.fr"
        )


def test_a_reviewer_free_of_conflict_reads_the_submissions(portal, client_as):
    pages = _crawl(portal, client_as, "reviewer")

    assert {title for _url, title in _leaks(pages, SUBMISSION_TITLES)} == SUBMISSION_TITLES


@pytest.mark.parametrize("kind", CONFLICTS)
def test_a_conflicted_reviewer_reads_nothing_of_the_submissions(portal, client_as, kind):
    _declare(portal, kind)

    pages = _crawl(portal, client_as, "reviewer")

    secrets = SUBMISSION_TITLES | {ANSWER_CANARY}
    if kind != "declared-practices":  # (that conflict leaves the published practice out)
        secrets.add(PRIVATE_ANSWER_CANARY)  # its private answer, with the whole SME's (#19)
    assert _leaks(pages, secrets) == []
    assert len(pages) >= 15


def _digest_text(portal: Portal, kind: str | None) -> str:
    """The reviewer's digest today, with a new submission of Atelier awaiting review (assigned
    to them), after the conflict `kind` (None: no conflict)."""
    import time_machine
    from django.utils import timezone

    from practices.models import ReviewAssignment
    from practices.reminders import reviewer_digests
    from tests.factories import PracticeFactory

    reviewer = portal.people["reviewer"]
    fresh = PracticeFactory(
        call=portal.call, organisation=portal.sme, title="Learning budget", state="submitted"
    )
    ReviewAssignment.objects.create(practice=fresh, reviewer=reviewer)
    if kind is not None:
        _declare(portal, kind)
    with time_machine.travel(timezone.localtime().replace(hour=9), tick=False):
        digests = [d for d in reviewer_digests() if d["recipient"].pk == reviewer.pk]
    return repr([d["context"] for d in digests])


def test_a_reviewers_digest_names_the_submission_awaiting_them(portal):
    assert "Learning budget" in _digest_text(portal, None)


@pytest.mark.parametrize("kind", ["declared-organisation", "email-domain"])
def test_a_conflicted_reviewers_digest_names_none_of_the_submissions(portal, kind):
    text = _digest_text(portal, kind)

    assert [t for t in {*SUBMISSION_TITLES, "Learning budget"} if t in text] == []


# --------------------------------------------------------------------------------------------
# A published practice's new text and its taking down (#15): their pages and emails
# --------------------------------------------------------------------------------------------
NEW_TEXT_EVENTS = {"practice_public_text_changed", "practice_taken_down"}


def _new_text_then_taken_down(portal: Portal) -> None:
    """Staff propose a new public text for Atelier's published practice (the SME is emailed
    the difference), then its administrator takes it down (the coordinators are emailed)."""
    from practices import services as practice_services

    practice_services.practice_public_version_update(
        user=portal.people["reviewer"],
        practice=portal.published,
        public_title="Friday learning hours",
        public_description="One hour of online courses, every Friday.",
    )
    practice_services.practice_take_down(
        user=portal.people["sme_admin"], practice=portal.published, comment="We changed it."
    )


def test_no_canary_in_the_emails_of_a_new_public_text_or_a_take_down(portal):
    _new_text_then_taken_down(portal)

    emails = list(Notification.objects.filter(event__in=NEW_TEXT_EVENTS))

    assert {email.event for email in emails} == NEW_TEXT_EVENTS  # the check is not vacuous
    canaries = {CHALLENGE_CANARY, DRAFT_CANARY, ANSWER_CANARY}
    assert [
        (email.event, email.to_email)
        for email in emails
        if any(c in f"{email.subject}{email.body_text}{email.body_html}" for c in canaries)
    ] == []
    coordinators = {portal.people["coordinator"].email}
    assert {e.to_email for e in emails if e.event == "practice_taken_down"} == coordinators


@pytest.mark.parametrize("role", ["anonymous", "other_sme_admin", "company_admin", "reviewer"])
def test_no_canary_on_any_page_once_a_practice_is_taken_down(portal, client_as, role):
    _new_text_then_taken_down(portal)

    pages = _crawl(portal, client_as, role)

    assert _leaks(pages, NOT_FOR[role]) == []
    assert len(pages) >= 15


@pytest.mark.parametrize("role", ["sme_member", "sme_admin"])
def test_the_sme_reads_its_new_text_and_take_down_pages_without_other_secrets(
    portal, client_as, role
):
    """Its own pages of the take-down and of the new text: 200, and none of the other SME's,
    the challenge's or a mentor's text (the canaries are Atelier's own; the page of the public
    version shows the public text only)."""
    from django.urls import reverse

    _new_text_then_taken_down(portal)
    client = client_as(role)
    urls = [
        reverse(name, kwargs={"pk": portal.published.pk})
        for name in (
            "practices:submission_take_down",
            "practices:submission_publish_again",
            "practices:public_version_approve",
        )
    ]

    responses = {url: client.get(url) for url in urls}

    assert {url: r.status_code for url, r in responses.items()} == dict.fromkeys(urls, 200)
    pages = {url: r.content.decode() for url, r in responses.items()}
    assert _leaks(pages, {CHALLENGE_CANARY, DRAFT_CANARY, ANSWER_CANARY}) == []
    assert "Friday learning hours" in pages[urls[2]]


# --------------------------------------------------------------------------------------------
# Events (#15): an event lists the published practices whose SME attends, never another
# --------------------------------------------------------------------------------------------
def _everyone_attends(portal: Portal) -> None:
    """The draft (its title carrying the canary), the selected practice (already invited) and
    the published one are invited to the portal's public event, and the SME says yes to each."""
    from practices.models import EventInvitation, Practice

    Practice.objects.filter(pk=portal.draft.pk).update(title=f"Our next idea {DRAFT_CANARY}")
    EventInvitation.objects.filter(event=portal.event).update(rsvp="yes")
    for practice in (portal.draft, portal.published):
        EventInvitation.objects.create(event=portal.event, practice=practice, rsvp="yes")


@pytest.mark.parametrize("role", sorted(NOT_FOR))
def test_no_unpublished_practice_on_the_events_pages(portal, client_as, role):
    _everyone_attends(portal)

    pages = _crawl(portal, client_as, role)

    events = {url: body for url, body in pages.items() if "/events/" in url}
    assert len(events) == 3  # the list, the event's page and its calendar file
    assert _leaks(pages, NOT_FOR[role]) == []
    assert [url for url, body in events.items() if portal.selected.title in body] == []
    html = [body for url, body in events.items() if not url.endswith(".ics")]
    assert [portal.published.display_title in body for body in html] == [True, True]


# --------------------------------------------------------------------------------------------
# A published practice's Open Graph image and schema.org data (#15)
# --------------------------------------------------------------------------------------------
SHARE_CANARY = "CANARY-7f3e91c4-share"


def test_no_confidential_text_in_the_share_image_or_the_json_ld(portal, client_as):
    """The image and the JSON-LD are made for other sites: they carry the practice's public
    title and summary and its SME's name, never the text the SME sent before reviewers
    shortened it, a decision comment, a review or an address of the SME's people (all set
    here, so the check is not vacuous; the public texts are found, so it reads the output)."""
    import io
    import json
    import re

    from django.utils import translation
    from PIL import Image

    from practices import share
    from practices.models import Practice
    from tests.factories import ReviewFactory

    published = portal.published
    Practice.objects.filter(pk=published.pk).update(
        title=f"Submitted title {SHARE_CANARY}",
        public_title="Friday learning hour",
        short_description=f"Submitted summary {SHARE_CANARY}",
        public_description="One hour of online courses every Friday.",
        pending_decision_comment=f"Decision comment {SHARE_CANARY}",
    )
    ReviewFactory(practice=published, reviewer=portal.people["coordinator"], comment=SHARE_CANARY)
    secrets = {SHARE_CANARY, CHALLENGE_CANARY, DRAFT_CANARY, ANSWER_CANARY}
    secrets |= {m.user.email for m in portal.sme.memberships.select_related("user")}
    client = client_as("anonymous")
    page_url = url_for("practices:practice_detail", portal)
    image_url = url_for("practices:practice_og_image", portal)

    page = client.get(page_url).content.decode()
    image = client.get(image_url)
    with translation.override("en"):
        card = share.og_card(Practice.objects.get(pk=published.pk))

    (json_ld,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    data = json.loads(json_ld)
    assert (data["headline"], data["author"]["name"]) == ("Friday learning hour", portal.sme.name)
    assert (card.title, card.sme) == ("Friday learning hour", portal.sme.name)
    assert Image.open(io.BytesIO(image.content)).size == (1200, 630)
    texts = {"json-ld": json_ld, "card": repr(card), "png": image.content.decode("latin-1")}
    assert _leaks(texts, secrets) == []
    assert _leaks({"page": page}, secrets) == []


# --------------------------------------------------------------------------------------------
# A pledging company's badge (#17): embedded on other sites, it names no SME and no person
# --------------------------------------------------------------------------------------------
def test_no_confidential_text_in_the_pledge_badge(portal, client_as):
    """The badge counts the SMEs the company's mentors support; once the mentor and the SME
    are partners it says 1 (so the check reads the partnership's output), and never the SME's
    challenge or name, nor anything about the mentor, in any language."""
    from django.core.cache import cache

    after = _partners(portal)
    mentor = after.people["mentor"]
    secrets = {CHALLENGE_CANARY, DRAFT_CANARY, ANSWER_CANARY, after.sme.name, mentor.email}
    secrets |= {mentor.get_full_name()} - {""}
    cache.clear()  # no badge drawn before the partnership
    bodies = {}
    for language in ("en", "fr", "pl"):
        with translation.override(language):  # (whatever an earlier test left active)
            url = url_for("volunteers:pledge_badge", portal)
        response = client_as("anonymous").get(url)
        assert response.status_code == 200
        bodies[language] = response.content.decode()

    assert "· 1 SME supported" in bodies["en"]
    assert len(set(bodies.values())) == 3  # three languages, three badges
    assert _leaks(bodies, secrets) == []
    cache.clear()


# --------------------------------------------------------------------------------------------
# The open datasets and their catalogue (#17)
# --------------------------------------------------------------------------------------------
OPEN_DATA_CANARY = "CANARY-7f3e91c4-open-data"


def test_no_confidential_text_in_any_dataset_file_or_the_catalogue(portal, client_as):
    """Every dataset file and the DCAT-AP catalogue, as anyone downloads them: the published
    practice's public text and its SME's name are there, and the pledge of the viewer (so the
    files are read, not empty), never the confidential texts of the portal, the text the SME
    sent before reviewers shortened it, a decision comment, a review, the draft pledge, a
    practice still under the earlier consent, or an address of the SME's people."""
    from opendata import datasets
    from practices.models import Practice
    from tests.factories import PublishedPracticeFactory, ReviewFactory

    published = portal.published
    Practice.objects.filter(pk=published.pk).update(
        title=f"Submitted title {OPEN_DATA_CANARY}",
        public_title="Friday learning hour",
        short_description=f"Submitted summary {OPEN_DATA_CANARY}",
        public_description="One hour of online courses every Friday.",
        pending_decision_comment=f"Decision comment {OPEN_DATA_CANARY}",
    )
    ReviewFactory(
        practice=published, reviewer=portal.people["coordinator"], comment=OPEN_DATA_CANARY
    )
    PublishedPracticeFactory(
        organisation=portal.other_sme,
        public_title=f"Under the earlier consent {OPEN_DATA_CANARY}",
        publication_consent_version=1,
    )
    secrets = {OPEN_DATA_CANARY, CHALLENGE_CANARY, DRAFT_CANARY, ANSWER_CANARY}
    secrets |= {m.user.email for m in portal.sme.memberships.select_related("user")}
    secrets |= {portal.draft_pledge.slug, portal.draft.title, portal.shortlisted.title}

    datasets.regenerate()
    client = client_as("anonymous")
    bodies = {}
    for name in [*datasets.file_names(), "catalog.jsonld"]:
        response = client.get(f"/open-data/{name}")
        assert response.status_code == 200, name
        bodies[name] = body_of(response).decode("utf-8")

    assert "Friday learning hour" in bodies["practices.csv"]
    assert "One hour of online courses every Friday." in bodies["practices.json"]
    assert portal.sme.name in bodies["practices.json"]
    assert portal.pledge.slug in bodies["pledges.csv"]
    assert _leaks(bodies, secrets) == []
