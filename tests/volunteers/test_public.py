"""The public Pledge Viewer: who sees which pledge, each filter, bad input, the chart by country,
and a query count that does not grow with the number of pledges."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from matching.models import Skill
from tests.factories import CompanyFactory, PledgeFactory
from volunteers.commitments import COMMITMENTS, COMMITMENTS_VERSION
from volunteers.viewer import BAR_SPACE, country_chart

pytestmark = pytest.mark.django_db

LIST_URL = "/en/pledges/"


def skill(framework: str, code: str) -> Skill:
    return Skill.objects.get(framework__key=framework, code=code)


def listed(response) -> list[str]:
    """The company names of the pledges on the page, in order."""
    return [pledge.company.name for pledge in response.context["page"].object_list]


def pledge_of(name: str, **kwargs):
    return PledgeFactory(company=CompanyFactory(name=name), **kwargs)


# --------------------------------------------------------------------------------------------
# Which pledges are listed
# --------------------------------------------------------------------------------------------
def test_pledge_list_url_names():
    assert reverse("volunteers:pledge_list") == LIST_URL
    assert reverse("volunteers:pledge_detail", kwargs={"slug": "abc"}) == "/en/pledges/abc/"


def test_pledge_list_shows_approved_and_completed_public_pledges_only(client):
    pledge_of("Approved Public AG", state="approved")
    pledge_of("Completed Public AG", state="completed")
    hidden = {
        "Draft AG": {"state": "draft"},
        "Pending AG": {"state": "pending"},
        "Rejected AG": {"state": "rejected"},
        "Withdrawn AG": {"state": "withdrawn"},
        "Approved Private AG": {"state": "approved", "is_public": False},
        "Completed Private AG": {"state": "completed", "is_public": False},
    }
    for name, fields in hidden.items():
        pledge_of(name, **fields)

    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert sorted(listed(response)) == ["Approved Public AG", "Completed Public AG"]
    html = response.content.decode()
    assert "Approved Public AG" in html
    assert "Completed Public AG" in html
    for name in hidden:
        assert name not in html
    assert "2 pledges" in html


def test_pledge_list_card_shows_the_pledge_facts(client):
    pledge = pledge_of(
        "Card Facts SE",
        state="approved",
        countries=["AT"],
        languages=["de"],
        pillar="education",
        scope="national",
    )
    pledge.expertise.set([skill("advanced", "AI"), skill("ecf", "A.1")])

    response = client.get(LIST_URL)

    html = response.content.decode()
    assert f'href="{pledge.get_absolute_url()}"' in html
    assert "Austria" in html
    assert "German" in html
    assert "Digital skills in education" in html
    assert "National" in html
    assert "Artificial intelligence" in html
    assert "IS and Business Strategy Alignment" in html


def test_pledge_list_empty_says_so(client):
    response = client.get(LIST_URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert "0 pledges" in html
    assert "No pledge matches" in html


def test_pledge_list_paginates_by_twenty(client):
    for n in range(21):
        pledge_of(f"Paged Company {n:02d}", state="approved")

    first = client.get(LIST_URL)
    second = client.get(LIST_URL, {"page": 2})

    assert len(first.context["page"].object_list) == 20
    assert len(second.context["page"].object_list) == 1
    assert "21 pledges" in first.content.decode()
    assert 'rel="next" href="?page=2"' in first.content.decode()


def test_main_navigation_links_to_the_pledge_viewer(client):
    response = client.get("/en/")

    assert f'href="{LIST_URL}"' in response.content.decode()


# --------------------------------------------------------------------------------------------
# Filters and search
# --------------------------------------------------------------------------------------------
@pytest.fixture
def three_pledges(db):
    alpha = pledge_of(
        "Alpha Cloud SE",
        state="approved",
        countries=["BE"],
        languages=["en"],
        description="Cloud migration mentoring for manufacturers.",
    )
    alpha.expertise.set([skill("digcomp", "1.1")])
    beta = pledge_of(
        "Beta Data AG",
        state="completed",
        countries=["DE", "AT"],
        languages=["de"],
        description="Data literacy for retail staff.",
    )
    beta.expertise.set([skill("ecf", "A.1")])
    gamma = pledge_of(
        "Gamma Intelligence SA",
        state="approved",
        countries=["FR", "BE"],
        languages=["fr", "en"],
        description="We teach cybersecurity basics to small firms.",
    )
    gamma.expertise.set([skill("advanced", "AI"), skill("digcomp", "2.1")])
    return {"alpha": alpha, "beta": beta, "gamma": gamma}


def _resolve(params: dict, pledges: dict) -> dict:
    """Test parameters name skills by (framework, code) and companies by fixture key."""
    resolved = {}
    for name, value in params.items():
        if name == "expertise":
            value = str(skill(*value).pk)
        elif name == "company":
            value = str(pledges[value].company_id)
        resolved[name] = value
    return resolved


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "BE"}, ["Alpha Cloud SE", "Gamma Intelligence SA"]),
        ({"country": "AT"}, ["Beta Data AG"]),
        ({"country": "IT"}, []),
        ({"expertise": ("ecf", "A.1")}, ["Beta Data AG"]),
        ({"expertise": ("advanced", "AI")}, ["Gamma Intelligence SA"]),
        ({"expertise": ("digcomp", "1")}, ["Alpha Cloud SE"]),
        ({"expertise": ("digcomp", "2")}, ["Gamma Intelligence SA"]),
        ({"expertise": ("ecf", "A")}, ["Beta Data AG"]),
        ({"expertise": ("digcomp", "5")}, []),
        ({"language": "en"}, ["Alpha Cloud SE", "Gamma Intelligence SA"]),
        ({"language": "de"}, ["Beta Data AG"]),
        ({"company": "beta"}, ["Beta Data AG"]),
        ({"status": "active"}, ["Alpha Cloud SE", "Gamma Intelligence SA"]),
        ({"status": "completed"}, ["Beta Data AG"]),
        ({"q": "gamma"}, ["Gamma Intelligence SA"]),
        ({"q": "CYBERSECURITY"}, ["Gamma Intelligence SA"]),
        ({"q": "alpha cloud"}, ["Alpha Cloud SE"]),
        ({"q": "nothing like this"}, []),
        ({"country": "BE", "language": "fr"}, ["Gamma Intelligence SA"]),
        ({"country": "BE", "status": "completed"}, []),
    ],
    ids=[
        "country-BE",
        "country-AT-second-of-two",
        "country-none",
        "skill-ecf-A1",
        "skill-advanced-AI",
        "area-digcomp-1-children",
        "area-digcomp-2-children",
        "area-ecf-A-children",
        "area-without-pledges",
        "language-en",
        "language-de",
        "company",
        "status-active",
        "status-completed",
        "q-company-name",
        "q-description-any-case",
        "q-all-words",
        "q-no-match",
        "country-and-language",
        "country-and-status",
    ],
)
def test_pledge_list_filter_narrows(client, three_pledges, params, expected):
    response = client.get(LIST_URL, _resolve(params, three_pledges))

    assert response.status_code == 200
    assert not response.context["form"].errors
    assert sorted(listed(response)) == expected


@pytest.mark.parametrize(
    ("params", "count_text"),
    [({}, "3 pledges"), ({"country": "AT"}, "1 pledge"), ({"country": "IT"}, "0 pledges")],
    ids=["all", "one", "none"],
)
def test_pledge_list_count_text(client, three_pledges, params, count_text):
    response = client.get(LIST_URL, params)

    assert f'<p class="pledge-count" role="status">{count_text}</p>' in response.content.decode()


def test_pledge_list_company_choices_only_companies_in_the_viewer(client, three_pledges):
    pledge_of("Draft Only GmbH", state="draft")

    response = client.get(LIST_URL)

    choices = dict(response.context["filter"].filters["company"].extra["choices"])
    assert sorted(choices.values()) == ["Alpha Cloud SE", "Beta Data AG", "Gamma Intelligence SA"]


def test_pledge_list_keeps_filters_in_pagination_links(client):
    for n in range(21):
        pledge_of(f"Belgian Company {n:02d}", state="approved", countries=["BE"])

    response = client.get(LIST_URL, {"country": "BE"})

    assert 'href="?country=BE&amp;page=2"' in response.content.decode()


# --------------------------------------------------------------------------------------------
# Bad input never fails the page
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "field_with_error"),
    [
        ("country=ZZ", "country"),
        ("country=be", "country"),
        ("expertise=abc", "expertise"),
        ("expertise=99999999", "expertise"),
        ("expertise=-1", "expertise"),
        ("language=xx", "language"),
        ("company=abc", "company"),
        ("company=99999999", "company"),
        ("status=pending", "status"),
        ("status=draft", "status"),
        ("q=" + "a" * 1000, "q"),
        ("q=%00", "q"),
        ("page=999", None),
        ("page=x", None),
        ("page=-1", None),
        ("page=", None),
        ("q=Z%C3%BCrich%20%E6%9D%B1%E4%BA%AC%20%F0%9F%92%A1", None),
        ("country=BE&country=ZZ", "country"),
        ("unknown=1&%FF=%FE", None),
    ],
    ids=[
        "country-unknown",
        "country-lowercase",
        "expertise-not-a-number",
        "expertise-unknown-id",
        "expertise-negative",
        "language-unknown",
        "company-not-a-number",
        "company-unknown-id",
        "status-not-public",
        "status-draft",
        "q-too-long",
        "q-nul-byte",
        "page-past-the-end",
        "page-not-a-number",
        "page-negative",
        "page-empty",
        "q-unicode",
        "country-twice",
        "unknown-parameter-and-bad-bytes",
    ],
)
def test_pledge_list_garbage_query_is_200(client, three_pledges, query, field_with_error):
    response = client.get(f"{LIST_URL}?{query}")

    assert response.status_code == 200
    errors = response.context["form"].errors
    if field_with_error:
        assert list(errors) == [field_with_error]
        assert "Some filters were not understood" in response.content.decode()
        assert sorted(listed(response)) == [
            "Alpha Cloud SE",
            "Beta Data AG",
            "Gamma Intelligence SA",
        ]
    else:
        assert not errors


def test_pledge_list_search_is_escaped(client, three_pledges):
    response = client.get(LIST_URL, {"q": "<script>alert(1)</script>"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_pledge_list_no_inline_style_or_script(client, three_pledges):
    response = client.get(LIST_URL)

    html = response.content.decode()
    assert "style=" not in html
    assert "<style" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)


# --------------------------------------------------------------------------------------------
# The chart: pledges and SMEs supported by country
# --------------------------------------------------------------------------------------------
def test_pledge_list_chart_counts_pledges_per_country(client):
    pledge_of("One SE", state="approved", countries=["BE", "FR"])
    pledge_of("Two SE", state="completed", countries=["BE"])
    pledge_of("Three SE", state="approved", countries=["DE"])
    pledge_of("Draft SE", state="draft", countries=["DE", "IT"])
    pledge_of("Private SE", state="approved", countries=["IT"], is_public=False)

    response = client.get(LIST_URL)

    assert response.context["country_counts"] == [
        ("BE", "Belgium", 2, 0),
        ("FR", "France", 1, 0),
        ("DE", "Germany", 1, 0),
    ]
    assert [row.name for row in response.context["chart"].rows] == [
        "Belgium",
        "France",
        "Germany",
    ]


def test_pledge_list_chart_has_figure_svg_legend_and_data_table(client):
    pledge_of("One SE", state="approved", countries=["BE", "FR"])
    pledge_of("Two SE", state="approved", countries=["BE"])

    response = client.get(LIST_URL)

    html = re.sub(r"\s+", " ", response.content.decode())
    assert "<figure" in html
    assert "<figcaption" in html
    assert 'role="img" aria-labelledby="chart-title chart-desc"' in html
    assert '<title id="chart-title">Pledges and SMEs supported by country</title>' in html
    assert "SMEs supported" in html
    assert '<div class="pledge-chart-table"><table class="table table-sm mb-0">' in html
    assert "<caption" in html
    assert '<tr><th scope="row">Belgium</th><td>2</td><td>0</td></tr>' in html
    assert '<tr><th scope="row">France</th><td>1</td><td>0</td></tr>' in html


def test_pledge_list_chart_follows_the_filters(client, three_pledges):
    response = client.get(LIST_URL, {"language": "de"})

    assert response.context["country_counts"] == [
        ("AT", "Austria", 1, 0),
        ("DE", "Germany", 1, 0),
    ]


def test_country_chart_scales_bars_to_the_largest_value():
    chart = country_chart([("BE", "Belgium", 4, 0), ("FR", "France", 1, 2)])

    belgium, france = chart.rows
    assert belgium.pledges.width == BAR_SPACE
    assert belgium.smes.width == 0
    assert france.pledges.width == BAR_SPACE / 4
    assert france.smes.width == BAR_SPACE / 2
    assert france.pledges.y > belgium.smes.y
    assert chart.height > france.smes.y


def test_country_chart_empty():
    chart = country_chart([])

    assert chart.rows == []
    assert chart.maximum == 0


# --------------------------------------------------------------------------------------------
# One pledge's page
# --------------------------------------------------------------------------------------------
@pytest.fixture
def login(world, other_company_admin):
    def make(role: str) -> Client:
        client = Client()
        if role == "other_company_admin":
            client.force_login(other_company_admin)
        elif role != "anonymous":
            client.force_login(getattr(world, role))
        return client

    return make


@pytest.mark.parametrize("state", ["approved", "completed"])
def test_pledge_detail_public_pledge_for_anonymous(client, world, state):
    pledge = PledgeFactory(
        company=world.company,
        state=state,
        description="We mentor <b>SMEs</b>.\n\nSecond paragraph.",
        countries=["BE", "NL"],
        languages=["nl"],
    )
    pledge.expertise.set([skill("advanced", "CLOUD"), skill("digcomp", "1.1")])

    response = client.get(pledge.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert "Big Digital SE" in html
    for _field, text in COMMITMENTS:
        assert str(text).replace("'", "&#x27;") in html
    assert f"version {COMMITMENTS_VERSION}" in html
    assert "&lt;b&gt;SMEs&lt;/b&gt;" in html
    assert "<p>Second paragraph.</p>" in html
    assert "Cloud computing" in html
    assert "Advanced digital areas" in html
    assert "Netherlands" in html
    assert "Dutch" in html
    assert "Not public." not in html
    assert [item.label for item in response.context["progress"]] == [
        "SMEs supported",
        "Mentors engaged",
        "Mentoring hours",
    ]
    assert '<progress class="pledge-progress-bar" max="10" value="0"' in html
    assert "style=" not in html


@pytest.mark.parametrize(
    "role", ["anonymous", "outsider", "sme_admin", "reviewer", "other_company_admin"]
)
@pytest.mark.parametrize(
    "fields",
    [
        {"state": "draft"},
        {"state": "pending"},
        {"state": "rejected"},
        {"state": "withdrawn"},
        {"state": "approved", "is_public": False},
        {"state": "completed", "is_public": False},
    ],
    ids=["draft", "pending", "rejected", "withdrawn", "approved-private", "completed-private"],
)
def test_pledge_detail_hidden_pledge_is_404_for_others(world, login, role, fields):
    pledge = PledgeFactory(company=world.company, **fields)

    response = login(role).get(pledge.get_absolute_url())

    assert response.status_code == 404


@pytest.mark.parametrize("role", ["company_admin", "coordinator"])
@pytest.mark.parametrize("state", ["draft", "pending", "rejected"])
def test_pledge_detail_hidden_pledge_seen_by_its_company_and_coordinators(
    world, login, role, state
):
    pledge = PledgeFactory(company=world.company, state=state)

    response = login(role).get(pledge.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert "Not public." in html
    assert '<meta name="robots" content="noindex">' in html


def test_pledge_detail_unknown_slug_is_404(client, approved_pledge):
    response = client.get(reverse("volunteers:pledge_detail", kwargs={"slug": "no-such-pledge"}))

    assert response.status_code == 404


# --------------------------------------------------------------------------------------------
# Query counts
# --------------------------------------------------------------------------------------------
def _populate(start: int, stop: int) -> None:
    skills = list(Skill.objects.selectable().order_by("pk"))
    countries = ["BE", "FR", "DE", "IT", "ES", "NL"]
    for n in range(start, stop):
        pledge = pledge_of(
            f"Counted Company {n:02d}",
            state="completed" if n % 3 == 2 else "approved",
            countries=[countries[n % 6], countries[(n + 1) % 6]],
            languages=["en", "fr"],
        )
        pledge.expertise.set(skills[n % 20 : n % 20 + 5])


def _count_queries(url: str) -> int:
    cache.clear()  # the page rendered, not the visitors' cached copy (VIEWER_CACHE_SECONDS)
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(url)
    assert response.status_code == 200, url
    return len(queries)


def _list_urls() -> list[str]:
    """With and without filters, and with invalid ones; each matches the first pledge."""
    area = skill("digcomp", "1").pk
    return [
        LIST_URL,
        f"{LIST_URL}?country=BE&language=en",
        f"{LIST_URL}?expertise={area}&q=counted&status=active",
        f"{LIST_URL}?country=ZZ&page=x",
    ]


def test_pledge_list_query_count_same_at_1_and_30_pledges(db):
    _populate(0, 1)
    at_one = [_count_queries(url) for url in _list_urls()]

    _populate(1, 30)
    at_thirty = [_count_queries(url) for url in _list_urls()]

    assert at_one == at_thirty
    assert max(at_thirty) <= 8


@pytest.mark.parametrize(
    ("role", "state", "most"),
    # progress: approved mentors, SMEs supported and hours from partnerships (3 queries);
    # staff: one more, the two-factor check of accounts.mfa
    [("anonymous", "approved", 5), ("company_admin", "draft", 8), ("coordinator", "draft", 10)],
    ids=["anonymous-public", "company-admin-draft", "coordinator-draft"],
)
def test_pledge_detail_query_count_bounded(
    world, login, django_assert_max_num_queries, role, state, most
):
    pledge = PledgeFactory(company=world.company, state=state)
    pledge.expertise.set(Skill.objects.selectable().order_by("pk")[:12])
    client = login(role)

    with django_assert_max_num_queries(most):
        response = client.get(pledge.get_absolute_url())

    assert response.status_code == 200
