"""Search in every language (#16): each practice indexed with its language's configuration
(stemmed, accents folded) and unstemmed too, a query read in every language present, ranking
(titles first, the visitor's language on a tie), "Did you mean …?" from the words of the
published practices, SQLite's case- and accent-insensitive LIKE, and the deploy check of the
PostgreSQL extensions."""

import pytest
from django.core.checks import WARNING
from django.db import connection

from practices import selectors
from practices.models import PracticeSearch, PracticeSearchWord
from skillup.checks import SEARCH_EXTENSIONS, check_search_extensions, missing_extensions
from tests.factories import PublishedPracticeFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/en/practices/"
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="text search configurations: PostgreSQL"
)
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's LIKE fallback")


def practice(title: str, text: str = "", *, language: str = "en"):
    """A published practice whose only words are its title, its description and its SME's name."""
    return PublishedPracticeFactory(
        title=title,
        public_title=title,
        short_description=text,
        online_learning="",
        methodology="",
        keep_learning="",
        language=language,
    )


def search(text: str, language: str = "en") -> list[int]:
    return selectors.ranked_search(text, version=-1, language=language)


@pytest.fixture
def languages():
    """A French, a German and a Spanish practice, and an English one that shares none of
    their words."""
    return {
        "fr": practice(
            "Formation à la cybersécurité",
            "Nos salariés suivent une formation en sécurité informatique.",
            language="fr",
        ),
        "de": practice(
            "Schulungen zur Datensicherheit",
            "Die Löschung personenbezogener Daten lernen alle Beschäftigten.",
            language="de",
        ),
        "es": practice(
            "Análisis de datos para todos",
            "Una formación sobre ciberseguridad y análisis.",
            language="es",
        ),
        "en": practice("Pottery club", "Staff meet weekly to make pots.", language="en"),
    }


# ---------------------------------------------------------------------------------------------
# Stemming and accents, per language (PostgreSQL)
# ---------------------------------------------------------------------------------------------
@postgresql_only
@pytest.mark.parametrize(
    ("query", "language", "found"),
    [
        ("formations", "fr", "fr"),  # plural of "formation": French stems both
        ("securite", "fr", "fr"),  # "sécurité" without its accents
        ("cybersecurite", "en", ("fr", "es")),  # and "ciberseguridad", through the taxonomy
        ("Schulung", "de", "de"),  # singular of "Schulungen"
        ("Schulung", "en", "de"),  # an English visitor too: German practices are present
        ("Loschung", "de", "de"),  # "Löschung" with its umlaut folded
        ("analisis", "es", "es"),  # "análisis" without its accent
        ("formaciones", "es", "es"),  # plural of "formación"
        ("formaciones", "fr", "es"),  # whatever the visitor's interface
    ],
    ids=[
        "fr-inflected",
        "fr-unaccented",
        "fr-unaccented-en-visitor",
        "de-inflected",
        "de-inflected-en-visitor",
        "de-umlaut-folded",
        "es-unaccented",
        "es-inflected",
        "es-inflected-fr-visitor",
    ],
)
def test_search_finds_inflected_and_unaccented_words(languages, query, language, found):
    expected = found if isinstance(found, tuple) else (found,)

    assert search(query, language) == [languages[key].pk for key in expected]


@postgresql_only
def test_search_loeschung_spelt_with_oe_is_not_folded_but_suggested(client, languages):
    """unaccent folds "ö" to "o", not to "oe": "Loeschung" finds nothing by itself, and the
    page offers the German word as a correction (trigram similarity 0.58)."""
    assert search("Loeschung", "de") == []

    response = client.get(LIST_URL, {"q": "Loeschung"})

    assert response.context["filter"].suggestion == "loschung"
    assert [card.title for card in response.context["page"].object_list] == [
        languages["de"].display_title
    ]


@postgresql_only
def test_search_finds_a_shared_word_in_every_language(languages):
    """A word typed as it is written (the unstemmed half of each document) finds the practices
    of every language that have it."""
    shared = practice("Cloud und Datensicherheit", language="de")
    french = practice("Le cloud pour les artisans", language="fr")

    assert sorted(search("cloud", "es")) == sorted([shared.pk, french.pk])
    assert sorted(search("Datensicherheit", "fr")) == sorted([languages["de"].pk, shared.pk])


