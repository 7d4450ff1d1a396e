"""Inviting several experts from a CSV (issue #14): upload, preview, confirm.

Every kind of bad row is reported with its line; a file refused as a whole says why; nothing is
stored or sent before the confirmation; the confirmation sends exactly the ready rows, once; a
changed, foreign or stale preview is refused; who may open the pages, from the outside.
"""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.enums import MembershipRole
from notifications.models import Notification
from tests.factories import (
    CompanyFactory,
    MembershipFactory,
    MentorInvitationFactory,
    MentorProfileFactory,
)
from volunteers import invitation_csv
from volunteers.invitation_csv import (
    MAX_BYTES,
    MAX_ROWS,
    ExpertRow,
    FileRefused,
    pack_rows,
    read_experts,
)
from volunteers.models import MentorInvitation

pytestmark = pytest.mark.django_db

HEADER = "email,name,language\n"


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------
def upload_url(company) -> str:
    return reverse("volunteers:mentor_invite_csv", kwargs={"pk": company.pk})


def confirm_url(company) -> str:
    return reverse("volunteers:mentor_invite_csv_confirm", kwargs={"pk": company.pk})


def csv_file(text: str | bytes, name: str = "experts.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = text.encode() if isinstance(text, str) else text
    return SimpleUploadedFile(name, data, content_type="text/csv")


def as_user(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def preview(client: Client, company, text: str | bytes):
    return client.post(upload_url(company), {"file": csv_file(text)})


def signed_rows(response) -> str:
    return response.context["confirm_form"].initial["rows"]


def problems_of(response) -> list[tuple[int, list[str]]]:
    return [(row.line, row.problems) for row in response.context["problems"]]


def ready_emails(response) -> list[str]:
    return [row.email for row in response.context["ready"]]


def nothing_stored() -> bool:
    return not MentorInvitation.objects.exists() and not Notification.objects.exists()


def rows_text(count: int) -> str:
    return HEADER + "".join(
        f"expert{n}@big-digital.example.eu,Expert {n},en\n" for n in range(count)
    )


# --------------------------------------------------------------------------------------------
# The preview: every bad row with its line; nothing stored
# --------------------------------------------------------------------------------------------
def test_preview_reports_every_bad_row_with_its_line_number(world, mentor):
    MentorInvitationFactory(
        company=world.company,
        email="invited@big-digital.example.eu",
        expires_at=timezone.now() + timedelta(days=3),
    )
    text = (
        HEADER
        + "ok@big-digital.example.eu,Ok Person,en\n"  # 2
        + "not-an-email,Bad Email,en\n"  # 3
        + f"{mentor.user.email.upper()},Already Mentor,fr\n"  # 4
        + "invited@big-digital.example.eu,Already Invited,de\n"  # 5
        + "OK@big-digital.example.eu,Twice,en\n"  # 6
        + "lang@big-digital.example.eu,Unknown Language,xx\n"  # 7
        + ",,\n"  # 8
        + ",No Email,en\n"  # 9
        + f"long@big-digital.example.eu,{'n' * 151},en\n"  # 10
        + "last@big-digital.example.eu,Last,fr\n"  # 11
    )
    client = as_user(world.company_admin)

    response = preview(client, world.company, text)

    assert response.status_code == 200
    date = response.context["problems"][2].problems[0]
    assert problems_of(response) == [
        (3, ["Not a valid email address."]),
        (4, ["This person is already a mentor of your company."]),
        (5, [date]),
        (6, ["The same email address as line 2."]),
        (7, ["Unknown language “xx”: use en, fr, de, es, it, pl, nl."]),
        (8, ["Empty row."]),
        (9, ["No email address."]),
        (10, ["The name is too long: at most 150 characters."]),
    ]
    assert date.startswith("Already invited: the invitation is valid until ")
    assert ready_emails(response) == ["ok@big-digital.example.eu", "last@big-digital.example.eu"]
    body = response.content.decode()
    assert "Send 2 invitations" in body
    assert "Unknown language “xx”: use en, fr, de, es, it, pl, nl." in body


def test_preview_stores_and_sends_nothing(world):
    client = as_user(world.company_admin)

    response = preview(client, world.company, rows_text(3))

    assert ready_emails(response) == [f"expert{n}@big-digital.example.eu" for n in range(3)]
    assert nothing_stored()
    assert mail.outbox == []


def test_preview_accepts_semicolons_bom_crlf_any_column_order_and_language_names(world):
    text = (
        "\ufeffLanguage;E-mail;Name;Team\r\n"
        "Deutsch;Lena.Mueller@big-digital.example.eu;Lena Müller;Data\r\n"
        'french;jean@big-digital.example.eu;"Dupont; Jean";Cloud\r\n'
        ";sam@big-digital.example.eu;Sam;\r\n"
        "\r\n;;;\r\n"  # blank lines at the end are not experts
    )
    client = as_user(world.company_admin)

    response = client.post(
        upload_url(world.company), {"file": csv_file(text.encode())}, HTTP_ACCEPT_LANGUAGE="fr"
    )

    assert [(r.line, r.email, r.name, r.language) for r in response.context["rows"]] == [
        (2, "lena.mueller@big-digital.example.eu", "Lena Müller", "de"),
        (3, "jean@big-digital.example.eu", "Dupont; Jean", "fr"),
        (4, "sam@big-digital.example.eu", "Sam", "en"),  # empty: the page's language
    ]


def test_preview_shows_unicode_names_and_escapes_html(world):
    text = HEADER + "zoe@big-digital.example.eu,<script>alert(1)</script> Zoë Łukasz 李小龍,en\n"
    client = as_user(world.company_admin)

    response = preview(client, world.company, text)

    body = response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Zoë Łukasz 李小龍" in body
    assert "<script>alert(1)" not in body


def test_a_mentor_of_another_company_is_not_revealed(world):
    other = CompanyFactory(name="Other Cloud AG")
    someone_else = MentorProfileFactory(company=other)
    client = as_user(world.company_admin)

    response = preview(client, world.company, HEADER + f"{someone_else.user.email},X,en\n")

    assert ready_emails(response) == [someone_else.user.email.lower()]


def test_an_expired_invitation_is_ready_to_send_again(world):
    old = MentorInvitationFactory(
        company=world.company,
        email="late@big-digital.example.eu",
        expires_at=timezone.now() - timedelta(days=1),
    )
    client = as_user(world.company_admin)

    response = preview(client, world.company, HEADER + "late@big-digital.example.eu,Late,en\n")
    client.post(confirm_url(world.company), {"rows": signed_rows(response)})

    old.refresh_from_db()
    assert old.is_open
    assert list(MentorInvitation.objects.values_list("pk", flat=True)) == [old.pk]


# --------------------------------------------------------------------------------------------
# Whole files refused
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(rows_text(MAX_ROWS + 1).encode(), "The file has 501 experts", id="501-rows"),
        pytest.param(
            HEADER.encode() + b"a@example.eu,x,en\n" * (MAX_BYTES // 18 + 1),
            "The file is too big: at most 256 KB",
            id="too-many-bytes",
        ),
        pytest.param(b"PK\x03\x04\x14\x00\x06\x00", "This file is not a CSV text file", id="xlsx"),
        pytest.param(
            "email,name,language\nzoe@example.eu,Zoë,en\n".encode("latin-1"),
            "This file is not in UTF-8",
            id="latin-1",
        ),
        pytest.param(
            b"zoe@example.eu,Zoe,en\n", "The first row must name the columns", id="no-header"
        ),
        pytest.param(b"", "The submitted file is empty.", id="empty-file"),
        pytest.param(HEADER.encode() + b"\n\n", "The file names no expert", id="header-only"),
    ],
)
def test_a_whole_file_is_refused_with_a_clear_message(world, data, message):
    client = as_user(world.company_admin)

    response = preview(client, world.company, data)

    assert response.status_code == 200
    assert response.templates[0].name == "volunteers/mentor_invite_csv.html"
    assert message in response.content.decode()
    assert nothing_stored()


def test_500_rows_are_accepted(world):
    client = as_user(world.company_admin)

    response = preview(client, world.company, rows_text(MAX_ROWS))

    assert len(ready_emails(response)) == MAX_ROWS
    assert response.context["problems"] == []


def test_read_experts_counts_lines_of_quoted_cells_and_refuses_bytes_past_the_limit():
    text = HEADER + 'a@example.eu,"Ann\nSecond line",en\nb@example.eu,Bo,de\n'

    rows = read_experts(text.encode(), default_language="en")

    assert [(row.line, row.name) for row in rows] == [(2, "Ann Second line"), (4, "Bo")]
    with pytest.raises(FileRefused):
        read_experts(b"x" * (MAX_BYTES + 1), default_language="en")


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("es", "es"),
        ("Español", "es"),
        ("italiano", "it"),
        ("Polski", "pl"),
        ("polaco", "pl"),
        ("Nederlands", "nl"),
        ("Dutch", "nl"),
    ],
    ids=["es-code", "es-own-name", "it-own-name", "pl-own-name", "pl-in-spanish", "nl", "nl-en"],
)
def test_read_experts_accepts_every_interface_language(written, code):
    text = HEADER + f"ana@example.eu,Ana,{written}\n"

    rows = read_experts(text.encode(), default_language="en")

    assert [(row.language, row.problems) for row in rows] == [(code, [])]


