"""SMEs' and mentors' matchmaking pages (being written)."""

from django.http import Http404


def needs_edit(request, pk):
    raise Http404


def mentoring_home(request):
    raise Http404


def proposal_detail(request, pk):
    raise Http404


def partnership_detail(request, pk):
    raise Http404


def outcomes(request):
    raise Http404
