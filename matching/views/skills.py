"""The public skills page: every framework with its areas and competences, its source, licence
and attribution (CC BY 4.0 asks for the credit wherever the content is shown), and the common
proficiency scale."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from .. import selectors
from ..levels import DIGCOMP, ECF, CommonLevel, native_label


@require_safe
def skill_list(request: HttpRequest) -> HttpResponse:
    levels = [
        {
            "value": level.value,
            "label": level.label,
            "digcomp": native_label(DIGCOMP, level.value),
            "ecf": native_label(ECF, level.value),
        }
        for level in CommonLevel
    ]
    context = {"frameworks": selectors.skills_grouped(), "levels": levels}
    return render(request, "matching/skill_list.html", context)
