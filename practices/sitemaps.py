"""The sitemap (/sitemap.xml): the home page, the practice and event lists, listed calls, public
events and published practices, in each language with its alternates. A fixed number of queries
whatever the size."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .enums import PracticeState
from .models import Call, Event, Practice


class _Localised(Sitemap):
    i18n = True
    alternates = True


class PageSitemap(_Localised):
    changefreq = "daily"

    def items(self) -> list[str]:
        return ["home", "practices:practice_list", "practices:event_list", "opendata:datasets"]

    def location(self, item: str) -> str:
        return reverse(item)


class CallSitemap(_Localised):
    changefreq = "weekly"

    def items(self):
        return Call.objects.filter(is_listed=True).only("slug").order_by("-opens_at", "pk")


class PracticeSitemap(_Localised):
    changefreq = "monthly"

    def items(self):
        return (
            Practice.objects.filter(state=PracticeState.PUBLISHED)
            .only("pk", "slug", "state", "published_at")
            .order_by("-published_at", "-pk")
        )

    def lastmod(self, item: Practice):
        return item.published_at


class EventSitemap(_Localised):
    changefreq = "weekly"

    def items(self):
        return Event.objects.filter(is_public=True).only("slug").order_by("-starts_at", "pk")


SITEMAPS: dict[str, type[Sitemap]] = {
    "pages": PageSitemap,
    "calls": CallSitemap,
    "events": EventSitemap,
    "practices": PracticeSitemap,
}
