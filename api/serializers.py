"""What the API shows of each thing: what its public page shows, nothing more.

A practice: its public text (the approved public version of title and description, never a
draft's), its SME's public name, country, sector and size, its topics, tools, call and answers
as its page shows them; never a contact address, a person, a review or a request for detail.
Labels (countries, sectors, topics…) are in the language of the request; a practice's own text
stays in the language it is written in (`language`, `answers_language`).
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language, gettext
from django_countries.fields import Country
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.models import Organisation
from practices.answers import page_answers
from practices.models import Practice, QuestionKind
from skillup.languages import Language

from .listing import row_of


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


# (model, field, language) → {code: label}: get_FOO_display translates every choice of the
# field at each call (a third of a list's time with the sector's 21 sections)
_LABELS: dict[tuple, dict] = {}


def label(instance, name: str) -> str:
    """The label of instance.<name>'s code in the active language (get_<name>_display)."""
    return _label(type(instance), name, getattr(instance, name), get_language())


def _label(model, name: str, value, language: str) -> str:
    """The label of `value`, a code of model.<name>, in `language`, the active one."""
    key = (model, name, language)
    labels = _LABELS.get(key)
    if labels is None:
        field = model._meta.get_field(name)
        labels = _LABELS[key] = {code: str(text) for code, text in field.flatchoices}
    return labels.get(value, str(value))


# (language, kind, code) → its name in that language: a practice's row reads the active
# language, its country's, text language's and topics' names once per process, not a dozen
# translation lookups a row (the list's time was a third translation machinery)
_NAMES: dict[tuple, str] = {}


def _once(language: str, kind: str, code: str, name) -> str:
    """name(code) (a translated text) in the active language `language`, worked out once."""
    key = (language, kind, code)
    found = _NAMES.get(key)
    if found is None:
        found = _NAMES[key] = str(name(code) or code)
    return found


def _country_name(code: str) -> str:
    return Country(code).name


_SLUG = "slug-placeholder"


def _practice_url(language: str, slug: str) -> str:
    """A published practice's page in the active language `language` (its address reversed
    once per language, the slug put in: a slug is letters, digits, - and _)."""
    pattern = _once(
        language,
        "address",
        "practice",
        lambda _code: absolute(reverse("practices:practice_detail", kwargs={"slug": _SLUG})),
    )
    return pattern.replace(_SLUG, slug)


class _CodedField(serializers.Field):
    """A code's label in the language of the request (as get_FOO_display gives it)."""

    def __init__(self, **kwargs) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, instance) -> str:
        return label(instance, self.source)


@extend_schema_field(OpenApiTypes.STR)
class LabelField(_CodedField):
    pass


@extend_schema_field(OpenApiTypes.URI)
class AbsoluteUrlField(serializers.Field):
    """The object's public page on the portal, in the language of the request."""

    def __init__(self, **kwargs) -> None:
        kwargs["read_only"] = True
        kwargs.setdefault("source", "*")
        super().__init__(**kwargs)

    def to_representation(self, instance) -> str:
        return absolute(instance.get_absolute_url())


@extend_schema_field(OpenApiTypes.STR)
class CountryNameField(serializers.Field):
    def __init__(self, **kwargs) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, country) -> str:
        return str(country.name)


@extend_schema_field(OpenApiTypes.STR)
class CountryCodeField(CountryNameField):
    def to_representation(self, country) -> str:
        return str(country.code)


LANGUAGE_NAMES = dict(Language.choices)


@extend_schema_field(OpenApiTypes.STR)
class LanguageNameField(serializers.Field):
    def __init__(self, **kwargs) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, code) -> str:
        return str(LANGUAGE_NAMES.get(code, code))


# --------------------------------------------------------------------------------------------
# Practices
# --------------------------------------------------------------------------------------------
class SmeSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="The SME's public name.")
    country = CountryCodeField(help_text="ISO 3166-1 alpha-2 code.")
    country_name = CountryNameField(source="country")
    sector = serializers.CharField(help_text="NACE section (a letter).")
    sector_name = LabelField(source="sector")
    size = serializers.CharField(source="size_band", help_text="Size band code.")
    size_name = LabelField(source="size_band")


@extend_schema_field(OpenApiTypes.STR)
class TopicNameField(serializers.Field):
    """Topic names are marked for translation (practices/taxonomy.py): translated here."""

    def __init__(self, **kwargs) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, name) -> str:
        return gettext(name)


class TopicSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = TopicNameField()


class ToolSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    url = serializers.URLField(allow_blank=True)


class CallRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    title = serializers.CharField()


