"""Property-based tests of the API from its own OpenAPI schema (schemathesis): every operation,
with generated parameters (valid and not), answers without a 5xx and as its schema says
(status, content type, body, headers). Bounded: EXAMPLES per operation, no deadline (the
machine is shared); the whole file takes well under a minute."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.api.conftest import pledge, publish
from tests.factories import AnswerFactory, CallQuestionFactory

EXAMPLES = 25
DATABASE_SLUGS = {"topic", "tool", "call"}


# The schema the API serves, read once through the WSGI application (no database needed).
# (schemathesis.pytest.from_fixture would read it per test, but its 4.32 fails under pytest 9.)
schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", get_wsgi_application())


@pytest.fixture
def portal_data(db, call, sme, settings):
    """A few published practices, calls and pledges; no rate limit (a few hundred requests
    from one address)."""
    settings.API_RATE_LIMIT = ""
    practices = publish(3, call=call, organisation=sme)
    publish(1, call=call, language="de")
    # answers to the call's own questions (#19): a detail's `answers` list is not empty
    question = CallQuestionFactory(call=call, kind="number", label="How many people?")
    for number, practice in enumerate(practices):
        AnswerFactory(question=question, practice=practice, value_number=number * 1000)
    pledge(slug="public-pledge")
    pledge(state="draft", slug="draft-pledge")
    # Requests reach the WSGI handler directly, whose request signals would close the test's
    # connection (in its transaction): Django's test client unhooks them the same way.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,  # nothing written to .hypothesis/ in the tree
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_operation_answers_as_its_schema_says(case, portal_data):
    excluded = []
    if set(case.query or {}) & DATABASE_SLUGS:
        # a well-formed slug naming no topic, tool or call is a 400 by design (the schema
        # cannot list what coordinators may add): not a valid request refused
        excluded.append(positive_data_acceptance)
    case.call_and_validate(excluded_checks=excluded)


def test_the_schema_covers_every_endpoint():
    operations = {
        f"{operation.method.upper()} {operation.path}"
        for operation in (result.ok() for result in schema.get_all_operations())
    }

    assert operations == {
        "GET /api/v1/practices/",
        "GET /api/v1/practices/{slug}/",
        "GET /api/v1/calls/",
        "GET /api/v1/pledges/",
        "GET /api/v1/pledges/{slug}/",
        "GET /api/v1/taxonomy/",
        "GET /api/v1/figures/",
    }
