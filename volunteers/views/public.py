"""Public Pledge Viewer: the approved public pledges with filters, counts and a chart by
country; one pledge's page with its commitments, targets and progress."""

import hashlib

from csp.decorators import csp
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import get_conditional_response, quote_etag
from django.utils.html import format_html
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe

from skillup.links import absolute_url
from skillup.pagecache import cache_for_visitors

from .. import badge, selectors, viewer
from ..commitments import COMMITMENTS, COMMITMENTS_VERSION
from ..filters import PER_PAGE, PledgeFilter
from ..models import Pledge
from ..permissions import can_view_pledge

# The Pledge Viewer: anonymous visitors' copies are cached briefly (a pledge approved, a
# partnership's outcome shows within this many seconds; nothing here follows a version).
VIEWER_CACHE_SECONDS = 60


@cache_for_visitors(timeout=VIEWER_CACHE_SECONDS)
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
    progress = selectors.pledge_progress(pledge)
    context = {
        "pledge": pledge,
        "is_public": pledge.is_in_viewer,
        "commitments": commitments,
        "current_commitments_version": COMMITMENTS_VERSION,
        "progress": progress,
        "absolute_url": absolute_url(pledge),
    }
    if pledge.is_in_viewer:
        context["badge"] = _badge_context(pledge, smes=progress[0].done)
    return render(request, "volunteers/pledge_detail.html", context)


def _badge_context(pledge: Pledge, *, smes: int) -> dict:
    """The badge shown on a public pledge's page and the HTML a company copies to embed it: a
    link to this page around the badge, both addresses in the page's language. The count is
    the one the page shows (its progress), so drawing the preview's size costs no query."""
    path = reverse("volunteers:pledge_badge", kwargs={"slug": pledge.slug})
    size = badge.badge_layout(pledge, smes)
    alt = badge.alt_text(pledge)
    snippet = format_html(
        '<a href="{}"><img src="{}" alt="{}" width="{}" height="{}"></a>',
        absolute_url(pledge),
        absolute_url(path),
        alt,
        size.width,
        size.height,
    )
    return {
        "path": path,
        "alt": alt,
        "width": size.width,
        "height": size.height,
        "snippet": snippet,
    }


# Browsers and proxies may keep a badge for an hour (a company's page is visited often); a
# pledge withdrawn or made private answers 404 at once here, before the portal's cache is read.
BADGE_MAX_AGE = 3600
# The SVG opened on its own is a document: it may load nothing and run nothing, nor be framed
# (its colours are presentation attributes: not even an inline style is needed).
BADGE_CSP = {
    "default-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
    "frame-ancestors": ["'none'"],
}


@csp(BADGE_CSP)
@require_safe
def pledge_badge(request: HttpRequest, slug: str) -> HttpResponse:
    """The SVG badge of a pledge in the Pledge Viewer, in the language of its address, for
    companies to embed with an <img> on their own sites; a 404 for any other pledge."""
    pledge = selectors.pledge_for_badge(slug)
    if pledge is None:
        raise Http404
    drawn = badge.badge_svg(pledge).encode()
    etag = quote_etag(hashlib.sha256(drawn).hexdigest()[:32])
    response = HttpResponse(drawn, content_type=badge.CONTENT_TYPE)
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={BADGE_MAX_AGE}"
    response["X-Content-Type-Options"] = "nosniff"
    # loaded by <img> from other sites: say so, whatever policy the portal's other pages get
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    # If-None-Match: a 304 with the same headers
    return get_conditional_response(request, etag=etag, response=response)
