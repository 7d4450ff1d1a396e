"""The bulk open datasets (#17): what the portal publishes, as files anyone may download.

- practices (CSV, JSON): the published practices whose SME consented to the open licence
  (Practice.publication_consent_version at least enums.PUBLICATION_CONSENT_VERSION), with exactly
  what their public page shows: the public title and summary, the SME's answers, tools, topics,
  facts about the SME (its public name, country, sector, size), the call, the publication date
  and the page's address. Nothing about people, no view counts;
- pledges (CSV, JSON): the pledges of the public Pledge Viewer, with what the viewer shows (the
  company, pillar, scope, period, countries, languages and expertise) and their targets and
  progress (volunteers.selectors.pledges_with_totals);
- taxonomy (JSON): the practices' topics and training tools, and the skill frameworks of the
  skills page, each framework with its own licence and attribution.

Generation streams: rows are read from a server-side cursor CHUNK_SIZE at a time (with each
chunk's many-to-many links in one query), and each row is written at once to the CSV file
(csv.writer) and the JSON file (a writer that never holds the list), so memory does not grow
with the number of rows, and the rows are read once for both files. Each file is written to a
temporary file in the target directory, then moved into place with os.replace (readers see the
old file or the new one, never half of one); the manifest (manifest.json: rows, bytes, sha256,
modified, fields of every file, and the fingerprint of what they were made from) is replaced
last. A file whose content did not change keeps its modification time, so its ETag and
Last-Modified stay valid.

regenerate() writes everything; fingerprint() says cheaply whether the published data changed
since (opendata.services.datasets_refresh compares the two).
"""

import csv
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db.models import Count, Max, QuerySet
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from matching.models import Framework, Skill
from practices.answers import answers_of, legacy_hidden_by_call
from practices.cache import practices_version
from practices.enums import OPEN_LICENCE_URL, PUBLICATION_CONSENT_VERSION, PracticeState
from practices.models import Call, Practice, Topic, TrainingTool
from volunteers.models import Pledge
from volunteers.selectors import pledges_in_viewer, pledges_with_totals

# Rows read from the database at a time (one query for the rows, one per prefetch, per chunk).
CHUNK_SIZE = 2000
MANIFEST = "manifest.json"
MEDIA_TYPES = {"csv": "text/csv", "json": "application/json"}
# Several values in one CSV cell (topics, tools, countries) are joined with this.
CSV_JOIN = ";"


@dataclass(frozen=True)
class Field:
    name: str
    description: Promise


@dataclass(frozen=True)
class Dataset:
    """One dataset: what the page and the catalogue say about it, and how its rows are read.
    `rows` yields one dict per row (JSON values); `csv_row` flattens one for the CSV file."""

    key: str
    title: Promise
    description: Promise
    formats: tuple[str, ...]
    fields: tuple[Field, ...]
    licence_url: str  # "" when no single licence covers the file (see rights)
    rights: Promise
    rows: Callable[[], Iterator[dict]]
    csv_row: Callable[[dict], list] | None = None

    def file_name(self, fmt: str) -> str:
        return f"{self.key}.{fmt}"


def _join(values: Iterable) -> str:
    return CSV_JOIN.join(str(value) for value in values)


def _iso(moment) -> str | None:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z") if moment else None


def _url_maker(name: str, **kwargs) -> Callable[[str], str]:
    """slug → full address of a public page, reversed once (in the site's language) rather than
    once a row: a reverse() costs more than the rest of a row."""
    marker = "__slug__"
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse(name, kwargs={"slug": marker, **kwargs})
    prefix, suffix = f"{settings.SITE_URL}{path}".split(marker)
    return lambda slug: f"{prefix}{slug}{suffix}"


# --------------------------------------------------------------------------------------------
# Published practices
# --------------------------------------------------------------------------------------------
def exportable_practices() -> QuerySet[Practice]:
    """Published practices whose SME consented to the open licence of their text."""
    return Practice.objects.filter(
        state=PracticeState.PUBLISHED,
        publication_consent=True,
        publication_consent_version__gte=PUBLICATION_CONSENT_VERSION,
    )