@postgresql_only
def test_search_ranks_title_matches_first(languages):
    in_description = practice("Kitchen rota", "Our staff learn photography on Fridays.")
    in_title = practice("Photography at lunch", "Staff bring their cameras.")

    assert search("photography") == [in_title.pk, in_description.pk]


@postgresql_only
@pytest.mark.parametrize(
    ("visitor", "first"), [("fr", "fr"), ("de", "de")], ids=["french-visitor", "german-visitor"]
)
def test_search_ranks_the_visitors_language_first_on_a_tie(visitor, first):
    made = {
        "fr": practice("Atelier photovoltaik", language="fr"),
        "de": practice("Photovoltaik Werkstatt", language="de"),
    }
    second = "de" if first == "fr" else "fr"

    assert search("photovoltaik", visitor) == [made[first].pk, made[second].pk]


# ---------------------------------------------------------------------------------------------
# Across languages through the skill taxonomy; Polish by prefix (PostgreSQL)
# ---------------------------------------------------------------------------------------------
@postgresql_only
def test_a_german_visitor_s_taxonomy_word_finds_an_english_spreadsheet_practice():
    english = practice("Spreadsheet workshops for the accounts team", "Pivot tables on Fridays.")
    in_text = practice("Kitchen rota", "The cooks share one spreadsheet.")
    practice("Pottery club", "Staff meet weekly to make pots.")

    assert search("Tabellenkalkulation", "de") == [english.pk, in_text.pk]


@postgresql_only
def test_the_list_in_another_order_finds_what_the_ranked_search_finds(client):
    english = practice("Spreadsheet workshops", language="en")
    polish = practice("Szkolenia dla biura", language="pl")
    practice("Pottery club")

    by_title = client.get("/en/practices/", {"q": "Tabellenkalkulation", "sort": "title"})
    polish_by_title = client.get("/pl/practices/", {"q": "szkolenie", "sort": "title"})

    assert [card.pk for card in by_title.context["page"].object_list] == [english.pk]
    assert [card.pk for card in polish_by_title.context["page"].object_list] == [polish.pk]


@postgresql_only
def test_the_word_as_typed_ranks_before_the_taxonomy_s_other_languages():
    english = practice("Spreadsheet workshops", language="en")
    german = practice("Tabellenkalkulation im Büro", language="de")

    assert search("Tabellenkalkulation", "en") == [german.pk, english.pk]
    assert search("spreadsheet", "de") == [english.pk, german.pk]


@postgresql_only
def test_a_taxonomy_phrase_still_needs_the_query_s_other_words():
    both = practice("Datenschutz nach einem Phishing-Vorfall", language="de")
    practice("Datenschutz im Verein", language="de")

    assert search("phishing data protection", "en") == [both.pk]


@postgresql_only
def test_a_polish_visitor_s_inflected_words_match_by_prefix():
    made = practice("Szkolenia z cyberbezpieczeństwa dla biura", language="pl")
    practice("Szkoła tańca", "Zajęcia dla pracowników.", language="pl")

    assert search("szkolenie cyberbezpieczeństwo", "pl") == [made.pk]
    assert search("szkolenie", "pl") == [made.pk]  # "szkolen:*", not "szkoła"
    assert search("szkolenie", "en") == []  # English is stemmed: no prefix


# ---------------------------------------------------------------------------------------------
# "Did you mean …?" (PostgreSQL)
# ---------------------------------------------------------------------------------------------
@postgresql_only
def test_the_word_list_holds_the_published_words_unaccented(languages):
    words = set(PracticeSearchWord.objects.values_list("word", flat=True))

    assert {"ciberseguridad", "cybersecurite", "loschung", "analisis", "pottery"} <= words
    assert "análisis" not in words


