from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from skillup import ratelimit

from . import services
from .enums import EventKind
from .forms import PreferenceForm
from .models import Preference


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    """Which optional emails (reminders, digests, programme news) the person receives."""
    current = Preference.objects.filter(email=request.user.email.lower()).first()
    initial = {"reminders": True, "digests": True, "programme_news": True}
    if current is not None:
        initial = {
            "reminders": current.reminders,
            "digests": current.digests,
            "programme_news": current.programme_news,
        }
    form = PreferenceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.preference_set(email=request.user.email, **form.cleaned_data)
        messages.success(request, _("Your email preferences are saved."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})


@never_cache
@csrf_exempt  # RFC 8058 one-click: mail clients POST without a form; the signed token authorises
@ratelimit.limit_token_guesses
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
    context = {
        "email": email,
        "is_digest": kind == EventKind.DIGEST,
        "is_news": kind == EventKind.NEWS,
        "done": done,
    }
    return render(request, "notifications/unsubscribe.html", context)
