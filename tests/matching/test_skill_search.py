"""Finding competences by plain words (matching/skill_search.py over skillup/plain_skills.py):
the words SMEs type find a sensible competence in every interface language; accents, case,
word starts and plurals do not matter; label matches rank first. Pure: no database."""

import pytest

from matching.skill_search import normalise, search
from matching.taxonomy import read_taxonomy
from skillup.plain_skills import FRAMEWORKS, LANGUAGES, SKILL_KEYS, plain_area, plain_skill

SPREADSHEETS = ("digcomp", "1.3")
CLOUD = ("advanced", "CLOUD")
# a website is built (e-CF B.1), made easy to use (A.10) or filled with content (DigComp 3.1)
WEBSITE = {("ecf", "B.1"), ("ecf", "A.10"), ("digcomp", "3.1")}
# phishing: protecting devices (DigComp 4.1), cybersecurity, security management (e-CF E.8)
PHISHING = {("digcomp", "4.1"), ("advanced", "CYBER"), ("ecf", "E.8"), ("digcomp", "4.2")}
DATA_PROTECTION = ("digcomp", "4.2")

FIRST_RESULT_CASES = {
    "en-excel": ("Excel", "en", {SPREADSHEETS}),
    "en-spreadsheets": ("spreadsheets", "en", {SPREADSHEETS}),
    "en-website": ("website", "en", WEBSITE),
    "en-phishing": ("phishing", "en", PHISHING),
    "en-cloud": ("cloud", "en", {CLOUD}),
    "fr-tableur": ("tableur", "fr", {SPREADSHEETS}),
    "fr-site-internet": ("site internet", "fr", WEBSITE),
    "fr-hameconnage": ("hameçonnage", "fr", PHISHING),
    "fr-nuage": ("nuage", "fr", {CLOUD}),
    "de-tabellenkalkulation": ("Tabellenkalkulation", "de", {SPREADSHEETS}),
    "de-webseite": ("Webseite", "de", WEBSITE),
    "de-datenschutz": ("Datenschutz", "de", {DATA_PROTECTION}),
    "de-phishing": ("Phishing", "de", PHISHING),
    "es-hoja-de-calculo": ("hoja de cálculo", "es", {SPREADSHEETS}),
    "es-hoja-de-calculo-unaccented": ("hoja de calculo", "es", {SPREADSHEETS}),
    "es-sitio-web": ("sitio web", "es", WEBSITE),
    "es-phishing": ("phishing", "es", PHISHING),
    "es-nube": ("nube", "es", {CLOUD}),
    "es-proteccion-de-datos": ("protección de datos", "es", {DATA_PROTECTION}),
    "it-foglio-di-calcolo": ("foglio di calcolo", "it", {SPREADSHEETS}),
    "it-sito-web": ("sito web", "it", WEBSITE),
    "it-phishing": ("phishing", "it", PHISHING),
    "it-protezione-dei-dati": ("protezione dei dati", "it", {DATA_PROTECTION}),
    "pl-arkusz-kalkulacyjny": ("arkusz kalkulacyjny", "pl", {SPREADSHEETS}),
    "pl-strona-internetowa": ("strona internetowa", "pl", WEBSITE),
    "pl-phishing": ("phishing", "pl", PHISHING),
    "pl-chmura": ("chmura", "pl", {CLOUD}),
    "pl-rodo": ("RODO", "pl", {DATA_PROTECTION}),
    "nl-spreadsheet": ("spreadsheet", "nl", {SPREADSHEETS}),
    "nl-rekenblad": ("rekenblad", "nl", {SPREADSHEETS}),
    "nl-website": ("website", "nl", WEBSITE),
    "nl-phishing": ("phishing", "nl", PHISHING),
    "nl-gegevensbescherming": ("gegevensbescherming", "nl", {DATA_PROTECTION}),
}


@pytest.mark.parametrize(
    ("query", "language", "sensible"), FIRST_RESULT_CASES.values(), ids=FIRST_RESULT_CASES.keys()
)
def test_search_plain_word_finds_a_sensible_competence_first(query, language, sensible):
    results = search(query, language)

    assert results, f"nothing found for {query!r} in {language}"
    assert results[0] in sensible, (query, language, results[:3])


def test_search_excel_finds_spreadsheets_and_data_analysis():
    results = search("Excel", "en")

    assert results[0] == SPREADSHEETS
    assert ("ecf", "D.7") in results  # analysing your data


def test_search_ignores_accents_and_case():
    assert search("SÉCURITÉ", "fr") == search("securite", "fr") != []
    assert search("Hameçonnage", "fr") == search("hameconnage", "fr") != []
    assert search("DATENSCHUTZ", "de") == search("datenschutz", "de") != []


