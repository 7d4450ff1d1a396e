"""The answers to a call's own questions in every output (issue #19, phase 2): the read helper
(practices/answers.py), the review page, the public page, the CSV export, search, the API and
the open data. Private answers reach the staff's outputs only; public ones, of questions not
hidden from new submissions, every output."""

import csv
import datetime
import io
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from opendata import datasets
from practices import answers as answer_reads
from practices import services
from practices.enums import PracticeState
from practices.models import Answer, CallQuestion, LegacyField, QuestionKind
from tests.factories import (
    AnswerFactory,
    CallFactory,
    CallQuestionFactory,
    PracticeFactory,
    PublishedPracticeFactory,
)
from tests.practices.test_question_admin import _open as open_call_form

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text documents: PostgreSQL"
)
EXPORT = "admin:practices_practice_export"
CHOICES = [
    {"value": "onsite", "label": {"en": "On site", "fr": "Sur place"}},
    {"value": "remote", "label": {"en": "Remote", "fr": "À distance"}},
]


def ask(call, label, kind=QuestionKind.LONG_TEXT, **kwargs) -> CallQuestion:
    return CallQuestionFactory(call=call, label=label, kind=kind, **kwargs)


@pytest.fixture
def call():
    """A call asking, after its four original questions, one question of each kind shown to
    visitors and a private one and one hidden from new submissions."""
    call = CallFactory(
        slug="events-2027",
        question_online_learning="Q-ONLINE: which online courses?",
        question_methodology="Q-METHOD: how do you teach?",
    )
    services.call_default_questions_create(call)
    questions = {
        "short": ask(call, "Q-SHORT: your motto?", QuestionKind.SHORT_TEXT),
        "long": ask(call, "Q-LONG: what changed?"),
        "where": ask(
            call,
            "Q-WHERE: where?",
            QuestionKind.MULTIPLE_CHOICE,
            choices=CHOICES,
            allow_other=True,
            label_fr="Q-WHERE-FR : où ?",
        ),
        "number": ask(call, "Q-NUMBER: how many people?", QuestionKind.NUMBER),
        "date": ask(call, "Q-DATE: when did it start?", QuestionKind.DATE),
        "yes": ask(call, "Q-YES: would you do it again?", QuestionKind.YES_NO),
        "private": ask(call, "Q-PRIVATE: what did it cost?", is_public=False),
        "hidden": ask(call, "Q-HIDDEN: an old question", is_hidden=True),
    }
    call.asked = questions
    return call


def answer_all(practice, call) -> None:
    q = call.asked
    for question, values in (
        (q["short"], {"value_text": "A-SHORT: learn by doing"}),
        (q["long"], {"value_text": "A-LONG: zoetrope everyone now reads the manuals."}),
        (q["where"], {"value_choices": ["remote", "onsite"], "value_text": "A-OTHER: a boat"}),
        (q["number"], {"value_number": 1234}),
        (q["date"], {"value_date": datetime.date(2024, 3, 5)}),
        (q["yes"], {"value_bool": True}),
        (q["private"], {"value_text": "A-PRIVATE: quokka four thousand euros"}),
        (q["hidden"], {"value_text": "A-HIDDEN: narwhal answer to a retired question"}),
    ):
        Answer.objects.create(practice=practice, question=question, **values)
    services.legacy_answers_sync([practice])


def published_with_answers(call, **kwargs):
    practice = PublishedPracticeFactory(call=call, **kwargs)
    answer_all(practice, call)
    services.practice_refresh_search(practice)
    return practice


