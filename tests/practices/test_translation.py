"""Calls and events in every interface language (django-modeltranslation): each text has one
column per language, an empty translation shows the English text marked lang="en", the standard
questions come in each language, and the admin asks for every language."""

import importlib
import re

import pytest
from django.apps import apps as current_apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import translation

from practices.models import Call, Event
from tests.factories import CallFactory, EventFactory, PublishedPracticeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    # a request leaves its language active in the test's thread, and Call(title=…) fills the
    # active language's column too: each test starts in English, as a request to /en/ would
    with translation.override("en"):
        yield


@pytest.fixture
def call():
    return CallFactory(
        slug="skillup-2026",
        title_en="Digital SkillUp 2026",
        title_fr="SkillUp numérique 2026",
        introduction_en="Tell us how your staff learn.",
        introduction_fr="Dites-nous comment votre personnel apprend.",
    )


def test_call_page_shows_the_title_of_the_active_language(client, call):
    english = client.get("/en/calls/skillup-2026/").content.decode()
    french = client.get("/fr/calls/skillup-2026/").content.decode()

    assert '<h1 id="call-title">Digital SkillUp 2026</h1>' in english
    assert '<h1 id="call-title">SkillUp numérique 2026</h1>' in french
    assert "Dites-nous comment votre personnel apprend." in french
    assert "Digital SkillUp 2026" not in french


def test_call_page_falls_back_to_english_marked_as_english(client, call):
    german = client.get("/de/calls/skillup-2026/").content.decode()

    assert '<h1 id="call-title" lang="en">Digital SkillUp 2026</h1>' in german
    assert 'call-introduction" lang="en"><p>Tell us how your staff learn.' in german
    assert '<html lang="de"' in german


def test_call_has_the_standard_questions_in_each_language():
    call = CallFactory()

    with translation.override("fr"):
        french = call.question_methodology
    with translation.override("de"):
        german = call.question_methodology

    assert call.question_methodology_en == "What methodology do you follow?"
    assert french == "Quelle méthodologie suivez-vous\xa0?"
    assert german == "Welcher Methodik folgen Sie?"


def test_call_page_shows_a_question_written_in_english_only_as_english(client):
    # the staff wrote their own question in English and cleared the French one
    CallFactory(
        slug="own-questions",
        question_tools_en="Which apps do your apprentices use?",
        question_tools_fr="",
    )

    french = client.get("/fr/calls/own-questions/").content.decode()

    assert '<li lang="en">Which apps do your apprentices use?</li>' in french
    assert "<li>Quelle méthodologie suivez-vous\xa0?</li>" in french


def test_call_built_while_another_language_is_active_has_its_english_text():
    with translation.override("fr"):
        call = CallFactory(title="Appel 2026")

    call.refresh_from_db()
    assert (call.title_en, call.title_fr, call.title_de) == ("Appel 2026", "Appel 2026", None)


def test_call_lookups_use_the_active_language(call):
    with translation.override("fr"):
        found = list(Call.objects.filter(title="SkillUp numérique 2026"))
        titles = list(Call.objects.values_list("title", flat=True))
    with translation.override("de"):
        german_titles = list(Call.objects.values_list("title", flat=True))

    assert found == [call]
    assert titles == ["SkillUp numérique 2026"]
    assert german_titles == ["Digital SkillUp 2026"]  # fallback to English


def test_practice_list_offers_the_calls_by_their_title_in_each_language(client, call):
    PublishedPracticeFactory(call=call)

    english = client.get("/en/practices/").content.decode()
    french = client.get("/fr/practices/").content.decode()
    german = client.get("/de/practices/").content.decode()

    assert '<option value="skillup-2026">Digital SkillUp 2026 (1)</option>' in english
    assert '<option value="skillup-2026">SkillUp numérique 2026 (1)</option>' in french
    assert '<option value="skillup-2026">Digital SkillUp 2026 (1)</option>' in german


def test_event_shows_its_translation_or_english():
    event = EventFactory(title_en="SkillUp day", title_fr="Journée SkillUp", place="Brussels")

    with translation.override("fr"):
        french = (event.title, event.place, str(event))
    with translation.override("de"):
        german = (event.title, event.place)

    assert french == ("Journée SkillUp", "Brussels", "Journée SkillUp")
    assert german == ("SkillUp day", "Brussels")


def test_admin_asks_for_the_call_texts_in_every_language(client_for, world):
    response = client_for("coordinator").get(reverse("admin:practices_call_add"))

    content = response.content.decode()
    for name in ("title", "introduction", "eligibility", "how_to_take_part"):
        for code in ("en", "fr", "de", "es", "it", "pl", "nl"):
            assert f'name="{name}_{code}"' in content
    assert 'name="title"' not in content
    # the four original questions are worded in the question list, in every language (#19)
    assert 'name="question_tools_en"' not in content
    for code in ("en", "fr", "de", "es", "it", "pl", "nl"):
        assert f'name="questions-__prefix__-label_{code}"' in content


