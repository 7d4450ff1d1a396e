from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import services
from .enums import EventKind


@never_cache
@csrf_exempt  # RFC 8058 one-click: mail clients POST without a form; the signed token authorises
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks for confirmation; POST (the button, or the mail client's one-click) applies."""
    found = services.preference_from_token(token)
    if found is None:
        raise Http404
    email, kind = found
    done = False
    if request.method == "POST":
        services.preference_unsubscribe(email=email, kind=kind)
        done = True
    context = {"email": email, "is_digest": kind == EventKind.DIGEST, "done": done}
    return render(request, "notifications/unsubscribe.html", context)
