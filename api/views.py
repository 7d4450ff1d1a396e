"""The open-data API's endpoints (#17): thin views over the selectors the public pages use, so
the API shows what they show (same filters, search, order and visibility rules)."""

from django.conf import settings
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.generics import GenericAPIView, ListAPIView
from rest_framework.response import Response

from accounts.enums import SME_SIZE_BANDS, NaceSection, eu_eea_country_choices
from matching import selectors as matching_selectors
from matching.levels import DIGCOMP, ECF, CommonLevel, native_label
from practices import selectors as practice_selectors
from practices.cache import practices_version
from practices.enums import Audience
from practices.facets import facet_index
from practices.filters import SEARCH_MAX_LENGTH, SORT_CHOICES, PracticeFilter
from practices.models import Call, Topic, TrainingTool
from skillup.languages import Language
from volunteers import selectors as volunteer_selectors
from volunteers.enums import MentorState
from volunteers.models import MentorProfile, Pledge

from . import conditional, listing, serializers
from .pagination import ApiPagination

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
# what the pagination and the language take; every other parameter is a filter
NOT_FILTERS = {"page", "page_size", "lang", "format"}
YEAR_MIN, YEAR_MAX = 2000, 2100  # as practices.filters.PracticeFilter.year

LANG_PARAMETER = OpenApiParameter(
    "lang",
    OpenApiTypes.STR,
    enum=LANGUAGE_CODES,
    description=(
        "The language of labels, names and links (country, sector, topic names…); without "
        "it, Accept-Language decides. A practice's own text stays in the language it is "
        "written in."
    ),
)
ERRORS = {
    400: OpenApiResponse(serializers.ErrorSerializer, description="A parameter not understood."),
    404: OpenApiResponse(serializers.ErrorSerializer, description="Nothing there."),
    429: OpenApiResponse(serializers.ErrorSerializer, description="Too many requests."),
}


class ApiView(GenericAPIView):
    """GET (and HEAD) only, anonymous; the language of `?lang=` or Accept-Language; ETag,
    Last-Modified and Cache-Control on every success (api/conditional.py)."""

    http_method_names = ["get", "head", "options"]
    pagination_class = ApiPagination
    validators: tuple[str, int] | None = None  # set by views that know them before any work

    def initial(self, request, *args, **kwargs) -> None:
        super().initial(request, *args, **kwargs)  # the rate limit first
        lang = request.query_params.get("lang")
        if lang is not None:
            if lang not in LANGUAGE_CODES:
                raise ValidationError(
                    {"lang": [gettext("Choose one of: %s.") % ", ".join(LANGUAGE_CODES)]}
                )
            translation.activate(lang)
            request._request.LANGUAGE_CODE = lang

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            etag, last_modified = self.validators or (None, None)
            response = conditional.finish(request, response, etag=etag, last_modified=last_modified)
        response["Content-Language"] = translation.get_language()
        return response

    def practices_cached(self, request):
        """For answers made only of published practices: the practices version's validators,
        known before any work; a 304 when the client has this answer already, else the answer
        kept in the cache if another client asked it in this version (else None)."""
        self.validators = conditional.practices_validators(request)
        response = conditional.not_modified(request, *self.validators)
        return response or conditional.cached_body(self.validators[0])


# --------------------------------------------------------------------------------------------
# Practices
# --------------------------------------------------------------------------------------------
def _filter(name: str, description: str, **schema) -> OpenApiParameter:
    return OpenApiParameter(name, OpenApiTypes.STR, description=description, **schema)


