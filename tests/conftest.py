"""Shared fixtures: the people of the portal, one per role, and the engine report."""

from dataclasses import dataclass

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from accounts.enums import MembershipRole
from accounts.roles import COORDINATORS, REVIEWERS
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory


def pytest_report_header(config) -> list[str]:
    db = settings.DATABASES["default"]
    engine = db["ENGINE"].rsplit(".", 1)[-1]
    where = f"{db.get('HOST') or 'local'}:{db.get('PORT') or '-'}" if db.get("HOST") else db["NAME"]
    broker = settings.TEST_CELERY_BROKER_URL
    redis = broker.split("@")[-1] if broker else "not configured (service tests skipped)"
    return [f"SkillUp test database engine: {engine} ({where})", f"SkillUp test Redis: {redis}"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters live in the cache: each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language. A request to /fr/… through the test client
    leaves French active in the thread (LocaleMiddleware activates one per request, nothing
    resets it), and reverse() in the next test would then build /fr/ addresses."""
    translation.activate(settings.LANGUAGE_CODE)
    yield


@dataclass
class World:
    """One organisation of each kind and one person per role."""

    sme: object
    other_sme: object
    company: object
    sme_admin: object
    sme_member: object
    other_sme_admin: object
    company_admin: object
    reviewer: object
    coordinator: object
    outsider: object  # logged in, member of nothing


@pytest.fixture
def world(db) -> World:
    sme = OrganisationFactory(name="Atelier Test SARL", country="FR")
    other_sme = OrganisationFactory(name="Other Test GmbH", country="DE")
    company = OrganisationFactory(
        name="Big Digital SE", kind="large_company", size_band="large", country="BE"
    )
    sme_admin = MembershipFactory(organisation=sme, role=MembershipRole.ADMIN).user
    sme_member = MembershipFactory(organisation=sme, role=MembershipRole.MEMBER).user
    other_sme_admin = MembershipFactory(organisation=other_sme, role=MembershipRole.ADMIN).user
    company_admin = MembershipFactory(organisation=company, role=MembershipRole.ADMIN).user
    return World(
        sme=sme,
        other_sme=other_sme,
        company=company,
        sme_admin=sme_admin,
        sme_member=sme_member,
        other_sme_admin=other_sme_admin,
        company_admin=company_admin,
        reviewer=UserFactory(is_staff=True, groups=[REVIEWERS]),
        coordinator=UserFactory(is_staff=True, groups=[COORDINATORS]),
        outsider=UserFactory(),
    )


@pytest.fixture
def client_for(client, world):
    """client_for("sme_admin") → a test client logged in as that person ("anonymous": none)."""

    def make(role: str):
        from django.test import Client

        c = Client()
        if role != "anonymous":
            c.force_login(getattr(world, role))
        return c

    return make
