"""CSV exports of admin lists: the same columns as the list, safe to open in a spreadsheet."""

import csv
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from decimal import Decimal

from django.contrib.admin.utils import label_for_field, lookup_field
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.text import capfirst
from django.utils.translation import gettext

# A cell starting with one of these is read as a formula by spreadsheets (CSV injection):
# such text is written with a leading apostrophe, which spreadsheets show as plain text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Excel reads a UTF-8 file as such only when it starts with a byte order mark.
BOM = "\ufeff"


def csv_safe(value) -> str | int | float | Decimal:
    """A cell value: numbers as they are, text defused if a spreadsheet would run it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, int | float | Decimal):
        return value
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value.tzinfo else value
    if isinstance(value, date):
        return value.isoformat()
    text = force_str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


class _Echo:
    """A file-like object whose write() hands the line back (for streaming)."""

    def write(self, value: str) -> str:
        return value


def csv_lines(header: Iterable, rows: Iterable[Iterable]) -> Iterator[str]:
    """The CSV text line by line: a BOM, the header, then each row (every cell defused)."""
    writer = csv.writer(_Echo())
    yield BOM
    yield writer.writerow([csv_safe(cell) for cell in header])
    for row in rows:
        yield writer.writerow([csv_safe(cell) for cell in row])


def changelist_columns(model_admin, names: Iterable[str]) -> list[tuple[str, str]]:
    """(name, header) of each column, headers as the admin list shows them."""
    return [
        (name, capfirst(force_str(label_for_field(name, model_admin.model, model_admin))))
        for name in names
    ]


def changelist_row(model_admin, obj, names: Iterable[str]) -> list:
    """The values of `obj` in the given list_display columns, as plain values (choices shown
    by their label, not their code)."""
    row = []
    for name in names:
        field, _attr, value = lookup_field(name, obj, model_admin)
        if field is not None and getattr(field, "flatchoices", None):
            value = dict(field.flatchoices).get(value, value)
        elif hasattr(value, "name") and hasattr(value, "code"):  # django-countries' Country
            value = value.name
        row.append(value)
    return row


def csv_response(
    filename: str, header: Iterable, rows: Iterable[Iterable]
) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        csv_lines(header, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
