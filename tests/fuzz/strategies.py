"""What the fuzz tests send, and what they check after each request.

Strategies: hostile text (any unicode, control characters with NUL first among them, very long
strings, HTML and script, template syntax, numbers out of range, impossible dates), values of
real choices mixed with junk, repeated keys, extra keys that try mass assignment, random ids
and tokens; for filter pages, query dicts over the real parameter names plus junk keys, and raw
query strings with broken percent-encoding.

Checks: no 500 (the test client re-raises a view's exception, so Hypothesis shrinks it to the
smallest input); no row changed unless the page says it saved (a redirect); a script the input
carried never comes back unescaped.

Every example runs in a savepoint that is rolled back, with an empty cache (rate-limit
counters), so examples are independent and the run is reproducible.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator

from django.core.cache import cache
from django.db import models, transaction
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st


def fuzz_settings(max_examples: int) -> settings:
    """Deterministic and bounded: the same examples on every run, no timing flakiness."""
    return settings(
        max_examples=max_examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


# --------------------------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------------------------
# Each payload carries "fz" so a leak is never confused with the page's own markup.
XSS_PAYLOADS = [
    '"><script>alert("fz")</script>',
    "<img src=x onerror=alert('fz')>",
    "<svg/onload=alert('fz')>",
    "</textarea><script>fz()</script>",
    "'><iframe src=javascript:fz()>",
]
TEMPLATE_SYNTAX = ["{{ request.user.password }}", "{% debug %}", "%(fz)s", "{0.__class__}"]
NUMBERS = [
    "-1",
    "0",
    "-0",
    "1e309",
    "NaN",
    "inf",
    "0x10",
    "٣",  # an Arabic-Indic digit: int() accepts it
    "2147483648",
    "9223372036854775808",
    "-9223372036854775809",
    "1" * 40,
    "3.5",
    " 7 ",
]
DATES = ["2024-02-30", "0001-01-01", "9999-12-31", "10000-01-01", "2024-13-01", "yesterday"]
SPECIAL = ["", " ", "\x00", "\u200b", "\ufeff", "\r\n", "\t", "null", "None", "[]", "{}"]

# any unicode but lone surrogates (a browser cannot send them as UTF-8 either)
any_text = st.text(max_size=40)
control_text = st.text(alphabet=st.characters(max_codepoint=0x1F), min_size=1, max_size=8)
with_nul = st.builds(lambda a, b: f"{a}\x00{b}", st.text(max_size=10), st.text(max_size=10))
long_text = st.builds(
    lambda char, n: char * n, st.sampled_from(["x", "é", "𝄞", "<b>", " "]), st.integers(100, 12_000)
)
big_number = st.integers(min_value=-(2**80), max_value=2**80).map(str)

hostile_text = st.one_of(
    any_text,
    control_text,
    with_nul,
    long_text,
    big_number,
    st.sampled_from(XSS_PAYLOADS + TEMPLATE_SYNTAX + NUMBERS + DATES + SPECIAL),
)

# Keys a browser never sends: mass assignment attempts and plain junk.
JUNK_KEYS = [
    "state",
    "is_staff",
    "is_superuser",
    "organisation",
    "company",
    "user",
    "created_by",
    "score",
    "id",
    "pk",
    "slug",
    "published_at",
    "view_count",
    "__proto__",
    "a[b]",
    "\x00",
]
junk_key = st.one_of(st.sampled_from(JUNK_KEYS), st.text(min_size=1, max_size=12))


def field_value(valid: st.SearchStrategy | None = None) -> st.SearchStrategy:
    """A value for one field: often a plausible one (to reach the service behind the form),
    else hostile text; sometimes the key repeated with several values."""
    one = hostile_text if valid is None else st.one_of(valid, valid, hostile_text)
    return st.one_of(one, st.lists(one, min_size=2, max_size=3))


def form_data(fields: dict[str, st.SearchStrategy | None]) -> st.SearchStrategy:
    """A POST body over the form's real field names (each present or not) plus junk keys."""
    return st.builds(
        lambda known, junk: {**junk, **known},
        st.fixed_dictionaries({}, optional={name: field_value(v) for name, v in fields.items()}),
        st.dictionaries(junk_key, hostile_text, max_size=3),
    )


DROP = object()  # a mutation that removes the field from the POST


