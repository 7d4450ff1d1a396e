"""The submission form asks the call's own questions (issue #19, phase 2): in their order, in
the interface language, each kind checked on the server with a clear message; drafts keep
partial answers, the submission needs the required ones; a fixed field's answer lands in its
column and in its Answer; hidden questions; file answers kept, replaced and removed; the SME's
detail page; and the form page's query count whatever the number of questions."""

import re
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from practices import services
from practices.enums import PracticeState, RevisionReason
from practices.models import Answer, CallQuestion, LegacyField, Practice, QuestionKind
from practices.question_fields import OTHER_SUFFIX, REMOVE_SUFFIX, field_name
from practices.services.questions import practice_answers_save
from tests.factories import CallFactory, PracticeFactory
from tests.practices.test_submission_views import create_url, detail_url, edit_url
from tests.practices.test_submission_views import form_data as complete_practice

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
FREQUENCY = [
    {"value": "weekly", "label": {"en": "Every week", "fr": "Chaque semaine"}},
    {"value": "monthly", "label": {"en": "Every month", "fr": "Chaque mois"}},
]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def add_question(call, kind, *, position, label="Question?", label_fr="", **settings):
    question = CallQuestion(
        call=call, kind=kind, position=position, label_en=label, label_fr=label_fr, **settings
    )
    question.full_clean()
    question.save()
    return question


def call_with_extra_questions(*, required=False, **call_fields):
    """A call with its four default questions (positions 1-4), a choice question at 0 (first)
    and a number question between bounds at 10 (last)."""
    call = CallFactory(**call_fields)
    services.call_default_questions_create(call)
    choice = add_question(
        call,
        QuestionKind.SINGLE_CHOICE,
        position=0,
        label="How often do you train?",
        label_fr="À quelle fréquence formez-vous ?",
        choices=FREQUENCY,
        required=required,
        help_text="Pick <b>one</b>.",
    )
    number = add_question(
        call,
        QuestionKind.NUMBER,
        position=10,
        label="How many trainers?",
        label_fr="Combien de formateurs ?",
        min_value=1,
        max_value=50,
        required=required,
    )
    return call, choice, number


def form_data(**changes) -> dict:
    """A complete practice of a call with the default questions (action "save" unless changed):
    the submission views' own, its tool named under "other tools" and no figures."""
    base = {"tools": None, "other_tools": "Our own wiki", "employees_reached": None}
    return complete_practice(**{"since_year": None, **base, **changes})


def answer_of(practice, question) -> Answer | None:
    return Answer.objects.filter(practice=practice, question=question).first()


def field_errors(response, name) -> list[str]:
    return list(response.context["form"].errors.get(name, []))


# --------------------------------------------------------------------------------------------
# The form asks the call's questions
# --------------------------------------------------------------------------------------------
def test_form_asks_the_questions_in_their_order_with_their_own_labels(world, client_for):
    call, choice, number = call_with_extra_questions(required=True)
    methodology = call.questions.get(legacy_field=LegacyField.METHODOLOGY)
    methodology.label_en = "Your method, in a few words"
    methodology.help_text_en = "Say <i>who</i> leads it."
    methodology.save()
    add_question(call, QuestionKind.SHORT_TEXT, position=5, label="Never asked", is_hidden=True)

    response = client_for("sme_member").get(create_url(call))

    body = response.content.decode()
    assert response.status_code == 200
    names = re.findall(
        r'name="(question_\d+|online_learning|methodology|tools|keep_learning)"', body
    )
    # the choice question (position 0) first, then the four defaults, then the number question
    ordered = list(dict.fromkeys(names))
    assert ordered == [
        field_name(choice),
        "online_learning",
        "methodology",
        "tools",
        "keep_learning",
        field_name(number),
    ]
    assert "Your method, in a few words" in body
    assert "Say &lt;i&gt;who&lt;/i&gt; leads it." in body  # a coordinator's HTML stays text
    assert "Pick &lt;b&gt;one&lt;/b&gt;." in body
    assert "Never asked" not in body
    assert "Every week" in body and "Required to submit." in body
    assert 'min="1"' in body and 'max="50"' in body
    assert "A whole number from 1 to 50." in body


def test_form_is_in_french_for_a_french_interface(world, client_for):
    call, _choice, _number = call_with_extra_questions()
    with translation.override("fr"):
        url = create_url(call)

    body = client_for("sme_member").get(url).content.decode()

    assert "À quelle fréquence formez-vous ?" in body
    assert "Chaque semaine" in body and "Combien de formateurs ?" in body


