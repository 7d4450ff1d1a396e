"""URLs of the benchmark server (benchmarks/load.py): the product's, plus a trivial view that
measures the floor — what the same gunicorn, middleware and settings serve when a view does
nothing. Only benchmarks.load_settings uses this module."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from skillup.urls import urlpatterns as product_urlpatterns

PING_PATH = "/bench/ping/"


def ping(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok\n", content_type="text/plain")


urlpatterns = [path(PING_PATH.strip("/") + "/", ping, name="bench_ping"), *product_urlpatterns]
