"""Browser journey of writing to a group (issue #14): a coordinator writes to the selected SMEs
of a call in the admin, checks how many people receive it and how it reads in each language,
confirms (twice, as a double click does), and each person's email arrives once, in their
language, through real SMTP. axe on every page; no Content-Security-Policy violation."""

import re
import time

import pytest
from playwright.sync_api import expect

from accounts.enums import MembershipRole
from accounts.roles import COORDINATORS
from tests.e2e.helpers import mail_about, staff_log_in
from tests.factories import (
    CallFactory,
    MembershipFactory,
    OrganisationFactory,
    PracticeFactory,
    UserFactory,
)

CALL_TITLE = "Digital SkillUp 2027"
COORDINATOR_EMAIL = "carla.coordinator@skillup.example.eu"
SUBJECT_EN = "Your invitation to the SkillUp awards"
SUBJECT_FR = "Votre invitation à la remise des prix SkillUp"
# the selected SMEs' administrators, and the language each reads
SELECTED = {
    "anna@atelier-nord.example.eu": "en",
    "louis@boulangerie-sud.example.eu": "fr",
    "jonas@werkstatt-ost.example.eu": "de",  # no German text: English
}
NOT_SELECTED = "nina@shortlisted.example.eu"


@pytest.fixture
def world(transactional_db):
    call = CallFactory(title=CALL_TITLE)
    for index, (email, language) in enumerate(SELECTED.items()):
        sme = OrganisationFactory(name=f"Selected SME {index}")
        MembershipFactory(
            organisation=sme,
            role=MembershipRole.ADMIN,
            user=UserFactory(email=email, language=language),
        )
        PracticeFactory(call=call, organisation=sme, state="selected" if index else "published")
    other = OrganisationFactory(name="Shortlisted SME")
    MembershipFactory(
        organisation=other, role=MembershipRole.ADMIN, user=UserFactory(email=NOT_SELECTED)
    )
    PracticeFactory(call=call, organisation=other, state="shortlisted")
    UserFactory(email=COORDINATOR_EMAIL, is_staff=True, groups=[COORDINATORS])
    return call


def test_coordinator_writes_to_the_selected_smes_and_each_email_arrives_once(
    page, site, smtp_sink, axe_check_admin, csp_violations, world
):
    staff_log_in(page, site, COORDINATOR_EMAIL, axe_check_admin)

    # --- Compose ------------------------------------------------------------------------------
    page.goto(f"{site}/admin/outreach/groupmessage/")
    axe_check_admin(page, "outreach-list-empty")
    page.get_by_role("link", name=re.compile("Add group message")).click()
    expect(page.get_by_role("heading", level=1, name="Add group message")).to_be_visible()
    axe_check_admin(page, "outreach-compose")
    page.get_by_label("Group").select_option(label="SMEs selected in a call")
    page.get_by_role("button", name="Save and preview").click()  # no call, no text yet
    expect(page.locator(".errornote")).to_be_visible()
    expect(page.get_by_text("Choose the call whose SMEs you are writing to.")).to_be_visible()
    axe_check_admin(page, "outreach-compose-errors")

    page.get_by_label("Call").select_option(label=CALL_TITLE)
    page.get_by_label("Subject (English)").fill(SUBJECT_EN)
    page.get_by_label("Message (English)").fill(
        "Dear SkillUp winner,\n\nJoin us in Brussels on 12 March. <b>Bring your team!</b>"
    )
    page.locator(
        "fieldset summary", has_text="French"
    ).click()  # languages not yet written are folded
    page.get_by_label("Subject (French)").fill(SUBJECT_FR)
    page.get_by_label("Message (French)").fill(
        "Chère lauréate, cher lauréat,\n\nRejoignez-nous à Bruxelles le 12 mars."
    )
    page.get_by_role("button", name="Save and preview").click()

    # --- Preview: who and how ---------------------------------------------------------------
    expect(
        page.get_by_role("heading", level=1, name=f"Check, then send: {SUBJECT_EN}")
    ).to_be_visible()
    expect(page.locator("#outreach-count")).to_have_text(
        re.compile(r"3\s+people will receive this message")
    )
    people = page.get_by_role("table", name="The people of the group")
    for email in SELECTED:
        expect(people).to_contain_text(email)
    expect(people).not_to_contain_text(NOT_SELECTED)
    expect(page.get_by_role("heading", level=3, name=re.compile("^English"))).to_contain_text(
        "2 readers"
    )
    expect(page.get_by_role("heading", level=3, name=re.compile("^French"))).to_contain_text(
        "1 reader"
    )
    expect(page.get_by_text("Rejoignez-nous à Bruxelles le 12 mars.")).to_be_visible()
    expect(page.get_by_text("<b>Bring your team!</b>", exact=False)).to_be_visible()  # as text
    axe_check_admin(page, "outreach-preview")
    assert smtp_sink.messages == []  # nothing before the confirmation

    # --- Confirm: a double click sends once ---------------------------------------------------
    page.get_by_role("button", name="Send to 3 people").dblclick()
    expect(page.locator(".messagelist")).to_contain_text(
        re.compile("on its way to 3 people|sent already")
    )
    expect(page.get_by_text("Sent to 3 people; 0 turned programme news off.")).to_be_visible()
    axe_check_admin(page, "outreach-sent")

    received = {email: mail_about(smtp_sink, email, "SkillUp") for email in SELECTED}
    time.sleep(1)  # a second copy, if there were one, would have arrived by now
    assert len(smtp_sink.messages) == 3
    assert received["anna@atelier-nord.example.eu"]["Subject"] == SUBJECT_EN
    assert received["louis@boulangerie-sud.example.eu"]["Subject"] == SUBJECT_FR
    assert received["jonas@werkstatt-ost.example.eu"]["Subject"] == SUBJECT_EN
    french = smtp_sink.text_of(received["louis@boulangerie-sud.example.eu"])
    assert "Rejoignez-nous à Bruxelles le 12 mars." in french
    assert (
        received["louis@boulangerie-sud.example.eu"]["List-Unsubscribe"]
        .strip()
        .startswith(f"<{site}/fr/")
    )

    # --- The record: listed, read-only ------------------------------------------------------
    page.get_by_role("link", name="See who received it").click()
    expect(page.locator("#result_list tbody tr")).to_have_count(3)
    axe_check_admin(page, "outreach-recipients")
    assert csp_violations == []
