"""Hostile and careless input on the SME's forms: a clear message on the right field, no 500,
nothing saved; text stored as typed and rendered escaped; files checked by their content."""

import io
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from practices.enums import PracticeState
from practices.models import DetailRequest, EventInvitation, Practice, TrainingTool
from practices.validators import MSG_ATTACHMENT_TYPE
from tests.factories import CallFactory, EventFactory, PracticeFactory

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def form_data(**changes) -> dict:
    data = {
        "title": "Friday learning hour",
        "short_description": "Every Friday our staff spend one hour on Elements of AI.",
        "online_learning": "Online courses during paid time.",
        "methodology": "Peer groups of four.",
        "tools": [TrainingTool.objects.get(slug="elements-of-ai").pk],
        "keep_learning": "Certificates are celebrated.",
        "audience": "both",
        "internal_confirmed": "on",
        "action": "save",
        "form_token": str(uuid.uuid4()),
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def post_new(client, call, **changes):
    return client.post(
        reverse("practices:submission_create", kwargs={"slug": call.slug}), form_data(**changes)
    )


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


# --------------------------------------------------------------------------------------------
# The practice form
# --------------------------------------------------------------------------------------------
FIELD_CASES = {
    "empty-form": ({"title": "", "short_description": ""}, "title", "This field is required."),
    "title-10000-chars": ({"title": "T" * 10_000}, "title", "at most 200 characters"),
    "answer-over-5000": ({"methodology": "m" * 5001}, "methodology", "at most 5000 characters"),
    "other-tools-over-300": ({"other_tools": "o" * 301}, "other_tools", "at most 300"),
    "employees-not-a-number": (
        {"employees_reached": "about twelve"},
        "employees_reached",
        "Enter a whole number.",
    ),
    "employees-negative": ({"employees_reached": "-5"}, "employees_reached", "greater than"),
    "employees-huge": ({"employees_reached": "10" * 20}, "employees_reached", "less than"),
    "since-year-3000": ({"since_year": "3000"}, "since_year", "less than or equal to"),
    "since-year-1200": ({"since_year": "1200"}, "since_year", "greater than or equal to"),
    "audience-unknown": ({"audience": "everyone"}, "audience", "Select a valid choice"),
    "tool-unknown": ({"tools": ["999999"]}, "tools", "Select a valid choice"),
    "tool-not-a-number": ({"tools": ["x"]}, "tools", "is not a valid value"),
    "token-garbage": ({"form_token": "not-a-uuid"}, "form_token", "Enter a valid UUID."),
    "nul-character": ({"title": "Bad\x00title"}, "title", "Null characters are not allowed."),
}


@pytest.mark.parametrize(
    ("changes", "field", "message"), FIELD_CASES.values(), ids=list(FIELD_CASES)
)
def test_create_with_bad_field_shows_the_error_and_saves_nothing(
    world, client_for, changes, field, message
):
    call = CallFactory()

    response = post_new(client_for("sme_member"), call, **changes)

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert message in " ".join(response.context["form"].errors[field])
    assert not Practice.objects.exists()


@pytest.mark.parametrize("action", ["save", "submit"])
def test_description_over_the_calls_limit_is_refused_on_the_field(world, client_for, action):
    call = CallFactory(description_max_length=200)

    response = post_new(client_for("sme_member"), call, short_description="é" * 201, action=action)

    errors = response.context["form"].errors
    assert response.status_code == 200
    assert errors["short_description"] == [
        "Keep the short description to 200 characters (it has 201)."
    ]
    assert not Practice.objects.exists()
    assert "Your draft is saved" not in response.content.decode()


def test_description_at_the_calls_limit_is_accepted(world, client_for):
    call = CallFactory(description_max_length=200)

    response = post_new(client_for("sme_member"), call, short_description="é" * 200)

    assert response.status_code == 302
    assert len(Practice.objects.get().short_description) == 200


def test_edit_with_a_10000_char_title_changes_nothing(world, client_for):
    practice = PracticeFactory(call=CallFactory(), organisation=world.sme, title="Original")

    response = client_for("sme_member").post(
        reverse("practices:submission_edit", kwargs={"pk": practice.pk}),
        {**form_data(title="T" * 10_000), "action": "submit"},
    )

    practice.refresh_from_db()
    assert response.status_code == 200
    assert "title" in response.context["form"].errors
    assert (practice.title, practice.state) == ("Original", "draft")
    assert practice.revisions.count() == 0


UNICODE = {
    "emoji": "Learning 🚀 together 👩‍💻",
    "cjk": "员工数字技能培训 デジタル研修",
    "rtl": "تدريب الموظفين على المهارات الرقمية",
    "combining": "Zaz\u0301o\u0301ł\u0107 ge\u0328s\u0301la\u0327",
}


@pytest.mark.parametrize("text", UNICODE.values(), ids=list(UNICODE))
def test_unicode_is_stored_and_shown_exactly(world, client_for, text):
    call = CallFactory()
    client = client_for("sme_member")

    response = post_new(client, call, title=text, short_description=text, other_tools=text)

    practice = Practice.objects.get()
    page = client.get(reverse("practices:submission_detail", kwargs={"pk": practice.pk}))
    assert response.status_code == 302
    assert (practice.title, practice.short_description, practice.other_tools) == (text,) * 3
    assert text in page.content.decode()


def test_script_is_stored_as_text_and_rendered_escaped(world, client_for):
    call = CallFactory()
    client = client_for("sme_member")

    post_new(
        client,
        call,
        title=SCRIPT,
        short_description=SCRIPT,
        methodology=SCRIPT,
        other_tools=SCRIPT,
    )

    practice = Practice.objects.get()
    pages = [
        client.get(reverse("practices:submission_detail", kwargs={"pk": practice.pk})),
        client.get(reverse("practices:submission_edit", kwargs={"pk": practice.pk})),
        client.get(reverse("dashboard")),
    ]
    assert (practice.title, practice.short_description) == (SCRIPT, SCRIPT)
    for page in pages:
        body = page.content.decode()
        assert SCRIPT not in body
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_script_in_the_calls_question_is_escaped_in_the_label(world, client_for):
    call = CallFactory(question_methodology=SCRIPT)

    body = (
        client_for("sme_member")
        .get(reverse("practices:submission_create", kwargs={"slug": call.slug}))
        .content.decode()
    )

    assert SCRIPT not in body
    assert "&lt;script&gt;" in body


# --------------------------------------------------------------------------------------------
# Files
# --------------------------------------------------------------------------------------------
BAD_FILES = {
    "pdf-name-garbage-content": ("report.pdf", b"this is not a pdf at all", "application/pdf"),
    "exe-renamed-png": ("photo.png", EXE, "image/png"),
    "html-renamed-jpg": ("photo.jpg", b"<html><script>alert(1)</script>", "image/jpeg"),
    "empty-file": ("empty.pdf", b"", "application/pdf"),
}


@pytest.mark.parametrize(
    ("name", "content", "content_type"), BAD_FILES.values(), ids=list(BAD_FILES)
)
def test_wrong_file_type_is_refused_on_the_attachment_field(
    world, client_for, name, content, content_type
):
    call = CallFactory()

    response = post_new(
        client_for("sme_member"), call, attachment=upload(name, content, content_type)
    )

    errors = response.context["form"].errors
    assert response.status_code == 200
    assert "attachment" in errors
    if content:  # an empty upload is refused by the form itself
        assert errors["attachment"] == [str(MSG_ATTACHMENT_TYPE)]
    assert not Practice.objects.exists()


@override_settings(PRACTICE_ATTACHMENT_MAX_BYTES=1000)
def test_file_over_the_limit_is_refused_with_both_sizes(world, client_for):
    call = CallFactory()

    response = post_new(
        client_for("sme_member"), call, attachment=upload("big.png", PNG + b"\x00" * 2000)
    )

    errors = response.context["form"].errors
    assert response.status_code == 200
    assert errors["attachment"] == ["The file is 2.0\xa0KB; the limit is 1000\xa0bytes."]
    assert not Practice.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [("scan.pdf", PDF), ("photo.png", PNG), ("photo.jpeg", b"\xff\xd8\xff\xe0" + b"\x00" * 32)],
)
def test_good_file_is_stored_under_a_random_name(world, client_for, name, content):
    call = CallFactory()

    response = post_new(client_for("sme_member"), call, attachment=upload(name, content))

    practice = Practice.objects.get()
    assert response.status_code == 302
    assert practice.attachment.name.startswith("practices/")
    assert name not in practice.attachment.name
    with practice.attachment.open("rb") as stored:
        assert stored.read() == content