def test_upload_page_names_every_interface_language(world):
    client = as_user(world.company_admin)

    body = client.get(upload_url(world.company)).content.decode()

    for code in ("en", "fr", "de", "es", "it", "pl", "nl"):
        assert f"<code>{code}</code>" in body
    assert '<span lang="pl">polski</span>' in body


def test_preview_queries_do_not_grow_with_the_rows(world, mentor):
    client = as_user(world.company_admin)
    client.get(upload_url(world.company))  # session and language settled

    with CaptureQueriesContext(connection) as one:
        preview(client, world.company, rows_text(1))
    with CaptureQueriesContext(connection) as many:
        preview(client, world.company, rows_text(200))

    assert len(many) == len(one)


# --------------------------------------------------------------------------------------------
# Confirmation: exactly the ready rows, once
# --------------------------------------------------------------------------------------------
def test_confirm_sends_exactly_the_ready_rows_once(
    world, mentor, django_capture_on_commit_callbacks
):
    text = (
        HEADER
        + "ana@big-digital.example.eu,Ana García,en\n"
        + "bad-address,Bad,en\n"
        + "jean@big-digital.example.eu,Jean,fr\n"
        + f"{mentor.user.email},Mentor,en\n"
        + "lena@big-digital.example.eu,Lena,de\n"
    )
    client = as_user(world.company_admin)
    signed = signed_rows(preview(client, world.company, text))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(confirm_url(world.company), {"rows": signed})
    again = client.post(confirm_url(world.company), {"rows": signed}, follow=True)

    assert response.status_code == 302
    assert response.url == reverse("volunteers:company_pledge", kwargs={"pk": world.company.pk})
    invitations = MentorInvitation.objects.order_by("email")
    assert [(i.email, i.language, i.invited_by) for i in invitations] == [
        ("ana@big-digital.example.eu", "en", world.company_admin),
        ("jean@big-digital.example.eu", "fr", world.company_admin),
        ("lena@big-digital.example.eu", "de", world.company_admin),
    ]
    notifications = Notification.objects.filter(event="mentor_invited").order_by("to_email")
    assert [(n.to_email, n.language) for n in notifications] == [
        ("ana@big-digital.example.eu", "en"),
        ("jean@big-digital.example.eu", "fr"),
        ("lena@big-digital.example.eu", "de"),
    ]
    assert sorted(message.to[0] for message in mail.outbox) == [
        "ana@big-digital.example.eu",
        "jean@big-digital.example.eu",
        "lena@big-digital.example.eu",
    ]
    shown = [str(m) for m in again.context["messages"]]
    assert "No invitation was sent." in shown
    assert MentorInvitation.objects.count() == 3
    assert Notification.objects.filter(event="mentor_invited").count() == 3


