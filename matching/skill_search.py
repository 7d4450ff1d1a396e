"""Finding competences by plain words (skillup/plain_skills.py), for the SMEs' needs form.

Pure Python, no ORM: `search()` answers (framework key, code) pairs, best first; the form maps
them onto Skill rows. What it does:

- accents and case do not matter ("Sécurité" = "securite"), nor "ß"/"ss", "œ"/"oe";
- every word of the query is compared with the start of the words of each competence (a query
  word matches "spreadsheets" from "spread" on); a query word of 4 letters or more also matches
  inside a word, for German compounds ("sicherheit" in "Datensicherheit"), at a lower weight;
  a plural ending may be dropped ("websites" finds "website");
- where it matched counts: the plain label first, then the synonyms, then the one-line
  description; in the other languages the English words and the framework's own code and title
  count a little too (people type "cloud" or "A.1" in any language);
- competences matching more of the query's words come first, then by weight (the best place
  of each word, a tenth of the others to break ties), then in the taxonomy's reading order;
  little words ("the", "de", "für") are ignored.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from skillup.plain_skills import FALLBACK_LANGUAGE, SKILL_KEYS, language_of, plain_skill

SkillKey = tuple[str, str]

MIN_QUERY_LENGTH = 2
RESULTS_MAX = 8

# where a query word matched → its weight
LABEL, SYNONYMS, DESCRIPTION, OTHER = 8.0, 4.0, 2.0, 1.0
# how it matched → factor
WHOLE_WORD, START_OF_WORD, INSIDE_WORD = 1.0, 0.8, 0.4
PLURAL_DROPPED = 0.9
TIE_BREAK = 0.1
INSIDE_MIN = 4
PLURAL_ENDINGS = ("es", "en", "s", "n", "e", "x")
STEM_MIN = 4

# little words by language, without accents (as normalise() leaves them)
_LITTLE_WORDS = {
    "en": "a an and the of for to in on at with my our your we how",
    "fr": "le la les un une des du de d l et ou pour en au aux avec notre nos mon ma mes votre "
    "vos sur dans",
    "de": "der die das den dem des ein eine einen und oder fur mit von zu zum zur im am unser "
    "unsere ihr ihre wie",
    "es": "el la los las un una unos unas y o de del al en para por con su sus mi mis nuestro "
    "nuestra nuestros nuestras como",
    "it": "il lo la i gli le un una uno e o di del della dei delle degli per con in nel nella "
    "al alla su sul come nostro nostra nostri mio mia suo sua",
    "pl": "i w we z ze na do dla o oraz lub jak nasz nasza nasze naszych moj moja moje od",
    "nl": "de het een en of voor van in op met ons onze mijn hoe te bij aan uw",
}
STOP_WORDS = frozenset(word for text in _LITTLE_WORDS.values() for word in text.split())

_SPECIAL_LETTERS = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d"})


def normalise(text: str) -> str:
    """Lower case without accents: "Sécurité Œuvre Straße" → "securite oeuvre strasse"."""
    text = text.casefold().translate(_SPECIAL_LETTERS)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    return re.findall(r"[0-9a-z]+", normalise(text))


def query_words(query: str) -> list[str]:
    """The words of a query that count (no little words, no repeats), in order."""
    seen: list[str] = []
    for word in words(query):
        if word in STOP_WORDS or word in seen:
            continue
        if len(word) < MIN_QUERY_LENGTH and not word.isdigit():
            continue
        seen.append(word)
    return seen


@dataclass(frozen=True)
class _Entry:
    key: SkillKey
    order: int
    code: str  # normalised ("a.1", "cloud")
    fields: tuple[tuple[float, frozenset[str]], ...]  # (weight, words)


def _variants(word: str) -> list[tuple[str, float]]:
    """The word itself, then without a plural ending (at a lower factor)."""
    variants = [(word, 1.0)]
    for ending in PLURAL_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= STEM_MIN:
            variants.append((word[: -len(ending)], PLURAL_DROPPED))
    return variants


def _match(word: str, candidates: frozenset[str]) -> float:
    """How well one query word matches a set of words: 1, 0.8, 0.4 (times 0.9 for a stem) or 0."""
    best = 0.0
    for variant, factor in _variants(word):
        if variant in candidates:
            return factor * WHOLE_WORD
        for candidate in candidates:
            if candidate.startswith(variant):
                best = max(best, factor * START_OF_WORD)
            elif len(variant) >= INSIDE_MIN and variant in candidate:
                best = max(best, factor * INSIDE_WORD)
    return best


@cache
def _index(language: str) -> tuple[_Entry, ...]:
    entries = []
    for order, (framework_key, code) in enumerate(SKILL_KEYS):
        plain = plain_skill(framework_key, code, language)
        fields = [
            (LABEL, frozenset(words(plain.label))),
            (SYNONYMS, frozenset(words(" ".join(plain.synonyms)))),
            (DESCRIPTION, frozenset(words(plain.description))),
        ]
        if language != FALLBACK_LANGUAGE:
            english = plain_skill(framework_key, code, FALLBACK_LANGUAGE)
            other = f"{english.label} {' '.join(english.synonyms)}"
            fields.append((OTHER, frozenset(words(other))))
        entries.append(
            _Entry(
                key=(framework_key, code),
                order=order,
                code=normalise(code),
                fields=tuple(fields),
            )
        )
    return tuple(entries)


def search(
    query: str,
    language: str | None = None,
    *,
    titles: dict[SkillKey, str] | None = None,
    limit: int = RESULTS_MAX,
) -> list[SkillKey]:
    """The competences that match `query`, best first (at most `limit`).

    `titles` (optional) gives the framework's own title of each competence ("IS and Business
    Strategy Alignment"), searched at the lowest weight. A query that is exactly a code ("A.1",
    "4.2", "ai") puts that competence first.
    """
    language = language_of(language)
    terms = query_words(query)
    exact_code = normalise(query.strip())
    if not terms:
        return []
    title_words = {key: frozenset(words(title)) for key, title in (titles or {}).items()}
    ranked = []
    for entry in _index(language):
        fields = entry.fields
        if entry.key in title_words:
            fields = (*fields, (OTHER, title_words[entry.key]))
        matched, score = 0, 0.0
        for term in terms:
            found = [weight * _match(term, field_words) for weight, field_words in fields]
            best = max(found)
            if best > 0:
                matched += 1
                # the best place counts; the others only break ties
                score += best + TIE_BREAK * (sum(found) - best)
        if entry.code == exact_code:
            matched, score = len(terms) + 1, score + LABEL
        if matched:
            ranked.append((-matched, -score, entry.order, entry.key))
    ranked.sort()
    return [key for *_rank, key in ranked[:limit]]
