"""Fixtures shared by the needs page's tests."""

import pytest
from django.urls import reverse


@pytest.fixture
def sme_client(client_for):
    """The SME's administrator, logged in (the world's SME: Atelier Test SARL)."""
    return client_for("sme_admin")


@pytest.fixture
def needs_url(world):
    return reverse("matching:needs_edit", kwargs={"pk": world.sme.pk})