class PracticeSerializer(serializers.Serializer):
    """A practice as the public list shows it."""

    slug = serializers.SlugField()
    url = AbsoluteUrlField()
    title = serializers.CharField(source="display_title")
    description = serializers.CharField(source="display_description")
    language = serializers.CharField(
        source="text_language", help_text="The language of the title and description."
    )
    language_name = LanguageNameField(source="text_language")
    sme = SmeSerializer(source="organisation")
    audience = serializers.CharField(help_text="Empty when not stated.")
    audience_name = LabelField(source="audience")
    topics = TopicSerializer(many=True, source="topics.all")
    call = CallRefSerializer()
    published_at = serializers.DateTimeField()

    def to_representation(self, row: dict) -> dict:
        """The fields above from a row of api.listing, worked out in plain Python: DRF's field
        by field walk cost about a millisecond a practice, half of a list's time (the fields
        stay declared for the schema; tests/api/test_schema.py checks every answer against
        it). The serializer's context holds `calls` (api.listing.calls_by_id)."""
        interface = get_language()
        language = row["text_language"]
        country = row["sme_country"]
        call_slug, call_title = self.context["calls"][row["call_id"]]
        return {
            "slug": row["slug"],
            "url": _practice_url(interface, row["slug"]),
            "title": row["display_title"],
            "description": row["display_description"],
            "language": language,
            "language_name": _once(interface, "language", language, LANGUAGE_NAMES.get),
            "sme": {
                "name": row["sme_name"],
                "country": country,
                "country_name": _once(interface, "country", country, _country_name),
                "sector": row["sme_sector"],
                "sector_name": _label(Organisation, "sector", row["sme_sector"], interface),
                "size": row["sme_size_band"],
                "size_name": _label(Organisation, "size_band", row["sme_size_band"], interface),
            },
            "audience": row["audience"],
            "audience_name": _label(Practice, "audience", row["audience"], interface),
            "topics": [
                {"slug": slug, "name": _once(interface, "topic", name, gettext)}
                for slug, name in row["topics"]
            ],
            "call": {"slug": call_slug, "title": call_title},
            "published_at": _DATETIME.to_representation(row["published_at"]),
        }


_DATETIME = serializers.DateTimeField()  # ISO 8601 in the portal's time zone, as DRF writes it


class AnswerSerializer(serializers.Serializer):
    question = serializers.IntegerField(
        source="question_id", help_text="The question's id, the same for every practice."
    )
    label = serializers.CharField(help_text="The question, in the language of the request.")
    kind = serializers.ChoiceField(choices=QuestionKind.choices)
    value = serializers.CharField(
        help_text=(
            "The answer as the practice's page shows it: a text in `answers_language`; chosen "
            "choices by their label in the language of the request, joined by commas; a "
            "number, a date or yes/no written for the language of the request."
        )
    )


class PracticeDetailSerializer(PracticeSerializer):
    """A practice as its page shows it: with the SME's answers (in `answers_language`)."""

    answers_language = serializers.CharField(
        source="language", help_text="The language the SME wrote its answers in."
    )
    online_learning = serializers.CharField()
    methodology = serializers.CharField()
    tools = ToolSerializer(many=True, source="tools.all")
    other_tools = serializers.CharField()
    keep_learning = serializers.CharField()
    employees_reached = serializers.IntegerField(allow_null=True)
    since_year = serializers.IntegerField(allow_null=True)
    answers = AnswerSerializer(
        many=True,
        help_text=(
            "The answers to the other public questions of the practice's call, in the call's "
            "order (the four original questions' answers are the fields above)."
        ),
    )

    def to_representation(self, practice) -> dict:
        """A practice loaded as a model (api.listing.row_of), with its answers and tools. An
        original question a coordinator made private leaves its field empty, as on the page."""
        answers, hidden = page_answers(practice)

        def shown(name: str, value):
            return type(value)() if name in hidden else value

        return {
            **super().to_representation(row_of(practice)),
            "answers_language": practice.language,
            "online_learning": shown("online_learning", practice.online_learning),
            "methodology": shown("methodology", practice.methodology),
            "tools": shown(
                "tools",
                [
                    {"slug": tool.slug, "name": tool.name, "url": tool.url}
                    for tool in practice.tools.all()
                ],
            ),
            "other_tools": shown("tools", practice.other_tools),
            "keep_learning": shown("keep_learning", practice.keep_learning),
            "employees_reached": practice.employees_reached,
            "since_year": practice.since_year,
            "answers": [
                {
                    "question": answer.question_id,
                    "label": answer.label,
                    "kind": answer.kind,
                    "value": answer.value,
                }
                for answer in answers
            ],
        }


# --------------------------------------------------------------------------------------------
# Calls
# --------------------------------------------------------------------------------------------
class CallSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    url = AbsoluteUrlField()
    title = serializers.CharField()
    introduction = serializers.CharField()
    eligibility = serializers.CharField()
    how_to_take_part = serializers.CharField()
    opens_at = serializers.DateTimeField()
    closes_at = serializers.DateTimeField()
    status = serializers.SerializerMethodField(help_text="upcoming, open or closed.")

    def get_status(self, call) -> str:
        return str(call.window_for().status)


# --------------------------------------------------------------------------------------------
# Pledges
# --------------------------------------------------------------------------------------------
class CompanySerializer(serializers.Serializer):
    name = serializers.CharField()
    country = CountryCodeField()
    country_name = CountryNameField(source="country")
    sector = serializers.CharField()
    sector_name = LabelField(source="sector")
    website = serializers.URLField(allow_blank=True)