def test_confirm_rechecks_rows_that_changed_since_the_preview(world):
    client = as_user(world.company_admin)
    signed = signed_rows(preview(client, world.company, rows_text(2)))
    MentorProfileFactory(
        company=world.company,
        user=MembershipFactory(
            organisation=world.company,
            role=MembershipRole.MEMBER,
            user__email="expert1@big-digital.example.eu",
        ).user,
    )

    response = client.post(confirm_url(world.company), {"rows": signed}, follow=True)

    assert list(MentorInvitation.objects.values_list("email", flat=True)) == [
        "expert0@big-digital.example.eu"
    ]
    shown = [str(m) for m in response.context["messages"]]
    assert shown == [
        "1 invitation to mentor is on its way.",
        "1 expert was not invited: line 3, expert1@big-digital.example.eu: "
        "This person is already a mentor of your company.",
    ]


def _tampered(signed: str) -> str:
    payload, _, signature = signed.rpartition(":")
    return f"{payload}:{'A' if signature[0] != 'A' else 'B'}{signature[1:]}"


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(_tampered, id="signature-changed"),
        pytest.param(lambda s: "W10:1tX:abc", id="made-up"),
        pytest.param(lambda s: "", id="empty"),
        pytest.param(
            lambda s: pack_rows(
                [ExpertRow(line=2, email="evil@example.eu", language="en")],
                company_id=0,
                user_id=0,
            ),
            id="signed-for-someone-else",
        ),
    ],
)
def test_a_changed_preview_is_refused_and_sends_nothing(world, change):
    client = as_user(world.company_admin)
    signed = signed_rows(preview(client, world.company, rows_text(2)))

    response = client.post(confirm_url(world.company), {"rows": change(signed)}, follow=True)

    assert [str(m) for m in response.context["messages"]] == [
        "This preview could not be read. Upload the file again."
    ]
    assert nothing_stored()


