"""Reading the files the way a reuser does: parsed, never searched as text."""

import csv
import json

from opendata import datasets


def read_manifest() -> dict:
    manifest = datasets.read_manifest()
    assert manifest is not None
    return manifest


def read_csv(name: str) -> list[dict]:
    path = datasets.open_data_root() / name
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def read_json(name: str) -> dict:
    path = datasets.open_data_root() / name
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def practice_ids() -> tuple[list[int], list[int]]:
    """The practices' ids in the CSV file and in the JSON file."""
    return (
        [int(row["id"]) for row in read_csv("practices.csv")],
        [row["id"] for row in read_json("practices.json")["rows"]],
    )
