"""Lists of countries and languages are sorted by their names in the reader's language (issue
#15), on the pages people choose from, through skillup.i18n."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from accounts.enums import eu_eea_country_choices
from accounts.forms import OrganisationForm
from skillup.i18n import collation_key, language_choices, sorted_by_name
from tests.factories import PublishedPracticeFactory
from volunteers.forms import MentorProfileForm, PledgeForm


def _names(choices) -> list[str]:
    return [str(name) for value, name in choices if value]


def _in_order(names: list[str], *expected: str) -> bool:
    return [name for name in names if name in expected] == list(expected)


@pytest.mark.parametrize(
    ("text", "key"),
    [("Österreich", "osterreich"), ("Émirats", "emirats"), ("Œuvre", "oeuvre"),
     ("Straße", "strasse"), ("Česko", "cesko")],
    ids=["umlaut", "acute", "ligature", "sharp-s", "caron"],
)  # fmt: skip
def test_collation_key_files_names_without_accents_or_case(text, key):
    assert collation_key(text) == key


def test_sorted_by_name_files_accented_initials_with_their_letter():
    choices = [("x", "Zypern"), ("a", "Österreich"), ("n", "Niederlande"), ("p", "polen")]

    assert sorted_by_name(choices) == [
        ("n", "Niederlande"), ("a", "Österreich"), ("p", "polen"), ("x", "Zypern"),
    ]  # fmt: skip


def test_countries_in_french():
    with translation.override("fr"):
        names = _names(eu_eea_country_choices())

    assert names[:3] == ["Allemagne", "Autriche", "Belgique"]
    assert names == sorted(names, key=collation_key)


def test_countries_in_german():
    with translation.override("de"):
        names = _names(eu_eea_country_choices())

    assert _in_order(names, "Niederlande", "Norwegen", "Österreich", "Polen")
    assert names[-1] == "Zypern"


@pytest.mark.parametrize(
    ("language", "first", "last"),
    [
        ("en", "Bulgarian", "Swedish"),
        ("fr", "Allemand", "Tchèque"),
        ("de", "Bulgarisch", "Ungarisch"),
    ],
    ids=["en", "fr", "de"],
)
def test_languages_in_the_readers_language(language, first, last):
    with translation.override(language):
        names = _names(language_choices())

    assert (names[0], names[-1]) == (first, last)
    assert names == sorted(names, key=collation_key)


@pytest.mark.django_db
def test_form_choices_follow_the_language_of_each_request_not_of_import():
    with translation.override("fr"):
        french = _names(PledgeForm().fields["languages"].choices)
    with translation.override("de"):
        german = _names(PledgeForm().fields["languages"].choices)

    assert french[:2] == ["Allemand", "Anglais"]
    assert german[:2] == ["Bulgarisch", "Dänisch"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "size"), [("countries", 30), ("languages", 26)], ids=["countries", "languages"]
)
def test_pledge_form_lists_sorted_in_german(field, size):
    with translation.override("de"):
        names = _names(PledgeForm().fields[field].choices)

    assert names == sorted(names, key=collation_key)
    assert len(names) == size


def test_mentor_profile_languages_sorted_in_french():
    with translation.override("fr"):
        names = _names(MentorProfileForm.base_fields["languages"].choices)

    assert names[:3] == ["Allemand", "Anglais", "Bulgare"]
    assert names == sorted(names, key=collation_key)


@pytest.mark.django_db
def test_organisation_form_countries_in_german():
    with translation.override("de"):
        names = _names(OrganisationForm().fields["country"].choices)

    assert _in_order(names, "Niederlande", "Österreich", "Polen")


def _options(body: str, name: str) -> list[str]:
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', body, re.S)
    return [
        text.strip()
        for value, text in re.findall(
            r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select.group(1)
        )
        if value
    ]


@pytest.mark.django_db
def test_pledge_viewer_filters_sorted_in_french(client):
    with translation.override("fr"):  # given back after: the page activates its language
        body = client.get(reverse("volunteers:pledge_list")).content.decode()

    countries, languages = _options(body, "country"), _options(body, "language")
    assert countries[:3] == ["Allemagne", "Autriche", "Belgique"]
    assert languages[:2] == ["Allemand", "Anglais"]


@pytest.mark.django_db
def test_practice_list_countries_sorted_in_german(client):
    for country in ("PL", "AT", "NL"):  # the list offers the countries with a practice
        PublishedPracticeFactory(organisation__country=country)
    with translation.override("de"):  # given back after: the page activates its language
        body = client.get(reverse("practices:practice_list")).content.decode()

    assert _options(body, "country") == ["Niederlande (1)", "Österreich (1)", "Polen (1)"]
