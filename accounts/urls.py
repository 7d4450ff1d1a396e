from django.urls import path

from . import views

urlpatterns = [
    path("organisations/new/", views.organisation_create, name="organisation_create"),
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation_detail"),
    path("organisations/<int:pk>/edit/", views.organisation_update, name="organisation_update"),
    path("organisations/<int:pk>/invite/", views.invitation_create, name="invitation_create"),
    path("invitations/<slug:token>/", views.invitation_accept, name="invitation_accept"),
]
