"""An SME's needs profile: its gaps, languages, mode and the companies it excludes.

One page, one form, usable without JavaScript: the gap buttons ("Add", "Remove") and the search
post the whole form back and it comes back as typed, with nothing saved; "Save your needs" saves.
With htmx (django-htmx's request.htmx) the same requests answer with the part of the page that
changed: a search as you type (GET) answers the results; an add or a remove answers the list of
chosen gaps, with the message and the results beside it (out-of-band swaps).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from accounts.models import Organisation
from skillup.errors import ApplicationError, add_service_errors

from .. import services
from ..forms import BROWSE_SKILLS, BROWSING, FIND_SKILL, NeedsForm
from ..gap_choices import GapFinder, chosen_gap_ids
from ..models import NeedsProfile
from ..permissions import is_sme_member

FORM_TEMPLATE = "matching/needs_form.html"
RESULTS_TEMPLATE = "matching/partials/needs_gap_results.html"
GAP_LIST_TEMPLATE = "matching/partials/needs_gap_list.html"


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def needs_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The SME's needs profile: its members only (anyone else, coordinators included: 404)."""
    organisation = get_object_or_404(Organisation, pk=pk)
    if not is_sme_member(request.user, organisation):
        raise Http404
    needs = (
        NeedsProfile.objects.filter(organisation=organisation)
        .prefetch_related("gaps", "excluded_companies")
        .first()
    )
    url = reverse("matching:needs_edit", kwargs={"pk": organisation.pk})
    data = request.POST if request.method == "POST" else request.GET
    form = NeedsForm(request.POST if request.method == "POST" else None, needs=needs, url=url)
    # a search as you type sends the gaps shown on the page (maybe not saved yet) along
    chosen = form.gap_ids if request.method == "POST" else None
    if chosen is None:
        chosen = chosen_gap_ids(request.GET, form.catalogue) or form.gap_ids
    # the results of the search or browsing in progress (a save shows none)
    saving = request.method == "POST" and form.gap_action is None
    form.finder = GapFinder(
        form.catalogue,
        query="" if saving else data.get(FIND_SKILL, "")[:100],
        browse=not saving and (BROWSE_SKILLS in data or BROWSING in data),
        chosen=chosen,
    )

    if request.method == "GET" and request.htmx:
        context = {"finder": form.finder, "form": form, "status_oob": True}
        return render(request, RESULTS_TEMPLATE, context)
    if request.method == "POST" and form.gap_action is None and form.is_valid():
        try:
            services.needs_save(
                user=request.user,
                organisation=organisation,
                fields=form.service_fields(),
                gaps=form.service_gaps(),
                excluded_companies=form.service_excluded(),
            )
        except (ValidationError, ApplicationError) as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("The needs of %(name)s are saved.") % {"name": organisation.name}
            )
            return redirect("matching:mentoring_home")
    context = {"form": form, "finder": form.finder, "organisation": organisation, "needs": needs}
    if request.method == "POST" and request.htmx and form.gap_action is not None:
        return render(request, GAP_LIST_TEMPLATE, {**context, "oob": True})
    context["save_refused"] = saving
    return render(request, FORM_TEMPLATE, context)
