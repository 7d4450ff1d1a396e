"""The bulk datasets (#17): what goes in, what stays out, and files a reuser can parse."""

import hashlib

import pytest

from opendata import datasets
from practices import services
from practices.enums import PUBLICATION_CONSENT_VERSION
from tests.factories import (
    CompanyFactory,
    MembershipFactory,
    PledgeFactory,
    PracticeFactory,
    PublishedPracticeFactory,
)
from tests.opendata.helpers import practice_ids, read_csv, read_json, read_manifest

pytestmark = pytest.mark.django_db


# --------------------------------------------------------------------------------------------
# Complete files, as the manifest describes them
# --------------------------------------------------------------------------------------------
def test_files_parse_and_have_the_manifests_rows_bytes_and_checksums(
    open_data_dir, published, published_before_licence
):
    PledgeFactory(state="approved", slug="public-pledge", is_public=True)

    returned = datasets.regenerate()

    manifest = read_manifest()
    assert returned == manifest["files"]
    counted = {
        "practices.csv": len(read_csv("practices.csv")),
        "practices.json": len(read_json("practices.json")["rows"]),
        "pledges.csv": len(read_csv("pledges.csv")),
        "pledges.json": len(read_json("pledges.json")["rows"]),
        "taxonomy.json": len(read_json("taxonomy.json")["rows"]),
    }
    assert {entry["name"]: entry["rows"] for entry in manifest["files"]} == counted
    assert counted == {
        "practices.csv": 1,
        "practices.json": 1,
        "pledges.csv": 1,
        "pledges.json": 1,
        "taxonomy.json": 3,
    }
    for entry in manifest["files"]:
        content = (open_data_dir / entry["name"]).read_bytes()
        assert (entry["bytes"], entry["sha256"]) == (
            len(content),
            hashlib.sha256(content).hexdigest(),
        ), entry["name"]
    assert list(read_csv("practices.csv")[0]) == manifest["files"][0]["fields"]
    assert not [p.name for p in open_data_dir.iterdir() if p.name.startswith(".")]  # no temp


def test_a_practice_row_is_the_text_of_its_public_page(open_data_dir, world, published):
    datasets.regenerate()

    (row,) = read_json("practices.json")["rows"]
    (csv_row,) = read_csv("practices.csv")
    assert (row["title"], row["description"]) == (
        "Friday learning hour",
        "One hour of online courses every Friday.",
    )
    assert row["url"] == f"http://testserver/en/practices/{published.slug}/"
    assert (row["sme"], row["country"]) == ("Atelier Test SARL", "FR")
    assert row["methodology"] == published.methodology
    assert csv_row["title"] == "Friday learning hour"
    assert csv_row["tools"] == ";".join(t["name"] for t in row["tools"])
    text = (open_data_dir / "practices.json").read_text() + (
        open_data_dir / "practices.csv"
    ).read_text()
    assert "Submitted title" not in text  # the text the SME sent before reviewers edited it
    assert [m.user.email for m in world.sme.memberships.all() if m.user.email in text] == []


def test_a_pledge_row_is_what_the_pledge_viewer_shows(open_data_dir):
    company = CompanyFactory(name="Big Digital SE", country="BE")
    PledgeFactory(company=company, state="approved", slug="big-digital-2026", is_public=True)
    PledgeFactory(state="approved", slug="not-in-the-viewer", is_public=False)
    PledgeFactory(state="submitted", slug="awaiting-approval", is_public=True)
    PledgeFactory(state="draft", slug="a-draft", is_public=True)

    datasets.regenerate()

    rows = read_json("pledges.json")["rows"]
    assert [row["slug"] for row in rows] == ["big-digital-2026"]
    assert [row["slug"] for row in read_csv("pledges.csv")] == ["big-digital-2026"]
    assert (rows[0]["company"], rows[0]["countries"], rows[0]["target_smes"]) == (
        "Big Digital SE",
        ["BE", "FR"],
        10,
    )
    assert "description" not in rows[0]  # the viewer shows no description


def test_the_taxonomy_has_topics_in_every_language_tools_and_frameworks(open_data_dir):
    datasets.regenerate()

    rows = {row["section"]: row["items"] for row in read_json("taxonomy.json")["rows"]}
    assert sorted(rows) == ["frameworks", "tools", "topics"]
    ai = next(topic for topic in rows["topics"] if topic["slug"] == "artificial-intelligence")
    assert sorted(ai["names"]) == sorted(["en", "fr", "de", "es", "it", "pl", "nl"])
    assert ai["names"]["en"] == "Artificial intelligence"
    assert {framework["key"] for framework in rows["frameworks"]} >= {"digcomp", "ecf"}
    digcomp = next(f for f in rows["frameworks"] if f["key"] == "digcomp")
    assert digcomp["licence"] == "CC BY 4.0" and digcomp["attribution"]
    assert {"code": "1.1", "area": "1"}.items() <= next(
        s for s in digcomp["skills"] if s["code"] == "1.1"
    ).items()


# --------------------------------------------------------------------------------------------
# In and out
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "state",
    [
        "draft",
        "submitted",
        "in_review",
        "shortlisted",
        "detail_requested",
        "selected",
        "declined",
        "withdrawn",
        "taken_down",
    ],
)
def test_an_unpublished_practice_never_appears(open_data_dir, world, published, state):
    PracticeFactory(organisation=world.sme, state=state, slug=f"x-{state}")

    datasets.regenerate()

    assert practice_ids() == ([published.pk], [published.pk])


def test_a_takedown_leaves_the_practice_out_after_the_next_regeneration(
    open_data_dir, world, published
):
    datasets.regenerate()
    assert practice_ids() == ([published.pk], [published.pk])

    services.practice_take_down(user=world.sme_admin, practice=published)
    datasets.regenerate()

    assert practice_ids() == ([], [])


def test_a_consent_not_renewed_leaves_the_practice_out_and_renewing_puts_it_back(
    open_data_dir, world, published, published_before_licence
):
    datasets.regenerate()
    assert practice_ids() == ([published.pk], [published.pk])

    services.practice_licence_accept(user=world.sme_member, practice=published_before_licence)
    datasets.regenerate()

    both = sorted([published.pk, published_before_licence.pk])
    assert tuple(sorted(ids) for ids in practice_ids()) == (both, both)


def test_publishing_again_after_a_takedown_gives_the_current_consent(
    open_data_dir, world, published_before_licence
):
    services.practice_take_down(user=world.sme_admin, practice=published_before_licence)

    services.practice_publish_again(
        user=world.sme_admin, practice=published_before_licence, consent=True
    )
    datasets.regenerate()

    published_before_licence.refresh_from_db()
    assert published_before_licence.publication_consent_version == PUBLICATION_CONSENT_VERSION
    assert practice_ids() == ([published_before_licence.pk], [published_before_licence.pk])


def test_an_unchanged_file_keeps_its_modification_time(open_data_dir, published):
    first = {entry["name"]: entry["modified"] for entry in datasets.regenerate()}
    PublishedPracticeFactory(organisation=MembershipFactory().organisation)

    second = {entry["name"]: entry["modified"] for entry in datasets.regenerate()}

    assert second["taxonomy.json"] == first["taxonomy.json"]
    assert read_manifest()["files"][0]["rows"] == 2
