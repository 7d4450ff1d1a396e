"""The reviewers' list renders its rows with a faster tag: the same HTML as Django's own."""

import pytest
from django.contrib.admin.templatetags.admin_list import results

from practices import services
from practices.templatetags.practices_admin import fast_result_list
from tests.factories import PracticeFactory, ReviewFactory

pytestmark = pytest.mark.django_db

URL = "/admin/practices/practice/"


@pytest.mark.parametrize(
    ("role", "query"),
    [
        ("reviewer", ""),
        ("reviewer", "?state__exact=in_review&o=-3"),
        ("coordinator", "?q=learning"),
    ],
    ids=["reviewer", "reviewer-filtered-sorted", "coordinator-search"],
)
def test_fast_rows_equal_django_rows(world, client_for, role, query):
    for n, organisation in enumerate([world.sme, world.other_sme, world.sme]):
        practice = PracticeFactory(
            organisation=organisation, state="in_review", title=f"Learning <b>{n}</b>"
        )
        ReviewFactory(practice=practice)
    services.review_save(
        reviewer=world.reviewer,
        practice=practice,
        scores={"innovation": 2, "impact": 3, "transferability": 4, "clarity": 5},
        recommendation="discuss",
    )
    PracticeFactory(organisation=world.other_sme, state="submitted", audience="")

    response = client_for(role).get(URL + query)

    cl = response.context["cl"]
    fast = [list(row) for row in fast_result_list(cl)["results"]]
    stock = [list(row) for row in results(cl)]
    assert len(stock) >= 3
    assert fast == stock
    assert "Learning &lt;b&gt;" in response.content.decode()
