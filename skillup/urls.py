from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from opendata import urls as opendata_urls
from practices.cache import cache_page_per_version
from practices.sitemaps import SITEMAPS

from . import overview_views, views

SITEMAP_CACHE_SECONDS = 60 * 60

# an address nobody serves: the portal's page, or JSON under /api/ (api/errors.py)
handler404 = "api.errors.page_not_found"

admin.site.site_header = _("SkillUp administration")
admin.site.site_title = _("SkillUp administration")
admin.site.index_title = _("Review and coordination")
# The admin's own log-in form would skip two-factor authentication: send it to allauth's.
admin.site.login = secure_admin_login(admin.site.login)
# Coordinators' home in the admin shows the programme overview (before admin.site.urls is read).
admin.site.index = overview_views.admin_index_with_overview(admin.site.index)

urlpatterns = [
    # the programme overview's downloads, in the admin's space (before its catch-all)
    path(
        "admin/overview/<slug:figure>.csv",
        admin.site.admin_view(overview_views.overview_csv),
        name="admin_overview_csv",
    ),
    path(
        "admin/overview/calls/<int:call_id>/<slug:figure>.csv",
        admin.site.admin_view(overview_views.overview_call_csv),
        name="admin_overview_call_csv",
    ),
    path("admin/", admin.site.urls),
    # the open-data API: no language in its path (a reuser's link stays the same in every
    # language); answers in the language asked with ?lang= or Accept-Language
    path("api/v1/", include("api.urls")),
    # the open datasets and their DCAT-AP catalogue: no language in their paths either (the
    # page that lists them, /<lang>/open-data/, is below)
    *opendata_urls.files_urlpatterns,
    # an index of per-section sitemaps (each section paginated under the 50,000-URL limit),
    # cached: the practices section lists every published practice in every language (per
    # practices version: a publication, or a practice taken down, shows at once)
    path(
        "sitemap.xml",
        require_safe(cache_page_per_version(SITEMAP_CACHE_SECONDS)(sitemap_views.index)),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap_index",
    ),
    path(
        "sitemap-<section>.xml",
        require_safe(cache_page_per_version(SITEMAP_CACHE_SECONDS)(sitemap_views.sitemap)),
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
]

# Public pages carry their language in the path (/en/…, /fr/…): shareable, cacheable links,
# and a language switcher made of plain links (no POST form on public pages).
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("accessibility/", views.accessibility_statement, name="accessibility_statement"),
    path("accounts/", include("allauth.urls")),
    path("notifications/", include("notifications.urls")),
    path("", include("practices.urls")),
    path("", include("matching.urls")),
    path("", include("volunteers.urls")),
    path("", include("accounts.urls")),
    path("", include("privacy.urls")),
    path("", include("opendata.urls")),
    prefix_default_language=True,
)

if settings.DEBUG:  # pragma: no cover - development only
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
