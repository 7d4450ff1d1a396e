"""Portal-wide pages: the home page, the dashboard that gathers each role's work, the
accessibility statement."""

from datetime import date

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from accounts import selectors as account_selectors
from accounts.permissions import is_coordinator, is_reviewer

# The date the accessibility statement was last reviewed (change it with the statement).
ACCESSIBILITY_STATEMENT_DATE = date(2026, 11, 29)


def accessibility_statement(request: HttpRequest) -> HttpResponse:
    """The accessibility statement, after the model of Implementing Decision (EU) 2018/1523."""
    context = {
        "statement_date": ACCESSIBILITY_STATEMENT_DATE,
        "contact_email": settings.ACCESSIBILITY_CONTACT_EMAIL,
        "enforcement_url": settings.ACCESSIBILITY_ENFORCEMENT_URL,
    }
    return render(request, "pages/accessibility.html", context)


def home(request: HttpRequest) -> HttpResponse:
    from practices.selectors import calls_listed

    return render(request, "pages/home.html", {"open_calls": list(calls_listed()[:5])})


@never_cache
@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    memberships = list(account_selectors.memberships_of(user))
    sme_memberships = [m for m in memberships if m.organisation.is_sme]
    context = {
        "sme_memberships": sme_memberships,
        "company_memberships": [m for m in memberships if not m.organisation.is_sme],
        "is_reviewer": is_reviewer(user),
        "is_coordinator": is_coordinator(user),
    }
    if sme_memberships:
        context.update(_sme_work(user, [m.organisation for m in sme_memberships]))
    context.update(_volunteer_work(user, context["company_memberships"]))
    context["open_invitations"] = _open_invitations(user)
    return render(request, "pages/dashboard.html", context)


def _open_invitations(user) -> list[tuple[str, str, str]]:
    """Invitations still open for this person's address, to join an organisation or to mentor
    for a company: ("member" or "mentor", organisation name, link to accept). Someone who signed
    up from an invitation lands here after confirming their address; this brings them back to
    it. Two queries."""
    from django.utils import timezone

    from accounts.models import Invitation
    from volunteers.models import MentorInvitation

    now = timezone.now()
    found = []
    for model, kind in ((Invitation, "member"), (MentorInvitation, "mentor")):
        for invitation in model.objects.filter(
            email__iexact=user.email, accepted_at__isnull=True, expires_at__gt=now
        ).select_related("company" if kind == "mentor" else "organisation"):
            organisation = invitation.company if kind == "mentor" else invitation.organisation
            found.append((kind, organisation.name, invitation.get_absolute_url()))
    return found


def _volunteer_work(user, company_memberships) -> dict:
    """The Digital Volunteers side: for each large company the person administers, its pledge
    (the one under way, else the latest) and its state; the person's own mentor profile. One
    query for all the pledges and one for the profile, however many companies."""
    from accounts.enums import OrganisationKind
    from volunteers.enums import CLOSED_STATES
    from volunteers.models import MentorProfile, Pledge

    administered = [
        m
        for m in company_memberships
        if m.is_admin and m.organisation.kind == OrganisationKind.LARGE_COMPANY
    ]
    pledges: dict[int, Pledge] = {}
    if administered:
        # the same choice as volunteers.selectors.pledge_for_company, for many companies: the
        # newest pledge under way, else the newest
        for pledge in (
            Pledge.objects.filter(company__in=[m.organisation_id for m in administered])
            .only("pk", "company_id", "state", "slug", "created_at")
            .order_by("-created_at", "-pk")
        ):
            best = pledges.get(pledge.company_id)
            if best is None or (best.state in CLOSED_STATES and pledge.state not in CLOSED_STATES):
                pledges[pledge.company_id] = pledge
    for membership in administered:
        membership.pledge = pledges.get(membership.organisation_id)
    return {
        "pledge_memberships": administered,
        "mentor_profile": MentorProfile.objects.filter(user=user).select_related("company").first(),
    }


def _sme_work(user, smes) -> dict:
    """The SME side of the dashboard: its practices and their state, what is asked of it,
    its extensions, the views of its published practices, the calls it can submit to."""
    from django.utils import timezone

    from practices import selectors as practice_selectors
    from practices.enums import PracticeState, Rsvp
    from practices.models import EventInvitation
    from practices.services import format_deadline

    now = timezone.now()
    extensions = list(practice_selectors.extensions_of_user(user).order_by("closes_at"))
    extended = {(e.call_id, e.organisation_id): e.closes_at for e in extensions}
    submissions = list(practice_selectors.submissions_of_user(user))
    for practice in submissions:
        deadline = extended.get(
            (practice.call_id, practice.organisation_id), practice.call.closes_at
        )
        practice.deadline_text = format_deadline(deadline)
        practice.editable_now = (
            practice.is_sme_editable and practice.call.opens_at <= now < deadline
        )
        practice.awaits_approval = (
            practice.state == PracticeState.SELECTED and practice.public_version_approved_at is None
        )
    invitations = list(
        EventInvitation.objects.filter(
            practice__organisation__in=smes, rsvp=Rsvp.PENDING, event__starts_at__gt=now
        )
        .select_related("event", "practice")
        .order_by("event__starts_at", "pk")
    )
    open_calls = {call.pk: call for call in practice_selectors.calls_listed() if call.is_open}
    for extension in extensions:  # a call closed for everyone but still open for this SME
        if extension.call.opens_at <= now < extension.closes_at:
            open_calls.setdefault(extension.call_id, extension.call)
    for extension in extensions:
        extension.deadline_text = format_deadline(extension.closes_at)
    return {
        "submissions": submissions,
        "detail_requests": [
            (practice, request)
            for practice in submissions
            for request in practice.open_detail_requests
        ],
        "approvals": [practice for practice in submissions if practice.awaits_approval],
        "invitations": invitations,
        "extensions": [e for e in extensions if e.closes_at > now],
        "published": [p for p in submissions if p.state == PracticeState.PUBLISHED],
        "submit_calls": sorted(open_calls.values(), key=lambda call: (call.closes_at, call.pk)),
        "time_zone": timezone.get_current_timezone_name(),
    }