# --------------------------------------------------------------------------------------------
# The read helper
# --------------------------------------------------------------------------------------------
def test_answers_read_in_question_order_with_display_values(call):
    practice = PracticeFactory(call=call)
    answer_all(practice, call)

    shown = answer_reads.answers_of([practice])[practice.pk]

    labels = [a.label for a in shown]
    assert labels[:4] == ["Q-ONLINE: which online courses?", "Q-METHOD: how do you teach?"] + [
        str(q.label) for q in call.questions.filter(legacy_field__in=["tools", "keep_learning"])
    ]
    assert {a.label: a.value for a in shown[4:]} == {
        "Q-SHORT: your motto?": "A-SHORT: learn by doing",
        "Q-LONG: what changed?": "A-LONG: zoetrope everyone now reads the manuals.",
        # the choices by their label, in the question's order of answer, "other" last
        "Q-WHERE: where?": "Remote, On site, A-OTHER: a boat",
        "Q-NUMBER: how many people?": "1,234",
        "Q-DATE: when did it start?": "5 March 2024",
        "Q-YES: would you do it again?": "Yes",
        "Q-PRIVATE: what did it cost?": "A-PRIVATE: quokka four thousand euros",
        "Q-HIDDEN: an old question": "A-HIDDEN: narwhal answer to a retired question",
    }


def test_answers_follow_the_active_language(call):
    practice = PracticeFactory(call=call)
    answer_all(practice, call)

    with translation.override("fr"):
        shown = {a.question_id: a for a in answer_reads.answers_of([practice])[practice.pk]}

    where = shown[call.asked["where"].pk]
    assert where.label == "Q-WHERE-FR : où ?"
    assert where.items == ["À distance", "Sur place", "A-OTHER: a boat"]
    assert shown[call.asked["yes"].pk].value == "Oui"
    assert shown[call.asked["date"].pk].value == "5 mars 2024"


def test_public_only_leaves_out_private_hidden_and_file_answers(call):
    practice = PracticeFactory(call=call)
    answer_all(practice, call)
    document = ask(call, "Q-FILE: your plan", QuestionKind.FILE)
    Answer.objects.create(practice=practice, question=document, value_file="answers/plan.pdf")

    every = answer_reads.answers_of([practice])[practice.pk]
    public = answer_reads.answers_of([practice], public_only=True)[practice.pk]

    assert "Q-FILE: your plan" in [a.label for a in every]
    assert [a.label for a in every if a not in public] == [
        "Q-PRIVATE: what did it cost?",
        "Q-HIDDEN: an old question",
        "Q-FILE: your plan",
    ]


def test_answers_of_reads_any_number_of_practices_in_one_query(call):
    practices = [PracticeFactory(call=call) for _ in range(5)]
    for practice in practices:
        answer_all(practice, call)

    for size in (1, 5):
        with CaptureQueriesContext(connection) as queries:
            shown = answer_reads.answers_of(practices[:size], public_only=True)
        assert len(queries) == 1
        assert len(shown) == size
        assert all(len(answers) == 10 for answers in shown.values())


# --------------------------------------------------------------------------------------------
# The review page: every answer, private ones included, in the call's order
# --------------------------------------------------------------------------------------------
def test_review_page_shows_every_answer_in_order(client_for, world, call):
    practice = PracticeFactory(
        call=call, state=PracticeState.SUBMITTED, submitted_at=timezone.now()
    )
    answer_all(practice, call)
    call.questions.filter(legacy_field=LegacyField.METHODOLOGY).update(is_public=False)

    response = client_for("reviewer").get(
        reverse("admin:practices_practice_review", args=[practice.pk])
    )

    body = response.content.decode()
    assert response.status_code == 200
    expected = [
        "Q-ONLINE: which online courses?",
        practice.online_learning,
        "Q-METHOD: how do you teach?",
        "private answer",  # the methodology question, made private
        "Q-SHORT: your motto?",
        "A-SHORT: learn by doing",
        "Q-WHERE: where?",
        "<li>Remote</li><li>On site</li><li>A-OTHER: a boat</li>",
        "1,234",
        "5 March 2024",
        "Q-PRIVATE: what did it cost?",
        "private answer",
        "A-PRIVATE: quokka four thousand euros",
        "Q-HIDDEN: an old question",
        "no longer asked",
        "A-HIDDEN: narwhal",
        'id="review-form"',
    ]
    positions = []
    start = 0
    for text in expected:
        start = body.index(text, start)
        positions.append(start)
    assert positions == sorted(positions)


