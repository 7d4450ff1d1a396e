"""skillup.pagecache: a page is stored only when nothing of the visitor's own went into it."""

import pytest
from django.contrib import messages
from django.http import HttpResponse
from django.template import engines
from django.test import Client
from django.urls import path

from skillup.pagecache import cache_for_visitors


def _render(request, text: str) -> HttpResponse:
    return HttpResponse(engines["django"].from_string(text).render(request=request))


@cache_for_visitors(timeout=60, version=lambda: 1)
def plain_page(request):
    return _render(request, "the same for everyone")


@cache_for_visitors(timeout=60, version=lambda: 1)
def form_page(request):
    return _render(request, "<form method='post'>{% csrf_token %}</form>")


@cache_for_visitors(timeout=60, version=lambda: 1)
def message_page(request):
    messages.info(request, f"only for {request.GET['name']}")
    return _render(request, "{% for m in messages %}{{ m }}{% endfor %}")


@cache_for_visitors(timeout=60, version=lambda: 1)
def session_page(request):
    request.session["seen"] = True
    return _render(request, "a page that starts a session")


urlpatterns = [
    path("plain/", plain_page),
    path("form/", form_page),
    path("message/", message_page),
    path("session/", session_page),
]

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


def test_page_the_same_for_everyone_is_stored_then_served(client):
    first = client.get("/plain/")
    second = client.get("/plain/")

    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")


def test_page_with_a_csrf_token_is_never_stored():
    first = Client().get("/form/")
    second = Client().get("/form/")

    assert "X-Page-Cache" not in first
    assert "X-Page-Cache" not in second
    assert first.content != second.content  # each visitor their own token


def test_page_with_a_message_is_never_stored():
    Client().get("/message/?name=Alice")

    other = Client().get("/message/?name=Alice")

    assert "X-Page-Cache" not in other


def test_page_that_writes_the_session_is_never_stored():
    first = Client().get("/session/")
    second = Client().get("/session/")

    assert ("X-Page-Cache" in first, "X-Page-Cache" in second) == (False, False)
