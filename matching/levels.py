"""One common proficiency scale (1-5) and each framework's native levels mapped onto it.

Pure Python, no ORM: the scorer and forms use it without a database.

- DigComp 2.2 has 8 levels in 4 bands (Foundation 1-2, Intermediate 3-4, Advanced 5-6, Highly
  specialised 7-8). The first three bands become common levels 1-3; the last band is split,
  7 → 4 and 8 → 5, so that the top of DigComp meets the top of e-CF.
- e-CF 4.0 has e-1 … e-5 (Associate … Principal): e-n is common level n.
- The advanced digital areas have no levels of their own and use the common scale directly.

The common level names follow DigComp's band names, with "Expert" for the fourth level.
"""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

DIGCOMP = "digcomp"
ECF = "ecf"
ADVANCED = "advanced"


class CommonLevel(models.IntegerChoices):
    FOUNDATION = 1, _("Foundation")
    INTERMEDIATE = 2, _("Intermediate")
    ADVANCED = 3, _("Advanced")
    EXPERT = 4, _("Expert")
    HIGHLY_SPECIALISED = 5, _("Highly specialised")


# framework key → {native level: common level}
NATIVE_TO_COMMON: dict[str, dict[int, int]] = {
    DIGCOMP: {1: 1, 2: 1, 3: 2, 4: 2, 5: 3, 6: 3, 7: 4, 8: 5},
    ECF: {1: 1, 2: 2, 3: 3, 4: 4, 5: 5},
    ADVANCED: {level: level for level in CommonLevel.values},
}


def _mapping(framework_key: str) -> dict[int, int]:
    try:
        return NATIVE_TO_COMMON[framework_key]
    except KeyError:
        raise ValueError(f"Unknown framework {framework_key!r}.") from None


def _check_common(level: int) -> None:
    if level not in CommonLevel.values:
        raise ValueError(f"Common level must be 1 to 5, not {level!r}.")


def to_common(framework_key: str, native_level: int) -> int:
    """The common level (1-5) of a framework's native level; ValueError if there is none."""
    try:
        return _mapping(framework_key)[native_level]
    except (KeyError, TypeError):
        raise ValueError(
            f"{native_level!r} is not a level of the framework {framework_key!r}."
        ) from None


def native_levels(framework_key: str, common_level: int) -> list[int]:
    """The native levels a common level covers, in order (DigComp, 3 → [5, 6])."""
    _check_common(common_level)
    mapping = _mapping(framework_key)
    return [native for native, common in mapping.items() if common == common_level]


def normalised(level: int) -> float:
    """A common level on [0, 1] for scoring: level / 5, so 1 → 0.2 … 5 → 1.0.

    Not (level - 1) / 4: 0 stays free for "not held" / "not needed", and a foundation level
    still counts for something.
    """
    _check_common(level)
    return level / len(CommonLevel.values)


def native_label(framework_key: str, common_level: int) -> str:
    """The native levels a common level covers, for help texts: "DigComp 5-6", "e-CF e-3"."""
    levels = native_levels(framework_key, common_level)
    if framework_key == DIGCOMP:
        first, last = levels[0], levels[-1]
        return f"DigComp {first}" if first == last else f"DigComp {first}–{last}"
    if framework_key == ECF:
        return f"e-CF e-{levels[0]}"
    return gettext("Level %(level)d") % {"level": common_level}


def level_choices(framework_key: str, empty_label: str) -> list[tuple[str, str]]:
    """Form choices: `empty_label`, then the common levels with the framework's own words beside
    them ("3. Advanced (DigComp 5-6)"); the advanced digital areas show the common scale alone."""
    choices = [("", empty_label)]
    for level in CommonLevel:
        label = f"{level.value}. {level.label}"
        if framework_key in (DIGCOMP, ECF):
            label = f"{label} ({native_label(framework_key, level.value)})"
        choices.append((str(level.value), label))
    return choices