def test_admin_folds_each_other_language_of_a_call_in_its_own_fieldset(client_for, world):
    response = client_for("coordinator").get(reverse("admin:practices_call_add"))

    # the call's own fields (its question list follows, folded per question: #19)
    content = response.content.decode().split('id="questions-group"')[0]
    # English first and open; each other language folded (<details>), named, with its fields
    assert content.index('name="title_en"') < content.index("<details>")
    folded = content.split("<details>")[1:]
    headings = [re.search(r'class="fieldset-heading">([^<]+)<', part)[1] for part in folded]
    assert headings == ["French", "German", "Spanish", "Italian", "Polish", "Dutch"]
    assert 'name="title_pl"' in folded[4] and 'name="how_to_take_part_pl"' in folded[4]


def test_admin_saves_a_polish_title_for_an_event(client_for, world):
    event = EventFactory(title="SkillUp day", place="Brussels")

    response = client_for("coordinator").post(
        reverse("admin:practices_event_change", args=[event.pk]),
        {
            "title_en": "SkillUp day",
            "title_pl": "Dzień SkillUp",
            "place_en": "Brussels",
            "place_pl": "Bruksela",
            "starts_at_0": "2030-05-01",
            "starts_at_1": "10:00:00",
            "language": "pl",
            "is_public": "on",
            "slug": event.slug,
            "invitations-TOTAL_FORMS": "0",
            "invitations-INITIAL_FORMS": "0",
            "_save": "Save",
        },
    )

    assert response.status_code == 302
    event.refresh_from_db()
    with translation.override("pl"):
        assert (event.title, event.place) == ("Dzień SkillUp", "Bruksela")
    with translation.override("it"):  # no Italian yet: the English text
        assert event.title == "SkillUp day"


def test_admin_saves_a_french_title_for_an_event(client_for, world):
    event = EventFactory(title="SkillUp day", place="Brussels")

    response = client_for("coordinator").post(
        reverse("admin:practices_event_change", args=[event.pk]),
        {
            "title_en": "SkillUp day",
            "title_fr": "Journée SkillUp",
            "place_en": "Brussels",
            "place_fr": "Bruxelles",
            "starts_at_0": "2030-05-01",
            "starts_at_1": "10:00:00",
            "language": "en",
            "is_public": "on",
            "invitations-TOTAL_FORMS": "0",
            "invitations-INITIAL_FORMS": "0",
            "_save": "Save",
        },
    )

    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.title_en, event.title_fr, event.place_fr) == (
        "SkillUp day",
        "Journée SkillUp",
        "Bruxelles",
    )


def test_admin_finds_a_call_by_its_title_in_any_language(client_for, world, call):
    response = client_for("coordinator").get(
        reverse("admin:practices_call_changelist"), {"q": "numérique"}
    )

    assert response.context["cl"].result_count == 1


def test_migration_keeps_existing_texts_as_english_and_standard_questions_in_every_language():
    fill = importlib.import_module("practices.migrations.0008_fill_translation_fields").fill
    state = MigrationExecutor(connection).loader.project_state(
        ("practices", "0007_call_event_translations")
    )
    OldCall = state.apps.get_model("practices", "Call")
    OldEvent = state.apps.get_model("practices", "Event")
    CallFactory(slug="before")  # the columns as they were: the texts only in the base columns
    OldCall.objects.filter(slug="before").update(
        title="Old call",
        title_en=None,
        introduction_en=None,
        question_methodology="What methodology do you follow?",
        question_tools="Our own question?",
        question_tools_fr="Quels outils utilisez-vous\xa0?",
    )
    event = EventFactory()
    OldEvent.objects.filter(pk=event.pk).update(title="Old event", title_en=None, place_en=None)

    fill(state.apps, None)

    call = current_apps.get_model("practices", "Call").objects.get(slug="before")
    assert (call.title_en, call.title_fr) == ("Old call", None)
    assert call.introduction_en == "SMEs: tell us how you upskill your staff."
    assert call.question_methodology_de == "Welcher Methodik folgen Sie?"
    assert (call.question_tools_en, call.question_tools_fr) == ("Our own question?", "")
    event = Event.objects.get(pk=event.pk)
    assert (event.title_en, event.place_en) == ("Old event", "Brussels")


def test_migration_gives_new_languages_the_standard_questions_and_leaves_own_ones_empty():
    fill = importlib.import_module("practices.migrations.0016_more_interface_languages")
    with translation.override("fr"):
        standard_fr = translation.gettext("What methodology do you follow?")
    CallFactory(slug="before")
    Call.objects.filter(slug="before").update(
        question_methodology_en="What methodology do you follow?",
        question_methodology_fr=standard_fr,
        question_methodology_es=None,
        question_tools_en="Our own question?",
        question_tools_es=None,
        question_tools_pl=None,
    )

    fill.fill_questions(current_apps, None)

    call = Call.objects.get(slug="before")
    with translation.override("es"):
        standard_es = translation.gettext("What methodology do you follow?")
    assert standard_es != "What methodology do you follow?"
    assert call.question_methodology_es == standard_es
    assert (call.question_tools_es, call.question_tools_pl) == ("", "")
