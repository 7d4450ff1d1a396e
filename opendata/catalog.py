"""The DCAT-AP catalogue of the open datasets, as JSON-LD (/open-data/catalog.jsonld).

One dcat:Catalog (title, description, publisher, homepage, languages, licence of the metadata,
its datasets), one dcat:Dataset per dataset (title, description, publisher, landing page, theme,
modified, its distributions) and one dcat:Distribution per file (access and download URL, IANA
media type, EU file type, licence or rights statement, modified, size, SHA-256 checksum).
Titles and descriptions are language-tagged literals in every interface language
(settings.LANGUAGES). Controlled vocabularies are the EU Publications Office's (licences, file
types, languages, data themes) and IANA's media types, as DCAT-AP recommends; the publisher is a
foaf:Agent. Built from the manifest of the last generation, so it says what the files are.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from . import datasets

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "spdx": "http://spdx.org/rdf/terms#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
EU = "http://publications.europa.eu/resource/authority"
CC_BY_4_0 = f"{EU}/licence/CC_BY_4_0"
FILE_TYPES = {"csv": f"{EU}/file-type/CSV", "json": f"{EU}/file-type/JSON"}
IANA = "http://www.iana.org/assignments/media-types/"
EU_LANGUAGES = {
    "en": "ENG", "fr": "FRA", "de": "DEU", "es": "SPA", "it": "ITA", "pl": "POL", "nl": "NLD",
}  # fmt: skip
THEME_EDUCATION = f"{EU}/data-theme/EDUC"

CATALOGUE_TITLE = _("SkillUp open data")
CATALOGUE_DESCRIPTION = _(
    "Open datasets of SkillUp, the portal of good practices of European SMEs in digital "
    "upskilling: the published practices, the Digital Volunteers' pledges and the skill "
    "taxonomy, regenerated when a practice is published or taken down and every night."
)
DISTRIBUTION_TITLE = _("%(dataset)s (%(format)s)")


def _texts(text, **values) -> list[dict]:
    """A lazy text in every interface language, as language-tagged literals."""
    literals = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            value = str(text) % values if values else str(text)
        literals.append({"@language": code, "@value": value})
    return literals


def _date_time(value: str | None) -> dict | None:
    return {"@value": value, "@type": "xsd:dateTime"} if value else None


def _licence() -> dict:
    return {
        "@id": CC_BY_4_0,
        "@type": "dct:LicenseDocument",
        "dct:title": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
        "rdfs:seeAlso": {"@id": "https://creativecommons.org/licenses/by/4.0/"},
    }


def _without_empty(node: dict) -> dict:
    return {key: value for key, value in node.items() if value not in (None, [], "")}


def catalogue(manifest: dict | None) -> dict:
    """The catalogue as a JSON-LD document (a dict ready for json.dumps)."""
    site = settings.SITE_URL
    catalogue_url = f"{site}{reverse('opendata_catalog')}"
    with translation.override(settings.LANGUAGE_CODE):
        page_url = f"{site}{reverse('opendata:datasets')}"
    publisher = {
        "@id": f"{site}/#publisher",
        "@type": "foaf:Agent",
        "foaf:name": settings.SITE_NAME,
        "foaf:homepage": {"@id": f"{site}/"},
    }
    files = {entry["name"]: entry for entry in (manifest or {}).get("files", [])}
    dataset_nodes = []
    for dataset in datasets.DATASETS:
        distributions = []
        modified = []
        for fmt in dataset.formats:
            name = dataset.file_name(fmt)
            entry = files.get(name, {})
            if entry.get("modified"):
                modified.append(entry["modified"])
            checksum = None
            if entry.get("sha256"):
                checksum = {
                    "@type": "spdx:Checksum",
                    "spdx:algorithm": {"@id": "spdx:checksumAlgorithm_sha256"},
                    "spdx:checksumValue": entry["sha256"],
                }
            file_url = f"{site}{reverse('opendata_file', kwargs={'name': name})}"
            distributions.append(
                _without_empty(
                    {
                        "@id": f"{catalogue_url}#distribution-{dataset.key}-{fmt}",
                        "@type": "dcat:Distribution",
                        "dct:title": _texts(
                            DISTRIBUTION_TITLE, dataset=dataset.title, format=fmt.upper()
                        ),
                        "dct:description": _texts(dataset.description),
                        "dcat:accessURL": {"@id": page_url},
                        "dcat:downloadURL": {"@id": file_url},
                        "dcat:mediaType": {"@id": f"{IANA}{datasets.MEDIA_TYPES[fmt]}"},
                        "dct:format": {"@id": FILE_TYPES[fmt]},
                        "dct:license": _licence() if dataset.licence_url else None,
                        "dct:rights": {
                            "@type": "dct:RightsStatement",
                            "rdfs:label": _texts(dataset.rights),
                        },
                        "dct:modified": _date_time(entry.get("modified")),
                        "dcat:byteSize": (
                            {"@value": str(entry["bytes"]), "@type": "xsd:nonNegativeInteger"}
                            if "bytes" in entry
                            else None
                        ),
                        "spdx:checksum": checksum,
                    }
                )
            )
        dataset_nodes.append(
            _without_empty(
                {
                    "@id": f"{catalogue_url}#dataset-{dataset.key}",
                    "@type": "dcat:Dataset",
                    "dct:identifier": f"skillup-{dataset.key}",
                    "dct:title": _texts(dataset.title),
                    "dct:description": _texts(dataset.description),
                    "dct:publisher": {"@id": publisher["@id"]},
                    "dcat:landingPage": {"@id": page_url},
                    "dcat:theme": {"@id": THEME_EDUCATION},
                    "dct:modified": _date_time(max(modified) if modified else None),
                    "dcat:distribution": distributions,
                }
            )
        )
    return {
        "@context": CONTEXT,
        "@graph": [
            _without_empty(
                {
                    "@id": catalogue_url,
                    "@type": "dcat:Catalog",
                    "dct:title": _texts(CATALOGUE_TITLE),
                    "dct:description": _texts(CATALOGUE_DESCRIPTION),
                    "dct:publisher": {"@id": publisher["@id"]},
                    "foaf:homepage": {"@id": page_url},
                    "dct:language": [
                        {"@id": f"{EU}/language/{EU_LANGUAGES[code]}"}
                        for code, _name in settings.LANGUAGES
                        if code in EU_LANGUAGES
                    ],
                    "dct:license": _licence(),
                    "dct:modified": _date_time((manifest or {}).get("generated")),
                    "dcat:dataset": dataset_nodes,
                }
            ),
            publisher,
        ],
    }