def test_a_fixed_question_the_call_no_longer_asks_is_neither_shown_nor_required(world, client_for):
    call, _choice, _number = call_with_extra_questions()
    call.questions.filter(legacy_field=LegacyField.TOOLS).update(is_hidden=True)
    call.questions.get(legacy_field=LegacyField.KEEP_LEARNING).delete()
    practice = PracticeFactory(call=call, organisation=world.sme, other_tools="Wiki")
    client = client_for("sme_member")

    body = client.get(edit_url(practice)).content.decode()
    assert 'name="tools"' not in body and 'name="other_tools"' not in body
    assert 'name="keep_learning"' not in body

    response = client.post(
        edit_url(practice), form_data(action="submit", keep_learning=None, other_tools=None)
    )

    assert response.status_code == 302, response.context["form"].errors
    practice.refresh_from_db()
    assert practice.state == PracticeState.SUBMITTED
    # the columns the form no longer asks keep what they held
    assert practice.other_tools == "Wiki"
    assert practice.keep_learning == "A learning budget and a monthly show-and-tell."


def test_a_fixed_question_is_required_to_submit_as_long_as_its_required_box_says_so(
    world, client_for
):
    call, _choice, _number = call_with_extra_questions()
    methodology = call.questions.get(legacy_field=LegacyField.METHODOLOGY)
    assert methodology.required  # the default questions are required, as the fields were
    practice = PracticeFactory(call=call, organisation=world.sme, methodology="")
    client = client_for("sme_member")

    refused = client.post(edit_url(practice), form_data(action="submit", methodology=""))
    assert field_errors(refused, "methodology")  # required: the submission is refused
    practice.refresh_from_db()
    assert practice.state == PracticeState.DRAFT

    methodology.required = False  # the coordinator makes it optional in the call's admin
    methodology.save()
    accepted = client.post(edit_url(practice), form_data(action="submit", methodology=""))

    assert accepted.status_code == 302, accepted.context["form"].errors
    practice.refresh_from_db()
    assert (practice.state, practice.methodology) == (PracticeState.SUBMITTED, "")


def test_a_call_without_questions_asks_the_four_fixed_fields_as_before(world, client_for):
    call = CallFactory(question_tools="Which tools, in your words?")

    body = client_for("sme_member").get(create_url(call)).content.decode()

    assert "Which tools, in your words?" in body
    for name in ("online_learning", "methodology", "tools", "other_tools", "keep_learning"):
        assert f'name="{name}"' in body


# --------------------------------------------------------------------------------------------
# Saving: drafts, submission, the fixed fields' answers
# --------------------------------------------------------------------------------------------
def test_end_to_end_extra_choice_and_number_questions(world, client_for):
    call, choice, number = call_with_extra_questions(required=True)
    client = client_for("sme_member")

    response = client.post(
        create_url(call),
        form_data(action="submit", **{field_name(choice): "monthly", field_name(number): "7"}),
    )

    assert response.status_code == 302
    practice = Practice.objects.get(call=call)
    assert practice.state == PracticeState.SUBMITTED
    assert answer_of(practice, choice).value_choices == ["monthly"]
    assert answer_of(practice, number).value_number == 7
    body = client.get(detail_url(practice)).content.decode()
    assert "How often do you train?" in body and "Every month" in body
    assert "How many trainers?" in body and ">7<" in body
    with translation.override("fr"):
        body = client.get(detail_url(practice)).content.decode()
    assert "À quelle fréquence formez-vous ?" in body and "Chaque mois" in body
    # every save keeps a revision: the call's own answers are in it
    revision = practice.revisions.latest("pk")
    assert revision.data["answers"] == {
        str(choice.pk): {"choices": ["monthly"]},
        str(number.pk): {"number": 7},
    }


def test_a_draft_keeps_partial_answers_and_shows_them_again(world, client_for):
    call, choice, number = call_with_extra_questions(required=True)
    client = client_for("sme_member")

    response = client.post(
        create_url(call), {"title": "Only a start", field_name(number): "3", "action": "save"}
    )

    assert response.status_code == 302
    practice = Practice.objects.get(call=call)
    assert practice.state == PracticeState.DRAFT
    assert answer_of(practice, number).value_number == 3
    assert answer_of(practice, choice) is None
    form = client.get(edit_url(practice)).context["form"]
    assert form[field_name(number)].value() == 3
    assert not form[field_name(choice)].value()


