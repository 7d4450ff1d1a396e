"""Published practices, calls and pledges for the API's tests."""

import pytest
from django.db import connection

from practices.cache import practices_version_bump
from practices.models import Topic
from tests.factories import (
    CallFactory,
    CompanyFactory,
    OrganisationFactory,
    PledgeFactory,
    PublishedPracticeFactory,
)

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="ranked search is PostgreSQL's full-text search"
)


def publish(count: int, **kwargs) -> list:
    """`count` published practices (filed under a topic), then a new practices version, as a
    publication through the services starts one."""
    topic = Topic.objects.order_by("pk").first()
    practices = []
    for _ in range(count):
        practice = PublishedPracticeFactory(**kwargs)
        practice.topics.add(topic)
        practices.append(practice)
    practices_version_bump()
    return practices


def pledge(state: str = "approved", **kwargs):
    from matching.models import Skill

    made = PledgeFactory(state=state, company=kwargs.pop("company", None) or CompanyFactory())
    made.expertise.set(Skill.objects.filter(is_area=False).order_by("pk")[:2])
    for name, value in kwargs.items():
        setattr(made, name, value)
    made.save()
    return made


@pytest.fixture
def sme(db):
    return OrganisationFactory(name="Atelier Ouvert SARL", country="FR")


@pytest.fixture
def call(db):
    return CallFactory(slug="call-open-data", title="Open data call")