SLUG = r"^[-a-zA-Z0-9_]+$"
# The codes the list page's filters take, in the schema (names are per language: see labels in
# the answers); topics, tools and calls live in the database: an unknown slug is a 400.
PRACTICE_FILTERS = [
    OpenApiParameter(
        "q",
        # no NUL character (a form field refuses it, PostgreSQL could not store it)
        {
            "type": "string",
            "minLength": 1,
            "maxLength": SEARCH_MAX_LENGTH,
            "pattern": r"^[^\u0000]+$",
        },
        description="Words to search for, in any language (stemmed per language, as the list "
        "page does). Results come best match first unless `sort` says.",
    ),
    _filter(
        "country",
        "SME's country (ISO 3166-1 alpha-2, EU/EEA).",
        enum=[code for code, _name in eu_eea_country_choices()],
    ),
    _filter("language", "Language the practice is written in.", enum=list(Language.values)),
    _filter("sector", "SME's sector (NACE section).", enum=list(NaceSection.values)),
    _filter("size", "SME's size band.", enum=[band.value for band in SME_SIZE_BANDS]),
    _filter("audience", "Audience of the practice.", enum=list(Audience.values)),
    _filter("topic", "A topic's slug (see /api/v1/taxonomy/).", pattern=SLUG),
    _filter("tool", "A training tool's slug (see /api/v1/taxonomy/).", pattern=SLUG),
    _filter("call", "A call's slug (see /api/v1/calls/).", pattern=SLUG),
    OpenApiParameter(
        "year",
        {"type": "integer", "minimum": YEAR_MIN, "maximum": YEAR_MAX},
        description="Year of publication.",
    ),
    _filter(
        "sort",
        "Order: relevance (with `q`, the default), newest (the default without `q`), views, title.",
        enum=[value for value, _label in SORT_CHOICES],
    ),
]


def _filterset(request) -> PracticeFilter:
    """The public list's filters with this request's values; a value not understood is a 400
    (the page ignores it; a program would rather know)."""
    data = request.query_params.copy()
    for name in NOT_FILTERS:
        data.pop(name, None)
    filterset = PracticeFilter(data, queryset=practice_selectors.published_practices_listed())
    empty = [name for name in filterset.filters if name in data and data[name] == ""]
    if empty:  # the page's "All …" option: here, leave the parameter out
        raise ValidationError(
            {name: [gettext("Give a value, or leave the parameter out.")] for name in empty}
        )
    if not filterset.form.is_valid():
        raise ValidationError(
            {
                name: [str(error) for error in errors]
                for name, errors in filterset.form.errors.items()
            }
        )
    return filterset


class PracticeList(ApiView, ListAPIView):
    serializer_class = serializers.PracticeSerializer

    @extend_schema(
        operation_id="practices_list",
        summary=_("Published practices"),
        description=(
            "The good practices published on the portal, with the public list's filters, "
            "search and sort orders; newest first unless searched or sorted. Each has its "
            "text's `language`."
        ),
        parameters=[*PRACTICE_FILTERS, LANG_PARAMETER],
        responses={200: serializers.PracticeSerializer(many=True), **ERRORS},
    )
    def get(self, request, *args, **kwargs):
        return self.list(request, *args, **kwargs)

    def list(self, request, *args, **kwargs):
        if (cached := self.practices_cached(request)) is not None:
            return cached
        filterset = _filterset(request)
        # the results' ids in order from the facet index (a search's best matches, or the
        # newest first), no SQL; in SQL only for another sort
        ordered = filterset.ranked_result_ids()
        if ordered is None:
            ordered = filterset.newest_result_ids()
        if ordered is None:
            total = filterset.facet_counts().total  # counted in the facet index: no COUNT
            ordered = filterset.qs.prefetch_related(None).values_list("pk", flat=True)
            ids = self.paginator.paginate(ordered, request, count=total)
        else:
            ids = self.paginator.paginate(ordered, request)
        rows = listing.listed_rows(ids)
        calls = listing.calls_by_id(needed={row["call_id"] for row in rows})
        data = self.get_serializer(rows, many=True, context={"calls": calls}).data
        response = self.paginator.get_paginated_response(data)
        if filterset.suggestion:
            response.data["search_corrected_to"] = filterset.suggestion
        return response


