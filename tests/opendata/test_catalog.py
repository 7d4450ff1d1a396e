"""The DCAT-AP catalogue (/open-data/catalog.jsonld, #17): it parses as JSON-LD (rdflib) and
has the mandatory and recommended properties of the catalogue, of each dataset and of each
distribution, with titles and descriptions in every interface language."""

import pytest
from django.conf import settings
from django.utils.dateparse import parse_datetime
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF

from opendata import datasets

pytestmark = [
    pytest.mark.django_db,
    # rdflib's own JSON-LD parser still builds a ConjunctiveGraph inside Graph().parse
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
]

LANGUAGES = sorted(code for code, _name in settings.LANGUAGES)
SPDX = Namespace("http://spdx.org/rdf/terms#")
CC_BY = URIRef("http://publications.europa.eu/resource/authority/licence/CC_BY_4_0")


@pytest.fixture
def graph(client, open_data_dir, published):
    datasets.regenerate()
    response = client.get("/open-data/catalog.jsonld")
    assert response["Content-Type"] == "application/ld+json; charset=utf-8"
    return Graph().parse(data=response.content.decode(), format="json-ld")


def _languages(graph: Graph, node, prop) -> list[str]:
    return sorted(
        value.language for value in graph.objects(node, prop) if isinstance(value, Literal)
    )


def _one(graph: Graph, node, prop):
    values = list(graph.objects(node, prop))
    assert len(values) == 1, (node, prop, values)
    return values[0]


def test_the_catalogue_has_its_mandatory_properties_in_every_language(graph):
    (catalogue,) = graph.subjects(RDF.type, DCAT.Catalog)

    assert _languages(graph, catalogue, DCTERMS.title) == LANGUAGES
    assert _languages(graph, catalogue, DCTERMS.description) == LANGUAGES
    publisher = _one(graph, catalogue, DCTERMS.publisher)
    assert (publisher, RDF.type, FOAF.Agent) in graph
    assert str(_one(graph, publisher, FOAF.name)) == "SkillUp"
    assert len(list(graph.objects(catalogue, DCAT.dataset))) == len(datasets.DATASETS) == 3
    assert str(catalogue) == "http://testserver/open-data/catalog.jsonld"


def test_each_dataset_has_title_description_publisher_and_distributions(graph):
    (catalogue,) = graph.subjects(RDF.type, DCAT.Catalog)

    for dataset in graph.objects(catalogue, DCAT.dataset):
        assert (dataset, RDF.type, DCAT.Dataset) in graph
        assert _languages(graph, dataset, DCTERMS.title) == LANGUAGES, dataset
        assert _languages(graph, dataset, DCTERMS.description) == LANGUAGES, dataset
        assert (_one(graph, dataset, DCTERMS.publisher), RDF.type, FOAF.Agent) in graph
        assert _one(graph, dataset, DCTERMS.modified).datatype is not None
        assert list(graph.objects(dataset, DCAT.distribution)), dataset


def test_each_distribution_says_where_what_under_which_terms_and_when(graph, client):
    distributions = list(graph.subjects(RDF.type, DCAT.Distribution))
    files = {entry["name"]: entry for entry in datasets.read_manifest()["files"]}

    assert len(distributions) == len(files) == 5
    for distribution in distributions:
        download = str(_one(graph, distribution, DCAT.downloadURL))
        name = download.rsplit("/", 1)[-1]
        assert str(_one(graph, distribution, DCAT.accessURL)) == "http://testserver/en/open-data/"
        assert str(_one(graph, distribution, DCAT.mediaType)) == (
            "http://www.iana.org/assignments/media-types/" + files[name]["media_type"]
        )
        assert str(_one(graph, distribution, DCTERMS.format)).endswith(name.split(".")[1].upper())
        assert _one(graph, distribution, DCTERMS.modified).toPython() == parse_datetime(
            files[name]["modified"]
        )
        assert int(_one(graph, distribution, DCAT.byteSize)) == files[name]["bytes"]
        checksum = _one(graph, distribution, SPDX.checksum)
        assert str(_one(graph, checksum, SPDX.checksumValue)) == files[name]["sha256"]
        assert _languages(graph, distribution, DCTERMS.title) == LANGUAGES
        rights = _one(graph, distribution, DCTERMS.rights)
        assert _languages(graph, rights, URIRef("http://www.w3.org/2000/01/rdf-schema#label")) == (
            LANGUAGES
        )
        if name.startswith("taxonomy"):  # several licences: said in the rights statement
            assert list(graph.objects(distribution, DCTERMS.license)) == []
        else:
            assert _one(graph, distribution, DCTERMS.license) == CC_BY
            assert (CC_BY, RDF.type, DCTERMS.LicenseDocument) in graph
        response = client.get(download.removeprefix("http://testserver"))
        assert (response.status_code, len(b"".join(response.streaming_content))) == (
            200,
            files[name]["bytes"],
        )


def test_the_catalogue_answers_before_any_generation(client, open_data_dir):
    response = client.get("/open-data/catalog.jsonld")

    graph = Graph().parse(data=response.content.decode(), format="json-ld")
    assert len(list(graph.subjects(RDF.type, DCAT.Dataset))) == 3
    assert len(list(graph.subjects(RDF.type, DCAT.Distribution))) == 5