def test_search_matches_the_start_of_words():
    assert search("spread", "en")[0] == SPREADSHEETS
    assert search("tabl", "fr")[0] == SPREADSHEETS


def test_search_finds_a_plural_from_its_singular_and_back():
    assert search("spreadsheet", "en")[0] == SPREADSHEETS
    assert search("websites", "en")[0] in WEBSITE


def test_search_finds_a_word_inside_a_german_compound():
    # "Sicherheit" inside "Cybersicherheit", "Informationssicherheit"
    results = search("Sicherheit", "de")

    assert ("advanced", "CYBER") in results
    assert ("ecf", "E.8") in results


def test_search_ranks_label_matches_first():
    """ "cloud" is in the label of Cloud computing and of Managing servers… and cloud systems,
    and only in the description or synonyms of others: the labels come first."""
    results = search("cloud", "en")
    in_label = [key for key in results if "cloud" in normalise(plain_skill(*key, "en").label)]

    assert results[: len(in_label)] == in_label
    assert len(in_label) >= 2


def test_search_ranks_competences_matching_more_words_first():
    results = search("personal data", "en")

    assert results[0] == DATA_PROTECTION


def test_search_ignores_little_words():
    assert search("the cloud", "en") == search("cloud", "en")
    assert search("le tableur", "fr") == search("tableur", "fr")
    assert search("la nube", "es") == search("nube", "es")
    assert search("de spreadsheet", "nl") == search("spreadsheet", "nl")


@pytest.mark.parametrize("query", ["", "   ", "e", "the", "?!"], ids=repr)
def test_search_too_short_or_empty_finds_nothing(query):
    assert search(query, "en") == []


def test_search_unknown_word_finds_nothing():
    assert search("zzzqx", "en") == []


def test_search_by_code_puts_that_competence_first():
    assert search("A.1", "en")[0] == ("ecf", "A.1")
    assert search("4.2", "en")[0] == DATA_PROTECTION


def test_search_limit():
    assert len(search("data", "en", limit=3)) == 3


def test_search_french_speaker_typing_english_still_finds():
    """English words count a little in French and German: "spreadsheet" is not French."""
    assert search("spreadsheet", "fr")[0] == SPREADSHEETS


def test_search_official_title_counts_when_given():
    titles = {("ecf", "A.1"): "IS and Business Strategy Alignment"}

    assert search("alignment", "en", titles=titles)[0] == ("ecf", "A.1")


def test_search_unknown_language_falls_back_to_english():
    assert search("spreadsheets", "xx") == search("spreadsheets", "en")


# --------------------------------------------------------------------------------------------
# The plain words themselves
# --------------------------------------------------------------------------------------------
def _fixture_competences() -> list[tuple[str, str]]:
    return [
        (framework["key"], node["code"])
        for framework in read_taxonomy()
        for node in framework["skills"]
        if not node.get("area")
    ]


def _fixture_areas() -> list[tuple[str, str]]:
    return [
        (framework["key"], node["code"])
        for framework in read_taxonomy()
        for node in framework["skills"]
        if node.get("area")
    ]


def test_plain_words_cover_every_competence_of_the_taxonomy():
    assert sorted(SKILL_KEYS) == sorted(_fixture_competences())
    assert len(SKILL_KEYS) == 69


@pytest.mark.parametrize("language", LANGUAGES)
def test_plain_words_complete_in_each_language(language):
    incomplete = [
        key
        for key in SKILL_KEYS
        if not all(
            (
                plain_skill(*key, language).label,
                plain_skill(*key, language).description,
                plain_skill(*key, language).synonyms,
            )
        )
    ]
    labels = [plain_skill(*key, language).label for key in SKILL_KEYS]

    assert incomplete == []
    assert len(set(labels)) == len(labels), "two competences with the same plain label"
    assert all(plain_area(*key, language) for key in _fixture_areas())
    assert all(FRAMEWORKS[framework["key"]][language] for framework in read_taxonomy())


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
def test_plain_words_translated_not_copied(language):
    """The labels are written in each language, not the English left in place (a few names
    such as "Blockchain" or "Cybersecurity" may be alike)."""
    same = [
        key
        for key in SKILL_KEYS
        if plain_skill(*key, language).label == plain_skill(*key, "en").label
    ]

    assert len(same) <= 2, same


def test_plain_descriptions_are_one_line():
    too_long = [
        (key, language)
        for key in SKILL_KEYS
        for language in LANGUAGES
        if len(plain_skill(*key, language).description) > 125
    ]

    assert too_long == []
