"""The Permissions-Policy header (issue #15): the browser features the portal never uses are off,
on every kind of response it sends, and `check --deploy` says so when the header is lost."""

import pytest
from django.conf import settings
from django.test import Client, override_settings

from skillup.checks import check_skillup_security
from tests.security.conftest import MATRIX_ROLES, body_of
from tests.security.matrix import ROWS, url_for

# What the issue names, and what nothing in the portal uses: off for every origin.
NEVER_USED = (
    "camera",
    "microphone",
    "geolocation",
    "payment",
    "usb",
    "fullscreen",
    "display-capture",
    "bluetooth",
    "serial",
    "hid",
    "midi",
    "autoplay",
    "browsing-topics",
)
PRODUCTION_LIKE = {
    "SESSION_COOKIE_NAME": "__Host-sessionid",
    "CSRF_COOKIE_NAME": "__Host-csrftoken",
    "CELERY_TASK_ALWAYS_EAGER": False,
    "PASSWORD_HASHERS": ["django.contrib.auth.hashers.Argon2PasswordHasher"],
}


def policy_of(response) -> dict[str, str]:
    """'camera=(), clipboard-write=(self)' → {"camera": "()", "clipboard-write": "(self)"}"""
    header = response.headers.get("Permissions-Policy", "")
    return dict(item.strip().split("=", 1) for item in header.split(",") if item.strip())


def reader_of(key: str) -> str:
    expect = ROWS[key].expect
    return next((role for role in MATRIX_ROLES if expect[role] == 200), "anonymous")


def test_the_policy_turns_off_what_the_portal_never_uses(db, client):
    policy = policy_of(client.get("/en/"))

    assert {feature: policy.get(feature) for feature in NEVER_USED} == dict.fromkeys(
        NEVER_USED, "()"
    )


def test_the_policy_allows_no_feature_to_another_site(db, client):
    policy = policy_of(client.get("/en/"))

    assert sorted(f for f, allow in policy.items() if allow not in ("()", "(self)")) == []
    assert policy["clipboard-write"] == "(self)"  # a practice page's "copy link"


# --------------------------------------------------------------------------------------------
# Every kind of response
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("key", ROWS.keys())
def test_every_page_sends_the_policy(portal, client_as, key):
    client = client_as(reader_of(key))
    url = url_for(key, portal)

    response = client.get(url)
    body_of(response)

    policy = policy_of(response)
    assert policy.get("camera") == "()", (url, response.status_code)
    assert policy == policy_of(Client().get("/en/")), (url, response.status_code)


def _static(portal, client_as):
    return client_as("anonymous").get("/static/css/admin-skillup.css")


def _not_found(portal, client_as):
    return client_as("anonymous").get("/en/no-such-page/")


def _method_refused(portal, client_as):
    return client_as("anonymous").put("/en/practices/")


def _options(portal, client_as):
    return client_as("anonymous").options("/en/practices/")


def _head(portal, client_as):
    return client_as("sme_admin").head("/en/dashboard/")


def _login_redirect(portal, client_as):
    return client_as("anonymous").get("/en/dashboard/")


def _language_redirect(portal, client_as):
    return client_as("anonymous").get("/")


def _csrf_failure(portal, client_as):
    client = Client(enforce_csrf_checks=True)
    client.cookies[settings.SESSION_COOKIE_NAME] = portal.sessions["sme_admin"]
    return client.post(url_for("organisation_create", portal), {"name": "Late SARL"})


def _form_error(portal, client_as):
    return client_as("sme_admin").post(url_for("organisation_create", portal), {})


def _admin(portal, client_as):
    return client_as("coordinator").get("/admin/")


def _admin_login_redirect(portal, client_as):
    return client_as("anonymous").get("/admin/")


def _file_download(portal, client_as):
    return client_as("anonymous").get(url_for("practices:practice_attachment", portal))


KINDS = {
    "static file": (_static, 200),
    "not found": (_not_found, 404),
    "method refused": (_method_refused, 405),
    "options": (_options, 200),
    "head": (_head, 200),
    "log-in redirect": (_login_redirect, 302),
    "language redirect": (_language_redirect, 302),
    "csrf failure": (_csrf_failure, 403),
    "form with errors": (_form_error, 200),
    "admin": (_admin, 200),
    "admin log-in redirect": (_admin_login_redirect, 302),
    "file download": (_file_download, 200),
}


@pytest.mark.parametrize(("make", "status"), KINDS.values(), ids=KINDS.keys())
def test_every_kind_of_response_sends_the_policy(portal, client_as, make, status):
    response = make(portal, client_as)
    body_of(response)

    assert response.status_code == status
    assert policy_of(response)["camera"] == "()"


# --------------------------------------------------------------------------------------------
# check --deploy
# --------------------------------------------------------------------------------------------
BROKEN = {
    "middleware removed": {
        "MIDDLEWARE": [m for m in settings.MIDDLEWARE if "permissions_policy" not in m]
    },
    "camera allowed": {"PERMISSIONS_POLICY": {**settings.PERMISSIONS_POLICY, "camera": ["self"]}},
    "geolocation unnamed": {
        "PERMISSIONS_POLICY": {
            f: allow for f, allow in settings.PERMISSIONS_POLICY.items() if f != "geolocation"
        }
    },
}


@pytest.mark.parametrize("broken", BROKEN.values(), ids=BROKEN.keys())
def test_deploy_check_warns_when_the_policy_is_lost(broken):
    with override_settings(**PRODUCTION_LIKE, **broken):
        ids = [warning.id for warning in check_skillup_security()]

    assert ids == ["skillup.W014"]


def test_deploy_checks_are_clean_with_the_settings_as_they_are():
    with override_settings(**PRODUCTION_LIKE):
        assert check_skillup_security() == []
