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

from matching import services as matching_services
from matching.models import Partnership
from notifications.models import Notification
from tests.security.conftest import (
    ANSWER_CANARY,
    CHALLENGE_CANARY,
    DRAFT_CANARY,
    Portal,
    body_of,
    build_portal,
)
from tests.security.matrix import ROWS, url_for

# Who must never read which canary. Reviewers work on submitted practices (they asked for the
# detail, so they read the answer) but never on drafts, and never on matchmaking.
NOT_FOR = {
    "anonymous": {CHALLENGE_CANARY, DRAFT_CANARY, ANSWER_CANARY},
    "outsider": {CHALLENGE_CANARY, DRAFT_CANARY, ANSWER_CANARY},
    "other_sme_admin": {CHALLENGE_CANARY, DRAFT_CANARY, ANSWER_CANARY},
    "company_admin": {CHALLENGE_CANARY, DRAFT_CANARY, ANSWER_CANARY},  # the mentor's employer
    "other_company_admin": {CHALLENGE_CANARY, DRAFT_CANARY, ANSWER_CANARY},
    "mentor": {CHALLENGE_CANARY, DRAFT_CANARY, ANSWER_CANARY},  # proposed, not yet a partner
    "other_mentor": {CHALLENGE_CANARY, DRAFT_CANARY, ANSWER_CANARY},
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
        reverse("admin:matching_needsprofile_change", args=[portal.needs.pk]),
        reverse("admin:practices_practice_export") + "?state=draft",
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


def test_coordinators_read_the_challenge_and_the_answer(portal, client_as):
    pages = _crawl(portal, client_as, "coordinator")

    found = {canary for _url, canary in _leaks(pages, {CHALLENGE_CANARY, ANSWER_CANARY})}
    assert found == {CHALLENGE_CANARY, ANSWER_CANARY}


def test_reviewers_read_the_answer_they_asked_for(portal, client_as):
    pages = _crawl(portal, client_as, "reviewer")

    assert _leaks(pages, {ANSWER_CANARY}) != []


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