class ExpertiseSerializer(serializers.Serializer):
    framework = serializers.CharField(source="framework.key")
    code = serializers.CharField()
    title = serializers.CharField()


class ProgressSerializer(serializers.Serializer):
    target = serializers.IntegerField(help_text="0: no target set.")
    done = serializers.IntegerField()


class PledgeProgressSerializer(serializers.Serializer):
    smes_supported = ProgressSerializer()
    mentors_engaged = ProgressSerializer()
    mentoring_hours = ProgressSerializer()


@extend_schema_field(serializers.ListField(child=serializers.CharField()))
class CountryListField(serializers.Field):
    def __init__(self, **kwargs) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, countries) -> list[str]:
        return [str(country.code) for country in countries]


@extend_schema_field(serializers.ListField(child=serializers.CharField()))
class LanguageListField(CountryListField):
    def to_representation(self, languages) -> list[str]:
        return [str(code) for code in languages]


class PledgeSerializer(serializers.Serializer):
    """An approved public pledge as the Pledge Viewer and its page show it."""

    slug = serializers.SlugField()
    url = AbsoluteUrlField()
    company = CompanySerializer()
    description = serializers.CharField()
    pillar = serializers.CharField()
    pillar_name = LabelField(source="pillar")
    scope = serializers.CharField()
    scope_name = LabelField(source="scope")
    countries = CountryListField(help_text="Countries served (ISO codes).")
    languages = LanguageListField(help_text="Languages served (codes).")
    expertise = ExpertiseSerializer(many=True, source="expertise.all")
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    status = serializers.SerializerMethodField(help_text="upcoming, active, ended or completed.")
    progress = serializers.SerializerMethodField()

    def get_status(self, pledge) -> str:
        phase = pledge.phase
        return str(phase.value) if phase else ""

    @extend_schema_field(PledgeProgressSerializer)
    def get_progress(self, pledge) -> dict:
        """From the figures views.pledges_queryset annotates (one query for all pledges)."""
        return {
            "smes_supported": {"target": pledge.target_smes, "done": pledge.smes_supported},
            "mentors_engaged": {"target": pledge.target_mentors, "done": pledge.mentors_engaged},
            "mentoring_hours": {
                "target": pledge.target_hours,
                "done": int(pledge.mentoring_hours),
            },
        }


# --------------------------------------------------------------------------------------------
# Taxonomy and figures (built as dictionaries by the views; described here for the schema)
# --------------------------------------------------------------------------------------------
class SkillSerializer(serializers.Serializer):
    code = serializers.CharField()
    title = serializers.CharField()


class AreaSerializer(serializers.Serializer):
    code = serializers.CharField(allow_null=True, help_text="null: competences without an area.")
    title = serializers.CharField(allow_null=True)
    skills = SkillSerializer(many=True)


class FrameworkSerializer(serializers.Serializer):
    key = serializers.CharField()
    name = serializers.CharField()
    version = serializers.CharField()
    publisher = serializers.CharField()
    source_url = serializers.CharField(allow_blank=True)
    citation = serializers.CharField(allow_blank=True)
    licence = serializers.CharField()
    attribution = serializers.CharField(help_text="The credit to show with its content.")
    areas = AreaSerializer(many=True)


class LevelSerializer(serializers.Serializer):
    value = serializers.IntegerField()
    label = serializers.CharField()
    digcomp = serializers.CharField(help_text="The DigComp 2.2 levels it covers.")
    ecf = serializers.CharField(help_text="The e-CF 4.0 levels it covers.")


class TaxonomySerializer(serializers.Serializer):
    topics = TopicSerializer(many=True, help_text="What practices are filed under.")
    tools = ToolSerializer(many=True, help_text="Training tools practices name.")
    frameworks = FrameworkSerializer(many=True, help_text="Digital skills frameworks.")
    levels = LevelSerializer(many=True, help_text="The common proficiency scale.")


class CountSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()


class PracticeFiguresSerializer(serializers.Serializer):
    published = serializers.IntegerField()
    countries = serializers.IntegerField(help_text="Countries of their SMEs.")
    by_country = CountSerializer(many=True)
    by_topic = CountSerializer(many=True)
    by_year = CountSerializer(many=True, help_text="By year of publication.")
    by_language = CountSerializer(many=True)


class PledgeCountrySerializer(serializers.Serializer):
    country = serializers.CharField()
    country_name = serializers.CharField()
    pledges = serializers.IntegerField(help_text="Public pledges serving the country.")
    smes_supported = serializers.IntegerField(help_text="SMEs supported there under them.")


class PledgeFiguresSerializer(serializers.Serializer):
    pledges = serializers.IntegerField(help_text="Public pledges.")
    companies = serializers.IntegerField(help_text="Companies with a public pledge.")
    by_country = PledgeCountrySerializer(many=True)


class FiguresSerializer(serializers.Serializer):
    practices = PracticeFiguresSerializer()
    smes_supported = serializers.IntegerField(
        help_text="SMEs with a mentoring partnership under way or completed."
    )
    pledges = PledgeFiguresSerializer()


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Per parameter, what was wrong with it.",
    )
