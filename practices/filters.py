"""Browsing published practices: the filters, the sort orders, and the facet counts.

A facet count says how many results each option of a facet would give with the other filters
applied. They are counted in practices/facets.py's in-process column store, rebuilt when the
"practices version" changes (publication bumps it, see practices/cache.py).
"""

from dataclasses import dataclass

import django_filters
from django import forms
from django.core.cache import cache
from django.db.models import Exists, F, OuterRef, QuerySet
from django.db.models.functions import ExtractYear, Lower
from django.utils.functional import cached_property
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from accounts.enums import SME_SIZE_BANDS, NaceSection, eu_eea_country_choices
from skillup.languages import Language

from . import selectors
from .cache import practices_version
from .enums import Audience, PracticeState
from .facets import facet_index
from .language import sorted_language_choices
from .models import Call, Practice, Topic, TrainingTool
from .models.practices import DISPLAY_TITLE, TEXT_LANGUAGE

PER_PAGE = 20
SEARCH_MAX_LENGTH = 200
# Counts may lag a publication by this long if nothing bumped the version.
FACET_CACHE_SECONDS = 120

SORT_NEWEST = "newest"
SORT_VIEWS = "views"
SORT_TITLE = "title"
SORT_RELEVANCE = "relevance"
SORT_CHOICES = [
    (SORT_RELEVANCE, _("Best match")),
    (SORT_NEWEST, _("Newest")),
    (SORT_VIEWS, _("Most viewed")),
    (SORT_TITLE, _("Title (A–Z)")),
]


# --------------------------------------------------------------------------------------------
# Choices that come from the database (cached with the version)
# --------------------------------------------------------------------------------------------
def _taxonomy() -> dict[str, list[tuple[str, str]]]:
    """Topics, tools and calls to filter on: three small queries, cached per version and
    language (a call's title is in the active language)."""
    key = f"practices:choices:{get_language()}:{practices_version()}"
    choices = cache.get(key)
    if choices is None:
        choices = {
            "topic": list(Topic.objects.order_by("name").values_list("slug", "name")),
            "tool": list(TrainingTool.objects.order_by("name").values_list("slug", "name")),
            # only calls with something published: an unlisted call in preparation stays unseen
            "call": list(
                Call.objects.filter(
                    Exists(
                        Practice.objects.filter(call=OuterRef("pk"), state=PracticeState.PUBLISHED)
                    )
                )
                .order_by("-opens_at", "pk")
                .values_list("slug", "title")
            ),
        }
        cache.set(key, choices, FACET_CACHE_SECONDS)
    # topic names are marked for translation in taxonomy.py: translated when shown
    return {
        "topic": [(slug, gettext(name)) for slug, name in choices["topic"]],
        "tool": choices["tool"],
        "call": choices["call"],
    }


def _language_choices() -> list[tuple[str, str]]:
    """Every language a practice may be written in, sorted by its name in the reader's."""
    return sorted_language_choices(Language.values)


def _size_choices() -> list[tuple[str, str]]:
    return [(band.value, band.label) for band in SME_SIZE_BANDS]


class YearFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class PracticeFilterForm(forms.Form):
    """Rendered by templates/practices/partials/public_filter_form.html from controls(): the
    list page is the most visited page, and rendering eight selects of up to 30 options through
    the widget and crispy templates cost about 40 ms a request; this loop costs a few."""

    def controls(self) -> list[dict]:
        controls = []
        for bound in self:
            value = bound.value()
            chosen = "" if value is None else str(value)
            control = {
                "name": bound.html_name,
                "id": bound.auto_id,
                "label": bound.label,
                "errors": bound.errors,
                "value": chosen,
                "options": None,
            }
            choices = getattr(bound.field.widget, "choices", None)
            if choices is not None:
                control["options"] = [
                    (str(option), label, str(option) == chosen) for option, label in choices
                ]
            controls.append(control)
        return controls


# The facets, in the order they are shown: (filter name, what to group on).
FACETS: dict[str, object] = {
    "country": F("organisation__country"),
    "language": TEXT_LANGUAGE,
    "sector": F("organisation__sector"),
    "size": F("organisation__size_band"),
    "audience": F("audience"),
    "topic": F("topics__slug"),
    "tool": F("tools__slug"),
    "call": F("call__slug"),
    "year": ExtractYear("published_at"),
}


