"""The language a practice is written in (#16): detected offline, chosen by its SME on the form,
detected for existing practices by the migration, said by `lang` wherever its text is shown,
and a facet of the public list."""

import importlib
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from notifications.models import Notification
from practices import services
from practices.forms import MSG_LANGUAGE_INVALID
from practices.language import (
    EU_LANGUAGES,
    detect_language,
    sorted_language_choices,
    supported_languages,
)
from practices.models import Practice
from skillup.errors import ApplicationError
from tests.factories import (
    CallFactory,
    OrganisationFactory,
    PracticeFactory,
    PublishedPracticeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    # a request leaves its language active in the test's thread: each test starts in English
    with translation.override("en"):
        yield


# Real sentences, as SMEs write them: (language, text).
SENTENCES = [
    (
        "fr",
        "Chaque semaine, nos salariés suivent une formation en ligne sur la cybersécurité, "
        "puis en discutent ensemble autour d'un café.",
    ),
    (
        "de",
        "Unsere Mitarbeiterinnen und Mitarbeiter lernen jede Woche in kleinen Gruppen, wie sie "
        "Kundendaten sicher speichern und löschen.",
    ),
    (
        "es",
        "Nuestros empleados aprenden análisis de datos con cursos en línea y la ayuda de un "
        "mentor de la empresa cada viernes.",
    ),
    (
        "it",
        "I nostri dipendenti seguono ogni settimana un corso online di sicurezza informatica e "
        "ne parlano insieme durante la pausa pranzo.",
    ),
    (
        "pl",
        "Nasi pracownicy uczą się programowania w małych grupach, raz w tygodniu, z pomocą "
        "mentora z firmy partnerskiej.",
    ),
    (
        "nl",
        "Onze medewerkers volgen elke week een online cursus over digitale veiligheid en "
        "bespreken die daarna samen.",
    ),
    (
        "pt",
        "Os nossos trabalhadores aprendem a usar ferramentas digitais com cursos em linha e um "
        "mentor da empresa.",
    ),
    (
        "cs",
        "Naši zaměstnanci se každý týden učí pracovat s daty v malých skupinách s pomocí "
        "zkušeného kolegy.",
    ),
    (
        "sk",
        "Naši zamestnanci sa každý týždeň učia pracovať s údajmi v malých skupinách s pomocou "
        "skúseného kolegu.",
    ),
    (
        "el",
        "Οι εργαζόμενοί μας παρακολουθούν κάθε εβδομάδα ένα διαδικτυακό μάθημα για την "
        "ασφάλεια των δεδομένων.",
    ),
    (
        "sv",
        "Våra anställda lär sig digitala verktyg genom korta kurser på nätet och träffas varje "
        "vecka för att diskutera.",
    ),
    (
        "en",
        "Our staff take a short online course every week and then discuss what they learned "
        "over lunch.",
    ),
]
POLISH = dict(SENTENCES)["pl"]
FRENCH = dict(SENTENCES)["fr"]


# --------------------------------------------------------------------------------------------
# Detection (pure: no database)
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("language", "text"), SENTENCES, ids=[code for code, _t in SENTENCES])
def test_detect_language_of_real_sentences(language, text):
    assert detect_language(text) == language


@pytest.mark.parametrize(
    "text",
    ["", "   ", "Cloud", "Marketing digital", "12345 67890 12345 67890 !!"],
    ids=["empty", "blank", "one-word", "two-words", "no-letters"],
)
def test_detect_language_is_none_when_unsure(text):
    assert detect_language(text) is None


def test_detect_language_knows_every_eu_language_but_maltese():
    assert sorted(set(EU_LANGUAGES) - set(supported_languages())) == ["mt"]
    assert len(EU_LANGUAGES) == 24


def test_language_choices_are_sorted_by_their_name_in_the_readers_language():
    with translation.override("en"):
        english = [name for _code, name in sorted_language_choices()]
    assert english[:3] == ["Bulgarian", "Croatian", "Czech"]
    assert len(english) == 24 and "Icelandic" not in english