def test_review_page_shows_an_unanswered_question_and_the_original_four_without_questions(
    client_for, world
):
    """A call without questions (older than migration 0022) still shows the four original
    answers; an unanswered question of the call shows a dash."""
    bare = PracticeFactory(state=PracticeState.SUBMITTED, submitted_at=timezone.now())
    ask(bare.call, "Q-UNANSWERED: anything else?")

    body = (
        client_for("reviewer")
        .get(reverse("admin:practices_practice_review", args=[bare.pk]))
        .content.decode()
    )

    assert bare.methodology in body and bare.keep_learning in body
    assert re.search(r"Q-UNANSWERED: anything else\?</h3>\s*<p>—</p>", body)


# --------------------------------------------------------------------------------------------
# The public page: public answers only, the original four as they were
# --------------------------------------------------------------------------------------------
def test_public_page_shows_public_answers_after_the_original_four(client, call):
    practice = published_with_answers(call)

    body = client.get(practice.get_absolute_url()).content.decode()

    expected = [
        '<h3 class="h5">Q-ONLINE: which online courses?</h3>',
        '<h3 class="h5">Q-METHOD: how do you teach?</h3>',
        '<h3 class="h5">Q-SHORT: your motto?</h3>',
        f'<p lang="{practice.language}">A-SHORT: learn by doing</p>',
        '<h3 class="h5">Q-LONG: what changed?</h3>',
        "<ul><li>Remote</li><li>On site</li>"
        f'<li lang="{practice.language}">A-OTHER: a boat</li></ul>',
        "<p>1,234</p>",
        "<p>5 March 2024</p>",
        "<p>Yes</p>",
    ]
    positions = [body.index(text) for text in expected]
    assert positions == sorted(positions)
    assert "Q-PRIVATE" not in body and "quokka" not in body
    assert "Q-HIDDEN" not in body and "narwhal" not in body
    # the original four are not shown twice
    assert body.count("Q-ONLINE: which online courses?") == 1


def test_a_question_without_a_translation_is_marked_as_english_on_the_public_page(client, call):
    practice = published_with_answers(call)
    CallQuestion.objects.filter(call=call, label_en="Q-SHORT: your motto?").update(
        label_fr="Q-SHORT : votre devise ?"
    )

    with translation.override("de"):  # no German label: the English one, said to be English
        german = client.get(practice.get_absolute_url()).content.decode()
    with translation.override("fr"):
        french = client.get(practice.get_absolute_url()).content.decode()

    assert '<h3 class="h5" lang="en">Q-SHORT: your motto?</h3>' in german
    assert '<h3 class="h5">Q-SHORT : votre devise ?</h3>' in french


def test_an_original_question_made_private_leaves_the_public_page(client, call):
    practice = published_with_answers(call)
    call.questions.filter(legacy_field=LegacyField.METHODOLOGY).update(is_public=False)

    body = client.get(practice.get_absolute_url()).content.decode()

    assert practice.methodology not in body
    assert "Q-METHOD: how do you teach?" not in body
    assert practice.online_learning in body


def test_a_question_made_private_in_the_admin_leaves_the_cached_page(
    client_for, world, call, django_capture_on_commit_callbacks
):
    """The visitors' page cache and the search documents follow the call's questions: the call
    admin's save starts a new practices version and rebuilds the call's practices' search."""
    practice = published_with_answers(call)
    anonymous = client_for("anonymous")
    assert "zoetrope" in anonymous.get(practice.get_absolute_url()).content.decode()
    assert len(anonymous.get("/en/practices/", {"q": "zoetrope"}).context["page"]) == 1
    question = call.asked["long"]

    admin = client_for("coordinator")
    url, data = open_call_form(admin, call)
    index = next(
        key.split("-")[1]
        for key, value in data.items()
        if key.endswith("-id") and value == str(question.pk)
    )
    data.pop(f"questions-{index}-is_public")
    with django_capture_on_commit_callbacks(execute=True):
        assert admin.post(url, data).status_code == 302

    question.refresh_from_db()
    assert not question.is_public
    assert "zoetrope" not in anonymous.get(practice.get_absolute_url()).content.decode()
    found = anonymous.get("/en/practices/", {"q": "zoetrope"}).context["page"].object_list
    assert list(found) == []


