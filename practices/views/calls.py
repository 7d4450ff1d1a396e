"""The public list of calls: open and upcoming ones with their deadlines, then past ones."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from .. import selectors


@require_safe
def call_list(request: HttpRequest) -> HttpResponse:
    """Two queries whatever the number of calls."""
    context = {
        "open_calls": list(selectors.calls_listed()),
        "past_calls": list(selectors.calls_closed()[:50]),
    }
    return render(request, "practices/call_list.html", context)