def test_submit_without_a_required_answer_marks_that_question_and_keeps_the_draft(
    world, client_for
):
    call, choice, number = call_with_extra_questions(required=True)
    client = client_for("sme_member")

    response = client.post(
        create_url(call), form_data(action="submit", **{field_name(number): "4"})
    )

    assert response.status_code == 200
    assert field_errors(response, field_name(choice)) == ["This field is required to submit."]
    practice = Practice.objects.get(call=call)
    assert practice.state == PracticeState.DRAFT
    assert answer_of(practice, number).value_number == 4  # the partial answer is kept

    response = client.post(
        edit_url(practice),
        form_data(action="submit", **{field_name(number): "4", field_name(choice): "weekly"}),
    )
    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.state == PracticeState.SUBMITTED


def test_the_detail_pages_submit_button_names_the_missing_question(world, client_for):
    call, _choice, _number = call_with_extra_questions(required=True)
    practice = PracticeFactory(call=call, organisation=world.sme, other_tools="Wiki")
    client = client_for("sme_member")

    response = client.post(
        reverse("practices:submission_submit", kwargs={"pk": practice.pk}), follow=True
    )

    assert "Complete these before submitting: How often do you train?" in (
        response.content.decode()
    )
    practice.refresh_from_db()
    assert practice.state == PracticeState.DRAFT


def test_emptying_a_required_answer_of_a_submission_is_refused(world, client_for):
    call, choice, number = call_with_extra_questions(required=True)
    client = client_for("sme_member")
    client.post(
        create_url(call),
        form_data(action="submit", **{field_name(choice): "weekly", field_name(number): "2"}),
    )
    practice = Practice.objects.get(call=call)
    assert practice.state == PracticeState.SUBMITTED

    response = client.post(
        edit_url(practice), form_data(title="Changed", **{field_name(number): "2"})
    )

    assert response.status_code == 200
    assert field_errors(response, field_name(choice)) == ["This field is required to submit."]
    practice.refresh_from_db()
    # nothing half-saved: neither the title nor the emptied answer
    assert practice.title == "Friday learning hour"
    assert answer_of(practice, choice).value_choices == ["weekly"]


def test_a_fixed_questions_answer_lands_in_its_column_and_its_answer(world, client_for):
    call, _choice, _number = call_with_extra_questions()
    methodology = call.questions.get(legacy_field=LegacyField.METHODOLOGY)
    tools = call.questions.get(legacy_field=LegacyField.TOOLS)
    client = client_for("sme_member")

    client.post(create_url(call), form_data(methodology="Peer groups, then a quiz."))

    practice = Practice.objects.get(call=call)
    assert practice.methodology == "Peer groups, then a quiz."
    assert answer_of(practice, methodology).value_text == "Peer groups, then a quiz."
    assert answer_of(practice, tools).value_text == "Our own wiki"

    client.post(edit_url(practice), form_data(methodology=""))
    practice.refresh_from_db()
    assert practice.methodology == ""
    assert answer_of(practice, methodology) is None


def test_a_fixed_question_with_a_lower_limit_keeps_its_column_within_it(world, client_for):
    call, _choice, _number = call_with_extra_questions()
    call.questions.filter(legacy_field=LegacyField.METHODOLOGY).update(max_length=20)

    response = client_for("sme_member").post(create_url(call), form_data(methodology="x" * 21))

    assert response.status_code == 200
    assert field_errors(response, "methodology") == [
        "Ensure this value has at most 20 characters (it has 21)."
    ]
    assert not Practice.objects.filter(call=call).exists()