def mutated(base: dict, fields: dict[str, st.SearchStrategy | None]) -> st.SearchStrategy:
    """A valid POST with up to three fields dropped or replaced (by a plausible or a hostile
    value), plus junk keys: most examples sit on the edge of validity, and the unchanged base
    reaches the service behind the form."""
    names = sorted(set(base) | set(fields))
    change = st.sampled_from(names).flatmap(
        lambda name: st.tuples(st.just(name), st.just(DROP) | field_value(fields.get(name)))
    )

    def apply(changes: list[tuple], junk: dict) -> dict:
        data = {**junk, **base}
        for name, value in changes:
            if value is DROP:
                data.pop(name, None)
            else:
                data[name] = value
        return data

    return st.builds(
        apply,
        st.lists(change, max_size=3),
        st.dictionaries(junk_key.filter(lambda key: key not in names), hostile_text, max_size=2),
    )


def form_input(fields: dict[str, st.SearchStrategy | None], base: dict) -> st.SearchStrategy:
    """Half near a valid POST (see mutated), half anything over the form's field names."""
    return st.one_of(mutated(base, fields), form_data(fields))


def query_data(params: dict[str, st.SearchStrategy | None]) -> st.SearchStrategy:
    """A query dict for a filter page: real parameter names with real or hostile values."""
    return form_data(params)


# Raw query strings: percent-encoded NUL, broken escapes, invalid UTF-8, repeated separators.
RAW_QUERY_PIECES = [
    "q=%00",
    "q=%ff%fe",
    "q=%",
    "q=%2",
    "page=%00",
    "page=-1",
    "page=99999999999999999999",
    "sort=%00",
    "year=%00",
    "&&&",
    "==",
    "q",
    "q=a&q=b",
    "country[]=FR",
    "%00=%00",
    "topic=%C0%AF",
]
raw_query = st.lists(
    st.one_of(
        st.sampled_from(RAW_QUERY_PIECES),
        st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=20),
    ),
    max_size=5,
).map("&".join)

# Tokens in paths: any text that stays in one path segment (the test client percent-encodes).
path_token = st.one_of(
    st.text(min_size=1, max_size=80).filter(lambda t: "/" not in t and t not in (".", "..")),
    st.sampled_from(["\x00", "%00", "a" * 500, "1-1", "0-" + "z" * 40, "AAAA:BBBB:CCCC"]),
)
random_id = st.one_of(st.integers(min_value=0, max_value=2**70), st.sampled_from([0, 2**31, 2**63]))


# --------------------------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------------------------
@contextlib.contextmanager
def fresh_example(*, clear_cache: bool = True) -> Iterator[None]:
    """One example: an empty cache (rate-limit counters) and a savepoint rolled back
    afterwards. Pages that only read may keep the cache (the facet index lives there)."""
    if clear_cache:
        cache.clear()
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def snapshot(*model_classes: type[models.Model]) -> dict[str, list[tuple]]:
    """Every row of these (small) tables, to compare before and after a request."""
    return {
        model._meta.label: list(model.objects.order_by("pk").values_list())
        for model in model_classes
    }


def assert_no_server_error(response) -> None:
    event(f"HTTP {response.status_code}")  # --hypothesis-show-statistics: what was reached
    assert response.status_code < 500, response.status_code


def is_saved(response) -> bool:
    """A form that saved redirects (Post/Redirect/Get); anything else re-renders or refuses."""
    return response.status_code in (301, 302, 303)


def sent_values(data: dict) -> Iterable[str]:
    for value in data.values():
        yield from value if isinstance(value, list) else [value]


def assert_escaped(response, data: dict) -> None:
    """No payload of the input comes back as markup."""
    if response.get("Content-Type", "").split(";")[0] not in ("text/html", "application/xhtml+xml"):
        return
    body = response.content.decode(errors="replace")
    for value in sent_values(data):
        for payload in XSS_PAYLOADS:
            if payload in value:
                assert payload not in body, payload


def has_nul(data: dict, names: Iterable[str]) -> bool:
    """A NUL in one of these single-value text fields: the form must refuse it. (Of a repeated
    key a single-value field reads the last value, as Django's QueryDict.get does.)"""
    for name in names:
        value = data.get(name)
        last = value[-1] if isinstance(value, list) else value
        if isinstance(last, str) and "\x00" in last:
            return True
    return False