class PracticeDetail(ApiView):
    serializer_class = serializers.PracticeDetailSerializer
    pagination_class = None

    @extend_schema(
        operation_id="practices_retrieve",
        summary=_("One published practice"),
        description=(
            "A published practice as its page shows it, with its SME's answers. A practice "
            "not published (or taken down by its SME) is a 404."
        ),
        parameters=[
            OpenApiParameter(
                "slug",
                OpenApiTypes.STR,
                OpenApiParameter.PATH,
                pattern=r"^[-a-zA-Z0-9_]+$",
                description="The practice's slug (the last part of its page's address).",
            ),
            LANG_PARAMETER,
        ],
        responses={200: serializers.PracticeDetailSerializer, **ERRORS},
    )
    def get(self, request, slug: str):
        if (cached := self.practices_cached(request)) is not None:
            return cached
        # (the call's slug and title come from the calls map: not its texts in every language)
        practices = practice_selectors.published_practices().select_related(None)
        practice = practices.select_related("organisation").filter(slug=slug).first()
        if practice is None:
            raise NotFound(gettext("No published practice has this slug."))
        calls = listing.calls_by_id(needed={practice.call_id})
        return Response(self.get_serializer(practice, context={"calls": calls}).data)


# --------------------------------------------------------------------------------------------
# Calls
# --------------------------------------------------------------------------------------------
class CallList(ApiView, ListAPIView):
    serializer_class = serializers.CallSerializer

    def get_queryset(self):
        # the calls page's two lists (calls_listed, calls_closed): every listed call
        return Call.objects.filter(is_listed=True).order_by("-closes_at", "-pk")

    @extend_schema(
        operation_id="calls_list",
        summary=_("Public calls"),
        description="The calls for good practices the portal lists: open, upcoming and past; "
        "the latest deadline first.",
        parameters=[LANG_PARAMETER],
        responses={200: serializers.CallSerializer(many=True), **ERRORS},
    )
    def get(self, request, *args, **kwargs):
        page = self.paginator.paginate(self.get_queryset(), request)
        data = self.get_serializer(page, many=True).data
        return self.paginator.get_paginated_response(data)