def test_a_preview_for_another_company_is_refused(world):
    """An admin of two companies previews for one and posts to the other."""
    second = CompanyFactory(name="Second Big SE")
    MembershipFactory(organisation=second, role=MembershipRole.ADMIN, user=world.company_admin)
    client = as_user(world.company_admin)
    signed = signed_rows(preview(client, world.company, rows_text(2)))

    client.post(confirm_url(second), {"rows": signed})

    assert nothing_stored()


def test_a_stale_preview_is_refused(world):
    client = as_user(world.company_admin)
    signed = signed_rows(preview(client, world.company, rows_text(2)))

    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        response = client.post(confirm_url(world.company), {"rows": signed}, follow=True)

    assert [str(m) for m in response.context["messages"]] == [
        "This preview has expired. Upload the file again."
    ]
    assert nothing_stored()


def test_confirm_is_rate_limited_per_company(world, monkeypatch):
    from skillup import ratelimit
    from volunteers.views import invitations

    monkeypatch.setattr(
        invitations, "MENTOR_INVITATION_CSV_RATE", ratelimit.Limit("test-csv", 1, 3600)
    )
    client = as_user(world.company_admin)
    signed = signed_rows(preview(client, world.company, rows_text(1)))
    client.post(confirm_url(world.company), {"rows": signed})

    response = client.post(confirm_url(world.company), {"rows": signed})

    assert response.status_code == 429


