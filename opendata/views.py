"""The open data's pages: the datasets page (/<lang>/open-data/), the files and the catalogue
(/open-data/<name>, /open-data/catalog.jsonld: no language in their addresses, a reuser's link
stays the same in every language).

How the files are served. The issue asks for files "served as static files", but WhiteNoise
only serves what it found at start-up (and the datasets change while the site runs), and a
django.views.static.serve-like view is meant for development. So a small view streams the file
with FileResponse (a file wrapper: nothing is read into memory) and the headers a static server
would give: Content-Length, ETag (the SHA-256 the manifest recorded when the file was written),
Last-Modified, Cache-Control: public with a short max-age, and a 304 to a conditional request
(django.views.decorators.http.condition). Only names the manifest lists are served: no path
from the URL ever reaches the file system. In production a front server may serve
OPEN_DATA_ROOT itself at /open-data/ instead; the view stays right either way.
"""

import json

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.dateparse import parse_datetime
from django.views.decorators.http import condition, require_safe

from . import catalog, datasets, selectors

# Shared caches may keep a file or the catalogue this long: a regeneration shows within minutes.
MAX_AGE = 300


def _entry(request: HttpRequest, name: str) -> dict | None:
    """The manifest's description of file `name`, read once per request."""
    if not hasattr(request, "_open_data_manifest"):
        request._open_data_manifest = datasets.read_manifest()
    for entry in (request._open_data_manifest or {}).get("files", []):
        if entry["name"] == name:
            return entry
    return None


def _file_etag(request: HttpRequest, name: str) -> str | None:
    entry = _entry(request, name)
    return f'"{entry["sha256"]}"' if entry else None


def _file_modified(request: HttpRequest, name: str):
    entry = _entry(request, name)
    return parse_datetime(entry["modified"]) if entry else None


@require_safe
@condition(etag_func=_file_etag, last_modified_func=_file_modified)
def dataset_file(request: HttpRequest, name: str) -> FileResponse:
    """One dataset file, streamed; a 404 for any name the manifest does not list."""
    entry = _entry(request, name)
    if entry is None or datasets.dataset_of(name) is None:
        raise Http404
    try:
        handle = open(datasets.open_data_root() / entry["name"], "rb")  # noqa: SIM115 (FileResponse closes it)
    except OSError:
        raise Http404 from None
    response = FileResponse(handle, content_type=f"{entry['media_type']}; charset=utf-8")
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    response["X-Content-Type-Options"] = "nosniff"
    response["Access-Control-Allow-Origin"] = "*"  # public data, read by other sites' scripts
    return response


def _catalog_etag(request: HttpRequest) -> str:
    """The catalogue says what the last generation wrote: its manifest's date names it."""
    manifest = datasets.read_manifest() or {}
    return f'"catalog-{manifest.get("generated", "none")}"'


@require_safe
@condition(etag_func=_catalog_etag)
def catalog_jsonld(request: HttpRequest) -> HttpResponse:
    """The DCAT-AP catalogue of the datasets as JSON-LD."""
    document = catalog.catalogue(datasets.read_manifest())
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=1),
        content_type="application/ld+json; charset=utf-8",
    )
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def datasets_page(request: HttpRequest) -> HttpResponse:
    """Each dataset with its licence, files (size, rows, last update) and fields."""
    context = {"datasets": selectors.datasets_for_page()}
    return render(request, "opendata/datasets.html", context)
