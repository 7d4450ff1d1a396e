"""Query expansion across languages from the skill taxonomy's plain words (#16).

A practice written in French about "tableur" should be found by a German visitor typing
"Tabellenkalkulation": skillup/plain_skills.py gives, per competence and language, the words
people type for it (a label and synonyms). When a word or phrase of a query is one of those
words in one language, the search also looks for the same competence's words in the other
languages, at a lower rank (practices.selectors.ranked_search).

Conservative on purpose: whole words or whole phrases of the taxonomy only (never part of a
word); a word the taxonomy uses for many competences ("sécurité", "files", "online") is never
expanded nor added; per language only the first few distinctive words of a competence (its
lists start with the words that name it: "excel, tableur, tableau, …"); at most MAX_TERMS
words added to a query. Pure Python, no ORM: the map is built once per process.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from skillup.plain_skills import LANGUAGES, SKILL_KEYS, plain_skill

# A word of the taxonomy found in more than this many competences says nothing particular.
MAX_SKILLS = 4
# Per competence and language, at most this many of its distinctive words are added.
PER_LANGUAGE = 3
# At most this many words or phrases are added to one query.
MAX_TERMS = 24
# A phrase of more words than this (a label like "Effective internet searching") is not a term.
MAX_PHRASE_WORDS = 3
MIN_LETTERS = 4
# Words nearly every practice has (they are all about training staff in digital skills): a query
# made of them is not expanded (it finds plenty already) and they are never added.
_COMMON = """
training trainings course courses learning skills skill digital staff employees formation
formations cours apprentissage competences numerique salaries schulung schulungen kurs kurse
lernen weiterbildung kompetenzen digital mitarbeiter formacion cursos curso aprendizaje
competencias digitales empleados formazione corso corsi apprendimento competenze digitale
dipendenti szkolenie szkolenia kurs kursy nauka umiejetnosci cyfrowe pracownicy opleiding
opleidingen cursus cursussen leren vaardigheden digitale medewerkers security securite
sicherheit seguridad sicurezza bezpieczenstwo veiligheid beveiliging data donnees daten datos
dati dane gegevens tableau tabelle table tabla tabella
"""
COMMON_WORDS = frozenset(_COMMON.split())

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def fold(text: str) -> str:
    """Lower case without accents ("Löschung" → "loschung", "Straße" → "strasse"): how SQLite's
    search compares (PostgreSQL's configurations fold with unaccent)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words_of(text: str) -> list[str]:
    return _WORD.findall(fold(text))


@dataclass(frozen=True)
class Term:
    """A word or phrase to add to a query, in the language the taxonomy gives it in."""

    text: str  # folded
    language: str


def _terms_by_skill() -> dict[tuple[str, str], dict[str, list[str]]]:
    """competence → language → its folded terms (its label when short, then its synonyms)."""
    terms: dict[tuple[str, str], dict[str, list[str]]] = {}
    for key in SKILL_KEYS:
        for language in LANGUAGES:
            plain = plain_skill(*key, language)
            if plain is None:
                continue
            found = []
            for raw in (*plain.synonyms, plain.label):
                words = words_of(raw)
                term = " ".join(words)
                if (
                    words
                    and len(words) <= MAX_PHRASE_WORDS
                    and len(term) >= MIN_LETTERS
                    and term not in found
                ):
                    found.append(term)
            terms.setdefault(key, {})[language] = found
    return terms


@cache
def expansion_map() -> dict[str, tuple[tuple[str, str], ...]]:
    """Folded term (a word or a phrase of words separated by one space) → the terms of the same
    competences in the other languages, as (text, language) pairs. Only distinctive terms:
    found in at most MAX_SKILLS competences, whose words are not all common ones.

    Plain tuples of strings, not Terms: the cyclic garbage collector stops walking those after
    its first pass, and the map lives as long as the process (its 43,000 Terms made every full
    collection of a web process 60 ms longer)."""
    by_skill = _terms_by_skill()
    skills_of_term: dict[str, set] = {}
    skills_of_word: dict[str, set] = {}
    for key, languages in by_skill.items():
        for terms in languages.values():
            for term in terms:
                skills_of_term.setdefault(term, set()).add(key)
                for word in term.split():
                    skills_of_word.setdefault(word, set()).add(key)

    def distinctive(term: str) -> bool:
        return len(skills_of_term[term]) <= MAX_SKILLS and any(
            len(skills_of_word[w]) <= MAX_SKILLS and len(w) >= MIN_LETTERS and w not in COMMON_WORDS
            for w in term.split()
        )

    # A term's competences, those whose lists name it earliest first (where it is the word
    # for the competence rather than one of many related words).
    placed: list[tuple[int, str, tuple[str, str], str]] = [
        (position, term, key, language)
        for key, languages in by_skill.items()
        for language, terms in languages.items()
        for position, term in enumerate(terms)
    ]
    placed.sort(key=lambda row: row[0])

    # per competence and language, the distinctive terms it adds (worked out once: a term is
    # placed once per list it is in)
    picks = {
        (key, language): [t for t in terms if distinctive(t)][:PER_LANGUAGE]
        for key, languages in by_skill.items()
        for language, terms in languages.items()
    }
    expansions: dict[str, dict[str, Term]] = {}
    for _position, term, key, _language in placed:
        if not distinctive(term):
            continue
        languages = by_skill[key]
        homes = {lang for lang, lang_terms in languages.items() if term in lang_terms}
        added = expansions.setdefault(term, {})  # text → (text, language), in the order added
        for other in LANGUAGES:
            if other in homes:
                continue
            for candidate in picks.get((key, other), ()):
                if candidate != term and candidate not in added:
                    added[candidate] = (candidate, other)
    return {
        term: tuple(list(added.values())[:MAX_TERMS]) for term, added in expansions.items() if added
    }


@dataclass(frozen=True)
class Expansion:
    """What a query adds. `groups`: per taxonomy term found in it (a word or a phrase), that
    term as typed and its words in other languages, any of which may match; `rest`: the
    query's other words. Every group and the rest must match (AND), as the typed words do."""

    groups: tuple[tuple[Term, ...], ...]
    rest: str

    @property
    def terms(self) -> tuple[Term, ...]:
        return tuple(term for group in self.groups for term in group)


def expand(text: str, language: str = "") -> Expansion | None:
    """The taxonomy's words in other languages for the terms of `text` (longest phrase first,
    whole words only; at most MAX_TERMS added in all), or None when it holds none. `language`
    is the one the typed terms are taken to be in."""
    words = words_of(text)
    mapping = expansion_map()
    groups: list[tuple[Term, ...]] = []
    rest: list[str] = []
    added = 0
    position = 0
    while position < len(words):
        for length in range(min(MAX_PHRASE_WORDS, len(words) - position), 0, -1):
            phrase = " ".join(words[position : position + length])
            if phrase in mapping and added < MAX_TERMS:
                others = mapping[phrase][: MAX_TERMS - added]
                added += len(others)
                groups.append((Term(phrase, language), *(Term(*other) for other in others)))
                position += length
                break
        else:
            rest.append(words[position])
            position += 1
    if not groups:
        return None
    return Expansion(tuple(groups), " ".join(rest))
