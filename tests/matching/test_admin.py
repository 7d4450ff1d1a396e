"""The taxonomy in the admin: every staff member may look, nobody may add, change or delete."""

import pytest
from django.urls import reverse

from matching.models import Skill

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["reviewer", "coordinator"])
def test_skill_admin_staff_can_view_list_and_search(client_for, role):
    client = client_for(role)

    response = client.get(reverse("admin:matching_skill_changelist"), {"q": "Netiquette"})

    assert response.status_code == 200
    assert "2.5" in response.content.decode()


@pytest.mark.parametrize("role", ["reviewer", "coordinator"])
def test_skill_admin_staff_cannot_add_or_delete(client_for, role):
    client = client_for(role)
    skill = Skill.objects.get(framework__key="digcomp", code="2.5")

    add = client.get(reverse("admin:matching_skill_add"))
    delete = client.get(reverse("admin:matching_skill_delete", args=[skill.pk]))
    change = client.post(
        reverse("admin:matching_skill_change", args=[skill.pk]), {"title": "Edited"}
    )

    assert (add.status_code, delete.status_code, change.status_code) == (403, 403, 403)
    skill.refresh_from_db()
    assert skill.title == "Netiquette"


@pytest.mark.parametrize("role", ["anonymous", "sme_admin"])
def test_framework_admin_not_staff_redirected_to_login(client_for, role):
    client = client_for(role)

    response = client.get(reverse("admin:matching_framework_changelist"))

    assert response.status_code == 302
