"""Portal-wide pages: the home page and the dashboard that gathers each role's work."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from accounts import selectors as account_selectors
from accounts.permissions import is_coordinator, is_reviewer


def home(request: HttpRequest) -> HttpResponse:
    from practices.selectors import calls_listed

    return render(request, "pages/home.html", {"open_calls": list(calls_listed()[:5])})


@never_cache
@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    memberships = list(account_selectors.memberships_of(user))
    context = {
        "sme_memberships": [m for m in memberships if m.organisation.is_sme],
        "company_memberships": [m for m in memberships if not m.organisation.is_sme],
        "is_reviewer": is_reviewer(user),
        "is_coordinator": is_coordinator(user),
    }
    return render(request, "pages/dashboard.html", context)
