"""Mentors' pages (being written)."""

from django.http import Http404


def mentor_detail(request, pk):
    raise Http404


def mentor_profile(request):
    raise Http404


def mentor_invitation_accept(request, token):
    raise Http404
