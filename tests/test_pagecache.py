"""skillup.pagecache: a page is stored only when nothing of the visitor's own went into it, and
a page out of date is rendered again by one request while the others get the stored copy."""

import threading

import pytest
from django.contrib import messages
from django.http import HttpResponse, HttpResponseNotFound
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


class Changing:
    """A page whose version, answer and speed the test sets: `hold` makes its next render wait
    until `release` is set, and `rendering` tells that a render has begun."""

    version = 1
    answer = "version 1"
    personal = False  # the render writes the session: served, never stored
    hold = False
    renders = 0
    rendering = threading.Event()
    release = threading.Event()


@cache_for_visitors(timeout=60, version=lambda: Changing.version)
def changing_page(request):
    Changing.renders += 1
    Changing.rendering.set()
    if Changing.personal:
        request.session["seen"] = True
    if Changing.hold:  # (this render only: the next one goes on at once)
        Changing.hold = False
        assert Changing.release.wait(10), "the test never released the render"
    if Changing.answer is None:
        return HttpResponseNotFound("taken down")
    if isinstance(Changing.answer, Exception):
        raise Changing.answer
    return HttpResponse(Changing.answer)


urlpatterns = [
    path("plain/", plain_page),
    path("form/", form_page),
    path("message/", message_page),
    path("session/", session_page),
    path("changing/", changing_page),
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


@pytest.fixture
def changing():
    Changing.version, Changing.answer, Changing.hold, Changing.renders = 1, "version 1", False, 0
    Changing.personal = False
    Changing.rendering.clear()
    Changing.release.clear()
    yield Changing
    Changing.release.set()  # (a render the test left waiting ends)


def _one_rendering_and_one_meanwhile(changing) -> tuple:
    """A visitor's request rendered on another thread (as by another worker) and held there,
    while a second visitor asks for the same page; then the first is let go. Returns both
    answers: (the first's, the second's)."""
    changing.hold = True
    changing.rendering.clear()
    first: list = []
    thread = threading.Thread(target=lambda: first.append(Client().get("/changing/")))
    thread.start()
    assert changing.rendering.wait(10)
    meanwhile = Client().get("/changing/")
    changing.release.set()
    thread.join(10)
    return first[0], meanwhile


def test_a_page_of_an_older_version_is_rendered_anew_by_the_next_request(changing):
    Client().get("/changing/")
    changing.version, changing.answer = 2, "version 2"

    after = Client().get("/changing/")

    assert (after["X-Page-Cache"], after.content) == ("miss", b"version 2")


def test_while_one_request_renders_a_changed_page_the_others_get_the_stored_copy(changing):
    Client().get("/changing/")  # version 1 stored
    changing.version, changing.answer = 2, "version 2"

    first, meanwhile = _one_rendering_and_one_meanwhile(changing)
    later = Client().get("/changing/")

    assert (meanwhile["X-Page-Cache"], meanwhile.content) == ("stale", b"version 1")
    assert (first["X-Page-Cache"], first.content) == ("miss", b"version 2")
    assert (later["X-Page-Cache"], later.content) == ("hit", b"version 2")
    assert changing.renders == 2  # once per version: the visitor meanwhile did not render it


def test_a_render_that_fails_lets_the_next_request_render(changing):
    Client().get("/changing/")
    changing.version, changing.answer = 2, RuntimeError("the database went away")
    with pytest.raises(RuntimeError):
        Client().get("/changing/")
    changing.answer = "version 2"

    after = Client().get("/changing/")

    assert (after["X-Page-Cache"], after.content) == ("miss", b"version 2")


def test_a_page_taken_down_is_not_served_from_its_old_copy_while_rendered_again(changing):
    Client().get("/changing/")
    changing.version, changing.answer = 2, None  # the practice is taken down: 404
    assert Client().get("/changing/").status_code == 404

    first, meanwhile = _one_rendering_and_one_meanwhile(changing)

    assert (meanwhile.status_code, first.status_code) == (404, 404)
    assert b"version 1" not in meanwhile.content


def test_a_render_for_one_visitor_keeps_the_old_copy_for_the_others(changing):
    Client().get("/changing/")
    changing.version, changing.answer, changing.personal = 2, "version 2", True
    Client().get("/changing/")  # rendered for this visitor alone (it wrote their session)
    changing.personal = False

    first, meanwhile = _one_rendering_and_one_meanwhile(changing)

    assert (meanwhile["X-Page-Cache"], meanwhile.content) == ("stale", b"version 1")
    assert (first["X-Page-Cache"], first.content) == ("miss", b"version 2")
