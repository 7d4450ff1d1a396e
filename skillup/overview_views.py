"""The programme overview in the admin: the admin's home page with the overview for
coordinators (the stock index for other staff), and each figure's CSV download.

The CSV of a figure writes the rows its table shows (skillup.overview), defused for spreadsheets
as every export of the admin is (practices.exports)."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.http import require_safe

from accounts.permissions import is_coordinator
from practices.exports import csv_response
from practices.models import Call

from . import overview


def admin_index_with_overview(index):
    """Wrap the admin site's index view: coordinators get the programme overview in its
    context (templates/admin/index.html shows it above the list of apps). Wrapping twice (the
    URLs read again) changes nothing."""
    if getattr(index, "shows_overview", False):
        return index

    @wraps(index)
    def view(request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        if is_coordinator(request.user):
            extra_context = {
                **(extra_context or {}),
                "overview": overview.cached_programme_overview(),
            }
        return index(request, extra_context)

    view.shows_overview = True
    return view


def _csv(figure: overview.Figure, name: str) -> HttpResponse:
    filename = f"skillup-{name}-{timezone.localdate().isoformat()}.csv"
    return csv_response(filename, figure.columns, figure.rows)


@require_safe
def overview_csv(request: HttpRequest, figure: str) -> HttpResponse:
    """A programme-wide figure as CSV: coordinators only (the admin sends others to log in)."""
    if not is_coordinator(request.user):
        raise PermissionDenied
    if figure not in overview.PROGRAMME_FIGURES:
        raise Http404
    return _csv(overview.programme_figure(figure), figure)


@require_safe
def overview_call_csv(request: HttpRequest, call_id: int, figure: str) -> HttpResponse:
    """A figure of one call as CSV: coordinators only."""
    if not is_coordinator(request.user):
        raise PermissionDenied
    if figure not in overview.CALL_FIGURES:
        raise Http404
    call = get_object_or_404(Call, pk=call_id)
    return _csv(overview.call_figure(figure, call), f"{call.slug}-{figure}")
