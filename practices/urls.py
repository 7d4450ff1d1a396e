from django.urls import path
from django.views.decorators.http import require_safe

from .views import calls, events, public, submission

app_name = "practices"

urlpatterns = [
    # public
    path("calls/", calls.call_list, name="call_list"),
    path("calls/<slug:slug>/", public.call_detail, name="call_detail"),
    path("practices/", public.practice_list, name="practice_list"),
    path("practices/feed/", require_safe(public.PracticeFeed()), name="practice_feed"),
    path("practices/<slug:slug>/", public.practice_detail, name="practice_detail"),
    path("practices/<slug:slug>/contact/", public.practice_contact, name="practice_contact"),
    path("practices/<slug:slug>/og.png", public.practice_og_image, name="practice_og_image"),
    path("events/", events.event_list, name="event_list"),
    path("events/<slug:slug>/", events.event_detail, name="event_detail"),
    path("events/<slug:slug>/calendar.ics", events.event_calendar_file, name="event_calendar"),
    path("files/practices/<int:pk>/", public.practice_attachment, name="practice_attachment"),
    path("files/detail/<int:pk>/", public.detail_attachment, name="detail_attachment"),
    path("files/answers/<int:pk>/", public.answer_file, name="answer_file"),
    # SMEs
    path("calls/<slug:slug>/submit/", submission.submission_create, name="submission_create"),
    path("submissions/<int:pk>/", submission.submission_detail, name="submission_detail"),
    path("submissions/<int:pk>/edit/", submission.submission_edit, name="submission_edit"),
    path("submissions/<int:pk>/submit/", submission.submission_submit, name="submission_submit"),
    path(
        "submissions/<int:pk>/withdraw/",
        submission.submission_withdraw,
        name="submission_withdraw",
    ),
    path(
        "submissions/<int:pk>/detail/<int:request_pk>/",
        submission.detail_answer,
        name="detail_answer",
    ),
    path(
        "submissions/<int:pk>/public-version/",
        submission.public_version_approve,
        name="public_version_approve",
    ),
    path(
        "submissions/<int:pk>/take-down/",
        submission.submission_take_down,
        name="submission_take_down",
    ),
    path(
        "submissions/<int:pk>/publish-again/",
        submission.submission_publish_again,
        name="submission_publish_again",
    ),
    path(
        "submissions/<int:pk>/open-licence/",
        submission.licence_accept,
        name="licence_accept",
    ),
    path("event-invitations/<int:pk>/", submission.event_rsvp, name="event_rsvp"),
]