# --------------------------------------------------------------------------------------------
# The CSV export: one column per question of the exported calls
# --------------------------------------------------------------------------------------------
def csv_rows(response) -> list[list[str]]:
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


def test_csv_export_has_a_column_per_question(client_for, world, call):
    practice = PracticeFactory(
        call=call, title="Lunch", state=PracticeState.SUBMITTED, submitted_at=timezone.now()
    )
    answer_all(practice, call)

    header, row = csv_rows(client_for("coordinator").get(reverse(EXPORT)))

    questions = list(call.questions.order_by("position", "pk"))
    assert header[-len(questions) :] == [str(q.label) for q in questions]
    cells = dict(zip(header, row, strict=True))
    assert cells["Q-ONLINE: which online courses?"] == practice.online_learning
    assert cells["Q-WHERE: where?"] == "Remote, On site, A-OTHER: a boat"
    assert cells["Q-NUMBER: how many people?"] == "1234"  # a number, not "1,234"
    assert cells["Q-DATE: when did it start?"] == "2024-03-05"
    assert cells["Q-YES: would you do it again?"] == "Yes"
    assert cells["Q-PRIVATE: what did it cost?"] == "A-PRIVATE: quokka four thousand euros"
    assert cells["Q-HIDDEN: an old question"].startswith("A-HIDDEN")


def test_csv_export_of_several_calls_names_each_call(client_for, world, call):
    other = CallFactory(slug="ai-2027")
    own = ask(other, "Q-AI: which AI tools?")
    first = PracticeFactory(call=call, state=PracticeState.SUBMITTED, submitted_at=timezone.now())
    second = PracticeFactory(call=other, state=PracticeState.SUBMITTED, submitted_at=timezone.now())
    answer_all(first, call)
    Answer.objects.create(practice=second, question=own, value_text="A-AI: a chatbot")

    header, *rows = csv_rows(client_for("coordinator").get(reverse(EXPORT)))

    assert "ai-2027: Q-AI: which AI tools?" in header
    assert "events-2027: Q-SHORT: your motto?" in header
    by_title = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    assert by_title[second.title]["ai-2027: Q-AI: which AI tools?"] == "A-AI: a chatbot"
    assert by_title[second.title]["events-2027: Q-SHORT: your motto?"] == ""
    assert by_title[first.title]["ai-2027: Q-AI: which AI tools?"] == ""


def test_csv_export_queries_stay_constant(client_for, world, call):
    def export_queries(count: int) -> int:
        for _ in range(count):
            practice = PracticeFactory(
                call=call, state=PracticeState.SUBMITTED, submitted_at=timezone.now()
            )
            answer_all(practice, call)
        client = client_for("coordinator")
        with CaptureQueriesContext(connection) as queries:
            rows = csv_rows(client.get(reverse(EXPORT)))
        assert len(rows) == Answer.objects.values("practice").distinct().count() + 1
        return len(queries)

    assert export_queries(2) == export_queries(6)


# --------------------------------------------------------------------------------------------
# Search
# --------------------------------------------------------------------------------------------
@postgresql_only
def test_a_word_of_a_public_answer_finds_the_practice_a_private_one_does_not(client, call):
    practice = published_with_answers(call, title="Robot days", public_title="Robot days")
    PublishedPracticeFactory(title="Unrelated", public_title="Unrelated")

    def found(word: str) -> list[str]:
        response = client.get("/en/practices/", {"q": word})
        return [card.title for card in response.context["page"].object_list]

    assert found("zoetrope") == [practice.display_title]  # a public long text
    assert found("boat") == [practice.display_title]  # a choice question's "other"
    assert found("distance") == [practice.display_title]  # a chosen choice, in French too
    assert found("quokka") == []  # private
    assert found("narwhal") == []  # hidden from new submissions