def test_attachment_can_be_removed_and_a_bad_replacement_keeps_the_old_one(world, client_for):
    practice = PracticeFactory(call=CallFactory(), organisation=world.sme)
    practice.attachment.save("scan.pdf", io.BytesIO(PDF))
    stored = practice.attachment.name
    url = reverse("practices:submission_edit", kwargs={"pk": practice.pk})
    client = client_for("sme_member")

    bad = client.post(url, form_data(attachment=upload("x.png", EXE)))
    practice.refresh_from_db()
    kept = practice.attachment.name
    removed = client.post(url, form_data(remove_attachment="on"))

    practice.refresh_from_db()
    assert bad.status_code == 200 and "attachment" in bad.context["form"].errors
    assert kept == stored
    assert removed.status_code == 302
    assert practice.attachment.name == ""


# --------------------------------------------------------------------------------------------
# The other forms
# --------------------------------------------------------------------------------------------
def open_request(world):
    practice = PracticeFactory(call=CallFactory(), organisation=world.sme, state="detail_requested")
    request = DetailRequest.objects.create(
        practice=practice, message="Tell us more.", requested_by=world.reviewer
    )
    url = reverse("practices:detail_answer", kwargs={"pk": practice.pk, "request_pk": request.pk})
    return practice, request, url


