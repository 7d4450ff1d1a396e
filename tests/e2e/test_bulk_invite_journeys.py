"""Browser journey of the CSV invitation of experts (issue #14): a company admin downloads the
example, uploads a list with problems, reads them in the preview, sends the good rows, and the
emails arrive once each (real SMTP to the harness's sink). axe on the upload page, on a file
refused as a whole and on the preview; no Content-Security-Policy violation or script error."""

import re

import pytest
from playwright.sync_api import expect

from accounts.enums import MembershipRole
from tests.e2e.helpers import alert, log_in, mail_about, status
from tests.factories import CompanyFactory, MembershipFactory, UserFactory
from volunteers.models import MentorInvitation

COMPANY_ADMIN_EMAIL = "ingrid.berg@nordlicht.example.eu"
FILE_LABEL = re.compile(r"^\s*CSV file of experts")
EXPERTS_CSV = (
    "\ufeffemail;name;language\r\n"
    "tomas.novak@nordlicht.example.eu;Tomáš Novák;de\r\n"
    "not-an-address;<b>Bold</b> Person;en\r\n"
    "aino.virtanen@nordlicht.example.eu;Aino Virtanen;fr\r\n"
    "TOMAS.NOVAK@nordlicht.example.eu;Tomáš again;de\r\n"
).encode()


@pytest.fixture
def company(transactional_db):
    company = CompanyFactory(name="Nordlicht Digital SE", country="DE")
    MembershipFactory(
        organisation=company,
        role=MembershipRole.ADMIN,
        user=UserFactory(email=COMPANY_ADMIN_EMAIL, full_name="Ingrid Berg"),
    )
    return company


def upload(page, name: str, data: bytes) -> None:
    page.get_by_label(FILE_LABEL).set_input_files(
        {"name": name, "mimeType": "text/csv", "buffer": data}
    )
    page.get_by_role("button", name="Check the file").click()


def test_company_admin_invites_experts_from_a_csv(
    page, site, smtp_sink, axe_check, csp_violations, company
):
    page.goto(site)
    log_in(page, COMPANY_ADMIN_EMAIL)
    page.goto(f"{site}/en/companies/{company.pk}/pledge/")
    page.get_by_role("link", name="Invite several experts (CSV)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Invite several experts to Nordlicht Digital SE"
    )
    axe_check(page, "bulk-invite-upload")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download an example file (CSV)").click()
    assert download.value.suggested_filename == "mentor-invitations-example.csv"

    # a workbook is refused as a whole, with what to do
    upload(page, "experts.xlsx", b"PK\x03\x04\x14\x00\x06\x00")
    expect(page.get_by_text("This file is not a CSV text file.")).to_be_visible()
    axe_check(page, "bulk-invite-refused")

    upload(page, "experts.csv", EXPERTS_CSV)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check the invitations to Nordlicht Digital SE"
    )
    problems = page.get_by_role("table", name=re.compile("will not be invited"))
    expect(problems.get_by_role("row")).to_have_count(3)  # header + 2 rows
    expect(problems.get_by_role("row", name=re.compile("^3 "))).to_contain_text(
        "Not a valid email address."
    )
    expect(problems).to_contain_text("<b>Bold</b> Person")  # shown as text, not markup
    expect(problems.get_by_role("row", name=re.compile("^5 "))).to_contain_text(
        "The same email address as line 2."
    )
    assert MentorInvitation.objects.count() == 0  # nothing before the confirmation
    axe_check(page, "bulk-invite-preview")

    page.get_by_role("button", name="Send 2 invitations").click()

    expect(status(page, "2 invitations to mentor are on their way.")).to_be_visible()
    expect(alert(page, "2 experts were not invited")).to_have_count(0)
    mail_about(smtp_sink, "tomas.novak@nordlicht.example.eu", "Nordlicht")
    mail_about(smtp_sink, "aino.virtanen@nordlicht.example.eu", "Nordlicht")
    assert sorted(MentorInvitation.objects.values_list("email", "language")) == [
        ("aino.virtanen@nordlicht.example.eu", "fr"),
        ("tomas.novak@nordlicht.example.eu", "de"),
    ]
    assert csp_violations == []
