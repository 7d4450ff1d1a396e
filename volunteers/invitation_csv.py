"""Reading a company's CSV of experts to invite as mentors, and carrying its rows from the
preview to the confirmation. Pure: bytes in, rows out, no database (the checks that need one,
"already a mentor", "already invited", are services.mentor_invitations_check).

What we accept, said once here and on the upload page (templates/volunteers/mentor_invite_csv.html):

- UTF-8 text, with or without a byte-order mark (a spreadsheet's "CSV UTF-8"); another encoding
  or a binary file (a workbook saved as .xlsx) is refused as a whole;
- a comma or a semicolon between columns (spreadsheets write semicolons where the decimal mark is
  a comma): the header row decides which;
- a header row naming the columns, in any order and any case: email (required), name and
  language (optional; other columns are ignored). The language is that of the email: an
  interface language's code (settings.LANGUAGES: en, fr, de, es, it, pl, nl) or its name in
  any of them; empty, the language of the person uploading;
- at most MAX_ROWS experts and MAX_BYTES bytes; past either limit the whole file is refused.
  Blank lines at the end do not count; a blank line between experts is reported.

Each row keeps its line number in the file (the header is line 1) and its problems in words.
Why not django-import-export: its import flow is the admin's (staff, a model resource saving
rows as they are), where ours is a company admin's page whose rows are not saved but sent, one
by one, through the single-invitation service; the csv module does the reading in a few lines.
"""

import csv
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import translation
from django.utils.translation import gettext_lazy as _

MAX_ROWS = 500
MAX_BYTES = 256 * 1024
NAME_MAX = 150  # accounts.User.full_name
EMAIL_MAX = 254
# How long a preview may wait for its confirmation.
PREVIEW_MAX_AGE = 60 * 60

# Header names we recognise for each column, in the interface's languages.
COLUMNS = {
    "email": ("email", "e-mail", "mail", "courriel", "adresse e-mail", "e-mail-adresse"),
    "name": ("name", "nom", "full name", "nom complet"),
    "language": ("language", "langue", "sprache"),
}
DELIMITERS = (",", ";")

MSG_TOO_BIG = _(
    "The file is too big: at most %(kb)s KB. Split it into several files of at most %(rows)s "
    "experts."
)
MSG_NOT_CSV = _(
    "This file is not a CSV text file. In your spreadsheet, choose “Save as” and the format "
    "“CSV UTF-8”."
)
MSG_NOT_UTF8 = _(
    "This file is not in UTF-8. In your spreadsheet, choose “Save as” and the format “CSV UTF-8”."
)
MSG_NO_HEADER = _(
    "The first row must name the columns: email, name, language (separated by commas or "
    "semicolons)."
)
MSG_NO_ROWS = _("The file names no expert: add one row per expert under the header.")
MSG_TOO_MANY_ROWS = _(
    "The file has %(count)s experts; at most %(max)s can be invited at once. Split it into "
    "several files."
)
MSG_PREVIEW_EXPIRED = _("This preview has expired. Upload the file again.")
MSG_PREVIEW_INVALID = _("This preview could not be read. Upload the file again.")

MSG_EMPTY_ROW = _("Empty row.")
MSG_EMAIL_MISSING = _("No email address.")
MSG_EMAIL_INVALID = _("Not a valid email address.")
MSG_DUPLICATE = _("The same email address as line %(line)s.")
MSG_LANGUAGE_UNKNOWN = _("Unknown language “%(language)s”: use %(choices)s.")
MSG_NAME_TOO_LONG = _("The name is too long: at most %(max)s characters.")


