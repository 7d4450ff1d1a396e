"""/<lang>/open-data/: the datasets page (#17). The files and the catalogue have no language in
their addresses: skillup/urls.py routes them (files_urlpatterns, outside i18n_patterns)."""

from django.urls import path, re_path

from . import views

app_name = "opendata"
urlpatterns = [
    path("open-data/", views.datasets_page, name="datasets"),
]

# Outside the language prefix, without a namespace (the project's urls.py adds them as they are).
files_urlpatterns = [
    path("open-data/catalog.jsonld", views.catalog_jsonld, name="opendata_catalog"),
    re_path(
        r"^open-data/(?P<name>[a-z]+\.(?:csv|json))$", views.dataset_file, name="opendata_file"
    ),
]
