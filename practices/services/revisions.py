"""Revisions: a snapshot of a practice's text on every save, so nothing an SME wrote is lost."""

from accounts.models import User

from ..enums import RevisionReason
from ..models import Practice, PracticeRevision

# The fields an SME writes; snapshotted in every revision.
CONTENT_FIELDS = (
    "title",
    "short_description",
    "language",
    "online_learning",
    "methodology",
    "other_tools",
    "keep_learning",
    "audience",
    "employees_reached",
    "since_year",
    "internal_confirmed",
    "publication_consent",
)


def record_revision(
    practice: Practice, *, author: User | None, reason: str, extra: dict | None = None
) -> PracticeRevision:
    """A snapshot of the SME's text now, with `extra` (e.g. a proposed public text)."""
    data = {name: getattr(practice, name) for name in CONTENT_FIELDS}
    data["tools"] = sorted(practice.tools.values_list("slug", flat=True))
    data["topics"] = sorted(practice.topics.values_list("slug", flat=True))
    data["attachment"] = practice.attachment.name or ""
    data["answers"] = {  # the call's other questions (#19); the four originals are above
        str(answer.question_id): _answer_data(answer.__dict__)
        for answer in practice.answers.filter(question__legacy_field="").order_by("question_id")
    }
    data["state"] = practice.state
    data.update(extra or {})
    return PracticeRevision.objects.create(
        practice=practice, author=author, reason=reason, data=data
    )


def record_late_attempt(practice: Practice, *, author: User, fields: dict) -> None:
    """What an SME sent after its deadline: not accepted, but kept."""
    data = {name: fields.get(name) for name in CONTENT_FIELDS if name in fields}
    data["tools"] = sorted(t.slug for t in fields.get("tools") or [])
    data["topics"] = sorted(t.slug for t in fields.get("topics") or [])
    sent = {
        str(q.pk): _answer_data(columns) for q, columns in (fields.get("answers") or {}).items()
    }
    data["answers"] = {question: values for question, values in sent.items() if values}
    PracticeRevision.objects.create(
        practice=practice, author=author, reason=RevisionReason.LATE_ATTEMPT, data=data
    )


ANSWER_COLUMNS = {
    "value_text": "text",
    "value_number": "number",
    "value_date": "date",
    "value_bool": "yes",
    "value_choices": "choices",
    "value_file": "file",
}


def _answer_data(columns: dict) -> dict:
    """An answer's values as a revision keeps them (JSON): its non-empty columns, a date in ISO
    8601, a file by its stored name (an upload not stored, as after the deadline: its name)."""
    data = {}
    for column, key in ANSWER_COLUMNS.items():
        value = columns.get(column)
        if value in (None, "", []) or (column == "value_file" and not value):
            continue
        if column == "value_date":
            value = value.isoformat()
        elif column == "value_file":
            value = getattr(value, "name", str(value))
        data[key] = value
    return data