class FileRefused(ValueError):
    """The whole file is refused (too big, not a CSV, no header, too many rows): its message
    says why, for the person who uploaded it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class ExpertRow:
    """One expert of the file: where it is (line), what it says, what is wrong with it."""

    line: int
    email: str = ""
    name: str = ""
    language: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def is_ready(self) -> bool:
        return not self.problems

    def language_label(self) -> str:
        return str(dict(settings.LANGUAGES).get(self.language, self.language))


# --------------------------------------------------------------------------------------------
# Reading the file
# --------------------------------------------------------------------------------------------
def language_codes() -> dict[str, str]:
    """Every way of naming an interface language → its code: "de", "German", "Deutsch",
    "allemand" (the names in each interface language), compared in lower case."""
    names = {}
    for code, label in settings.LANGUAGES:
        names[code.lower()] = code
        for other, _label in settings.LANGUAGES:
            with translation.override(other):
                names[str(label).lower()] = code
    return names


def _normalise(header: str) -> str:
    return " ".join(header.strip().lower().replace("_", " ").split())


def _columns(header: list[str]) -> dict[str, int]:
    """Column name → index, from the header row (the first cell that matches wins)."""
    found = {}
    for index, cell in enumerate(header):
        text = _normalise(cell)
        for column, aliases in COLUMNS.items():
            if text in aliases and column not in found:
                found[column] = index
    return found


def _delimiter(first_line: str) -> str:
    """The separator whose split of the header names an email column (comma first)."""
    for delimiter in DELIMITERS:
        header = next(csv.reader([first_line], delimiter=delimiter), [])
        if "email" in _columns(header):
            return delimiter
    raise FileRefused(str(MSG_NO_HEADER))


def _decode(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise FileRefused(str(MSG_TOO_BIG % {"kb": MAX_BYTES // 1024, "rows": MAX_ROWS}))
    if b"\x00" in data:
        raise FileRefused(str(MSG_NOT_CSV))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileRefused(str(MSG_NOT_UTF8)) from exc
    if not text.strip():
        raise FileRefused(str(MSG_NO_HEADER))
    return text


def read_experts(data: bytes, *, default_language: str) -> list[ExpertRow]:
    """The experts of a CSV file, each with the problems its own text shows (see the module's
    docstring for what is accepted). Raises FileRefused when the whole file is refused."""
    text = _decode(data)
    delimiter = _delimiter(text.splitlines()[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    try:
        columns = _columns(next(reader))
        records = []
        while True:
            line = reader.line_num + 1  # where this row starts (a quoted cell may span lines)
            try:
                cells = next(reader)
            except StopIteration:
                break
            records.append((line, cells))
    except csv.Error as exc:
        raise FileRefused(str(MSG_NOT_CSV)) from exc
    while records and not any(cell.strip() for cell in records[-1][1]):
        records.pop()  # blank lines at the end are not experts
    if not records:
        raise FileRefused(str(MSG_NO_ROWS))
    if len(records) > MAX_ROWS:
        raise FileRefused(str(MSG_TOO_MANY_ROWS % {"count": len(records), "max": MAX_ROWS}))

    def cell(cells: list[str], column: str) -> str:
        index = columns.get(column)
        return cells[index] if index is not None and index < len(cells) else ""

    rows = []
    for line, cells in records:
        if not any(value.strip() for value in cells):
            rows.append(ExpertRow(line=line, problems=[str(MSG_EMPTY_ROW)]))
            continue
        language = cell(cells, "language").strip()
        rows.append(
            ExpertRow(
                line=line,
                email=cell(cells, "email").strip().lower(),
                name=" ".join(cell(cells, "name").split()),
                language=language or default_language,
            )
        )
    return check_rows(rows)


def check_rows(rows: list[ExpertRow]) -> list[ExpertRow]:
    """Add to each row the problems its text shows: the email (missing, invalid, a duplicate
    of an earlier line), the language, the name's length. Rows already marked empty are left
    alone. Run on upload and again on confirmation."""
    codes = language_codes()
    choices = ", ".join(code for code, _label in settings.LANGUAGES)
    first_line: dict[str, int] = {}
    for row in rows:
        if row.problems and not row.email:
            continue
        if not row.email:
            row.problems.append(str(MSG_EMAIL_MISSING))
        else:
            try:
                if len(row.email) > EMAIL_MAX:
                    raise ValidationError("too long")
                validate_email(row.email)
            except ValidationError:
                row.problems.append(str(MSG_EMAIL_INVALID))
            else:
                if row.email in first_line:
                    row.problems.append(str(MSG_DUPLICATE % {"line": first_line[row.email]}))
                else:
                    first_line[row.email] = row.line
        code = codes.get(row.language.lower())
        if code is None:
            row.problems.append(
                str(MSG_LANGUAGE_UNKNOWN % {"language": row.language[:40], "choices": choices})
            )
        else:
            row.language = code
        if len(row.name) > NAME_MAX:
            row.problems.append(str(MSG_NAME_TOO_LONG % {"max": NAME_MAX}))
    return rows


# --------------------------------------------------------------------------------------------
# From the preview to the confirmation: the ready rows, signed
# --------------------------------------------------------------------------------------------
def _salt(*, company_id: int, user_id: int) -> str:
    # a preview is good for one company and one person only
    return f"volunteers.mentor-invitations:{company_id}:{user_id}"


def pack_rows(rows: list[ExpertRow], *, company_id: int, user_id: int) -> str:
    """The ready rows as a signed, timestamped text for the preview's hidden field: nothing is
    stored before the confirmation, and nothing but what was previewed can be confirmed."""
    data = [[row.line, row.email, row.name, row.language] for row in rows if row.is_ready]
    return signing.dumps(data, salt=_salt(company_id=company_id, user_id=user_id), compress=True)


def unpack_rows(token: str, *, company_id: int, user_id: int) -> list[ExpertRow]:
    """The rows of pack_rows(), checked again (check_rows). Raises FileRefused when the text
    was changed, belongs to another company or person, or is older than PREVIEW_MAX_AGE."""
    salt = _salt(company_id=company_id, user_id=user_id)
    try:
        data = signing.loads(token, salt=salt, max_age=PREVIEW_MAX_AGE)
    except signing.SignatureExpired as exc:
        raise FileRefused(str(MSG_PREVIEW_EXPIRED)) from exc
    except signing.BadSignature as exc:
        raise FileRefused(str(MSG_PREVIEW_INVALID)) from exc
    try:
        rows = [
            ExpertRow(line=int(line), email=str(email), name=str(name), language=str(language))
            for line, email, name, language in data
        ]
    except (TypeError, ValueError) as exc:
        raise FileRefused(str(MSG_PREVIEW_INVALID)) from exc
    if len(rows) > MAX_ROWS:
        raise FileRefused(str(MSG_PREVIEW_INVALID))
    return check_rows(rows)