ANSWER_CASES = {
    "empty": ({"answer": ""}, "answer", "This field is required."),
    "blank-spaces": ({"answer": "   "}, "answer", "This field is required."),
    "over-10000": ({"answer": "a" * 10_001}, "answer", "at most 10000 characters"),
    "exe-renamed-png": (
        {"answer": "Here.", "answer_attachment": ("photo.png", EXE)},
        "answer_attachment",
        str(MSG_ATTACHMENT_TYPE),
    ),
    "garbage-pdf": (
        {"answer": "Here.", "answer_attachment": ("report.pdf", b"garbage")},
        "answer_attachment",
        str(MSG_ATTACHMENT_TYPE),
    ),
}


@pytest.mark.parametrize(
    ("data", "field", "message"), ANSWER_CASES.values(), ids=list(ANSWER_CASES)
)
def test_detail_answer_with_bad_input_is_refused(world, client_for, data, field, message):
    practice, request, url = open_request(world)
    if "answer_attachment" in data:
        data = {**data, "answer_attachment": upload(*data["answer_attachment"])}

    response = client_for("sme_member").post(url, data)

    request.refresh_from_db()
    practice.refresh_from_db()
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert (request.answered_at, practice.state) == (None, PracticeState.DETAIL_REQUESTED)


@override_settings(PRACTICE_ATTACHMENT_MAX_BYTES=100)
def test_detail_answer_file_over_the_limit_is_refused(world, client_for):
    _practice, request, url = open_request(world)

    response = client_for("sme_member").post(
        url, {"answer": "Here.", "answer_attachment": upload("a.pdf", PDF + b" " * 500)}
    )

    request.refresh_from_db()
    assert "the limit is 100" in " ".join(response.context["form"].errors["answer_attachment"])
    assert request.answered_at is None


def test_detail_answer_script_and_unicode_are_kept_as_text(world, client_for):
    practice, request, url = open_request(world)
    text = f"{SCRIPT} 🚀 员工 تدريب"
    client = client_for("sme_member")

    client.post(url, {"answer": text})

    request.refresh_from_db()
    body = client.get(reverse("practices:submission_detail", kwargs={"pk": practice.pk}))
    assert request.answer == text
    assert SCRIPT not in body.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; 🚀 员工 تدريب" in body.content.decode()


@pytest.mark.parametrize("consent", ["", "false"], ids=["empty", "false"])
def test_public_version_without_a_real_tick_is_refused(world, client_for, consent):
    practice = PracticeFactory(
        call=CallFactory(), organisation=world.sme, state="selected", publication_consent=False
    )
    data = {"consent": consent} if consent else {}

    response = client_for("sme_member").post(
        reverse("practices:public_version_approve", kwargs={"pk": practice.pk}), data
    )

    practice.refresh_from_db()
    assert response.status_code == 200
    assert "consent" in response.context["form"].errors
    assert practice.public_version_approved_at is None


@pytest.mark.parametrize("value", ["", "maybe", "pending", "yes" * 100])
def test_rsvp_with_a_bad_value_is_refused(world, client_for, value):
    practice = PracticeFactory(call=CallFactory(), organisation=world.sme, state="selected")
    invitation = EventInvitation.objects.create(event=EventFactory(), practice=practice)

    response = client_for("sme_member").post(
        reverse("practices:event_rsvp", kwargs={"pk": invitation.pk}), {"rsvp": value}
    )

    invitation.refresh_from_db()
    assert response.status_code == 200
    assert "rsvp" in response.context["form"].errors
    assert invitation.rsvp == "pending"


def test_withdraw_comment_over_the_limit_is_refused(world, client_for):
    practice = PracticeFactory(call=CallFactory(), organisation=world.sme, state="submitted")

    response = client_for("sme_member").post(
        reverse("practices:submission_withdraw", kwargs={"pk": practice.pk}),
        {"comment": "c" * 2001},
    )

    practice.refresh_from_db()
    assert response.status_code == 200
    assert "comment" in response.context["form"].errors
    assert practice.state == PracticeState.SUBMITTED