PRACTICE_FIELDS = (
    Field("id", _("The practice's number on the portal (stable).")),
    Field("url", _("The address of its public page.")),
    Field("title", _("Its public title.")),
    Field("description", _("Its public summary.")),
    Field("text_language", _("The language of the title and summary (ISO 639-1).")),
    Field("language", _("The language the SME wrote its answers in (ISO 639-1).")),
    Field("online_learning", _("The SME's answer: how staff learn online.")),
    Field("methodology", _("The SME's answer: how the practice is organised.")),
    Field("keep_learning", _("The SME's answer: how staff keep learning.")),
    Field("tools", _("The training tools used (names; in JSON with their addresses).")),
    Field("other_tools", _("Other tools, as the SME named them.")),
    Field("topics", _("What it teaches: topic codes of the taxonomy dataset.")),
    Field("topic_names", _("The same topics, in English.")),
    Field("audience", _("Who takes part (code), if stated.")),
    Field("employees_reached", _("How many employees it reached, if stated.")),
    Field("since_year", _("The year it started, if stated.")),
    Field("sme", _("The SME's public name.")),
    Field("country", _("The SME's country (ISO 3166-1 alpha-2).")),
    Field("sector", _("The SME's sector (NACE section letter).")),
    Field("size_band", _("The SME's size band (code).")),
    Field("call", _("The call it answered (title in English).")),
    Field("published_at", _("When it was published (UTC, ISO 8601).")),
    Field(
        "answers",
        _(
            "The answers to every public question of its call, in the call's order: question "
            "id, question (in English), kind and answer as its page shows it (in CSV, as JSON)."
        ),
    ),
)


PRACTICE_COLUMNS = (
    "pk", "slug", "title", "public_title", "short_description", "public_description",
    "public_language", "language", "online_learning", "methodology", "keep_learning",
    "other_tools", "audience", "employees_reached", "since_year", "call_id", "published_at",
    "organisation__name", "organisation__country", "organisation__sector",
    "organisation__size_band",
)  # fmt: skip


