"""The datasets page (/<lang>/open-data/) and the files (/open-data/<name>): served like static
files (ETag, Last-Modified, 304, Cache-Control), only the names the manifest lists."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from opendata import datasets
from tests.factories import PublishedPracticeFactory

pytestmark = pytest.mark.django_db


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_file_is_served_whole_with_the_headers_of_a_static_file(client, open_data_dir, published):
    (entry,) = [e for e in datasets.regenerate() if e["name"] == "practices.csv"]

    response = client.get("/open-data/practices.csv")

    assert response.status_code == 200
    assert _body(response) == (open_data_dir / "practices.csv").read_bytes()
    assert (response["Content-Type"], response["ETag"], response["Content-Length"]) == (
        "text/csv; charset=utf-8",
        f'"{entry["sha256"]}"',
        str(entry["bytes"]),
    )
    assert response["Cache-Control"] == "public, max-age=300"
    assert response.has_header("Last-Modified")


def test_a_conditional_request_is_answered_304_until_the_file_changes(
    client, open_data_dir, published
):
    datasets.regenerate()
    first = client.get("/open-data/practices.json")
    _body(first)

    again = client.get("/open-data/practices.json", HTTP_IF_NONE_MATCH=first["ETag"])
    PublishedPracticeFactory()
    datasets.regenerate()
    changed = client.get("/open-data/practices.json", HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
    _body(changed)


@pytest.mark.parametrize(
    "path",
    [
        "/open-data/manifest.json",
        "/open-data/secrets.csv",
        "/open-data/taxonomy.csv",  # the taxonomy is JSON only
        "/open-data/..%2Fmanifest.json",
        "/open-data/practices.CSV",
    ],
    ids=["manifest", "unknown", "no-such-format", "traversal", "upper-case"],
)
def test_only_the_datasets_files_are_served(client, open_data_dir, published, path):
    datasets.regenerate()

    assert client.get(path).status_code == 404


def test_a_file_not_generated_yet_is_a_404(client, open_data_dir):
    assert client.get("/open-data/practices.csv").status_code == 404


def test_the_page_lists_each_dataset_with_licence_size_rows_date_and_fields(
    client, open_data_dir, published
):
    datasets.regenerate()

    page = client.get("/en/open-data/").content.decode()

    for name in datasets.file_names():
        assert f'href="/open-data/{name}"' in page
    assert 'href="https://creativecommons.org/licenses/by/4.0/"' in page
    assert 'href="/open-data/catalog.jsonld"' in page and 'href="/api/v1/docs/"' in page
    assert "<code>published_at</code>" in page and "<code>expertise</code>" in page
    assert "<time datetime=" in page
    assert "Not generated yet" not in page


def test_the_page_says_when_the_files_are_not_generated_yet(client, open_data_dir):
    page = client.get("/en/open-data/")

    assert page.status_code == 200
    assert page.content.decode().count("Not generated yet") == 5
    assert 'href="/open-data/practices.csv"' not in page.content.decode()


def test_the_footer_links_the_page(client):
    assert 'href="/en/open-data/"' in client.get("/en/").content.decode()


@pytest.mark.parametrize("count", [1, 20])
def test_the_page_reads_no_database_whatever_the_rows(client, open_data_dir, count):
    PublishedPracticeFactory.create_batch(count)
    datasets.regenerate()

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/open-data/")

    assert response.status_code == 200
    assert len(queries) == 0
