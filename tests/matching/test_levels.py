"""The common proficiency scale and each framework's levels on it (no database)."""

import pytest

from matching.levels import (
    CommonLevel,
    level_choices,
    native_label,
    native_levels,
    normalised,
    to_common,
)

DIGCOMP_EXPECTED = {1: 1, 2: 1, 3: 2, 4: 2, 5: 3, 6: 3, 7: 4, 8: 5}


def test_common_level_values_and_labels():
    levels = [(level.value, str(level.label)) for level in CommonLevel]

    assert levels == [
        (1, "Foundation"),
        (2, "Intermediate"),
        (3, "Advanced"),
        (4, "Expert"),
        (5, "Highly specialised"),
    ]


@pytest.mark.parametrize(("native", "common"), DIGCOMP_EXPECTED.items(), ids=lambda v: str(v))
def test_to_common_digcomp_bands(native, common):
    assert to_common("digcomp", native) == common


@pytest.mark.parametrize("level", [1, 2, 3, 4, 5], ids=lambda v: f"e-{v}")
def test_to_common_ecf_is_e_level(level):
    assert to_common("ecf", level) == level


@pytest.mark.parametrize("level", [1, 2, 3, 4, 5], ids=str)
def test_to_common_advanced_is_common_scale(level):
    assert to_common("advanced", level) == level


@pytest.mark.parametrize(
    ("key", "native"),
    [
        ("digcomp", 0),
        ("digcomp", 9),
        ("digcomp", -1),
        ("ecf", 0),
        ("ecf", 6),
        ("advanced", 0),
        ("advanced", 6),
        ("digcomp", "5"),
        ("digcomp", None),
    ],
    ids=[
        "digcomp-0",
        "digcomp-9",
        "digcomp-negative",
        "ecf-0",
        "ecf-6",
        "advanced-0",
        "advanced-6",
        "digcomp-text",
        "digcomp-none",
    ],
)
def test_to_common_out_of_range_raises(key, native):
    with pytest.raises(ValueError, match="is not a level"):
        to_common(key, native)


def test_to_common_unknown_framework_raises():
    with pytest.raises(ValueError, match="Unknown framework"):
        to_common("dma_sme", 1)


def test_normalised_is_level_over_five():
    values = [normalised(level) for level in range(1, 6)]

    assert values == [0.2, 0.4, 0.6, 0.8, 1.0]


@pytest.mark.parametrize("level", [0, 6, -1], ids=str)
def test_normalised_out_of_range_raises(level):
    with pytest.raises(ValueError, match="1 to 5"):
        normalised(level)


def test_normalised_of_digcomp_8_is_one():
    assert normalised(to_common("digcomp", 8)) == 1.0


def test_native_levels_digcomp_advanced_band():
    assert native_levels("digcomp", 3) == [5, 6]


@pytest.mark.parametrize(
    ("key", "level", "label"),
    [
        ("digcomp", 1, "DigComp 1–2"),
        ("digcomp", 2, "DigComp 3–4"),
        ("digcomp", 3, "DigComp 5–6"),
        ("digcomp", 4, "DigComp 7"),
        ("digcomp", 5, "DigComp 8"),
        ("ecf", 1, "e-CF e-1"),
        ("ecf", 3, "e-CF e-3"),
        ("ecf", 5, "e-CF e-5"),
        ("advanced", 4, "Level 4"),
    ],
    ids=lambda v: str(v),
)
def test_native_label_names_covered_levels(key, level, label):
    assert native_label(key, level) == label


@pytest.mark.parametrize(("key", "level"), [("digcomp", 0), ("ecf", 6), ("nope", 1)], ids=str)
def test_native_label_out_of_range_raises(key, level):
    with pytest.raises(ValueError):
        native_label(key, level)


@pytest.mark.parametrize(
    ("key", "third"),
    [("digcomp", "3. Advanced (DigComp 5–6)"), ("ecf", "3. Advanced (e-CF e-3)"),
     ("advanced", "3. Advanced")],
    ids=["digcomp", "ecf", "advanced"],
)  # fmt: skip
def test_level_choices_show_the_framework_levels_beside_the_common_ones(key, third):
    choices = level_choices(key, "none")

    assert [value for value, _label in choices] == ["", "1", "2", "3", "4", "5"]
    assert (choices[0][1], choices[3][1]) == ("none", third)
