from django.urls import path

from . import views

# Not namespaced: the names predate this app (templates and emails use them as they are).
urlpatterns = [
    path("privacy/", views.privacy_notice, name="privacy_notice"),
    path("account/data/", views.account_data, name="account_data"),
    path("account/delete/", views.account_delete, name="account_delete"),
]
