"""The outcomes of mentoring, as aggregates: no SME is named."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from accounts.permissions import is_coordinator

from .. import selectors
from ..models import Partnership


@never_cache
@login_required
@require_safe
def outcomes(request: HttpRequest) -> HttpResponse:
    """All partnerships for coordinators; a pledging company's admins: their mentors'
    partnerships. Anyone else: 404."""
    user = request.user
    companies = []
    if is_coordinator(user):
        partnerships = Partnership.objects.all()
    else:
        companies = selectors.outcome_companies(user)
        if not companies:
            raise Http404
        partnerships = Partnership.objects.filter(mentor__company__in=companies)
    context = {"companies": companies, "outcomes": selectors.outcomes(partnerships)}
    return render(request, "matching/outcomes.html", context)
