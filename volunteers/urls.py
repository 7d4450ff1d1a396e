from django.urls import path

from .views import company, invitations, mentor, public

app_name = "volunteers"

urlpatterns = [
    # public Pledge Viewer
    path("pledges/", public.pledge_list, name="pledge_list"),
    path("pledges/<slug:slug>/", public.pledge_detail, name="pledge_detail"),
    # its badge, for the company's own site
    path("pledges/<slug:slug>/badge.svg", public.pledge_badge, name="pledge_badge"),
    # company admins: the pledge, its progress and the company's mentors
    path("companies/<int:pk>/pledge/", company.company_pledge, name="company_pledge"),
    path("companies/<int:pk>/pledge/new/", company.pledge_create, name="pledge_create"),
    path("companies/<int:pk>/pledge/edit/", company.pledge_update, name="pledge_update"),
    path("companies/<int:pk>/pledge/move/", company.pledge_move, name="pledge_move"),
    path("companies/<int:pk>/mentors/invite/", company.mentor_invite, name="mentor_invite"),
    # several experts from a CSV: the company's admins, and coordinators for any large company
    path(
        "companies/<int:pk>/mentors/invite-csv/",
        invitations.mentor_invite_csv,
        name="mentor_invite_csv",
    ),
    path(
        "companies/<int:pk>/mentors/invite-csv/confirm/",
        invitations.mentor_invite_csv_confirm,
        name="mentor_invite_csv_confirm",
    ),
    # mentors (never public)
    path("mentors/<int:pk>/", mentor.mentor_detail, name="mentor_detail"),
    path("mentor/profile/", mentor.mentor_profile, name="mentor_profile"),
    path(
        "mentor-invitations/<slug:token>/",
        mentor.mentor_invitation_accept,
        name="mentor_invitation_accept",
    ),
]
