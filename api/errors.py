"""Every error of the API is JSON with a message a person can read: {"detail": "…"}, and for
parameters that were not understood {"detail": "…", "errors": {"parameter": ["…"]}}."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler

API_PATH_PREFIX = "/api/"


def exception_handler(exc, context):
    """DRF's handler (status, Retry-After on a 429, Allow on a 405), with one shape for all."""
    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # not an API exception: a bug, Django's 500
    if isinstance(exc, exceptions.ValidationError):
        errors = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        response.data = {
            "detail": _("Some parameters were not understood: see “errors”."),
            "errors": errors,
        }
    elif not isinstance(response.data, dict) or "detail" not in response.data:
        response.data = {"detail": str(exc)}
    return response


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The project's 404 (skillup/urls.py handler404): JSON under /api/ (an address no endpoint
    has), the portal's page everywhere else."""
    if request.path_info.startswith(API_PATH_PREFIX):
        return JsonResponse({"detail": _("There is nothing at this address.")}, status=404)
    return defaults.page_not_found(request, exception)
