"""skillup.links: full addresses for emails, in the recipient's language."""

import pytest
from django.utils import translation

from skillup.links import absolute_url, language_of
from tests.factories import InvitationFactory, UserFactory

SITE = "http://testserver"  # settings.SITE_URL in tests


def test_absolute_url_of_a_view_name_carries_the_language_asked_for():
    with translation.override("en"):
        url = absolute_url("matching:proposal_detail", pk=7, language="fr")

    assert url == f"{SITE}/fr/mentoring/proposals/7/"


def test_absolute_url_without_a_language_keeps_the_active_one():
    with translation.override("de"):
        url = absolute_url("volunteers:company_pledge", 3)

    assert url == f"{SITE}/de/companies/3/pledge/"


@pytest.mark.django_db
def test_absolute_url_of_a_model_is_its_own_address_in_the_language_asked_for():
    invitation = InvitationFactory()

    url = absolute_url(invitation, language="de")

    with translation.override("de"):
        assert url == f"{SITE}{invitation.get_absolute_url()}"
    assert url.startswith(f"{SITE}/de/")


def test_absolute_url_of_an_admin_page_has_no_language_prefix():
    url = absolute_url("admin:practices_practice_change", 5, language="fr")

    assert url == f"{SITE}/admin/practices/practice/5/change/"


@pytest.mark.parametrize(("language", "expected"), [("fr", "fr"), ("", "en")], ids=["own", "site"])
def test_language_of_a_person_is_their_own_else_the_sites(language, expected):
    user = UserFactory.build(language=language)

    assert language_of(user) == expected
