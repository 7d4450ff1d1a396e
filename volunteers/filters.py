"""Filters of the public Pledge Viewer (/pledges/).

Invalid values never fail the page: the field reports an error and is ignored, the other
filters still apply (django-filter only applies the cleaned, valid values).

Every choice list comes from one query (skills with their framework, companies in the viewer),
so the page costs the same number of queries whatever the number of pledges.
"""

from dataclasses import dataclass

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.enums import eu_eea_country_choices
from accounts.models import Organisation
from matching.models import Skill
from skillup.i18n import language_choices

from . import selectors
from .enums import PledgePhase
from .models import Pledge
from .phases import phase_filter

PER_PAGE = 20
SEARCH_MAX_LENGTH = 200


@dataclass(frozen=True)
class SkillOption:
    pk: int
    code: str
    title: str
    is_area: bool
    parent_id: int | None
    framework: str


def _skill_options() -> list[SkillOption]:
    """Every skill and area of the taxonomy, in the taxonomy's order: one query."""
    rows = (
        Skill.objects.order_by("framework__position", "position", "pk")
        .values_list("pk", "code", "title", "is_area", "parent_id", "framework__name")
        .iterator()
    )
    return [SkillOption(*row) for row in rows]


def _expertise_choices(options: list[SkillOption]) -> list[tuple[str, list[tuple[str, str]]]]:
    """Grouped by framework; an area comes first in its group and stands for all its skills."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for option in options:
        if option.is_area:
            label = gettext("%(code)s %(title)s (whole area)") % {
                "code": option.code,
                "title": option.title,
            }
        elif option.parent_id is not None:
            label = f"— {option.code} {option.title}"
        else:
            label = f"{option.code} {option.title}"
        groups.setdefault(option.framework, []).append((str(option.pk), label))
    return list(groups.items())


def _company_choices() -> list[tuple[str, str]]:
    """Large companies with a pledge in the viewer: one query."""
    companies = (
        Organisation.objects.filter(pledges__in=Pledge.objects.in_viewer())
        .distinct()
        .order_by("name", "pk")
        .values_list("pk", "name")
    )
    return [(str(pk), name) for pk, name in companies]


class PledgeFilterForm(forms.Form):
    """Rendered by templates/volunteers/partials/viewer_filter_form.html from controls(): a
    plain loop over precomputed options (as the practices list does), with <optgroup>s."""

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
                "groups": None,
            }
            choices = getattr(bound.field.widget, "choices", None)
            if choices is not None:
                groups = []  # (group label or "", [(value, label, selected)])
                for option, label in choices:
                    if isinstance(label, list | tuple):
                        groups.append(
                            (option, [(str(v), lbl, str(v) == chosen) for v, lbl in label])
                        )
                    else:
                        groups.append(("", [(str(option), label, str(option) == chosen)]))
                control["groups"] = groups
            controls.append(control)
        return controls


class PledgeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_search",
        max_length=SEARCH_MAX_LENGTH,
        help_text=_("Company name or words of the description."),
    )
    country = django_filters.ChoiceFilter(
        label=_("Country served"),
        method="filter_country",
        choices=eu_eea_country_choices,
        empty_label=_("All countries"),
    )
    expertise = django_filters.ChoiceFilter(
        label=_("Expertise"),
        method="filter_expertise",
        empty_label=_("All areas of expertise"),
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        method="filter_language",
        choices=language_choices,  # named and sorted in the reader's language
        empty_label=_("All languages"),
    )
    company = django_filters.ChoiceFilter(
        label=_("Company"),
        field_name="company_id",
        empty_label=_("All companies"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        method="filter_status",
        choices=PledgePhase.choices,
        empty_label=_("Any status"),
    )

    class Meta:
        model = Pledge
        fields: list[str] = []
        form = PledgeFilterForm

    def __init__(self, data=None, queryset=None, **kwargs) -> None:
        if queryset is None:
            queryset = selectors.pledges_in_viewer()
        super().__init__(data, queryset, **kwargs)
        self._skills = {option.pk: option for option in _skill_options()}
        self.filters["expertise"].extra["choices"] = _expertise_choices(list(self._skills.values()))
        self.filters["company"].extra["choices"] = _company_choices()

    @property
    def values(self) -> dict:
        """The valid, non-empty values (invalid ones are left out, hence ignored)."""
        if not self.is_bound:
            return {}
        self.form.is_valid()
        return {k: v for k, v in self.form.cleaned_data.items() if v not in (None, "")}

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        words = value.split()
        for word in words:
            queryset = queryset.filter(
                Q(company__name__icontains=word) | Q(description__icontains=word)
            )
        return queryset

    def filter_country(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # stored as "BE,FR": two-letter codes between commas, so a substring is a whole code
        return queryset.filter(countries__contains=value)

    def filter_language(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(languages__contains=value)

    def filter_expertise(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """A skill: the pledges offering it. An area: the pledges offering it or any of its
        skills. A subquery rather than a join, so a pledge is listed once."""
        skill = self._skills[int(value)]  # the form validated the choice
        ids = [skill.pk]
        if skill.is_area:
            ids += [o.pk for o in self._skills.values() if o.parent_id == skill.pk]
        offering = Pledge.expertise.through.objects.filter(skill_id__in=ids).values("pledge_id")
        return queryset.filter(pk__in=offering)

    def filter_status(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Upcoming, active, ended or completed today (volunteers.phases)."""
        return queryset.filter(phase_filter(value))
