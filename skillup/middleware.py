"""The HTTP methods each page answers, decided in one place.

The portal reads with GET (and HEAD), writes with POST, and uses no other method. Django runs a
function view for any method, so pages answered TRACE, PUT and PATCH as if they were GET (and
allauth's form views take PUT as POST). HttpMethodsMiddleware:

1. refuses every method but GET, HEAD, POST and OPTIONS with 405 and an Allow header, before a
   session, a CSRF check, a log-in redirect or a view reads the request;
2. refuses a POST the view does not declare before the CSRF check and the view run: declared
   are a class-based view's handlers, or the list of `require_http_methods` / `require_safe` /
   `require_POST` on a function. Every function view of the portal declares its methods (a
   page that only reads with `require_safe`); tests/security/test_http_methods.py fails on one
   that does not. A GET to a POST-only action is left to the view: its log-in check first;
3. answers OPTIONS itself with the page's Allow header, without running the view (a function
   view would run it as a GET: a practice page would count a view);
4. runs a HEAD as the page's GET and drops the body (RFC 9110 §9.3.2), so a form page whose
   decorator lists only GET and POST answers HEAD like any other page.

Under /api/ (the open-data API, GET only) a refusal is JSON like every other answer there.
"""

import inspect
from collections.abc import Callable
from functools import lru_cache

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.http.response import HttpResponseBase
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect

# Every method some page of the portal answers, in the order an Allow header lists them.
PORTAL_METHODS = ("GET", "HEAD", "POST", "OPTIONS")


@lru_cache(maxsize=1024)
def declared_methods(view: Callable) -> frozenset[str] | None:
    """The methods a view says it handles: a class-based view's handler methods, or the list
    given to `require_http_methods` anywhere in a function view's decorators; None when the
    view says nothing."""
    view_class = getattr(view, "view_class", None)
    if view_class is not None:
        handlers = {m.upper() for m in view_class.http_method_names if hasattr(view_class, m)}
        return frozenset(handlers | ({"HEAD"} if "GET" in handlers else set()))
    func = view
    while inspect.isfunction(func):
        # django.views.decorators.http.require_http_methods keeps its list in the closure of
        # the function it returns (functools.wraps links each decorator to the next)
        names = func.__code__.co_freevars
        if "request_method_list" in names:
            return frozenset(func.__closure__[names.index("request_method_list")].cell_contents)
        func = getattr(func, "__wrapped__", None)
    return None


@lru_cache(maxsize=1024)
def allowed_methods(view: Callable) -> tuple[str, ...]:
    """What the Allow header of this page lists: what the view handles, within PORTAL_METHODS,
    with HEAD wherever GET is and OPTIONS everywhere (both answered here)."""
    methods = declared_methods(view)
    if methods is None:
        methods = {"GET", "POST"}  # a third-party function view that says nothing
    methods = set(methods) | {"OPTIONS"}
    if "GET" in methods:
        methods.add("HEAD")
    return tuple(m for m in PORTAL_METHODS if m in methods)


# Paths whose answers are all JSON (the open-data API): refusals there are JSON too.
JSON_PATH_PREFIX = "/api/"


def _not_allowed(request: HttpRequest, methods: tuple[str, ...]) -> HttpResponse:
    """405 with the Allow header; a JSON body under JSON_PATH_PREFIX."""
    if not request.path_info.startswith(JSON_PATH_PREFIX):
        return HttpResponseNotAllowed(methods)
    detail = _("Method %(method)s not allowed: this address answers %(methods)s.") % {
        "method": request.method[:20],
        "methods": ", ".join(methods),
    }
    response = JsonResponse({"detail": detail}, status=405)
    response["Allow"] = ", ".join(methods)
    return response


def _allow(methods: tuple[str, ...]) -> HttpResponse:
    response = HttpResponse()
    response["Allow"] = ", ".join(methods)
    return response


def _drop_body(response: HttpResponseBase) -> None:
    """HEAD: the GET's headers (Content-Length included, set by CommonMiddleware), no body."""
    if response.streaming:
        response.streaming_content = []
    else:
        response.content = b""


class HttpMethodsMiddleware:
    """See the module docstring. Placed after LocaleMiddleware (so /fr/… paths resolve) and
    before CommonMiddleware and CsrfViewMiddleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.method not in PORTAL_METHODS:
            return _not_allowed(request, self._methods_of_path(request))
        is_head = request.method == "HEAD"
        response = self.get_response(request)
        if is_head:
            request.method = "HEAD"
            _drop_body(response)
        return response

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        allowed = allowed_methods(view_func)
        if request.method == "OPTIONS":
            return _allow(allowed)
        if request.method not in allowed:
            if request.method in ("GET", "HEAD"):
                return None  # a POST-only action: its log-in check first, then its own 405
            return _not_allowed(request, allowed)  # before the CSRF check
        if request.method == "HEAD":
            request.method = "GET"  # restored in __call__, which drops the body
        return None

    @staticmethod
    def _methods_of_path(request: HttpRequest) -> tuple[str, ...]:
        try:
            match = resolve(request.path_info, urlconf=getattr(request, "urlconf", None))
        except Resolver404:
            return PORTAL_METHODS
        return allowed_methods(match.func)


class HtmxWholePageRedirectMiddleware:
    """A part of a page asked by htmx must never receive another whole page: after the session
    expired, the "Add" of a skill gap was answered with the log-in page, which htmx put inside
    the list of gaps. A redirect answering an htmx request (request.htmx, set by django-htmx's
    middleware, listed before this one) becomes django-htmx's HttpResponseClientRedirect: htmx
    then loads the redirect's target as the whole page (the log-in page, with `next` kept).
    Placed after HtmxMiddleware and before allauth's and the staff two-factor middleware, so
    their redirects are turned too."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if getattr(request, "htmx", False) and response.status_code in (301, 302, 303, 307, 308):
            return HttpResponseClientRedirect(response["Location"])
        return response
