"""The form fields of a call's questions (issue #19, groundwork for the submission form): each
kind's field refuses bad input, its cleaned value fills the Answer columns that
validate_answer accepts, and an Answer gives the form its values back."""

import datetime

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import override

from practices.models import Answer, CallQuestion, QuestionKind
from practices.question_fields import (
    OTHER_SUFFIX,
    answer_columns,
    field_name,
    initial_values,
    question_fields,
)
from tests.factories import CallFactory, PracticeFactory

pytestmark = pytest.mark.django_db

CHOICES = [
    {"value": "weekly", "label": {"en": "Every week", "fr": "Chaque semaine"}},
    {"value": "monthly", "label": {"en": "Every month"}},
]


def make(**fields) -> CallQuestion:
    fields.setdefault("label_en", "Question?")
    q = CallQuestion(call=CallFactory(), **fields)
    q.full_clean()
    q.save()
    return q


def form_for(question, data=None, files=None, *, required=False):
    form = forms.Form(data, files)
    form.fields.update(question_fields(question, required=required))
    return form


def round_trip(question, data, files=None, *, required=False) -> Answer:
    """Clean `data` with the question's form, store the answer, check it, and reload it."""
    form = form_for(question, data, files, required=required)
    assert form.is_valid(), form.errors
    name = field_name(question)
    columns = answer_columns(
        question, form.cleaned_data[name], form.cleaned_data.get(name + OTHER_SUFFIX, "")
    )
    answer = Answer(practice=PracticeFactory(call=question.call), question=question, **columns)
    answer.full_clean()
    answer.save()
    return Answer.objects.get(pk=answer.pk)


def errors(question, data, files=None, *, required=False) -> dict:
    form = form_for(question, data, files, required=required)
    assert not form.is_valid()
    return form.errors


def test_short_and_long_text():
    short = make(kind=QuestionKind.SHORT_TEXT, max_length=10)
    name = field_name(short)
    assert round_trip(short, {name: "Lyon"}).value_text == "Lyon"
    assert name in errors(short, {name: "x" * 11})
    assert name in errors(short, {name: ""}, required=True)
    long = make(kind=QuestionKind.LONG_TEXT)
    assert isinstance(question_fields(long)[field_name(long)].widget, forms.Textarea)
    assert round_trip(long, {field_name(long): ""}).is_empty  # a draft may be partial


def test_single_choice_labels_in_french_and_bad_choices_refused():
    q = make(kind=QuestionKind.SINGLE_CHOICE, choices=CHOICES)
    name = field_name(q)
    with override("fr"):
        labels = dict(question_fields(q)[name].choices)
    assert labels == {"weekly": "Chaque semaine", "monthly": "Every month"}
    assert round_trip(q, {name: "monthly"}).value_choices == ["monthly"]
    assert name in errors(q, {name: "yearly"})
    answer = Answer.objects.get(question=q)
    assert initial_values(q, answer) == {name: "monthly"}


def test_multiple_choice_with_another_answer():
    q = make(kind=QuestionKind.MULTIPLE_CHOICE, choices=CHOICES, allow_other=True)
    name = field_name(q)
    answer = round_trip(q, {name: ["weekly", "monthly"], name + OTHER_SUFFIX: "Daily"})
    assert (answer.value_choices, answer.value_text) == (["weekly", "monthly"], "Daily")
    assert initial_values(q, answer) == {
        name: ["weekly", "monthly"],
        name + OTHER_SUFFIX: "Daily",
    }
    assert name in errors(q, {name: ["weekly", "hourly"]})
    assert name + OTHER_SUFFIX in errors(q, {name + OTHER_SUFFIX: "x" * 301})


def test_the_other_answer_box_is_named_after_its_question():
    """Every choice question's "other" box has the same visible label: a screen reader user,
    who may reach it alone, hears which question it answers (its name begins with the
    visible words, WCAG 2.5.3), in the page's language; the box is a plain text field."""
    q = make(
        kind=QuestionKind.SINGLE_CHOICE,
        choices=CHOICES,
        allow_other=True,
        label_fr="Quelle cadence ?",
    )
    name = field_name(q) + OTHER_SUFFIX
    with override("fr"):
        html = str(form_for(q)[name])
        visible = str(form_for(q).fields[name].label)
    assert 'aria-label="' + visible in html
    assert "Quelle cadence ?" in html
    assert 'type="text"' in html


def test_number_within_bounds():
    q = make(kind=QuestionKind.NUMBER, min_value=1, max_value=100)
    name = field_name(q)
    assert round_trip(q, {name: "42"}).value_number == 42
    for bad in ("0", "101", "4.5", "many"):
        assert name in errors(q, {name: bad})


def test_yes_no_keeps_no_apart_from_unanswered():
    q = make(kind=QuestionKind.YES_NO)
    name = field_name(q)
    no = round_trip(q, {name: "no"})
    assert no.value_bool is False and not no.is_empty
    assert initial_values(q, no) == {name: "no"}
    assert name in errors(q, {name: "maybe"})
    assert name in errors(q, {}, required=True)


def test_date():
    q = make(kind=QuestionKind.DATE)
    name = field_name(q)
    assert round_trip(q, {name: "2027-03-01"}).value_date == datetime.date(2027, 3, 1)
    assert name in errors(q, {name: "31/02/2027"})


def test_file_checked_as_attachments():
    q = make(kind=QuestionKind.FILE)
    name = field_name(q)
    good = SimpleUploadedFile("plan.pdf", b"%PDF-1.7 plan")
    answer = round_trip(q, {}, {name: good})
    assert answer.value_file.name.startswith("answers/") and answer.value_file.name.endswith(".pdf")
    bad = SimpleUploadedFile("plan.pdf", b"MZ\x90\x00 not a pdf")
    assert name in errors(q, {}, {name: bad})
