"""/api/v1/: the read-only open-data API (#17). Slugs are matched as any text, so that an
unknown one is the endpoint's JSON 404 rather than the site's page."""

from django.urls import path
from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiYamlRenderer
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from . import views

app_name = "api"


class SchemaView(SpectacularAPIView):
    """The OpenAPI 3 schema, JSON unless YAML is asked for (?format=yaml or Accept)."""

    renderer_classes = [OpenApiJsonRenderer, OpenApiYamlRenderer]


class DocsView(SpectacularSwaggerSplitView):
    """Swagger UI from our static files (drf-spectacular-sidecar); its start-up script is a
    file of its own (?script) and its page has no inline style: it runs under the site's
    Content-Security-Policy unchanged."""

    template_name = "api/swagger_ui.html"
    url_name = "api:schema"


urlpatterns = [
    path("practices/", views.PracticeList.as_view(), name="practice_list"),
    path("practices/<str:slug>/", views.PracticeDetail.as_view(), name="practice_detail"),
    path("calls/", views.CallList.as_view(), name="call_list"),
    path("pledges/", views.PledgeList.as_view(), name="pledge_list"),
    path("pledges/<str:slug>/", views.PledgeDetail.as_view(), name="pledge_detail"),
    path("taxonomy/", views.TaxonomyView.as_view(), name="taxonomy"),
    path("figures/", views.FiguresView.as_view(), name="figures"),
    path("schema/", SchemaView.as_view(), name="schema"),
    path("docs/", DocsView.as_view(), name="docs"),
]
