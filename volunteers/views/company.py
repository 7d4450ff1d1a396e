"""Company admins' pages (being written)."""

from django.http import Http404


def company_pledge(request, pk):
    raise Http404


def pledge_create(request, pk):
    raise Http404


def pledge_update(request, pk):
    raise Http404


def pledge_move(request, pk):
    raise Http404


def mentor_invite(request, pk):
    raise Http404