# --------------------------------------------------------------------------------------------
# Each kind refuses bad input with a clear message, and saves nothing
# --------------------------------------------------------------------------------------------
BAD_INPUT = [
    (QuestionKind.SHORT_TEXT, {"max_length": 10}, "x" * 11, "Keep this answer to 10 characters"),
    (QuestionKind.LONG_TEXT, {"max_length": 50}, "é" * 51, "Keep this answer to 50 characters"),
    (QuestionKind.SINGLE_CHOICE, {"choices": FREQUENCY}, "yearly", "is not one of the choices"),
    (QuestionKind.MULTIPLE_CHOICE, {"choices": FREQUENCY}, ["weekly", "x"], "is not one of"),
    (QuestionKind.NUMBER, {"min_value": 1, "max_value": 50}, "0", "at least 1"),
    (QuestionKind.NUMBER, {"min_value": 1, "max_value": 50}, "51", "at most 50"),
    (QuestionKind.NUMBER, {}, "12.5", "Enter a whole number."),
    (QuestionKind.NUMBER, {}, "1e999", "Enter a whole number."),
    (QuestionKind.NUMBER, {}, "99999999999999999999", "at most 1000000000000"),
    (QuestionKind.YES_NO, {}, "maybe", "is not one of the choices"),
    (QuestionKind.DATE, {}, "2027-02-31", "Enter a date."),
    (QuestionKind.DATE, {}, "<script>", "Enter a date."),
]


@pytest.mark.parametrize(("kind", "options", "value", "message"), BAD_INPUT)
def test_each_kind_refuses_bad_input_with_a_clear_message(
    world, client_for, kind, options, value, message
):
    call = CallFactory()
    services.call_default_questions_create(call)
    if kind == QuestionKind.NUMBER and not options:
        options = {"max_value": 10**12}
    question = add_question(call, kind, position=9, **options)

    response = client_for("sme_member").post(
        create_url(call), form_data(**{field_name(question): value})
    )

    assert response.status_code == 200
    errors = field_errors(response, field_name(question))
    assert errors and message in errors[0], errors
    assert not Practice.objects.filter(call=call).exists()
    assert not Answer.objects.filter(question=question).exists()


def test_other_answer_beside_the_choices(world, client_for):
    call = CallFactory()
    services.call_default_questions_create(call)
    question = add_question(
        call, QuestionKind.MULTIPLE_CHOICE, position=9, choices=FREQUENCY, allow_other=True
    )
    name = field_name(question)
    client = client_for("sme_member")

    too_long = client.post(create_url(call), form_data(**{name + OTHER_SUFFIX: "y" * 301}))
    assert "Keep this answer to 300 characters" in field_errors(too_long, name + OTHER_SUFFIX)[0]

    client.post(create_url(call), form_data(**{name: ["weekly"], name + OTHER_SUFFIX: "Daily"}))

    answer = Answer.objects.get(question=question)
    assert answer.value_choices == ["weekly"] and answer.value_text == "Daily"
    body = client.get(detail_url(answer.practice)).content.decode()
    assert "Every week, Daily" in body


def test_unicode_and_html_are_stored_as_typed_and_escaped_on_output(world, client_for):
    call = CallFactory()
    services.call_default_questions_create(call)
    question = add_question(call, QuestionKind.SHORT_TEXT, position=9, label="Motto")
    typed = "<script>alert(1)</script> Ærøskøbing 🎓 „Zürich“ ‮"
    client = client_for("sme_member")

    client.post(create_url(call), form_data(**{field_name(question): typed}))

    answer = Answer.objects.get(question=question)
    assert answer.value_text == typed
    body = client.get(detail_url(answer.practice)).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Ærøskøbing 🎓" in body


def test_yes_no_and_date_answers_on_the_detail_page_in_french(world, client_for):
    call = CallFactory()
    services.call_default_questions_create(call)
    yes_no = add_question(call, QuestionKind.YES_NO, position=9, label="Paid time?")
    day = add_question(call, QuestionKind.DATE, position=10, label="Started on")
    client = client_for("sme_member")
    client.post(
        create_url(call), form_data(**{field_name(yes_no): "yes", field_name(day): "2027-01-20"})
    )
    practice = Practice.objects.get(call=call)
    assert answer_of(practice, yes_no).value_bool is True
    assert answer_of(practice, day).value_date == date(2027, 1, 20)

    with translation.override("fr"):
        body = client.get(detail_url(practice)).content.decode()

    assert ">Oui<" in body
    assert "20 janvier 2027" in body


