"""Portal-wide pages: the home page, the dashboard that gathers each role's work, the
accessibility statement."""

from datetime import date

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from accounts import selectors as account_selectors
from accounts.permissions import is_coordinator, is_reviewer
from matching import selectors as matching_selectors
from practices import selectors as practice_selectors
from practices.cache import practices_version
from practices.views.public import practice_cards
from volunteers import selectors as volunteer_selectors

from .pagecache import cache_for_visitors

# The date the accessibility statement was last reviewed (change it with the statement).
ACCESSIBILITY_STATEMENT_DATE = date(2026, 11, 29)


@require_safe
def accessibility_statement(request: HttpRequest) -> HttpResponse:
    """The accessibility statement, after the model of Implementing Decision (EU) 2018/1523."""
    context = {
        "statement_date": ACCESSIBILITY_STATEMENT_DATE,
        "contact_email": settings.ACCESSIBILITY_CONTACT_EMAIL,
        "enforcement_url": settings.ACCESSIBILITY_ENFORCEMENT_URL,
    }
    return render(request, "pages/accessibility.html", context)


# The home page is where a newsletter or a launch sends people: anonymous visitors' copies are
# cached as the list's are (a publication shows at once; the calls' countdowns and the pledges'
# figures within this many seconds).
HOME_CACHE_SECONDS = 60


@cache_for_visitors(timeout=HOME_CACHE_SECONDS, version=practices_version)
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """The open calls with their deadlines, the programme's figures, the latest practices and
    the way in for each kind of visitor: six queries whatever the data."""
    figures = practice_selectors.public_figures()
    figures["smes_supported"] = matching_selectors.smes_supported()
    figures["companies"] = volunteer_selectors.pledging_companies()
    context = {
        "open_calls": list(practice_selectors.calls_listed()[:3]),
        "figures": figures,
        "latest": practice_cards(practice_selectors.latest_published(3)),
    }
    return render(request, "pages/home.html", context)


@never_cache
@login_required
@require_safe
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
        context.update(
            practice_selectors.sme_dashboard(user, [m.organisation for m in sme_memberships])
        )
    context.update(volunteer_selectors.volunteer_dashboard(user, context["company_memberships"]))
    context["open_invitations"] = _open_invitations(user)
    return render(request, "pages/dashboard.html", context)


def _open_invitations(user) -> list[tuple[str, str, str]]:
    """Invitations still open for this person's address, to join an organisation or to mentor
    for a company: ("member" or "mentor", organisation name, link to accept). Someone who signed
    up from an invitation lands here after confirming their address; this brings them back to
    it. Two queries."""
    return [
        ("member", invitation.organisation.name, invitation.get_absolute_url())
        for invitation in account_selectors.open_invitations_for(user.email)
    ] + [
        ("mentor", invitation.company.name, invitation.get_absolute_url())
        for invitation in volunteer_selectors.open_mentor_invitations_for(user.email)
    ]
