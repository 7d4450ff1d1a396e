"""A call's questions in the call's admin page (issue #19): added and reworded in two languages,
choices with translated labels, the kind of an answered question kept with a clear message,
an answered question hidden rather than deleted, and the four default questions of a new call."""

import pytest
from django.urls import reverse
from django.utils.translation import override

from practices.models import Answer, Call, CallQuestion, QuestionKind
from practices.services import call_default_questions_create
from tests.factories import CallFactory, PracticeFactory

pytestmark = pytest.mark.django_db

PREFIX = "questions"  # the inline formset's prefix (the related name)


def _form_data(response) -> dict:
    """What the browser would send back unchanged: every field of the call's form and of its
    inlines, with the management forms."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = str(management[name].value())
        forms.extend(formset.forms)
    for form in forms:
        for name, field in form.fields.items():
            value = form[name].value()
            key = form.add_prefix(name)
            if value is None or value is False:
                continue
            if value is True:
                data[key] = "on"
            elif isinstance(value, list | tuple):
                data[key] = [str(v) for v in value]
            elif hasattr(value, "isoformat") and field.widget.__class__.__name__.startswith(
                "SplitDateTime"
            ):
                data[f"{key}_0"], data[f"{key}_1"] = (
                    value.date().isoformat(),
                    value.strftime("%H:%M:%S"),
                )
            else:
                data[key] = str(value)
    return data


def _split(data: dict, name: str, value) -> None:
    data[f"{name}_0"], data[f"{name}_1"] = value.date().isoformat(), value.strftime("%H:%M:%S")


def _open(client, call):
    url = reverse("admin:practices_call_change", args=[call.pk])
    page = client.get(url)
    assert page.status_code == 200
    data = _form_data(page)
    for name in ("opens_at", "closes_at"):
        data.pop(name, None)
        _split(data, name, getattr(call, name))
    return url, data


def _add_question(data: dict, **fields) -> int:
    index = int(data[f"{PREFIX}-TOTAL_FORMS"])
    data[f"{PREFIX}-TOTAL_FORMS"] = str(index + 1)
    for name, value in fields.items():
        data[f"{PREFIX}-{index}-{name}"] = value
    data[f"{PREFIX}-{index}-call"] = ""
    return index


def _errors(response) -> list:
    assert response.status_code == 200, response.status_code
    found = [str(e) for e in response.context["adminform"].form.errors.values()]
    for inline in response.context["inline_admin_formsets"]:
        found += [str(e) for e in inline.formset.non_form_errors()]
        for form in inline.formset.forms:
            found += [f"{k}: {v}" for k, v in form.errors.items()]
    return found


@pytest.fixture
def call():
    call = CallFactory()
    call_default_questions_create(call)
    return call


def test_coordinator_adds_a_choice_and_a_number_question_in_two_languages(client_for, call):
    client = client_for("coordinator")
    url, data = _open(client, call)
    assert data[f"{PREFIX}-TOTAL_FORMS"] == "4"
    _add_question(
        data,
        label_en="How often do staff train?",
        label_fr="À quelle fréquence le personnel se forme-t-il ?",
        help_text_en="Pick one.",
        kind=QuestionKind.SINGLE_CHOICE,
        position="5",
        is_public="on",
        required="on",
        choices_en="weekly | Every week\nEvery month",
        choices_fr="Chaque semaine\nChaque mois",
    )
    _add_question(
        data,
        label_en="How many employees took part?",
        label_fr="Combien d'employés ont participé ?",
        kind=QuestionKind.NUMBER,
        position="6",
        min_value="0",
        max_value="5000",
    )
    response = client.post(url, data)
    assert response.status_code == 302, _errors(response)

    choice, number = call.questions.filter(position__gte=5).order_by("position")
    assert choice.required and choice.is_public and not choice.is_hidden
    assert choice.choices == [
        {"value": "weekly", "label": {"en": "Every week", "fr": "Chaque semaine"}},
        {"value": "every-month", "label": {"en": "Every month", "fr": "Chaque mois"}},
    ]
    assert (number.min_value, number.max_value) == (0, 5000)
    with override("fr"):
        assert choice.label == "À quelle fréquence le personnel se forme-t-il ?"
        assert choice.choice_label("every-month") == "Chaque mois"
    with override("de"):
        assert number.label == "How many employees took part?"

    # the page shows them again, the choices as written
    page = client.get(url)
    assert "weekly | Every week" in page.content.decode()
    assert "Combien d&#x27;employés ont participé ?" in page.content.decode()


def test_bad_settings_are_shown_on_the_question(client_for, call):
    client = client_for("coordinator")
    url, data = _open(client, call)
    _add_question(data, label_en="Pick", kind=QuestionKind.MULTIPLE_CHOICE, position="5")
    _add_question(data, label_en="Count", kind=QuestionKind.NUMBER, min_value="9", max_value="1")
    _add_question(data, label_en="", kind=QuestionKind.SHORT_TEXT, max_length="900")
    errors = " ".join(_errors(client.post(url, data)))
    assert "at least one choice" in errors
    assert "must not be below the lowest" in errors
    assert "Between 1 and 300 characters" in errors
    assert call.questions.count() == 4


def test_answered_question_keeps_its_kind_and_is_hidden_not_deleted(client_for, call):
    question = call.questions.get(legacy_field="methodology")
    Answer.objects.create(
        practice=PracticeFactory(call=call), question=question, value_text="70-20-10"
    )
    client = client_for("coordinator")
    url, data = _open(client, call)
    index = next(
        key.split("-")[1]
        for key, value in data.items()
        if key.endswith("-id") and value == str(question.pk)
    )

    changed = {**data, f"{PREFIX}-{index}-kind": QuestionKind.NUMBER}
    errors = " ".join(_errors(client.post(url, changed)))
    assert "already has answers: its kind cannot change" in errors
    question.refresh_from_db()
    assert question.kind == QuestionKind.LONG_TEXT

    deleted = {**data, f"{PREFIX}-{index}-DELETE": "on"}
    errors = " ".join(_errors(client.post(url, deleted)))
    assert "cannot be deleted" in errors
    assert CallQuestion.objects.filter(pk=question.pk).exists()

    hidden = {**data, f"{PREFIX}-{index}-is_hidden": "on"}
    assert client.post(url, hidden).status_code == 302
    question.refresh_from_db()
    assert question.is_hidden and question.answers.count() == 1


def test_a_choice_held_by_answers_cannot_be_removed(client_for, call):
    tools = call.questions.get(legacy_field="tools")
    kept = tools.choice_values()[0]
    Answer.objects.create(practice=PracticeFactory(call=call), question=tools, value_choices=[kept])
    client = client_for("coordinator")
    url, data = _open(client, call)
    index = next(
        key.split("-")[1]
        for key, value in data.items()
        if key.endswith("-id") and value == str(tools.pk)
    )
    lines = data[f"{PREFIX}-{index}-choices_en"].splitlines()
    without = {**data, f"{PREFIX}-{index}-choices_en": "\n".join(lines[1:])}
    errors = " ".join(_errors(client.post(url, without)))
    assert f"Answers hold the choice {kept}: keep it" in errors
    reworded = {
        **data,
        f"{PREFIX}-{index}-choices_en": f"{kept} | A new name\n" + "\n".join(lines[1:]),
    }
    assert client.post(url, reworded).status_code == 302
    tools.refresh_from_db()
    assert tools.choice_label(kept, "en") == "A new name"


def test_a_call_added_in_the_admin_gets_the_four_default_questions(client_for):
    client = client_for("coordinator")
    page = client.get(reverse("admin:practices_call_add"))
    assert page.status_code == 200
    data = _form_data(page)
    data.update(title_en="AI adoption 2027", slug="ai-2027", introduction_en="Tell us.")
    for name in ("opens_at", "closes_at"):
        data.pop(name, None)
    data.update(
        opens_at_0="2027-01-10",
        opens_at_1="09:00:00",
        closes_at_0="2027-03-10",
        closes_at_1="17:00:00",
    )
    response = client.post(reverse("admin:practices_call_add"), data)
    assert response.status_code == 302, _errors(response)
    call = Call.objects.get(slug="ai-2027")
    assert list(call.questions.values_list("legacy_field", flat=True)) == [
        "online_learning",
        "methodology",
        "tools",
        "keep_learning",
    ]


def test_reviewers_see_the_questions_without_changing_them(client_for, call):
    page = client_for("reviewer").get(reverse("admin:practices_call_change", args=[call.pk]))
    assert page.status_code == 200
    assert "How is online learning integrated" in page.content.decode()