# --------------------------------------------------------------------------------------------
# File answers
# --------------------------------------------------------------------------------------------
def upload(name, content, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_a_file_answer_is_kept_on_a_re_edit_replaced_and_removed(world, client_for):
    call = CallFactory()
    services.call_default_questions_create(call)
    question = add_question(call, QuestionKind.FILE, position=9, label="Your plan")
    name = field_name(question)
    client = client_for("sme_member")

    client.post(create_url(call), form_data(**{name: upload("plan.pdf", PDF)}))
    practice = Practice.objects.get(call=call)
    first = answer_of(practice, question).value_file.name
    assert first.startswith("answers/") and first.endswith(".pdf")
    assert "PDF," in client.get(detail_url(practice)).content.decode()

    client.post(edit_url(practice), form_data(title="Renamed"))  # no new file: kept
    assert answer_of(practice, question).value_file.name == first

    # a PNG named .pdf is stored as what it is
    client.post(edit_url(practice), form_data(**{name: upload("x.pdf", PNG)}))
    assert answer_of(practice, question).value_file.name.endswith(".png")

    body = client.get(edit_url(practice)).content.decode()
    assert f'name="{name}{REMOVE_SUFFIX}"' in body and "Current file:" in body
    client.post(edit_url(practice), form_data(**{name + REMOVE_SUFFIX: "on"}))
    assert answer_of(practice, question) is None


def read_file(response) -> bytes:
    """A file response's bytes: read to its end, the test client closes its file (a bare
    close() would close the test's database connection)."""
    return b"".join(response.streaming_content)


def test_a_file_answer_opens_for_the_sme_and_staff_only_even_once_published_and_public(
    world, client_for
):
    call = CallFactory()
    services.call_default_questions_create(call)
    question = add_question(call, QuestionKind.FILE, position=9, label="Your plan", is_public=True)
    client = client_for("sme_member")
    client.post(create_url(call), form_data(**{field_name(question): upload("plan.pdf", PDF)}))
    practice = Practice.objects.get(call=call)
    answer = answer_of(practice, question)
    url = reverse("practices:answer_file", args=[answer.pk])

    assert f'href="{url}"' in client.get(detail_url(practice)).content.decode()
    own = client.get(url)
    assert (own.status_code, own["Content-Type"]) == (200, "application/pdf")
    assert read_file(own) == PDF
    assert own["Cache-Control"] == "private, no-store"
    Practice.objects.filter(pk=practice.pk).update(state=PracticeState.SUBMITTED)
    reviewer = client_for("reviewer")
    review = reviewer.get(reverse("admin:practices_practice_review", args=[practice.pk]))
    assert f'href="{url}"' in review.content.decode()  # beside the rubric
    seen = reviewer.get(url)
    assert (seen.status_code, read_file(seen)) == (200, PDF)
    Practice.objects.filter(pk=practice.pk).update(
        state=PracticeState.PUBLISHED, publication_consent=True
    )
    assert client_for("anonymous").get(url).status_code == 404  # not a public file
    assert client_for("other_sme_admin").get(url).status_code == 404
    missing = reverse("practices:answer_file", args=[answer.pk + 1000])
    assert client.get(missing).status_code == 404


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("macro.pdf", b"MZ\x90\x00 not a pdf", "PDF, PNG or JPEG"),
        ("huge.pdf", PDF + b" " * 2000, "the limit is 1000"),
    ],
)
def test_a_bad_file_is_refused(world, client_for, settings, filename, content, message):
    settings.PRACTICE_ATTACHMENT_MAX_BYTES = 1000
    call = CallFactory()
    services.call_default_questions_create(call)
    question = add_question(call, QuestionKind.FILE, position=9, required=True)

    response = client_for("sme_member").post(
        create_url(call), form_data(**{field_name(question): upload(filename, content)})
    )

    errors = field_errors(response, field_name(question))
    assert errors and message in " ".join(errors), errors
    assert not Answer.objects.filter(question=question).exists()


# --------------------------------------------------------------------------------------------
# Hidden questions, other SMEs, double submits, the deadline, the service's own checks
# --------------------------------------------------------------------------------------------
def test_a_hidden_questions_answer_is_kept_and_shown_but_not_asked(world, client_for):
    call, choice, number = call_with_extra_questions(required=True)
    client = client_for("sme_member")
    client.post(create_url(call), form_data(**{field_name(choice): "weekly"}))
    practice = Practice.objects.get(call=call)
    choice.is_hidden = True
    choice.save()

    body = client.get(edit_url(practice)).content.decode()
    assert f'name="{field_name(choice)}"' not in body

    # posted anyway (an old tab): ignored; and no longer required to submit
    response = client.post(
        edit_url(practice),
        form_data(action="submit", **{field_name(choice): "monthly", field_name(number): "3"}),
    )

    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.state == PracticeState.SUBMITTED
    assert answer_of(practice, choice).value_choices == ["weekly"]
    body = client.get(detail_url(practice)).content.decode()
    assert "How often do you train?" in body and "Every week" in body