@postgresql_only
def test_the_original_answers_are_indexed_once_and_not_when_private(call):
    practice = published_with_answers(call, methodology="Pangolin pairs teach each other.")
    from practices.models import PracticeSearch

    def document() -> str:
        return str(PracticeSearch.objects.get(practice=practice).document)

    assert document().count("'pangolin'") == 1  # not doubled by the answer's copy
    call.questions.filter(legacy_field=LegacyField.METHODOLOGY).update(is_public=False)
    services.practice_refresh_search(practice)
    assert "pangolin" not in document()


# --------------------------------------------------------------------------------------------
# The API
# --------------------------------------------------------------------------------------------
def test_api_detail_lists_the_public_answers(client, call):
    practice = published_with_answers(call)
    call.questions.filter(legacy_field=LegacyField.METHODOLOGY).update(is_public=False)

    body = client.get(
        reverse("api:practice_detail", kwargs={"slug": practice.slug}), {"lang": "fr"}
    ).json()

    answers = {a["label"]: a for a in body["answers"]}
    assert answers["Q-WHERE-FR : où ?"] == {
        "question": call.asked["where"].pk,
        "label": "Q-WHERE-FR : où ?",
        "kind": "multiple_choice",
        "value": "À distance, Sur place, A-OTHER: a boat",
    }
    assert answers["Q-NUMBER: how many people?"]["value"] in {"1 234", "1\u202f234", "1\xa0234"}
    text = json.dumps(body)
    assert "quokka" not in text and "narwhal" not in text and "Q-PRIVATE" not in text
    # the methodology question made private: its field is empty, its answer not listed
    assert body["methodology"] == ""
    assert practice.methodology not in text
    assert body["online_learning"] == practice.online_learning


# --------------------------------------------------------------------------------------------
# Open data
# --------------------------------------------------------------------------------------------
def test_open_data_practices_carry_their_public_answers(call, tmp_path):
    practice = published_with_answers(call)
    call.questions.filter(legacy_field=LegacyField.KEEP_LEARNING).update(is_hidden=True)

    with translation.override("en"):
        [row] = list(datasets.practice_rows())
        csv_row = datasets.practice_csv_row(row)

    labels = [a["label"] for a in row["answers"]]
    assert "Q-LONG: what changed?" in labels and "Q-PRIVATE: what did it cost?" not in labels
    assert row["keep_learning"] == ""  # its question hidden
    assert row["methodology"] == practice.methodology
    cell = csv_row[[f.name for f in datasets.PRACTICE_FIELDS].index("answers")]
    assert json.loads(cell) == row["answers"]
    assert "quokka" not in cell


def test_open_data_reads_answers_once_per_chunk(call, monkeypatch):
    monkeypatch.setattr(datasets, "CHUNK_SIZE", 2)
    for _ in range(5):
        published_with_answers(call)

    with CaptureQueriesContext(connection) as queries:
        rows = list(datasets.practice_rows())

    reads = [q["sql"] for q in queries if 'FROM "practices_answer"' in q["sql"]]
    assert len(rows) == 5
    assert len(reads) == 3


def test_factories_make_an_answer_of_the_question_s_call():
    answer = AnswerFactory(value_text="Hello")

    assert answer.practice.call_id == answer.question.call_id


def test_the_api_schema_describes_the_answers(client):
    schemas = client.get("/api/v1/schema/", {"format": "json"}).json()["components"]["schemas"]

    answers = schemas["PracticeDetail"]["properties"]["answers"]
    assert answers["type"] == "array"
    assert answers["items"] == {"$ref": "#/components/schemas/Answer"}
    assert set(schemas["Answer"]["required"]) == {"question", "label", "kind", "value"}
