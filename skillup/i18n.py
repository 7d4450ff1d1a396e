"""Lists people choose from, in their own language's order (issue #15).

A list of countries or languages is sorted by the names the reader sees, in the active language,
when it is shown: a list built at import time would be in the language of whoever came first.
Pass `language_choices` (the function, not its result) as a field's `choices`: Django calls it
each time the field is rendered or validated.

The order is alphabetical without accents or case ("Émirats" with E in French, "Österreich" with
O in German, "Česko" with C), the way a dictionary of either language files them. It is not full
Unicode collation (PyICU is not a dependency): letters beyond the Latin alphabet's accents are
compared as they are.
"""

import unicodedata
from collections.abc import Iterable

from .languages import Language

# letters that are not an accent on a base letter, but are filed as if they were
_SPECIAL_LETTERS = str.maketrans(
    {"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ß": "ss", "ð": "d", "þ": "th"}
)


def collation_key(text: str) -> str:
    """'Österreich' → 'osterreich', 'Émirats' → 'emirats': how a name is filed."""
    folded = str(text).casefold().translate(_SPECIAL_LETTERS)
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def sorted_by_name(choices: Iterable[tuple[str, object]]) -> list[tuple[str, str]]:
    """(value, name) pairs with their names in the active language, in its alphabetical order
    (the name itself breaks ties, then the value)."""
    named = [(value, str(name)) for value, name in choices]
    return sorted(named, key=lambda choice: (collation_key(choice[1]), choice[1], choice[0]))


def language_choices() -> list[tuple[str, str]]:
    """(code, name) of the programme's languages, named and sorted in the active language."""
    return sorted_by_name(Language.choices)