def test_another_smes_practice_is_a_404_and_keeps_its_answers(world, client_for):
    call, choice, _number = call_with_extra_questions()
    practice = PracticeFactory(call=call, organisation=world.other_sme)
    Answer.objects.create(practice=practice, question=choice, value_choices=["weekly"])
    client = client_for("sme_member")

    assert client.get(edit_url(practice)).status_code == 404
    response = client.post(edit_url(practice), form_data(**{field_name(choice): "monthly"}))

    assert response.status_code == 404
    assert answer_of(practice, choice).value_choices == ["weekly"]


def test_a_double_submit_makes_one_practice_with_one_answer(world, client_for):
    call, choice, number = call_with_extra_questions()
    client = client_for("sme_member")
    data = form_data(
        form_token="6f1c2d8e-4b6a-4c1e-9a57-1d3f0e2b7c11",
        **{field_name(choice): "weekly", field_name(number): "5"},
    )

    client.post(create_url(call), data)
    client.post(create_url(call), data)

    assert Practice.objects.filter(call=call).count() == 1
    assert Answer.objects.filter(question__in=[choice, number]).count() == 2


def test_after_the_deadline_answers_are_refused_and_unchanged(world, client_for):
    closes = datetime(2027, 4, 30, 21, 59, tzinfo=UTC)
    call, choice, _number = call_with_extra_questions(
        opens_at=closes - timedelta(days=30), closes_at=closes
    )
    with time_machine.travel(closes - timedelta(hours=1)):
        client_for("sme_member").post(create_url(call), form_data(**{field_name(choice): "weekly"}))
    practice = Practice.objects.get(call=call)

    with time_machine.travel(closes + timedelta(seconds=1)):
        response = client_for("sme_member").post(
            edit_url(practice), form_data(**{field_name(choice): "monthly"})
        )

    assert response.status_code == 409
    assert answer_of(practice, choice).value_choices == ["weekly"]
    # what was sent late is kept for the programme, as the practice's own fields are
    late = practice.revisions.filter(reason=RevisionReason.LATE_ATTEMPT).get()
    assert late.data["answers"] == {str(choice.pk): {"choices": ["monthly"]}}


def test_the_service_refuses_an_answer_the_form_would_not_send(world):
    call, choice, number = call_with_extra_questions()
    practice = PracticeFactory(call=call, organisation=world.sme)

    with pytest.raises(ValidationError) as refused:
        practice_answers_save(
            practice,
            {
                choice: {"value_choices": ["weekly"], "value_text": "other"},  # no "other" here
                number: {"value_number": 51},
            },
        )

    assert set(refused.value.message_dict) == {field_name(choice), field_name(number)}
    assert not Answer.objects.filter(practice=practice).exists()
    other_call = CallFactory()
    stranger = add_question(other_call, QuestionKind.SHORT_TEXT, position=1)
    with pytest.raises(ValueError):
        practice_answers_save(practice, {stranger: {"value_text": "x"}})


def test_a_refused_answer_saves_none_of_the_practice(world):
    call, choice, _number = call_with_extra_questions()
    practice = PracticeFactory(call=call, organisation=world.sme)

    with pytest.raises(ValidationError):
        services.practice_save(
            user=world.sme_member,
            call=call,
            organisation=world.sme,
            practice=practice,
            fields={"title": "Changed", "answers": {choice: {"value_choices": ["yearly"]}}},
        )

    practice.refresh_from_db()
    assert practice.title.startswith("Friday learning hour")
    assert not Answer.objects.filter(practice=practice).exists()


# --------------------------------------------------------------------------------------------
# Queries
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("page", ["edit", "detail"])
def test_the_pages_query_count_does_not_grow_with_the_questions(world, client_for, page):
    def queries(extra: int) -> int:
        call = CallFactory()
        services.call_default_questions_create(call)
        practice = PracticeFactory(call=call, organisation=world.sme)
        for position in range(extra):
            question = add_question(
                call, QuestionKind.SINGLE_CHOICE, position=10 + position, choices=FREQUENCY
            )
            Answer.objects.create(practice=practice, question=question, value_choices=["weekly"])
        url = edit_url(practice) if page == "edit" else detail_url(practice)
        client = client_for("sme_member")
        client.get(url)  # sessions, caches
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    assert queries(0) == queries(6)  # 4 questions, then 10
