"""The language a practice's text is written in, detected offline (lingua-language-detector).

`detect_language(text)` is a pure function: the ISO 639-1 code of one of the official EU
languages lingua knows (all but Maltese), or None when the text is too short or the detector is
unsure. The detector is built once per process, on first use, in lingua's low-accuracy mode:
about 40 MB and half a second to load its models, under a millisecond a detection; the
high-accuracy mode takes about 570 MB and ten seconds for little gain on texts of a few
sentences (and we do not guess on shorter ones).
"""

import re
import unicodedata
from functools import lru_cache

from django.utils.translation import get_language

from skillup.languages import Language

# The EU's official languages: skillup.languages.Language without the EEA EFTA states' own.
EU_LANGUAGES: tuple[str, ...] = tuple(
    code for code in Language.values if code not in (Language.IS, Language.NO)
)

# Fewer letters than this and no guess is made: "Cloud" or "Marketing" are in every language.
MIN_LETTERS = 20
# The best language's share of the confidence (lingua's values sum to 1 over the languages
# it weighs): below it, the text could as well be another language.
MIN_CONFIDENCE = 0.6
# Long texts say no more about their language than their first few thousand characters.
MAX_CHARS = 3000

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


@lru_cache(maxsize=1)
def _detector():
    from lingua import IsoCode639_1, LanguageDetectorBuilder
    from lingua import Language as LinguaLanguage

    languages = []
    for code in EU_LANGUAGES:
        iso = getattr(IsoCode639_1, code.upper(), None)  # lingua has no Maltese
        if iso is not None:
            languages.append(LinguaLanguage.from_iso_code_639_1(iso))
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def supported_languages() -> list[str]:
    """The codes detect_language() may return (sorted)."""
    from lingua import IsoCode639_1

    return sorted(code for code in EU_LANGUAGES if hasattr(IsoCode639_1, code.upper()))


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the EU language `text` is written in, or None when unsure (short
    text, or no language clearly ahead)."""
    text = (text or "").strip()[:MAX_CHARS]
    if len(_LETTER.findall(text)) < MIN_LETTERS:
        return None
    values = _detector().compute_language_confidence_values(text)
    if not values:
        return None
    best = values[0]
    if best.value < MIN_CONFIDENCE:
        return None
    return best.language.iso_code_639_1.name.lower()


def practice_text(practice) -> str:
    """What the SME wrote, in one text to detect the language of: title, description, answers."""
    return "\n".join(
        part
        for part in (
            practice.title,
            practice.short_description,
            practice.online_learning,
            practice.methodology,
            practice.keep_learning,
        )
        if part
    )


def _sort_key(label: str) -> str:
    """Accents and case ignored: "Čeština" sorts with "C", "Ελληνικά" after the Latin names."""
    decomposed = unicodedata.normalize("NFKD", label)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def sorted_language_choices(codes=EU_LANGUAGES) -> list[tuple[str, str]]:
    """(code, name) of these languages, named and sorted in the active interface language."""
    labels = dict(Language.choices)
    choices = [(code, str(labels[code])) for code in codes]
    return sorted(choices, key=lambda choice: (_sort_key(choice[1]), choice[0]))


def interface_content_language() -> str:
    """The active interface language as a content language ("en" outside the EU list)."""
    code = (get_language() or "en").split("-")[0]
    return code if code in EU_LANGUAGES else Language.EN