def _chunks(rows: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _links(through, owner: str, target: str, ids: list[int]) -> dict[int, list[int]]:
    """owner id → target ids, from a many-to-many table, for one chunk of owners."""
    links: dict[int, list[int]] = {}
    rows = through.objects.filter(**{f"{owner}__in": ids}).values_list(owner, target)
    for owner_id, target_id in rows:
        links.setdefault(owner_id, []).append(target_id)
    return links


def practice_rows() -> Iterator[dict]:
    """One dict per exportable practice, oldest publication first.

    Plain rows (values_list, no model instances: a third of the time at 100,000 practices)
    read from a server-side cursor CHUNK_SIZE at a time; each chunk's topics and tools are read
    in one query each. The small tables (calls, topics, tools) are read once, whole. The public
    text is Practice.display_title / display_description / text_language, worked out the same
    way."""
    url = _url_maker("practices:practice_detail")
    calls = {call.pk: call.title for call in Call.objects.only("pk", "title")}
    topics = {topic.pk: (topic.name, topic.slug) for topic in Topic.objects.all()}
    tools = {tool.pk: (tool.name, tool.url) for tool in TrainingTool.objects.all()}
    # an original question a coordinator made private leaves its fields empty, as on the page
    hidden = legacy_hidden_by_call()
    queryset = (
        exportable_practices()
        .order_by("published_at", "pk")
        .values_list(*PRACTICE_COLUMNS, named=True)
    )
    for chunk in _chunks(queryset.iterator(chunk_size=CHUNK_SIZE), CHUNK_SIZE):
        ids = [row.pk for row in chunk]
        topic_links = _links(Practice.topics.through, "practice_id", "topic_id", ids)
        tool_links = _links(Practice.tools.through, "practice_id", "trainingtool_id", ids)
        answers = answers_of(ids, public_only=True)
        for row in chunk:
            own_topics = sorted(topics[pk] for pk in topic_links.get(row.pk, ()))
            own_tools = sorted(tools[pk] for pk in tool_links.get(row.pk, ()))
            private = hidden.get(row.call_id, ())
            public_text = row.public_language and (row.public_title or row.public_description)
            yield {
                "id": row.pk,
                "url": url(row.slug),
                "title": row.public_title or row.title,
                "description": row.public_description or row.short_description,
                "text_language": row.public_language if public_text else row.language,
                "language": row.language,
                "online_learning": "" if "online_learning" in private else row.online_learning,
                "methodology": "" if "methodology" in private else row.methodology,
                "keep_learning": "" if "keep_learning" in private else row.keep_learning,
                "tools": []
                if "tools" in private
                else [{"name": name, "url": link} for name, link in own_tools],
                "other_tools": "" if "tools" in private else row.other_tools,
                "topics": [slug for _name, slug in own_topics],
                "topic_names": [name for name, _slug in own_topics],
                "audience": row.audience,
                "employees_reached": row.employees_reached,
                "since_year": row.since_year,
                "sme": row.organisation__name,
                "country": str(row.organisation__country),
                "sector": row.organisation__sector,
                "size_band": row.organisation__size_band,
                "call": calls.get(row.call_id, ""),
                "published_at": _iso(row.published_at),
                "answers": [
                    {
                        "question": answer.question_id,
                        "label": answer.label,
                        "kind": answer.kind,
                        "value": answer.value,
                    }
                    for answer in answers[row.pk]
                ],
            }


def practice_csv_row(row: dict) -> list:
    flat = {
        **row,
        "tools": _join(tool["name"] for tool in row["tools"]),
        "topics": _join(row["topics"]),
        "topic_names": _join(row["topic_names"]),
        "answers": json.dumps(row["answers"], ensure_ascii=False) if row["answers"] else "",
    }
    return [_cell(flat[field.name]) for field in PRACTICE_FIELDS]


# --------------------------------------------------------------------------------------------
# Approved public pledges
# --------------------------------------------------------------------------------------------
PLEDGE_FIELDS = (
    Field("slug", _("The pledge's identifier in its address on the portal (stable).")),
    Field("url", _("The address of its public page.")),
    Field("company", _("The company's public name.")),
    Field("country", _("The company's country (ISO 3166-1 alpha-2).")),
    Field("sector", _("The company's sector (NACE section letter).")),
    Field("pillar", _("The pillar of the Digital Skills and Jobs Coalition (code).")),
    Field("scope", _("Its geographical scope (code).")),
    Field("countries", _("The countries it serves (ISO 3166-1 alpha-2).")),
    Field("languages", _("The languages it serves (ISO 639-1).")),
    Field("expertise", _("The expertise offered: framework:code of the taxonomy dataset.")),
    Field("starts_on", _("The first day of the pledge (ISO 8601).")),
    Field("ends_on", _("The last day of the pledge (ISO 8601).")),
    Field("state", _("Its state (code): approved or completed.")),
    Field("target_smes", _("SMEs it pledges to support.")),
    Field("target_mentors", _("Mentors it pledges to engage.")),
    Field("target_hours", _("Mentoring hours it pledges.")),
    Field("smes_supported", _("SMEs supported so far through matchmaking.")),
    Field("mentoring_hours", _("Mentoring hours recorded so far.")),
)


def pledge_rows() -> Iterator[dict]:
    """One dict per pledge of the public Pledge Viewer, newest approval first, in chunks."""
    url = _url_maker("volunteers:pledge_detail")
    queryset = pledges_with_totals(pledges_in_viewer())
    for pledge in queryset.iterator(chunk_size=CHUNK_SIZE):
        company = pledge.company
        yield {
            "slug": pledge.slug,
            "url": url(pledge.slug),
            "company": company.name,
            "country": company.country.code,
            "sector": company.sector,
            "pillar": pledge.pillar,
            "scope": pledge.scope,
            "countries": [country.code for country in pledge.countries],
            "languages": list(pledge.languages),
            "expertise": [f"{s.framework.key}:{s.code}" for s in pledge.expertise.all()],
            "starts_on": pledge.starts_on.isoformat(),
            "ends_on": pledge.ends_on.isoformat(),
            "state": pledge.state,
            "target_smes": pledge.target_smes,
            "target_mentors": pledge.target_mentors,
            "target_hours": pledge.target_hours,
            "smes_supported": pledge.smes_supported,
            "mentoring_hours": float(pledge.mentoring_hours),
        }


def pledge_csv_row(row: dict) -> list:
    flat = {
        **row,
        "countries": _join(row["countries"]),
        "languages": _join(row["languages"]),
        "expertise": _join(row["expertise"]),
    }
    return [_cell(flat[field.name]) for field in PLEDGE_FIELDS]


# --------------------------------------------------------------------------------------------
# The taxonomy
# --------------------------------------------------------------------------------------------
TAXONOMY_FIELDS = (
    Field("topics", _("The topics of practices: code and name in every interface language.")),
    Field("tools", _("The training tools SMEs choose from: code, name and address.")),
    Field(
        "frameworks",
        _(
            "The skill frameworks of matchmaking (DigComp 2.2, e-CF 4.0, advanced digital "
            "areas): name, version, publisher, licence, attribution, and their areas and "
            "competences (code, title, area)."
        ),
    ),
)


def taxonomy_rows() -> Iterator[dict]:
    """Three sections (topics, tools, frameworks), each yielded as one row; small tables."""
    languages = [code for code, _name in settings.LANGUAGES]
    topics = []
    for topic in Topic.objects.order_by("slug"):
        names = {}
        for language in languages:
            with translation.override(language):
                names[language] = str(topic)
        topics.append({"slug": topic.slug, "names": names})
    yield {"section": "topics", "items": topics}
    yield {
        "section": "tools",
        "items": [
            {"slug": tool.slug, "name": tool.name, "url": tool.url}
            for tool in TrainingTool.objects.order_by("name", "pk")
        ],
    }
    codes: dict[int, str] = {}
    skills: dict[int, list[dict]] = {}
    for skill in Skill.objects.order_by("framework__position", "position", "pk"):
        codes[skill.pk] = skill.code
        skills.setdefault(skill.framework_id, []).append(
            {
                "code": skill.code,
                "title": skill.title,
                "is_area": skill.is_area,
                "area": skill.parent_id,  # replaced by the area's code below
            }
        )
    frameworks = []
    for framework in Framework.objects.order_by("position", "pk"):
        items = skills.get(framework.pk, [])
        for item in items:
            item["area"] = codes.get(item["area"]) if item["area"] else None
        frameworks.append(
            {
                "key": framework.key,
                "name": framework.name,
                "version": framework.version,
                "publisher": framework.publisher,
                "source_url": framework.source_url,
                "licence": framework.licence,
                "attribution": framework.attribution,
                "skills": items,
            }
        )
    yield {"section": "frameworks", "items": frameworks}


# --------------------------------------------------------------------------------------------
# The datasets
# --------------------------------------------------------------------------------------------
DATASETS: tuple[Dataset, ...] = (
    Dataset(
        key="practices",
        title=_("Good practices of SMEs in digital upskilling"),
        description=_(
            "The practices published on SkillUp whose SME agreed to the open licence: how "
            "European SMEs train their staff in digital skills, with their public text, the "
            "SME's answers, tools, topics, country, sector and size."
        ),
        formats=("csv", "json"),
        fields=PRACTICE_FIELDS,
        licence_url=OPEN_LICENCE_URL,
        rights=_(
            "The texts are the SMEs' own, published under the Creative Commons Attribution 4.0 "
            "licence (CC BY 4.0): credit the SME named in each row and SkillUp."
        ),
        rows=practice_rows,
        csv_row=practice_csv_row,
    ),
    Dataset(
        key="pledges",
        title=_("Pledges of the Digital Volunteers"),
        description=_(
            "The pledges of large companies shown in SkillUp's public Pledge Viewer: pillar, "
            "scope, period, countries and languages served, expertise offered, targets and "
            "progress."
        ),
        formats=("csv", "json"),
        fields=PLEDGE_FIELDS,
        licence_url=OPEN_LICENCE_URL,
        rights=_(
            "Facts and figures compiled by SkillUp, under the Creative Commons Attribution 4.0 "
            "licence (CC BY 4.0). The pledges' own descriptions are not included."
        ),
        rows=pledge_rows,
        csv_row=pledge_csv_row,
    ),
    Dataset(
        key="taxonomy",
        title=_("Skill taxonomy of SkillUp"),
        description=_(
            "The topics and training tools practices are filed under, and the skill frameworks "
            "matchmaking uses: DigComp 2.2, e-CF 4.0 (codes and titles only) and the advanced "
            "digital areas."
        ),
        formats=("json",),
        fields=TAXONOMY_FIELDS,
        # no single licence: SkillUp's topics and tools are CC BY 4.0, DigComp is CC BY 4.0
        # (© European Union), the e-CF codes and titles are © CEN (rights, and each framework's
        # own licence and attribution in the file)
        licence_url="",
        rights=_(
            "Several licences: SkillUp's topics and tools, and DigComp 2.2 (© European Union), "
            "are under CC BY 4.0; the e-CF 4.0 codes and titles are © CEN (EN 16234-1), "
            "shown without their descriptions; the advanced areas are names of the Digital "
            "Europe Programme. Each framework in the file carries its licence and attribution."
        ),
        rows=taxonomy_rows,
    ),
)
DATASETS_BY_KEY = {dataset.key: dataset for dataset in DATASETS}


def file_names() -> list[str]:
    return [dataset.file_name(fmt) for dataset in DATASETS for fmt in dataset.formats]


def dataset_of(file_name: str) -> Dataset | None:
    key, _dot, fmt = file_name.partition(".")
    dataset = DATASETS_BY_KEY.get(key)
    return dataset if dataset is not None and fmt in dataset.formats else None


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------
def _cell(value) -> str | int | float:
    return "" if value is None else value


class _HashingWriter:
    """A text sink over a binary file: encodes, hashes and counts what passes (csv.writer and
    the JSON writer call write())."""

    def __init__(self, binary) -> None:
        self._binary = binary
        self.sha256 = hashlib.sha256()
        self.bytes = 0

    def write(self, text: str) -> int:
        data = text.encode("utf-8")
        self._binary.write(data)
        self.sha256.update(data)
        self.bytes += len(data)
        return len(text)


class _CsvOut:
    """RFC 4180 CSV: a header line, then one line a row."""

    def __init__(self, sink: _HashingWriter, dataset: Dataset) -> None:
        self._writer = csv.writer(sink, lineterminator="\r\n")
        self._flatten = dataset.csv_row
        self._writer.writerow([field.name for field in dataset.fields])

    def row(self, row: dict) -> None:
        self._writer.writerow(self._flatten(row))

    def end(self) -> None:
        pass


class _JsonOut:
    """{"dataset": …, "licence": …, "fields": […], "rows": [ one row a line ]}, written as the
    rows come: the list is never held."""

    def __init__(self, sink: _HashingWriter, dataset: Dataset) -> None:
        self._sink = sink
        self._first = True
        head = {
            "dataset": dataset.key,
            "licence": dataset.licence_url or None,
            "source": f"{settings.SITE_URL}/open-data/catalog.jsonld",
            "fields": [field.name for field in dataset.fields],
        }
        sink.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "rows": [')

    def row(self, row: dict) -> None:
        self._sink.write(("\n" if self._first else ",\n") + json.dumps(row, ensure_ascii=False))
        self._first = False

    def end(self) -> None:
        self._sink.write("\n]}\n")


OUTPUTS = {"csv": _CsvOut, "json": _JsonOut}


def write_dataset(directory: Path, dataset: Dataset, previous: dict | None = None) -> list[dict]:
    """Write every file of `dataset` into `directory` in one pass over its rows (each row goes
    to the CSV and the JSON file as it comes), each into a temporary file moved into place with
    os.replace; a file whose content did not change (its SHA-256 in `previous`, name → entry)
    stays as it was, with its modification time. Returns the files' descriptions."""
    previous = previous or {}
    rows = 0
    with ExitStack() as stack:
        handles, sinks, outs = {}, {}, []
        try:
            for fmt in dataset.formats:
                name = dataset.file_name(fmt)
                handles[fmt] = stack.enter_context(
                    tempfile.NamedTemporaryFile(dir=directory, prefix=f".{name}.", delete=False)
                )
                sinks[fmt] = _HashingWriter(handles[fmt])
                outs.append(OUTPUTS[fmt](sinks[fmt], dataset))
            for row in dataset.rows():
                for out in outs:
                    out.row(row)
                rows += 1
            for out in outs:
                out.end()
            for handle in handles.values():
                handle.flush()
                os.fsync(handle.fileno())
        except BaseException:
            for handle in handles.values():
                handle.close()
                Path(handle.name).unlink(missing_ok=True)
            raise
    entries = []
    for fmt, handle in handles.items():
        name = dataset.file_name(fmt)
        target, temporary = directory / name, Path(handle.name)
        sha256 = sinks[fmt].sha256.hexdigest()
        if previous.get(name, {}).get("sha256") == sha256 and target.is_file():
            temporary.unlink()
        else:
            temporary.chmod(0o644)
            os.replace(temporary, target)
        modified = datetime.fromtimestamp(target.stat().st_mtime, UTC)
        entries.append(
            {
                "name": name,
                "dataset": dataset.key,
                "format": fmt,
                "media_type": MEDIA_TYPES[fmt],
                "rows": rows,
                "bytes": sinks[fmt].bytes,
                "sha256": sha256,
                "modified": _iso(modified),
                "fields": [field.name for field in dataset.fields],
            }
        )
    return entries


def open_data_root(directory=None) -> Path:
    return Path(str(directory or settings.OPEN_DATA_ROOT))


def read_manifest(directory=None) -> dict | None:
    """The manifest of the last generation, or None (never generated, or unreadable)."""
    try:
        with open(open_data_root(directory) / MANIFEST, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return None


def _write_manifest(directory: Path, manifest: dict) -> None:
    with tempfile.NamedTemporaryFile(
        "w", dir=directory, prefix=f".{MANIFEST}.", delete=False, encoding="utf-8"
    ) as handle:
        json.dump(manifest, handle, ensure_ascii=False, indent=1)
    os.chmod(handle.name, 0o644)
    os.replace(handle.name, directory / MANIFEST)


def regenerate(directory=None) -> list[dict]:
    """Write every dataset file and the manifest into `directory` (settings.OPEN_DATA_ROOT by
    default) and return the files' descriptions (name, dataset, format, media_type, rows, bytes,
    sha256, modified, fields). The fingerprint is taken before reading: a change made during the
    generation makes the next check regenerate again."""
    root = open_data_root(directory)
    root.mkdir(parents=True, exist_ok=True)
    current = fingerprint()
    previous = {entry["name"]: entry for entry in (read_manifest(root) or {}).get("files", [])}
    with translation.override(settings.LANGUAGE_CODE):  # the call's title, topic names: English
        files = [entry for dataset in DATASETS for entry in write_dataset(root, dataset, previous)]
    _write_manifest(
        root,
        {"generated": _iso(datetime.now(UTC)), "fingerprint": current, "files": files},
    )
    return files


# --------------------------------------------------------------------------------------------
# Has anything changed?
# --------------------------------------------------------------------------------------------
def fingerprint() -> str:
    """A digest of what the datasets are made from, in five small queries: the practices
    version (bumped by a publication, a takedown, a published text's change) and the count and
    latest change of the exportable practices (an accepted licence changes updated_at), of
    the viewer's pledges and of the taxonomy's tables. Figures that move every day (a pledge's
    progress) wait for the nightly regeneration."""
    practices = exportable_practices().aggregate(
        n=Count("pk"), changed=Max("updated_at"), published=Max("published_at")
    )
    pledges = Pledge.objects.in_viewer().aggregate(n=Count("pk"), changed=Max("updated_at"))
    topics = Topic.objects.aggregate(n=Count("pk"), last=Max("pk"))
    tools = TrainingTool.objects.aggregate(n=Count("pk"), last=Max("pk"))
    skills = Skill.objects.aggregate(n=Count("pk"), last=Max("pk"))
    parts = [practices_version(), practices, pledges, topics, tools, skills]
    return hashlib.sha256(json.dumps(parts, default=str, sort_keys=True).encode()).hexdigest()
