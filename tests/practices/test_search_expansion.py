"""The cross-language words a search adds from the skill taxonomy (practices.search_expansion):
pure Python, no database."""

import pytest

from practices.search_expansion import (
    COMMON_WORDS,
    MAX_TERMS,
    Term,
    expand,
    expansion_map,
)


def added(text: str) -> set[str]:
    expansion = expand(text)
    return {term.text for term in expansion.terms} if expansion else set()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Tabellenkalkulation", {"spreadsheet", "tableur", "hoja de calculo", "rekenblad"}),
        ("tableur", {"spreadsheet", "tabellenkalkulation", "foglio di calcolo"}),
        ("Datenschutz", {"data protection", "gdpr", "rgpd", "gegevensbescherming"}),
        ("Cybersicherheit", {"cybersecurity", "cybersecurite", "ciberseguridad"}),
        ("cybersécurité", {"cybersicherheit", "cyberbezpieczenstwo"}),
    ],
    ids=["de-spreadsheet", "fr-spreadsheet", "de-data-protection", "de-cyber", "fr-accented"],
)
def test_a_taxonomy_word_adds_the_same_competence_s_words_in_other_languages(query, expected):
    assert expected <= added(query)


def test_a_phrase_of_the_taxonomy_is_matched_whole_and_the_other_words_kept():
    expansion = expand("phishing data protection")

    assert expansion.groups[0][0] == Term("data protection", "")
    assert {"datenschutz", "rgpd"} <= {term.text for term in expansion.groups[0]}
    assert expansion.rest == "phishing"


@pytest.mark.parametrize(
    "query",
    ["digital", "training", "formation", "Schulung", "sécurité", "data", "pottery", "tabl", ""],
    ids=[
        "digital",
        "training",
        "formation",
        "schulung",
        "securite",
        "data",
        "unknown",
        "part",
        "empty",
    ],
)
def test_common_unknown_or_partial_words_are_not_expanded(query):
    assert expand(query) is None


def test_no_common_word_is_ever_added_and_the_number_added_is_capped():
    mapping = expansion_map()

    assert not any(text in COMMON_WORDS for terms in mapping.values() for text, _language in terms)
    assert max(len(terms) for terms in mapping.values()) <= MAX_TERMS
    assert len(expand("Cybersicherheit Tabellenkalkulation Datenschutz").terms) <= MAX_TERMS + 3


def test_the_map_is_built_once_per_process():
    assert expansion_map() is expansion_map()


def test_a_term_does_not_add_itself_and_added_terms_are_distinct():
    for term, terms in expansion_map().items():
        texts = [text for text, _language in terms]
        assert term not in texts
        assert len(texts) == len(set(texts))
