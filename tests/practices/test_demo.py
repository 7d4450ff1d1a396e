"""The newcomer's demo data includes an open call and published practices, idempotently."""

import io

import pytest
from django.core.management import call_command

from practices.models import Call, Practice, Review

pytestmark = pytest.mark.django_db


def test_seed_demo_creates_calls_and_practices_once():
    call_command("seed_demo", "--force", stdout=io.StringIO())
    first = (Call.objects.count(), Practice.objects.count(), Review.objects.count())

    call_command("seed_demo", "--force", stdout=io.StringIO())

    assert (Call.objects.count(), Practice.objects.count(), Review.objects.count()) == first
    assert first == (2, 5, 1)
    assert sum(call.is_open for call in Call.objects.all()) == 1
    published = Practice.objects.filter(state="published")
    assert published.count() == 4
    assert all(p.slug and p.topics.exists() and p.tools.exists() for p in published)