@postgresql_only
def test_a_typo_is_corrected_and_the_correction_s_results_shown(client, languages):
    response = client.get(LIST_URL, {"q": "cibersegurdad"})

    assert response.context["filter"].suggestion == "ciberseguridad"
    # (the French practice through the taxonomy's "cybersécurité", first: it is in its title)
    assert [card.title for card in response.context["page"].object_list] == [
        languages["fr"].display_title,
        languages["es"].display_title,
    ]
    page = response.content.decode()
    assert 'Did you mean <a href="?q=ciberseguridad">ciberseguridad</a>?' in page
    assert "Showing the results for “ciberseguridad” instead of “cibersegurdad”." in page


@postgresql_only
def test_a_typo_among_known_words_keeps_them(languages):
    assert selectors.search_suggestion("datos cibersegurdad", version=-2) == "datos ciberseguridad"


@postgresql_only
@pytest.mark.parametrize(
    "query",
    ["pottery", "zzqqxx", "datos"],
    ids=["no-typo", "nothing-similar", "known-word-finding-few"],
)
def test_no_suggestion_without_a_better_search(client, languages, query):
    response = client.get(LIST_URL, {"q": query})

    assert response.context["filter"].suggestion is None
    assert "Did you mean" not in response.content.decode()


# ---------------------------------------------------------------------------------------------
# Case and accents ignored on either engine; SQLite's LIKE
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("SECURITE", "fr"),
        ("Sécurité", "fr"),
        ("loschung", "de"),
        ("LÖSCHUNG", "de"),
        ("ANALISIS", "es"),
    ],
    ids=["upper-unaccented", "accented", "umlaut-folded", "upper-umlaut", "upper-es"],
)
def test_search_ignores_case_and_accents(languages, query, found):
    assert search(query) == [languages[found].pk]


@sqlite_only
def test_sqlite_search_ignores_case_and_accents_in_every_column(client, languages):
    response = client.get(LIST_URL, {"q": "CYBERSECURITE  formacion"})

    assert response.context["total"] == 0  # every word must match one practice
    assert search("CYBERSÉCURITÉ") == [languages["fr"].pk]
    assert search("personenbezogener LOSCHUNG") == [languages["de"].pk]
    assert search("formacion") == [languages["es"].pk]


def test_fold_lowers_and_strips_accents():
    assert [selectors.fold(w) for w in ("Löschung", "ANÁLISIS", "Straße", "Œuvre")] == [
        "loschung",
        "analisis",
        "strasse",
        "œuvre",
    ]


# ---------------------------------------------------------------------------------------------
# Deploy check
# ---------------------------------------------------------------------------------------------
@postgresql_only
def test_the_deploy_check_is_quiet_when_the_extensions_are_there():
    assert missing_extensions(SEARCH_EXTENSIONS) == []
    assert check_search_extensions(databases=["default"]) == []


@postgresql_only
def test_the_deploy_check_warns_of_a_missing_extension():
    with connection.cursor() as cursor:
        # DDL is transactional in PostgreSQL: the test's transaction brings it back
        cursor.execute("DROP EXTENSION pg_trgm CASCADE")

    problems = check_search_extensions(databases=["default"])

    assert [(p.id, p.level) for p in problems] == [("skillup.W016", WARNING)]
    assert "pg_trgm" in problems[0].msg
    assert "CREATE EXTENSION IF NOT EXISTS pg_trgm;" in problems[0].hint
    assert "unaccent" not in problems[0].msg


def test_the_deploy_check_reads_no_database_unless_asked():
    assert check_search_extensions() == []


@postgresql_only
def test_a_public_text_in_another_language_is_indexed_in_its_own():
    """Staff wrote the public text in English for a German SME: the public title is stemmed
    in English, the SME's title in German, and a tie ranks it with the English ones."""
    made = PublishedPracticeFactory(
        language="de",
        title="Schulungen am Freitag",
        public_title="Friday trainings",
        public_language="en",
    )
    stems = (
        "SELECT document @@ to_tsquery('simple', %s) FROM practices_practicesearch "
        "WHERE practice_id = %s"
    )

    with connection.cursor() as cursor:
        found = []
        for stem in ("train", "schulung"):  # English "trainings", German "Schulungen"
            cursor.execute(stems, [stem, made.pk])
            found.append(cursor.fetchone()[0])

    assert found == [True, True]
    assert PracticeSearch.objects.get(practice=made).language == "en"
