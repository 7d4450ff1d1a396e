"""Only the methods a page uses are accepted (issue #15, skillup/middleware.py).

An outside test found pages answering TRACE, PUT and PATCH with 200. From the outside: every URL
of the matrix refuses PUT, PATCH, DELETE and TRACE with 405 and an Allow header; the pages that
only read refuse POST; GET and HEAD still work, OPTIONS says what a page takes without running
it; the admin, allauth, the feed, the sitemap and the CSRF failure page work as before. The meta
tests keep it so: every function view of the portal says which methods it takes (`require_safe`
for a page that only reads).
"""

import inspect

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import get_resolver

from practices.models import Practice
from skillup.checks import check_skillup_security
from skillup.middleware import declared_methods
from tests.security.conftest import MATRIX_ROLES, body_of
from tests.security.matrix import LOGIN, ROWS, url_for

REFUSED = ("PUT", "PATCH", "DELETE", "TRACE")
READ_ONLY_ALLOW = "GET, HEAD, OPTIONS"
FORM_ALLOW = "GET, HEAD, POST, OPTIONS"


def reader_of(key: str) -> str:
    """The first role the matrix lets open this page (anonymous when nobody gets a 200)."""
    expect = ROWS[key].expect
    return next((role for role in MATRIX_ROLES if expect[role] == 200), "anonymous")


def answers(client: Client, url: str, methods=REFUSED) -> dict:
    found = {}
    for method in methods:
        response = client.generic(method, url)
        body_of(response)
        found[method] = (response.status_code, response.headers.get("Allow"))
    return found


# --------------------------------------------------------------------------------------------
# A public page, a logged-in page, the admin: what an outside scanner tries
# --------------------------------------------------------------------------------------------
OUTSIDE = {
    "public page": ("practices:practice_list", "anonymous", READ_ONLY_ALLOW),
    "logged-in page": ("dashboard", "sme_admin", READ_ONLY_ALLOW),
    "logged-in form": ("organisation_create", "sme_admin", FORM_ALLOW),
    "admin": ("admin:index", "coordinator", FORM_ALLOW),
    "allauth log-in": ("account_login", "anonymous", FORM_ALLOW),
    "feed": ("practices:practice_feed", "anonymous", READ_ONLY_ALLOW),
    "sitemap": ("sitemap_index", "anonymous", READ_ONLY_ALLOW),
}


@pytest.mark.parametrize(("key", "role", "allow"), OUTSIDE.values(), ids=OUTSIDE.keys())
def test_methods_no_page_uses_are_refused_with_405_and_allow(portal, client_as, key, role, allow):
    client = client_as(role)
    url = url_for(key, portal)

    found = answers(client, url)

    assert found == dict.fromkeys(REFUSED, (405, allow))


@pytest.mark.parametrize(("key", "role", "allow"), OUTSIDE.values(), ids=OUTSIDE.keys())
def test_get_and_head_still_answer_200(portal, client_as, key, role, allow):
    client = client_as(role)
    url = url_for(key, portal)

    get = client.get(url)
    head = client.head(url)

    assert (get.status_code, head.status_code) == (200, 200)
    assert len(get.content) > 0 and head.content == b""


def test_a_method_is_refused_on_a_path_that_matches_no_page(client):
    found = answers(client, "/en/no-such-page/")

    assert found == dict.fromkeys(REFUSED, (405, FORM_ALLOW))


def test_a_method_is_refused_on_the_bare_root_before_the_language_redirect(client):
    found = answers(client, "/")

    assert found == dict.fromkeys(REFUSED, (405, FORM_ALLOW))


def test_a_static_file_refuses_put(client):
    response = client.put("/static/css/admin-skillup.css")

    assert (response.status_code, response.headers.get("Allow")) == (405, "GET, HEAD")


