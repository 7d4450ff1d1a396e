"""Public Pledge Viewer: the approved public pledges with filters, counts and a chart by
country; one pledge's page with its commitments, targets and progress."""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe

from skillup.links import absolute_url

from .. import selectors, viewer
from ..commitments import COMMITMENTS, COMMITMENTS_VERSION
from ..filters import PER_PAGE, PledgeFilter
from ..models import Pledge
from ..permissions import can_view_pledge


@require_safe
def pledge_list(request: HttpRequest) -> HttpResponse:
    filterset = PledgeFilter(request.GET)
    pledges = filterset.qs
    paginator = Paginator(pledges, PER_PAGE)
    # ?page=abc → the first page, ?page=-1 or ?page=9999 → the last: never an error
    page = paginator.get_page(request.GET.get("page"))
    total = paginator.count
    query = request.GET.copy()
    query.pop("page", None)
    counts = selectors.country_counts(viewer.chart_counts(pledges))
    context = {
        "filter": filterset,
        "form": filterset.form,
        "page": page,
        "page_range": paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        "total": total,
        "total_text": ngettext("%(count)s pledge", "%(count)s pledges", total) % {"count": total},
        "query": query.urlencode(),
        "filtered": bool(filterset.values),
        "country_counts": counts,
        "chart": viewer.country_chart(counts),
    }
    return render(request, "volunteers/pledge_list.html", context)


@require_safe
def pledge_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        pledge = viewer.pledge_for_page(slug)
    except Pledge.DoesNotExist:
        raise Http404 from None
    # a 404 rather than a 403: drafts and pending pledges are not revealed to exist
    if not can_view_pledge(request.user, pledge):
        raise Http404
    commitments = [
        {"text": text, "confirmed": getattr(pledge, field)} for field, text in COMMITMENTS
    ]
    context = {
        "pledge": pledge,
        "is_public": pledge.is_in_viewer,
        "commitments": commitments,
        "current_commitments_version": COMMITMENTS_VERSION,
        "progress": selectors.pledge_progress(pledge),
        "absolute_url": absolute_url(pledge),
    }
    return render(request, "volunteers/pledge_detail.html", context)