class PracticeFilter(django_filters.FilterSet):
    """Filters of /practices/. Invalid values never fail the page: the field reports an error
    and is ignored, the other filters still apply."""

    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_search",
        max_length=SEARCH_MAX_LENGTH,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"),
        field_name="organisation__country",
        choices=eu_eea_country_choices,
        empty_label=_("All countries"),
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=_language_choices,
        method="filter_language",
        empty_label=_("All languages"),
    )
    sector = django_filters.ChoiceFilter(
        label=_("Sector"),
        field_name="organisation__sector",
        choices=NaceSection.choices,
        empty_label=_("All sectors"),
    )
    size = django_filters.ChoiceFilter(
        label=_("Company size"),
        field_name="organisation__size_band",
        choices=_size_choices,
        empty_label=_("All sizes"),
    )
    audience = django_filters.ChoiceFilter(
        label=_("Audience"),
        choices=Audience.choices,
        empty_label=_("All audiences"),
    )
    topic = django_filters.ChoiceFilter(
        label=_("Topic"), field_name="topics__slug", empty_label=_("All topics")
    )
    tool = django_filters.ChoiceFilter(
        label=_("Training tool"), field_name="tools__slug", empty_label=_("All tools")
    )
    call = django_filters.ChoiceFilter(
        label=_("Call"), field_name="call__slug", empty_label=_("All calls")
    )
    year = YearFilter(
        label=_("Year published"),
        field_name="published_at",
        lookup_expr="year",
        min_value=2000,
        max_value=2100,
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        choices=SORT_CHOICES,
        method="filter_nothing",  # applied last, in filter_queryset
        empty_label=_("Best match, or newest without a search"),
    )

    class Meta:
        model = Practice
        fields: list[str] = []
        form = PracticeFilterForm

    def __init__(self, data=None, queryset=None, **kwargs) -> None:
        if queryset is None:
            queryset = selectors.published_practices_listed()
        super().__init__(data, queryset, **kwargs)
        for name, choices in _taxonomy().items():
            self.filters[name].extra["choices"] = choices

    # -- applying -------------------------------------------------------------------------
    @cached_property
    def values(self) -> dict:
        """The valid, non-empty values (invalid ones are left out, hence ignored)."""
        if not self.is_bound:
            return {}
        self.form.is_valid()
        return {k: v for k, v in self.form.cleaned_data.items() if v not in (None, "")}

    def filtered(self, queryset: QuerySet | None = None, *, skip: str = "") -> QuerySet:
        """Every facet but `skip`, and the keyword search; in no particular order."""
        queryset = self.queryset.all() if queryset is None else queryset
        values = self.values
        for name in FACETS:
            if name != skip and name in values:
                queryset = self.filters[name].filter(queryset, values[name])
        if "q" in values:
            queryset = self.filters["q"].filter(queryset, values["q"])
        return queryset

    @property
    def facet_values(self) -> dict:
        values = self.values
        return {name: values[name] for name in FACETS if name in values}

    @cached_property
    def suggestion(self) -> str | None:
        """ "Did you mean …?": the words typed, corrected, when they find fewer than
        selectors.SUGGEST_BELOW practices and the correction finds more (None otherwise). The
        page then shows the correction's results."""
        if "q" not in self.values:
            return None
        return selectors.search_suggestion(self.values["q"], practices_version())

    @property
    def search_text(self) -> str:
        """What is searched: the words typed, or their correction (see suggestion)."""
        return self.suggestion or self.values.get("q", "")

    @cached_property
    def ranked_ids(self) -> list[int] | None:
        """The ids a keyword search matches, best first (None without a search)."""
        if "q" not in self.values:
            return None
        return selectors.ranked_search(self.search_text, practices_version())

    def ranked_result_ids(self) -> list[int] | None:
        """The results in order when they are a search's best matches (the default order of
        a search): its ranked ids narrowed by the facets in the facet index, no SQL. None
        when the results are ordered in SQL (no search, or another sort): use qs."""
        if self.ranked_ids is None or self.values.get("sort", "") not in ("", SORT_RELEVANCE):
            return None
        return facet_index(practices_version()).narrow(self.facet_values, self.ranked_ids)

    def newest_result_ids(self):
        """The results in order when they are the newest first (no search, no other sort): an
        array of ids from the facet index, no SQL. None otherwise: use qs."""
        if "q" in self.values or self.values.get("sort", "") not in (
            "",
            SORT_NEWEST,
            SORT_RELEVANCE,
        ):
            return None
        return facet_index(practices_version()).newest_ids(self.facet_values)

    def practices(self, ids: list[int]) -> list[Practice]:
        """These practices, in this order, with what the list shows of them (three queries)."""
        ids = [int(pk) for pk in ids]  # (ids from the facet index are NumPy integers)
        found = self.queryset.in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        return self.order(self.filtered(queryset), self.values.get("sort", ""))

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return selectors.search_practices(queryset, self.suggestion or value)

    def filter_language(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """The language visitors read the practice in (Practice.text_language)."""
        return queryset.alias(text_language=TEXT_LANGUAGE).filter(text_language=value)

    def filter_nothing(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset

    def order(self, queryset: QuerySet, sort: str) -> QuerySet:
        if sort == SORT_VIEWS:
            return queryset.order_by("-view_count", "-published_at", "-pk")
        if sort == SORT_TITLE:
            return queryset.order_by(Lower(DISPLAY_TITLE), "pk")
        # a search's best matches first: the list page pages ranked_result_ids instead
        return queryset.order_by("-published_at", "-pk")

    # -- facet counts ---------------------------------------------------------------------
    def facet_counts(self) -> "Facets":
        """{facet: {value: count}} and the total, counted in the facet index (no GROUP BY;
        a keyword search's ranked ids, see ranked_search)."""
        counts, total = facet_index(practices_version()).count(self.facet_values, self.ranked_ids)
        return Facets(counts=counts, total=total)

    def show_counts(self, facets: "Facets") -> None:
        """Label each option of the form with its count; hide options that give nothing
        (except the one chosen)."""
        values = self.values
        for name in FACETS:
            field = self.form.fields[name]
            counts = facets.counts[name]
            chosen = str(values.get(name, self.form.data.get(name, "")))
            if name == "year":
                options = [(str(y), str(y)) for y in sorted(counts, reverse=True)]
                field.widget = forms.Select(
                    choices=[("", _("All years"))]
                    + [(v, f"{label} ({counts[v]})") for v, label in options]
                )
                continue
            field.choices = [
                (value, f"{label} ({counts.get(str(value), 0)})")
                for value, label in field.choices
                if value != "" and (counts.get(str(value)) or str(value) == chosen)
            ]


@dataclass(frozen=True)
class Facets:
    counts: dict[str, dict[str, int]]
    total: int
