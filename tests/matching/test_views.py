"""The public skills page: open to everyone, credits every framework, fixed query count."""

import pytest
from django.urls import reverse

from matching.models import Framework, Skill

pytestmark = pytest.mark.django_db

SKILLS_URL = "/en/skills/"


def test_skill_list_url_name():
    assert reverse("matching:skill_list") == SKILLS_URL


def test_skill_list_anonymous_sees_competences_and_attribution(client):
    response = client.get(SKILLS_URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Protecting personal data and privacy" in html
    assert "Data Science and Analytics" in html
    assert "High-performance computing" in html
    for framework in Framework.objects.all():
        assert framework.name in html
        assert framework.licence in html
    assert "© European Union, 2022" in html
    assert "CC BY 4.0" in html
    assert 'href="https://creativecommons.org/licenses/by/4.0/"' in html


def test_skill_list_shows_common_levels(client):
    response = client.get(SKILLS_URL)

    html = response.content.decode()
    assert "Highly specialised" in html
    assert "DigComp 5–6" in html
    assert "e-CF e-3" in html


def test_skill_list_areas_not_listed_as_competences(client):
    response = client.get(SKILLS_URL)

    html = response.content.decode()
    assert '<h3 class="h5">A Plan</h3>' in html
    assert '<h3 class="h5">1 Information and data literacy</h3>' in html


@pytest.mark.parametrize("extra", [0, 40], ids=["loaded", "loaded-plus-40"])
def test_skill_list_query_count_constant(client, django_assert_max_num_queries, extra):
    advanced = Framework.objects.get(key="advanced")
    Skill.objects.bulk_create(
        Skill(framework=advanced, code=f"X{n}", title=f"Extra area {n}", position=100 + n)
        for n in range(extra)
    )

    with django_assert_max_num_queries(2):
        response = client.get(SKILLS_URL)

    assert response.status_code == 200
    assert ("Extra area 39" in response.content.decode()) is (extra == 40)
