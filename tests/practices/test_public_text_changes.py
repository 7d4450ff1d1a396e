"""A staff edit of a published practice's public text (#15): visitors keep reading the approved
text until the SME approves the new one; the SME is emailed the difference; the admin says so."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from notifications.models import Notification
from practices import services
from practices.enums import RevisionReason
from practices.models import Practice
from tests.factories import PracticeFactory, PublishedPracticeFactory

pytestmark = pytest.mark.django_db

OLD_TITLE = "Zeppelin lunch hour"
OLD_TEXT = "Every Friday our staff learn together over lunch."
NEW_TITLE = "Zeppelin learning lunches"
NEW_TEXT = "Every Friday our whole staff learn together over a long lunch."


@pytest.fixture
def published(world):
    return PublishedPracticeFactory(
        organisation=world.sme,
        created_by=world.sme_member,
        slug="zeppelin",
        public_title=OLD_TITLE,
        public_description=OLD_TEXT,
    )


def admin_url(practice) -> str:
    return reverse("admin:practices_practice_change", args=[practice.pk])


def approve_url(practice) -> str:
    return reverse("practices:public_version_approve", kwargs={"pk": practice.pk})


def management_data(page) -> dict:
    data = {}
    for inline in page.context["inline_admin_formsets"]:
        form = inline.formset.management_form
        data.update({form.add_prefix(name): form[name].value() for name in form.fields})
    return data


def staff_edit(client, practice, title: str, text: str):
    page = client.get(admin_url(practice))
    return client.post(
        admin_url(practice),
        {
            **management_data(page),
            "public_title": title,
            "public_description": text,
            "_save": "Save",
        },
    )


def public_page(practice) -> str:
    return Client().get(f"/en/practices/{practice.slug}/").content.decode()


def search(word: str) -> str:
    return Client().get(f"/en/practices/?q={word}").content.decode()


# --------------------------------------------------------------------------------------------
# The whole journey, from the outside
# --------------------------------------------------------------------------------------------
def test_staff_edit_stays_private_until_the_sme_approves_the_difference(
    world, client_for, published, django_capture_on_commit_callbacks
):
    search("whole")  # a visitor's search, now cached
    with django_capture_on_commit_callbacks(execute=True):
        saved = staff_edit(client_for("reviewer"), published, NEW_TITLE, NEW_TEXT)
    public_meanwhile = public_page(published)
    search_meanwhile = search("whole")
    emails = list(Notification.objects.filter(event="practice_public_text_changed"))
    sme = client_for("sme_member")
    dashboard = sme.get(reverse("dashboard")).content.decode()
    approval = sme.get(approve_url(published))
    proposal = approval.context["form"]["proposal"].value()

    with django_capture_on_commit_callbacks(execute=True):
        approved = sme.post(approve_url(published), {"proposal": proposal})

    assert saved.status_code == 302
    assert OLD_TITLE in public_meanwhile and OLD_TEXT in public_meanwhile
    assert NEW_TITLE not in public_meanwhile and NEW_TEXT not in public_meanwhile
    assert NEW_TITLE not in search_meanwhile
    assert sorted(email.to_email for email in emails) == sorted(
        [world.sme_member.email, world.sme_admin.email]
    )
    text, html = emails[0].body_text, emails[0].body_html
    assert OLD_TEXT in text and NEW_TEXT in text  # now, and proposed
    assert "+ whole" in text and "+ a long" in text  # the words added
    assert "<ins" in html and "whole" in re.sub(r"<[^>]+>", "", html.split("<ins", 1)[1])
    assert f"/en/submissions/{published.pk}/public-version/" in text
    assert "propose a new public text" in dashboard
    assert [(c.label, c.before, c.after) for c in approval.context["difference"]] == [
        ("Title", OLD_TITLE, NEW_TITLE),
        ("Description", OLD_TEXT, NEW_TEXT),
    ]
    assert "<ins" in approval.content.decode()
    assert approved.status_code == 302
    public_now = public_page(published)
    assert NEW_TITLE in public_now and NEW_TEXT in public_now
    assert NEW_TITLE in search("whole")  # search documents rebuilt, cached searches forgotten
    published.refresh_from_db()
    assert (published.public_title, published.public_text_proposal) == (NEW_TITLE, None)
    assert published.public_version_approved_by == world.sme_member


def test_the_admin_form_shows_the_text_awaiting_approval_and_says_what_happens(
    world, client_for, published
):
    client = client_for("reviewer")
    staff_edit(client, published, NEW_TITLE, NEW_TEXT)

    page = client.get(admin_url(published))
    body = page.content.decode()

    assert page.context["adminform"].form["public_title"].value() == NEW_TITLE
    assert "visitors keep reading the current text until the SME approves the new one" in body
    assert f"visitors read the current text.<br><strong>{NEW_TITLE}</strong>" in body
    assert "A change asks the SME to approve the text again." not in body  # the old promise


def test_the_admin_tells_the_reviewer_the_text_went_to_the_sme(world, client_for, published):
    client = client_for("reviewer")

    response = staff_edit(client, published, NEW_TITLE, NEW_TEXT)

    followed = client.get(response["Location"])
    assert any("sent to the SME for approval" in str(m) for m in followed.context["messages"])


def test_the_staff_edit_is_kept_as_a_revision(world, client_for, published):
    staff_edit(client_for("reviewer"), published, NEW_TITLE, NEW_TEXT)

    published.refresh_from_db()
    revision = published.public_text_proposal
    assert (revision.reason, revision.author) == (RevisionReason.PUBLIC_VERSION, world.reviewer)
    assert (revision.data["public_title"], revision.data["public_description"]) == (
        NEW_TITLE,
        NEW_TEXT,
    )


# --------------------------------------------------------------------------------------------
# A further change, a change back, an approval of what was read
# --------------------------------------------------------------------------------------------
def test_a_further_edit_replaces_the_one_awaiting_and_the_older_cannot_be_approved(
    world, client_for, published
):
    client = client_for("reviewer")
    staff_edit(client, published, NEW_TITLE, NEW_TEXT)
    first = Practice.objects.get(pk=published.pk).public_text_proposal_id
    staff_edit(client, published, "Third title", NEW_TEXT)
    sme = client_for("sme_admin")

    stale = sme.post(approve_url(published), {"proposal": first})
    latest = Practice.objects.get(pk=published.pk).public_text_proposal_id
    current = sme.post(approve_url(published), {"proposal": latest})

    published.refresh_from_db()
    assert stale.status_code == 409
    assert str(services.MSG_NO_NEW_TEXT) in stale.content.decode()
    assert stale.context["form"]["proposal"].value() == latest  # the newer one, to read
    assert current.status_code == 302
    assert published.public_title == "Third title"
    assert Notification.objects.filter(event="practice_public_text_changed").count() == 4


def test_an_edit_back_to_the_public_text_withdraws_the_one_awaiting(world, client_for, published):
    client = client_for("reviewer")
    staff_edit(client, published, NEW_TITLE, NEW_TEXT)

    staff_edit(client, published, OLD_TITLE, OLD_TEXT)

    published.refresh_from_db()
    page = client_for("sme_member").get(approve_url(published))
    assert published.public_text_proposal is None
    assert page.context["form"] is None
    assert "There is no new text to approve" in page.content.decode()
    assert client_for("sme_member").post(approve_url(published), {"proposal": "1"}).status_code == (
        409
    )


def test_saving_the_admin_form_unchanged_sends_nothing_again(world, client_for, published):
    client = client_for("reviewer")
    staff_edit(client, published, NEW_TITLE, NEW_TEXT)

    staff_edit(client, published, NEW_TITLE, NEW_TEXT)

    assert Notification.objects.filter(event="practice_public_text_changed").count() == 2


@pytest.mark.parametrize("proposal", ["", "abc", "-1"], ids=["empty", "text", "negative"])
def test_a_forged_approval_changes_nothing(world, client_for, published, proposal):
    staff_edit(client_for("reviewer"), published, NEW_TITLE, NEW_TEXT)

    response = client_for("sme_member").post(approve_url(published), {"proposal": proposal})

    published.refresh_from_db()
    assert response.status_code in (200, 409)
    assert (published.public_title, published.public_text_proposal is None) == (OLD_TITLE, False)


@pytest.mark.parametrize("role", ["other_sme_admin", "company_admin", "reviewer", "outsider"])
def test_only_the_smes_people_approve(world, client_for, published, role):
    staff_edit(client_for("reviewer"), published, NEW_TITLE, NEW_TEXT)
    proposal = Practice.objects.get(pk=published.pk).public_text_proposal_id

    response = client_for(role).post(approve_url(published), {"proposal": proposal})

    published.refresh_from_db()
    assert response.status_code == 404
    assert published.public_title == OLD_TITLE


def test_a_too_long_title_is_refused_and_nothing_is_kept(world, published):
    with pytest.raises(ValidationError):
        services.practice_public_version_update(
            user=world.reviewer,
            practice=published,
            public_title="x" * 201,
            public_description=NEW_TEXT,
        )

    published.refresh_from_db()
    assert published.public_text_proposal is None
    assert not Notification.objects.exists()


# --------------------------------------------------------------------------------------------
# Before publication, as before: the text changes, the SME approves before it is published
# --------------------------------------------------------------------------------------------
def test_before_publication_an_edit_changes_the_text_and_asks_the_approval_again(world):
    practice = PracticeFactory(
        organisation=world.sme, state="selected", public_version_approved_at=timezone.now()
    )

    services.practice_public_version_update(
        user=world.reviewer, practice=practice, public_title=NEW_TITLE, public_description=""
    )

    practice.refresh_from_db()
    assert (practice.public_title, practice.public_text_proposal) == (NEW_TITLE, None)
    assert practice.public_version_approved_at is None
    assert set(Notification.objects.values_list("event", flat=True)) == {"practice_public_version"}


def test_a_taken_down_practices_new_text_is_approved_for_when_it_is_published_again(
    world, client_for, published
):
    services.practice_take_down(user=world.sme_admin, practice=published)
    staff_edit(client_for("reviewer"), published, NEW_TITLE, NEW_TEXT)
    proposal = Practice.objects.get(pk=published.pk).public_text_proposal_id

    client_for("sme_admin").post(approve_url(published), {"proposal": proposal})
    gone = Client().get(f"/en/practices/{published.slug}/")
    services.practice_publish_again(user=world.sme_admin, practice=published, consent=True)

    assert gone.status_code == 410 and NEW_TITLE not in gone.content.decode()
    assert NEW_TITLE in public_page(published)
