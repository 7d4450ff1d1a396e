"""Reads of the open data: what the datasets page shows, from the manifest (no database)."""

from django.urls import reverse
from django.utils.dateparse import parse_datetime

from . import datasets


def datasets_for_page() -> list[dict]:
    """Each dataset with its files as the last generation wrote them (a file not generated yet
    has no size, rows or date) and its fields."""
    manifest = datasets.read_manifest() or {}
    files = {entry["name"]: entry for entry in manifest.get("files", [])}
    result = []
    for dataset in datasets.DATASETS:
        downloads = []
        for fmt in dataset.formats:
            name = dataset.file_name(fmt)
            entry = files.get(name)
            downloads.append(
                {
                    "name": name,
                    "format": fmt.upper(),
                    "url": reverse("opendata_file", kwargs={"name": name}),
                    "generated": entry is not None,
                    "bytes": entry["bytes"] if entry else None,
                    "rows": entry["rows"] if entry else None,
                    "modified": parse_datetime(entry["modified"]) if entry else None,
                }
            )
        result.append({"dataset": dataset, "files": downloads})
    return result
