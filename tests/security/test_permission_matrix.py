"""The role x URL permission matrix (issue #7, S-19/S-20): every row of tests/security/matrix.py
for every role, as a GET.

test_every_url_pattern_has_a_row fails when a URL pattern has no row, so a new page cannot ship
without its permissions written down; test_rows_are_real_patterns fails on a row for a pattern
that is gone.
"""

import pytest

from tests.security.conftest import MATRIX_ROLES, body_of, pattern_keys
from tests.security.matrix import LOGIN, ROWS, is_login, url_for

CASES = [(key, role) for key in ROWS for role in MATRIX_ROLES]


# --------------------------------------------------------------------------------------------
# The meta-tests: the table and the URL configuration agree
# --------------------------------------------------------------------------------------------
def test_every_url_pattern_has_a_row():
    patterns = {key for key, _route in pattern_keys()}

    assert patterns - ROWS.keys() == set()


def test_rows_are_real_patterns():
    patterns = {key for key, _route in pattern_keys()}

    assert ROWS.keys() - patterns == set()


def test_url_pattern_keys_are_unique():
    """Two patterns under one name would share a row: the second would go untested."""
    keys = [key for key, _route in pattern_keys()]

    assert sorted(key for key in set(keys) if keys.count(key) > 1) == []


def test_every_row_has_every_role():
    assert [key for key, row in ROWS.items() if tuple(row.expect) != MATRIX_ROLES] == []


# --------------------------------------------------------------------------------------------
# The matrix
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("key", "role"), CASES, ids=[f"{key}-{role}" for key, role in CASES])
def test_get_status(portal, client_as, key, role):
    client = client_as(role)
    url = url_for(key, portal)

    response = client.get(url)
    body_of(response)  # read to the end: a file download is then closed

    expected = ROWS[key].expect[role]
    location = response.headers.get("Location", "")
    if expected == LOGIN:
        assert (response.status_code, location) == (302, location) and is_login(location), (
            url,
            response.status_code,
            location,
        )
    else:
        assert response.status_code == expected, (url, location)
        if expected == 302:
            assert not is_login(location), (url, location)
