"""Translations: every interface string extracted; every entry of every language translated and
compiled."""

import gettext
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
PO_FILES = {code: ROOT / "locale" / code / "LC_MESSAGES" / "django.po" for code, _ in
            settings.LANGUAGES if code != "en"}  # fmt: skip


def _entries(po_text: str) -> list[tuple[str, str, bool]]:
    """(msgid, msgstr, fuzzy) of each entry but the header; plural forms joined."""
    entries = []
    for block in po_text.split("\n\n"):
        ids = re.findall(r'^msgid "(.*)"\n((?:".*"\n)*)', block + "\n", re.M)
        if not ids:
            continue
        msgid = ids[0][0] + "".join(re.findall(r'"(.*)"', ids[0][1]))
        if msgid == "":
            continue
        strs = re.findall(r'^msgstr(?:\[\d\])? "(.*)"\n((?:".*"\n)*)', block + "\n", re.M)
        msgstr = ["".join([s[0], *re.findall(r'"(.*)"', s[1])]) for s in strs]
        fuzzy = bool(re.search(r"^#,.*\bfuzzy\b", block, re.M))
        entries.append((msgid, "" if any(not s for s in msgstr) else msgstr[0], fuzzy))
    return entries


def _contexts(po_text: str) -> dict[str, list[str]]:
    """msgid -> the msgctxts of the entries that have one (pgettext); a msgid may have several
    ("Completed" of a pledge and of a partnership)."""
    contexts: dict[str, list[str]] = {}
    for context, msgid in re.findall(r'^msgctxt "(.*)"\nmsgid "(.*)"$', po_text, re.M):
        contexts.setdefault(msgid, []).append(context)
    return contexts


@pytest.mark.parametrize("code", sorted(PO_FILES))
def test_every_message_is_translated_and_none_is_fuzzy(code):
    entries = _entries(PO_FILES[code].read_text(encoding="utf-8"))

    assert len(entries) > 100
    assert [msgid for msgid, msgstr, _fuzzy in entries if not msgstr] == []
    assert [msgid for msgid, _msgstr, fuzzy in entries if fuzzy] == []


@pytest.mark.parametrize("code", sorted(PO_FILES))
def test_compiled_catalogue_matches_the_po_file(code):
    po = PO_FILES[code]
    with po.with_suffix(".mo").open("rb") as mo:
        catalogue = gettext.GNUTranslations(mo)
    unescape = lambda s: s.encode("latin-1", "backslashreplace").decode("unicode_escape")  # noqa: E731

    text = po.read_text(encoding="utf-8")
    contexts = _contexts(text)

    def compiled(msgid: str, msgstr: str) -> str:
        # an entry with a context is looked up with it; the same msgid may exist without one
        if any(catalogue.pgettext(c, msgid) == msgstr for c in contexts.get(msgid, [])):
            return msgstr
        return catalogue.gettext(msgid)

    stale = [
        msgid
        for msgid, msgstr, _fuzzy in _entries(text)
        if "%(count)" not in msgid  # plural entries live under (msgid, n) in the catalogue
        and compiled(unescape(msgid), unescape(msgstr)).encode() != unescape(msgstr).encode()
    ]

    assert stale == [], "run `make messages` (compilemessages) and commit the .mo file"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext not installed")
def test_makemessages_finds_no_new_string(tmp_path):
    # makemessages writes next to the sources, so it runs on a copy of them
    copy = tmp_path / "src"
    skip = shutil.ignore_patterns(
        ".*",
        "tests",
        "benchmarks",
        "staticfiles",
        "static",
        "media",
        "__pycache__",
        "*.sqlite3",
        "node_modules",
        "test-artifacts",
    )
    shutil.copytree(ROOT, copy, ignore=skip)
    languages = sorted(PO_FILES)
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", *(f"-l{code}" for code in languages),
         "--no-location", "--no-obsolete", "-v", "0"],
        cwd=copy, capture_output=True, text=True, timeout=120,
        env={"DJANGO_SETTINGS_MODULE": "skillup.settings.test", "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr

    new = {}
    for code in languages:
        extracted_po = copy / "locale" / code / "LC_MESSAGES" / "django.po"
        committed = {m for m, _s, _f in _entries(PO_FILES[code].read_text(encoding="utf-8"))}
        extracted = {m for m, _s, _f in _entries(extracted_po.read_text(encoding="utf-8"))}
        if extracted - committed:
            new[code] = sorted(extracted - committed)
    assert new == {}, "run `make messages` and translate the new strings"


def test_french_state_labels_agree_with_their_nouns():
    """French "Retirée" is a practice (une pratique), "Retiré" a pledge (un engagement)."""
    from django.utils import translation

    from practices.enums import PracticeState
    from volunteers.enums import PledgeState

    with translation.override("fr"):
        labels = (str(PracticeState.WITHDRAWN.label), str(PledgeState.WITHDRAWN.label))

    assert labels == ("Retirée", "Retiré")


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("es", ("Completado", "Completada", "Aprobado", "Aprobado")),
        ("pl", ("Zakończone", "Zakończone", "Zatwierdzone", "Zatwierdzony")),
    ],
    ids=["es", "pl"],
)
def test_state_labels_agree_with_the_gender_of_their_nouns(code, expected):
    """A pledge (compromiso, zobowiązanie), a partnership (colaboración, partnerstwo) and a
    mentor profile (perfil, profil) each get their own agreement through a context."""
    from django.utils import translation

    from matching.enums import PartnershipState
    from volunteers.enums import MentorState, PledgeState

    with translation.override(code):
        labels = (
            str(PledgeState.COMPLETED.label),
            str(PartnershipState.COMPLETED.label),
            str(PledgeState.APPROVED.label),
            str(MentorState.APPROVED.label),
        )

    assert labels == expected