# --------------------------------------------------------------------------------------------
# The SME's form
# --------------------------------------------------------------------------------------------
def _form_data(**changes) -> dict:
    data = {
        "title": "Friday learning hour",
        "short_description": "",
        "action": "save",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def _selected_language(html: str) -> str:
    select = re.search(r'<select name="language".*?</select>', html, re.S).group(0)
    return re.search(r'<option value="(\w+)" selected>', select).group(1)


@pytest.fixture
def call():
    return CallFactory(slug="digital-skillup")


def test_new_form_preselects_the_interface_language(world, client_for, call):
    with translation.override("fr"):
        url = reverse("practices:submission_create", kwargs={"slug": call.slug})

    html = client_for("sme_admin").get(url).content.decode()

    assert url.startswith("/fr/")
    assert _selected_language(html) == "fr"
    assert 'name="language_auto" value="fr"' in html


def test_edit_form_preselects_the_saved_language(world, client_for, call):
    practice = PracticeFactory(call=call, organisation=world.sme, language="pl")
    url = reverse("practices:submission_edit", kwargs={"pk": practice.pk})

    html = client_for("sme_admin").get(url).content.decode()

    assert _selected_language(html) == "pl"


def test_untouched_preselection_gives_way_to_the_detected_language_on_save(world, client_for, call):
    url = reverse("practices:submission_create", kwargs={"slug": call.slug})

    response = client_for("sme_admin").post(
        url,
        _form_data(short_description=POLISH, language="en", language_auto="en"),
    )

    assert response.status_code == 302
    practice = Practice.objects.get(organisation=world.sme)
    assert practice.language == "pl"
    edit = client_for("sme_admin").get(reverse("practices:submission_edit", args=[practice.pk]))
    assert _selected_language(edit.content.decode()) == "pl"


def test_form_shown_again_after_an_error_suggests_the_detected_language(world, client_for, call):
    url = reverse("practices:submission_create", kwargs={"slug": call.slug})

    response = client_for("sme_admin").post(
        url,
        _form_data(title="", short_description=FRENCH, language="en", language_auto="en"),
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert _selected_language(html) == "fr"
    assert "Suggested from your text: French." in html
    assert not Practice.objects.exists()


def test_the_smes_own_choice_is_kept_whatever_the_text(world, client_for, call):
    url = reverse("practices:submission_create", kwargs={"slug": call.slug})

    client_for("sme_admin").post(
        url, _form_data(short_description=POLISH, language="de", language_auto="en")
    )

    assert Practice.objects.get(organisation=world.sme).language == "de"


def test_edit_saves_the_chosen_language_through_the_service(world, client_for, call):
    practice = PracticeFactory(call=call, organisation=world.sme, language="en")
    url = reverse("practices:submission_edit", kwargs={"pk": practice.pk})

    response = client_for("sme_admin").post(url, _form_data(language="it"))

    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.language == "it"
    assert practice.revisions.order_by("-pk").first().data["language"] == "it"


@pytest.mark.parametrize(
    "language", ["xx", "is", "EN", "english", "<b>"], ids=["unknown", "eea", "case", "name", "html"]
)
def test_a_language_not_in_the_list_is_refused_with_a_message(world, client_for, call, language):
    practice = PracticeFactory(call=call, organisation=world.sme, language="en")
    url = reverse("practices:submission_edit", kwargs={"pk": practice.pk})

    response = client_for("sme_admin").post(url, _form_data(language=language))

    assert response.status_code == 200
    assert str(MSG_LANGUAGE_INVALID) in response.content.decode()
    practice.refresh_from_db()
    assert practice.language == "en"


# --------------------------------------------------------------------------------------------
# The data migration
# --------------------------------------------------------------------------------------------
def test_migration_detects_the_language_of_existing_practices(world):
    detect = importlib.import_module("practices.migrations.0014_practice_language").detect_languages
    state = MigrationExecutor(connection).loader.project_state(
        ("practices", "0014_practice_language")
    )
    texts = {
        "French": ("Formation en ligne", dict(SENTENCES)["fr"]),
        "German": ("Lernen in Gruppen", dict(SENTENCES)["de"]),
        "Spanish": ("Análisis de datos", dict(SENTENCES)["es"]),
        "Unsure": ("Cloud", ""),
    }
    for title, description in texts.values():
        PracticeFactory(
            title=title,
            short_description=description,
            online_learning="",
            methodology="",
            keep_learning="",
            language="en",
        )

    detect(state.apps, None)

    assert dict(Practice.objects.values_list("title", "language")) == {
        "Formation en ligne": "fr",
        "Lernen in Gruppen": "de",
        "Análisis de datos": "es",
        "Cloud": "en",
    }


# --------------------------------------------------------------------------------------------
# `lang` wherever the text is shown
# --------------------------------------------------------------------------------------------
@pytest.fixture
def polish():
    return PublishedPracticeFactory(
        title="Nauka w małych grupach",
        short_description=POLISH,
        language="pl",
        slug="nauka",
    )


def test_list_card_says_the_language_of_its_text(client, polish):
    html = client.get("/en/practices/").content.decode()

    card = html[html.index(f'id="practice-{polish.pk}-title"') - 80 :]
    assert f'lang="pl" id="practice-{polish.pk}-title"' in card
    assert f'<p class="card-text" lang="pl">{POLISH[:30]}' in card
    assert '<span class="practice-language">Language: Polish</span>' in card


def test_card_says_nothing_of_the_language_when_it_is_the_pages(client):
    PublishedPracticeFactory(language="en")

    html = client.get("/en/practices/").content.decode()

    assert 'class="card-text" lang="en"' in html
    assert 'class="practice-language"' not in html


def test_detail_page_marks_the_text_not_the_labels(client, polish):
    html = client.get("/en/practices/nauka/").content.decode()

    assert '<h1 id="practice-title" lang="pl">Nauka w małych grupach</h1>' in html
    assert '<div class="practice-description" lang="pl">' in html
    assert '<div lang="pl"><p>Courses are chosen' in html  # an answer
    assert '<h2 id="answers-heading">How they do it</h2>' in html  # the label: the page's
    assert "<dt>Language</dt>\n          <dd>Polish</dd>" in html


def test_public_text_in_its_own_language(client, polish):
    Practice.objects.filter(pk=polish.pk).update(
        public_title="Learning in small groups", public_language="en"
    )
    polish.refresh_from_db()

    html = client.get("/en/practices/nauka/").content.decode()

    assert polish.text_language == "en"
    assert '<h1 id="practice-title" lang="en">Learning in small groups</h1>' in html
    assert '<div lang="pl"><p>Courses are chosen' in html  # the SME's answers stay Polish


def test_public_language_without_public_text_is_the_smes():
    practice = Practice(language="pl", public_language="en")

    assert practice.text_language == "pl"


def test_feed_entries_say_their_language_when_not_the_feeds(client, polish):
    PublishedPracticeFactory(title="Lunch and learn", language="en")

    body = client.get("/en/practices/feed/").content.decode()

    assert '<feed xml:lang="en"' in body
    assert '<entry xml:lang="pl"><title>Nauka w małych grupach</title>' in body
    assert "<entry><title>Lunch and learn</title>" in body


def test_staff_email_quoting_the_smes_answer_says_its_language(world):
    practice = PracticeFactory(organisation=world.sme, state="shortlisted", language="pl")
    request = services.detail_request_create(
        user=world.reviewer, practice=practice, message="How many hours?"
    )
    Notification.objects.all().delete()

    services.detail_request_answer(
        user=world.sme_member, detail_request=request, answer="Cztery godziny w miesiącu."
    )

    notification = Notification.objects.get()
    assert notification.to_email == world.reviewer.email
    assert '<blockquote lang="pl">Cztery godziny w miesiącu.</blockquote>' in (
        notification.body_html
    )


def test_sme_receipt_quotes_its_text_with_its_language(world):
    practice = PracticeFactory(
        organisation=world.sme, created_by=world.sme_member, language="pl", title="Nauka"
    )

    services.practice_submit(user=world.sme_member, practice=practice)

    html = Notification.objects.filter(event="practice_submitted").first().body_html
    assert '<blockquote lang="pl"><strong>Nauka</strong>' in html


def test_admin_review_page_marks_the_smes_text(world, client_for):
    from practices.admin.reviews import review_url

    practice = PracticeFactory(organisation=world.sme, state="in_review", language="pl")

    html = client_for("reviewer").get(review_url(practice.pk)).content.decode()

    assert f'<p lang="pl">{practice.title}</p>' in html
    assert '<div class="review-answer" lang="pl">' in html


def test_staff_correct_the_language_through_the_service(world, polish):
    Practice.objects.filter(pk=polish.pk).update(language="cs")  # the SME chose wrongly

    services.practice_language_set(
        user=world.reviewer, practice=polish, language="pl", public_language=""
    )
    with pytest.raises(ApplicationError):
        services.practice_language_set(
            user=world.outsider, practice=polish, language="de", public_language=""
        )

    assert Practice.objects.get(pk=polish.pk).language == "pl"


# --------------------------------------------------------------------------------------------
# The facet
# --------------------------------------------------------------------------------------------
def _language_options(html: str) -> list[str]:
    select = re.search(r'<select name="language".*?</select>', html, re.S).group(0)
    return re.findall(r"<option[^>]*>([^<]+)</option>", select)


def _populate(count: int, call) -> None:
    languages = ["pl", "fr", "de", "en"]
    for n in range(count):
        PublishedPracticeFactory(
            call=call,
            organisation=OrganisationFactory(country="FR"),
            title=f"Learning practice {n}",
            language=languages[n % len(languages)],
        )


def test_language_facet_counts_and_filters(client):
    call = CallFactory()
    _populate(6, call)  # pl, fr, de, en, pl, fr

    html = client.get("/en/practices/").content.decode()
    polish = client.get("/en/practices/?language=pl").content.decode()

    assert _language_options(html) == [
        "All languages",
        "English (1)",
        "French (2)",
        "German (1)",
        "Polish (2)",
    ]
    assert "2 practices found." in polish
    assert polish.count('class="card-text" lang="pl"') == 2


def test_language_facet_is_named_in_the_readers_language(client):
    _populate(2, CallFactory())

    html = client.get("/fr/practices/").content.decode()

    options = _language_options(html)
    assert len(options) == 3 and options[1:] != sorted(options[1:], reverse=True)


def test_language_facet_ignores_a_value_not_in_the_list(client):
    _populate(2, CallFactory())

    response = client.get("/en/practices/?language=xx")

    assert response.status_code == 200
    assert "2 practices found." in response.content.decode()


def _queries(url: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(url)
    assert response.status_code == 200
    return len(queries)


def test_language_facet_keeps_the_query_count_constant():
    call = CallFactory()
    _populate(1, call)
    at_one = [_queries("/en/practices/"), _queries("/en/practices/?language=pl")]

    _populate(20, call)
    at_twenty = [_queries("/en/practices/"), _queries("/en/practices/?language=pl")]

    assert at_one == at_twenty


def test_admin_change_page_sets_both_languages_through_the_service(world, client_for):
    practice = PracticeFactory(state="selected", language="cs")
    url = reverse("admin:practices_practice_change", args=[practice.pk])
    client = client_for("reviewer")
    page = client.get(url)
    management = {}
    for inline in page.context["inline_admin_formsets"]:
        form = inline.formset.management_form
        management.update({form.add_prefix(name): form[name].value() for name in form.fields})

    response = client.post(
        url,
        {
            **management,
            "language": "pl",
            "public_title": "Learning in small groups",
            "public_description": "",
            "public_language": "en",
            "_save": "Save",
        },
    )

    practice.refresh_from_db()
    assert response.status_code == 302
    assert (practice.language, practice.public_language, practice.text_language) == (
        "pl",
        "en",
        "en",
    )
    assert 'name="public_language"' in page.content.decode()


def test_related_practices_and_json_ld_say_their_language(client, polish):
    from practices.models import Topic

    topic = Topic.objects.first()
    polish.topics.set([topic])
    german = PublishedPracticeFactory(
        title="Lernen in kleinen Gruppen", language="de", slug="lernen"
    )
    german.topics.set([topic])

    html = client.get("/en/practices/nauka/").content.decode()

    assert f'href="/en/practices/lernen/" lang="de">{german.title}</a>' in html
    data = html[html.index('type="application/ld+json">') :]
    assert '"inLanguage": "pl"' in data[: data.index("</script>")]


def test_practices_presented_at_an_event_say_their_language(client, polish):
    from practices.models import EventInvitation
    from tests.factories import EventFactory

    event = EventFactory(title="Forum")
    EventInvitation.objects.create(event=event, practice=polish, rsvp="yes")

    for url in ("/en/events/", event.get_absolute_url()):
        html = client.get(url).content.decode()
        assert 'href="/en/practices/nauka/" lang="pl">Nauka w małych grupach</a>' in html, url
