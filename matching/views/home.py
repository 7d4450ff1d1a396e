"""The mentoring home: a person's SMEs (needs, proposals, partnerships) and, for a mentor, the
proposals to answer and the partnerships; and the public page on how mentoring works."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .. import selectors


@never_cache
@login_required
@require_safe
def mentoring_home(request: HttpRequest) -> HttpResponse:
    """Seven queries however many rows (selectors.mentoring_home)."""
    return render(request, "matching/mentoring_home.html", selectors.mentoring_home(request.user))


@require_safe
def how_it_works(request: HttpRequest) -> HttpResponse:
    """For everyone: what an SME and a mentor do, step by step (no query)."""
    return render(request, "matching/how_it_works.html")
