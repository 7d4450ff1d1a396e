"""Public Pledge Viewer (being written)."""

from django.http import Http404


def pledge_list(request):
    raise Http404


def pledge_detail(request, slug):
    raise Http404