# --------------------------------------------------------------------------------------------
# Who may
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("outsider", 404),
        ("sme_admin", 404),
        ("member", 404),  # a member of the company, not its admin
        ("other_company_admin", 404),
        ("reviewer", 404),
        ("company_admin", 200),
        ("coordinator", 200),
    ],
)
def test_upload_page_for_each_role(world, other_company_admin, role, status):
    people = {
        "other_company_admin": other_company_admin,
        "member": MembershipFactory(organisation=world.company, role=MembershipRole.MEMBER).user,
    }
    client = Client()
    if role != "anonymous":
        client.force_login(people.get(role) or getattr(world, role))

    get = client.get(upload_url(world.company))
    post = client.post(upload_url(world.company), {"file": csv_file(rows_text(1))})

    assert (get.status_code, post.status_code) == (status, status)
    assert nothing_stored()


@pytest.mark.parametrize("role", ["other_company_admin", "member", "sme_admin"])
def test_confirm_refused_to_who_may_not_invite(world, other_company_admin, role):
    people = {
        "other_company_admin": other_company_admin,
        "member": MembershipFactory(organisation=world.company, role=MembershipRole.MEMBER).user,
        "sme_admin": world.sme_admin,
    }
    user = people[role]
    signed = pack_rows(
        [ExpertRow(line=2, email="x@example.eu", language="en")],
        company_id=world.company.pk,
        user_id=user.pk,
    )

    response = as_user(user).post(confirm_url(world.company), {"rows": signed})

    assert response.status_code == 404
    assert nothing_stored()


def test_an_sme_is_not_a_company_whose_experts_can_be_invited(world):
    response = as_user(world.coordinator).get(upload_url(world.sme))

    assert response.status_code == 404


def test_a_coordinator_invites_for_any_large_company(world):
    client = as_user(world.coordinator)
    signed = signed_rows(preview(client, world.company, rows_text(2)))

    response = client.post(confirm_url(world.company), {"rows": signed})

    assert [(i.company, i.invited_by) for i in MentorInvitation.objects.all()] == [
        (world.company, world.coordinator),
        (world.company, world.coordinator),
    ]
    changelist = reverse("admin:volunteers_mentorinvitation_changelist")
    assert response.url == f"{changelist}?company__id__exact={world.company.pk}"


def test_mentors_page_links_to_the_csv_page(world):
    response = as_user(world.company_admin).get(
        reverse("volunteers:company_pledge", kwargs={"pk": world.company.pk})
    )

    assert upload_url(world.company) in response.content.decode()


def test_example_file_is_read_without_problems():
    from django.contrib.staticfiles import finders

    path = finders.find("volunteers/mentor-invitations-example.csv")
    with open(path, "rb") as example:
        rows = read_experts(example.read(), default_language="en")

    assert [row.problems for row in rows] == [[], [], [], []]
    assert invitation_csv.MAX_ROWS == 500


@pytest.mark.parametrize(
    ("role", "company", "allowed"),
    [
        ("company_admin", "company", True),
        ("coordinator", "company", True),
        ("coordinator", "sme", False),  # only a large company has mentors
        ("sme_admin", "sme", False),
        ("sme_admin", "company", False),
        ("reviewer", "company", False),
        ("outsider", "company", False),
    ],
)
def test_can_invite_mentors(world, role, company, allowed):
    from volunteers.permissions import can_invite_mentors

    assert can_invite_mentors(getattr(world, role), getattr(world, company)) is allowed


def test_the_email_greets_the_expert_by_the_name_in_the_file(
    world, django_capture_on_commit_callbacks
):
    client = as_user(world.company_admin)
    text = HEADER + "ana@big-digital.example.eu,Ana <García>,en\nbo@big-digital.example.eu,,en\n"
    signed = signed_rows(preview(client, world.company, text))

    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirm_url(world.company), {"rows": signed})

    sent = {message.to[0]: message for message in mail.outbox}
    ana, bo = sent["ana@big-digital.example.eu"], sent["bo@big-digital.example.eu"]
    assert ana.body.startswith("Hello Ana <García>,")
    assert "<p>Hello Ana &lt;García&gt;,</p>" in ana.alternatives[0][0]
    assert not bo.body.startswith("Hello")  # no name in the file: no greeting
