"""Fixtures of the open-data tests: a directory of their own for the files, and the practices
in every state the datasets care about."""

import pytest

from practices.enums import PUBLICATION_CONSENT_VERSION
from tests.factories import PublishedPracticeFactory


@pytest.fixture
def open_data_dir(settings, tmp_path):
    """settings.OPEN_DATA_ROOT is a fresh directory for each test."""
    settings.OPEN_DATA_ROOT = tmp_path / "open-data"
    return settings.OPEN_DATA_ROOT


@pytest.fixture
def published(world):
    """A practice of Atelier published under the current consent (the open licence)."""
    return PublishedPracticeFactory(
        organisation=world.sme,
        title="Submitted title",
        public_title="Friday learning hour",
        public_description="One hour of online courses every Friday.",
        publication_consent_version=PUBLICATION_CONSENT_VERSION,
    )


@pytest.fixture
def published_before_licence(world):
    """A practice of Atelier published when the consent did not name the licence (version 1)."""
    return PublishedPracticeFactory(
        organisation=world.sme, public_title="Data days", publication_consent_version=1
    )