# --------------------------------------------------------------------------------------------
# Pledges
# --------------------------------------------------------------------------------------------
def pledges_queryset():
    """The Pledge Viewer's pledges with their progress (pledges_with_totals, and the mentors
    engaged as pledge_progress counts them) and their expertise: three queries a page."""
    mentors = (
        MentorProfile.objects.filter(company_id=OuterRef("company_id"), state=MentorState.APPROVED)
        .order_by()
        .values("company_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    pledges = volunteer_selectors.pledges_in_viewer()
    return volunteer_selectors.pledges_with_totals(pledges).annotate(
        mentors_engaged=Coalesce(Subquery(mentors, output_field=IntegerField()), Value(0))
    )


class PledgeList(ApiView, ListAPIView):
    serializer_class = serializers.PledgeSerializer

    @extend_schema(
        operation_id="pledges_list",
        summary=_("Public pledges"),
        description="The Digital Volunteers' approved pledges their companies made public, "
        "with their targets and progress; the latest approved first.",
        parameters=[LANG_PARAMETER],
        responses={200: serializers.PledgeSerializer(many=True), **ERRORS},
    )
    def get(self, request, *args, **kwargs):
        count = Pledge.objects.in_viewer().count()
        page = self.paginator.paginate(pledges_queryset(), request, count=count)
        data = self.get_serializer(page, many=True).data
        return self.paginator.get_paginated_response(data)


class PledgeDetail(ApiView):
    serializer_class = serializers.PledgeSerializer
    pagination_class = None

    @extend_schema(
        operation_id="pledges_retrieve",
        summary=_("One public pledge"),
        description="A pledge of the Pledge Viewer; any other (a draft, one awaiting "
        "approval, one its company keeps private) is a 404.",
        parameters=[
            OpenApiParameter(
                "slug",
                OpenApiTypes.STR,
                OpenApiParameter.PATH,
                pattern=r"^[-a-zA-Z0-9_]+$",
                description="The pledge's slug.",
            ),
            LANG_PARAMETER,
        ],
        responses={200: serializers.PledgeSerializer, **ERRORS},
    )
    def get(self, request, slug: str):
        pledge = pledges_queryset().filter(slug=slug).first()
        if pledge is None:
            raise NotFound(gettext("No public pledge has this slug."))
        return Response(self.get_serializer(pledge).data)


# --------------------------------------------------------------------------------------------
# Taxonomy and figures
# --------------------------------------------------------------------------------------------
class TaxonomyView(ApiView):
    serializer_class = serializers.TaxonomySerializer
    pagination_class = None

    @extend_schema(
        operation_id="taxonomy_retrieve",
        summary=_("Topics, tools and skills"),
        description="The topics and training tools practices are filed under, and the "
        "digital skills frameworks (with their areas, competences, source and licence) and "
        "the common proficiency scale, as the skills page shows them.",
        parameters=[LANG_PARAMETER],
        responses={200: serializers.TaxonomySerializer, **ERRORS},
    )
    def get(self, request):
        frameworks = []
        for framework, groups in matching_selectors.skills_grouped():
            frameworks.append(
                {
                    **{
                        field: getattr(framework, field)
                        for field in ("key", "name", "version", "publisher", "source_url")
                    },
                    "citation": framework.citation,
                    "licence": framework.licence,
                    "attribution": framework.attribution,
                    "areas": [
                        {
                            "code": area.code if area else None,
                            "title": area.title if area else None,
                            "skills": [{"code": s.code, "title": s.title} for s in skills],
                        }
                        for area, skills in groups
                    ],
                }
            )
        data = {
            "topics": Topic.objects.order_by("name"),
            "tools": TrainingTool.objects.order_by("name"),
            "frameworks": frameworks,
            "levels": [
                {
                    "value": level.value,
                    "label": str(level.label),
                    "digcomp": native_label(DIGCOMP, level.value),
                    "ecf": native_label(ECF, level.value),
                }
                for level in CommonLevel
            ],
        }
        return Response(self.get_serializer(data).data)


def _counts(counts: dict[str, int], labels: dict[str, str], *, by_value: bool = False) -> list:
    rows = [
        {"value": value, "label": str(labels.get(value, value)), "count": count}
        for value, count in counts.items()
    ]
    if by_value:
        return sorted(rows, key=lambda row: row["value"])
    return sorted(rows, key=lambda row: (-row["count"], row["label"]))


class FiguresView(ApiView):
    serializer_class = serializers.FiguresSerializer
    pagination_class = None

    @extend_schema(
        operation_id="figures_retrieve",
        summary=_("Programme figures"),
        description="What the public pages count: published practices by country, topic, "
        "year and language (the list page's facets); SMEs supported by mentoring; public "
        "pledges and, by country served, pledges and SMEs supported.",
        parameters=[LANG_PARAMETER],
        responses={200: serializers.FiguresSerializer, **ERRORS},
    )
    def get(self, request):
        figures = practice_selectors.public_figures()
        facets, _total = facet_index(practices_version()).count({})
        topics = {slug: gettext(name) for slug, name in Topic.objects.values_list("slug", "name")}
        viewer = volunteer_selectors.pledges_in_viewer()
        by_country = volunteer_selectors.country_counts(viewer.order_by().prefetch_related(None))
        data = {
            "practices": {
                "published": figures["practices"],
                "countries": figures["countries"],
                "by_country": _counts(facets["country"], dict(eu_eea_country_choices())),
                "by_topic": _counts(facets["topic"], topics),
                "by_year": _counts(facets["year"], {}, by_value=True),
                "by_language": _counts(facets["language"], dict(Language.choices)),
            },
            "smes_supported": matching_selectors.smes_supported(),
            "pledges": {
                "pledges": viewer.count(),
                "companies": volunteer_selectors.pledging_companies(),
                "by_country": [
                    {"country": code, "country_name": name, "pledges": n, "smes_supported": s}
                    for code, name, n, s in by_country
                ],
            },
        }
        return Response(self.get_serializer(data).data)
