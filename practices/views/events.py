"""The public events: upcoming ones and past ones, an event's page and its calendar file."""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from skillup.links import absolute_url

from .. import selectors
from ..ics import event_calendar
from ..models import Event

PAST_PER_PAGE = 10


@require_safe
def event_list(request: HttpRequest) -> HttpResponse:
    """Upcoming events on the first page, then past ones, a page at a time; five queries
    whatever the number of events (each list, the past ones' count, the practices presented)."""
    now = timezone.now()
    paginator = Paginator(selectors.events_past(now=now), PAST_PER_PAGE)
    # ?page=abc → the first page, ?page=-1 or ?page=9999 → the last: never an error
    page = paginator.get_page(request.GET.get("page"))
    context = {
        "upcoming_events": list(selectors.events_upcoming(now=now)) if page.number == 1 else [],
        "page": page,
        "page_range": paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
    }
    return render(request, "practices/event_list.html", context)


def _public_event(slug: str) -> Event:
    event = selectors.event_public(slug)
    if event is None:  # not public, or no such event
        raise Http404
    return event


@require_safe
def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = _public_event(slug)
    context = {"event": event, "upcoming": not event.is_over()}
    return render(request, "practices/event_detail.html", context)


@require_safe
def event_calendar_file(request: HttpRequest, slug: str) -> HttpResponse:
    """The event as a calendar file, downloaded (in the language of the page it is linked from)."""
    event = _public_event(slug)
    body = event_calendar(event, url=absolute_url(event), now=timezone.now())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response