def test_put_to_the_log_in_form_logs_nobody_in(portal):
    """allauth's form views took PUT as POST: a log-in could be sent as PUT."""
    client = Client()
    email = portal.people["outsider"].email

    response = client.put(
        url_for("account_login", portal),
        f"login={email}&password=whatever",
        content_type="application/x-www-form-urlencoded",
    )

    assert (response.status_code, response.headers.get("Allow")) == (405, FORM_ALLOW)
    assert settings.SESSION_COOKIE_NAME not in response.cookies


# --------------------------------------------------------------------------------------------
# Every page of the matrix
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("key", ROWS.keys())
def test_every_page_refuses_put_patch_delete_and_trace(portal, client_as, key):
    client = client_as(reader_of(key))
    url = url_for(key, portal)

    found = answers(client, url)

    statuses = {method: status for method, (status, _allow) in found.items()}
    assert statuses == dict.fromkeys(REFUSED, 405), url
    for method, (_status, allow) in found.items():
        listed = allow.split(", ")
        assert method not in listed and set(listed) <= {"GET", "HEAD", "POST", "OPTIONS"}, allow


def _views(resolver=None, namespace: str = ""):
    """(key, view) for every URL pattern, keyed as tests/security/conftest.pattern_keys does."""
    from django.urls import URLPattern, URLResolver

    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _views(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", pattern.callback


def _only_reads(view) -> bool:
    return declared_methods(view) == {"GET", "HEAD"}


READ_ONLY_ROWS = sorted(key for key, view in _views() if key in ROWS and _only_reads(view))


@pytest.mark.parametrize("key", READ_ONLY_ROWS)
def test_a_page_that_only_reads_refuses_post_and_still_answers_get(portal, client_as, key):
    client = client_as(reader_of(key))
    url = url_for(key, portal)
    expected_get = ROWS[key].expect[reader_of(key)]

    post = client.post(url, {"anything": "1"})
    get = client.get(url)
    body_of(get)

    assert (post.status_code, post.headers.get("Allow")) == (405, READ_ONLY_ALLOW), url
    assert get.status_code == (302 if expected_get == LOGIN else expected_get), url


def test_post_to_a_page_that_only_reads_is_refused_before_the_csrf_check(portal):
    client = Client(enforce_csrf_checks=True)

    response = client.post(url_for("practices:practice_list", portal), {"q": "x"})

    assert (response.status_code, response.headers.get("Allow")) == (405, READ_ONLY_ALLOW)


def test_a_form_without_its_token_still_gets_the_csrf_failure_page(portal):
    client = Client(enforce_csrf_checks=True)
    client.cookies[settings.SESSION_COOKIE_NAME] = portal.sessions["sme_admin"]

    response = client.post(url_for("organisation_create", portal), {"name": "Late SARL"})

    assert response.status_code == 403
    assert "This form has expired" in response.content.decode()


def test_a_form_page_still_takes_its_post(portal, client_as):
    client = client_as("sme_member")

    response = client.post(url_for("notifications:preferences", portal), {})

    assert response.status_code in (200, 302)


def test_a_post_only_action_still_refuses_get_after_its_log_in_check(portal, client_as):
    url = url_for("practices:submission_submit", portal)

    anonymous = client_as("anonymous").get(url)
    member = client_as("sme_member").get(url)

    assert anonymous.status_code == 302
    assert (member.status_code, member.headers.get("Allow")) == (405, "POST")


# --------------------------------------------------------------------------------------------
# OPTIONS and HEAD
# --------------------------------------------------------------------------------------------
def test_options_says_what_a_page_takes_without_running_it(portal):
    practice = portal.published
    url = url_for("practices:practice_detail", portal)
    before = Practice.objects.get(pk=practice.pk).view_count

    options = Client().options(url)
    after_options = Practice.objects.get(pk=practice.pk).view_count
    Client().get(url)
    after_get = Practice.objects.get(pk=practice.pk).view_count

    assert (options.status_code, options["Allow"], options.content) == (200, READ_ONLY_ALLOW, b"")
    assert (after_options, after_get) == (before, before + 1)


@pytest.mark.parametrize(
    ("key", "allow"),
    [
        ("organisation_create", FORM_ALLOW),
        ("practices:submission_submit", "POST, OPTIONS"),
        ("account_login", FORM_ALLOW),
        ("admin:index", FORM_ALLOW),
    ],
)
def test_options_lists_the_methods_of_each_kind_of_page(portal, client_as, key, allow):
    response = client_as("sme_admin").options(url_for(key, portal))

    assert (response.status_code, response["Allow"]) == (200, allow)


def test_head_answers_on_a_form_page_whose_decorator_lists_get_and_post(portal, client_as):
    """organisation_create says require_http_methods(["GET", "POST"]): HEAD was a 405."""
    client = client_as("sme_admin")
    url = url_for("organisation_create", portal)

    head = client.head(url)
    get = client.get(url)

    assert (head.status_code, head.content) == (200, b"")
    assert head["Content-Length"] == get["Content-Length"] != "0"


def test_head_of_a_file_download_has_its_headers_and_no_body(portal, client_as):
    client = client_as("anonymous")
    url = url_for("practices:practice_attachment", portal)

    head = client.head(url)
    get = client.get(url)
    get_body = body_of(get)

    assert (head.status_code, body_of(head)) == (200, b"")
    assert head["Content-Length"] == get["Content-Length"] == str(len(get_body))


# --------------------------------------------------------------------------------------------
# Meta: every function view of the portal says which methods it takes
# --------------------------------------------------------------------------------------------
def _function_views() -> dict:
    """key → view for every named URL pattern served by a function view of the portal's own
    apps, the admin's pages aside (the admin takes GET and POST everywhere, by design)."""
    found = {}
    for key, view in _views():
        if key.startswith("admin:") or getattr(view, "view_class", None) is not None:
            continue
        inner = inspect.unwrap(view)
        module = inner.__module__ if inspect.isfunction(inner) else type(inner).__module__
        if module.split(".")[0] in settings.LOCAL_APPS:
            found[key] = view
    return found


def _source(view) -> str:
    inner = inspect.unwrap(view)
    return inspect.getsource(inner if inspect.isfunction(inner) else type(inner))


def test_every_function_view_says_which_methods_it_takes():
    silent = [key for key, view in _function_views().items() if declared_methods(view) is None]

    assert silent == [], (
        "decorate these with require_safe (a page that only reads) or require_http_methods (a form)"
    )


def test_no_page_that_only_reads_reads_a_post():
    views = _function_views()
    words = ("request.POST", "request.FILES", "request.method")

    reading = [
        key
        for key, view in sorted(views.items())
        if _only_reads(view) and any(word in _source(view) for word in words)
    ]

    assert reading == []


def test_the_pages_that_only_read_are_many():
    """The rows above run for the pages that declare `require_safe`: the public pages, the
    dashboard, the feed and the sitemap among them (not an empty parametrisation)."""
    assert {
        "home",
        "dashboard",
        "practices:practice_detail",
        "practices:practice_feed",
        "sitemap_index",
    } <= set(READ_ONLY_ROWS)


def test_deploy_check_warns_when_the_methods_middleware_is_removed():
    production_like = {
        "SESSION_COOKIE_NAME": "__Host-sessionid",
        "CSRF_COOKIE_NAME": "__Host-csrftoken",
        "CELERY_TASK_ALWAYS_EAGER": False,
        "PASSWORD_HASHERS": ["django.contrib.auth.hashers.Argon2PasswordHasher"],
    }
    middleware = [m for m in settings.MIDDLEWARE if m != "skillup.middleware.HttpMethodsMiddleware"]

    with override_settings(**production_like, MIDDLEWARE=middleware):
        ids = [warning.id for warning in check_skillup_security()]

    assert ids == ["skillup.W015"]
