"""The public events (#15): the list of upcoming and past events, an event's page and its
calendar file; only public events, and only the published practices whose SME attends."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from practices.enums import Rsvp
from practices.models import Event, EventInvitation
from practices.templatetags.practices_tags import event_when
from tests.factories import EventFactory, PracticeFactory, PublishedPracticeFactory

pytestmark = pytest.mark.django_db

BRUSSELS = ZoneInfo("Europe/Brussels")
LIST_URL = "/en/events/"


def _event(days: float, **fields) -> Event:
    return EventFactory(starts_at=timezone.now() + timedelta(days=days), **fields)


def _titles(response, key: str) -> list[str]:
    events = response.context[key]
    return [event.title for event in (events.object_list if key == "page" else events)]


# --------------------------------------------------------------------------------------------
# The model
# --------------------------------------------------------------------------------------------
def test_event_slug_is_made_from_the_english_title_and_day_and_numbered_when_taken():
    starts = datetime(2027, 1, 20, 14, 0, tzinfo=BRUSSELS)

    first = EventFactory(title="SkillUp Forum: Learning at work", starts_at=starts)
    second = EventFactory(title="SkillUp Forum: Learning at work", starts_at=starts)

    assert [first.slug, second.slug] == [
        "skillup-forum-learning-at-work-2027-01-20",
        "skillup-forum-learning-at-work-2027-01-20-2",
    ]
    assert first.get_absolute_url() == "/en/events/skillup-forum-learning-at-work-2027-01-20/"


def test_event_ending_before_it_starts_is_refused_with_a_message():
    event = EventFactory.build(
        starts_at=datetime(2027, 1, 20, 14, 0, tzinfo=BRUSSELS),
        ends_at=datetime(2027, 1, 20, 13, 0, tzinfo=BRUSSELS),
    )

    with pytest.raises(ValidationError) as error:
        event.full_clean()

    assert error.value.message_dict["ends_at"] == ["The event must end after it starts."]


def test_event_ending_before_it_starts_is_refused_by_the_database():
    event = EventFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(ends_at=event.starts_at - timedelta(hours=1))


def test_event_language_is_one_of_the_eu_languages():
    event = EventFactory.build(language="xx")

    with pytest.raises(ValidationError) as error:
        event.full_clean()

    assert list(error.value.message_dict) == ["language"]


# --------------------------------------------------------------------------------------------
# Dates, the zone named
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("starts", "ends", "expected"),
    [
        (
            (2027, 1, 20, 14, 0),
            None,
            '<time datetime="2027-01-20T14:00:00+01:00">20 January 2027, 14:00 CET</time>',
        ),
        (
            (2027, 1, 20, 14, 0),
            (2027, 1, 20, 17, 30),
            '<time datetime="2027-01-20T14:00:00+01:00">20 January 2027, 14:00</time> – '
            '<time datetime="2027-01-20T17:30:00+01:00">17:30 CET</time>',
        ),
        (
            (2027, 4, 14, 9, 0),
            (2027, 4, 15, 16, 0),
            '<time datetime="2027-04-14T09:00:00+02:00">14 April 2027, 09:00 CEST</time> – '
            '<time datetime="2027-04-15T16:00:00+02:00">15 April 2027, 16:00 CEST</time>',
        ),
    ],
    ids=["no-end", "same-day", "two-days"],
)
def test_event_when_names_the_zone(starts, ends, expected):
    event = Event(
        starts_at=datetime(*starts, tzinfo=BRUSSELS),
        ends_at=datetime(*ends, tzinfo=BRUSSELS) if ends else None,
    )

    with translation.override("en"):
        assert event_when(event) == expected


# --------------------------------------------------------------------------------------------
# The list
# --------------------------------------------------------------------------------------------
def test_event_list_shows_upcoming_soonest_first_then_past_latest_first(client):
    _event(30, title="Later")
    _event(3, title="Soon")
    _event(-3, title="Last week")
    _event(-60, title="Long ago")
    EventFactory(  # started yesterday, ends tomorrow: still on
        title="Going on",
        starts_at=timezone.now() - timedelta(days=1),
        ends_at=timezone.now() + timedelta(days=1),
    )

    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert _titles(response, "upcoming_events") == ["Going on", "Soon", "Later"]
    assert _titles(response, "page") == ["Last week", "Long ago"]
    body = response.content.decode()
    assert body.index("Soon") < body.index("Later") < body.index("Last week")


def test_event_list_hides_events_that_are_not_public(client):
    _event(3, title="Open forum")
    _event(4, title="Closed coordination meeting", is_public=False)
    _event(-4, title="Closed past meeting", is_public=False)

    response = client.get(LIST_URL)

    assert _titles(response, "upcoming_events") == ["Open forum"]
    assert _titles(response, "page") == []
    assert "Closed" not in response.content.decode()


def test_event_list_pages_the_past_events_and_shows_upcoming_only_on_the_first(client):
    _event(3, title="Soon")
    for n in range(12):
        _event(-1 - n, title=f"Past {n:02}")

    first = client.get(LIST_URL)
    second = client.get(LIST_URL + "?page=2")
    wrong = client.get(LIST_URL + "?page=abc")
    beyond = client.get(LIST_URL + "?page=99")

    assert _titles(first, "page") == [f"Past {n:02}" for n in range(10)]
    assert _titles(second, "page") == ["Past 10", "Past 11"]
    assert _titles(second, "upcoming_events") == []
    assert 'rel="next" href="?page=2"' in first.content.decode()
    assert (wrong.status_code, _titles(wrong, "page")) == (200, _titles(first, "page"))
    assert (beyond.status_code, _titles(beyond, "page")) == (200, ["Past 10", "Past 11"])


def test_event_list_says_when_nothing_is_planned(client):
    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert "No event is planned at the moment." in response.content.decode()


def test_event_list_marks_the_menu_item(client):
    body = client.get(LIST_URL).content.decode()

    assert f'<a class="nav-link" href="{LIST_URL}" aria-current="page">Events</a>' in body


def test_event_list_shows_date_place_language_and_calendar_link(client):
    event = EventFactory(
        title="Forum",
        starts_at=datetime(2099, 1, 20, 14, 0, tzinfo=BRUSSELS),
        place="Brussels",
        online_url="https://meet.example.eu/forum",
        language="de",
    )

    body = client.get(LIST_URL).content.decode()

    assert '<time datetime="2099-01-20T14:00:00+01:00">20 January 2099, 14:00 CET</time>' in body
    assert "Also online" in body
    assert "https://meet.example.eu/forum" not in body  # the link is on the event's page
    assert "German" in body
    assert reverse("practices:event_calendar", kwargs={"slug": event.slug}) in body


# --------------------------------------------------------------------------------------------
# Practices presented: published, and their SME attends; never another
# --------------------------------------------------------------------------------------------
@pytest.fixture
def presented():
    """An upcoming event with invitations in every combination of published and answer."""
    event = _event(10, title="Forum")
    shown = PublishedPracticeFactory(title="Shown practice")
    invitations = {
        "published, yes": shown,
        "published, pending": PublishedPracticeFactory(title="Undecided practice"),
        "published, no": PublishedPracticeFactory(title="Declined practice"),
        "selected, yes": PracticeFactory(title="Confidential selected", state="selected"),
        "draft, yes": PracticeFactory(title="Confidential draft"),
    }
    answers = {"pending": Rsvp.PENDING, "no": Rsvp.NO, "yes": Rsvp.YES}
    for label, practice in invitations.items():
        EventInvitation.objects.create(
            event=event, practice=practice, rsvp=answers[label.split(", ")[1]]
        )
    return event, shown


@pytest.mark.parametrize("page", ["list", "detail"])
def test_event_shows_only_published_practices_whose_sme_attends(client, presented, page):
    event, shown = presented
    url = LIST_URL if page == "list" else event.get_absolute_url()

    body = client.get(url).content.decode()

    assert f'<a href="{shown.get_absolute_url()}" lang="en">Shown practice</a>' in body
    assert shown.organisation.name in body
    for hidden in ("Undecided", "Declined", "Confidential"):
        assert hidden not in body


def test_event_shows_the_public_title_of_a_practice(client, presented):
    event, shown = presented
    shown.public_title = "Friday learning, the public title"
    shown.save(update_fields=["public_title"])

    body = client.get(event.get_absolute_url()).content.decode()

    assert "Friday learning, the public title" in body


# --------------------------------------------------------------------------------------------
# One event
# --------------------------------------------------------------------------------------------
def test_event_detail_shows_the_event_and_its_online_link_until_it_is_over(client):
    upcoming = _event(5, title="Webinar", place="", online_url="https://meet.example.eu/w")
    past = _event(-5, title="Old webinar", place="", online_url="https://meet.example.eu/old")

    upcoming_body = client.get(upcoming.get_absolute_url()).content.decode()
    past_body = client.get(past.get_absolute_url()).content.decode()

    assert '<a href="https://meet.example.eu/w" rel="noopener">Online: join here</a>' in (
        upcoming_body
    )
    assert "This event has taken place." not in upcoming_body
    assert "https://meet.example.eu/old" not in past_body
    assert "This event has taken place." in past_body


@pytest.mark.parametrize("suffix", ["", "calendar.ics"], ids=["page", "calendar"])
def test_event_that_is_not_public_is_not_found(client, suffix):
    event = _event(5, is_public=False)

    response = client.get(event.get_absolute_url() + suffix)

    assert response.status_code == 404


@pytest.mark.parametrize("suffix", ["", "calendar.ics"], ids=["page", "calendar"])
def test_event_that_does_not_exist_is_not_found(client, suffix):
    response = client.get(f"/en/events/no-such-event/{suffix}")

    assert response.status_code == 404


@pytest.mark.parametrize(
    "url",
    [LIST_URL, "/en/events/forum-2099/", "/en/events/forum-2099/calendar.ics"],
    ids=["list", "detail", "calendar"],
)
@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_event_pages_only_answer_reads(client, url, method):
    EventFactory(slug="forum-2099")

    response = getattr(client, method)(url)
    head = client.head(url)

    assert response.status_code == 405
    assert head.status_code == 200


# --------------------------------------------------------------------------------------------
# The calendar file
# --------------------------------------------------------------------------------------------
def test_event_calendar_file_is_a_valid_vcalendar_in_utc(client, settings, presented):
    settings.SITE_URL = "https://skillup.example.eu"
    event, _shown = presented
    event.title, event.description = "Forum", "Meet the SMEs.\nBring questions."
    event.starts_at = datetime(2027, 1, 20, 14, 0, tzinfo=BRUSSELS)
    event.ends_at = datetime(2027, 1, 20, 17, 30, tzinfo=BRUSSELS)
    event.place, event.online_url = "Brussels, Rue de la Loi 1", ""
    event.save()

    response = client.get(reverse("practices:event_calendar", kwargs={"slug": event.slug}))

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
    calendar = icalendar.Calendar.from_ical(response.content)
    assert (str(calendar["VERSION"]), str(calendar["PRODID"])) == (
        "2.0",
        "-//SkillUp//Programme events//EN",
    )
    [entry] = calendar.walk("VEVENT")
    page = f"https://skillup.example.eu/en/events/{event.slug}/"
    assert str(entry["UID"]) == f"event-{event.pk}@skillup.example.eu"
    assert entry.decoded("DTSTART") == datetime(2027, 1, 20, 13, 0, tzinfo=UTC)
    assert entry.decoded("DTEND") == datetime(2027, 1, 20, 16, 30, tzinfo=UTC)
    assert abs(entry.decoded("DTSTAMP") - timezone.now()) < timedelta(minutes=1)
    assert str(entry["SUMMARY"]) == "Forum"
    assert str(entry["DESCRIPTION"]) == f"Meet the SMEs.\nBring questions.\n\n{page}"
    assert str(entry["LOCATION"]) == "Brussels, Rue de la Loi 1"
    assert str(entry["URL"]) == page


def test_event_calendar_file_of_an_online_event_gives_its_link(client):
    event = _event(5, title="Webinar", place="", online_url="https://meet.example.eu/w")

    response = client.get(reverse("practices:event_calendar", kwargs={"slug": event.slug}))

    [entry] = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert str(entry["LOCATION"]) == "https://meet.example.eu/w"
    assert "Online: https://meet.example.eu/w" in str(entry["DESCRIPTION"])
    assert "DTEND" not in entry  # no end given: none invented


def test_event_calendar_file_is_in_the_language_of_the_page(client):
    event = _event(5, title="Forum", title_fr="Forum en français")

    response = client.get(f"/fr/events/{event.slug}/calendar.ics")

    [entry] = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert str(entry["SUMMARY"]) == "Forum en français"
    assert str(entry["URL"]).endswith(f"/fr/events/{event.slug}/")


# --------------------------------------------------------------------------------------------
# Queries
# --------------------------------------------------------------------------------------------
def _grow_events(start: int, stop: int) -> None:
    for n in range(start, stop):
        for days in (n + 1, -n - 1):  # one upcoming, one past, each with practices presented
            event = _event(days, title=f"Event {n} {days}")
            for _ in range(2):
                EventInvitation.objects.create(
                    event=event, practice=PublishedPracticeFactory(), rsvp=Rsvp.YES
                )


@pytest.mark.parametrize(
    "url",
    [LIST_URL, "/en/events/{slug}/", "/en/events/{slug}/calendar.ics"],
    ids=["list", "detail", "calendar"],
)
def test_event_pages_run_as_many_queries_for_1_and_many_events(client, url):
    def count(url: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        return len(queries)

    _grow_events(0, 1)
    slug = Event.objects.order_by("pk").first().slug
    at_one = count(url.format(slug=slug))
    _grow_events(1, 8)

    at_many = count(url.format(slug=slug))

    assert at_one == at_many
    assert at_many <= 5


# --------------------------------------------------------------------------------------------
# The admin
# --------------------------------------------------------------------------------------------
def _admin_form(**fields) -> dict:
    return {
        "title_en": "Cloud webinar",
        "starts_at_0": "2030-05-01",
        "starts_at_1": "10:00:00",
        "ends_at_0": "2030-05-01",
        "ends_at_1": "11:30:00",
        "online_url": "https://meet.example.eu/cloud",
        "language": "de",
        "slug": "",
        "invitations-TOTAL_FORMS": "0",
        "invitations-INITIAL_FORMS": "0",
        "_save": "Save",
        **fields,
    }


def test_admin_adds_an_event_not_listed_publicly_with_its_language_and_end(client_for, world):
    response = client_for("coordinator").post(reverse("admin:practices_event_add"), _admin_form())

    assert response.status_code == 302
    event = Event.objects.get()
    assert (event.slug, event.language, event.is_public) == (
        "cloud-webinar-2030-05-01",
        "de",
        False,  # the box was left unticked
    )
    assert timezone.localtime(event.ends_at).time().isoformat() == "11:30:00"


def test_admin_refuses_an_event_that_ends_before_it_starts(client_for, world):
    response = client_for("coordinator").post(
        reverse("admin:practices_event_add"), _admin_form(ends_at_1="09:00:00", is_public="on")
    )

    assert response.status_code == 200
    assert "The event must end after it starts." in response.content.decode()
    assert not Event.objects.exists()


def test_sitemap_lists_public_events_only(client):
    public = _event(5, title="Open forum")
    hidden = _event(6, title="Closed meeting", is_public=False)

    index = client.get("/sitemap.xml").content.decode()
    events = client.get("/sitemap-events.xml").content.decode()
    pages = client.get("/sitemap-pages.xml").content.decode()

    assert "/sitemap-events.xml</loc>" in index
    assert f"/en/events/{public.slug}/</loc>" in events
    assert f"/fr/events/{public.slug}/" in events
    assert hidden.slug not in events
    assert "/en/events/</loc>" in pages
