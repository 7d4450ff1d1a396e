"""An SME's needs profile: its gaps, languages, mode and the companies it excludes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from accounts.models import Organisation
from skillup.errors import ApplicationError, add_service_errors

from .. import services
from ..forms import NeedsForm
from ..models import NeedsProfile
from ..permissions import is_sme_member


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
    form = NeedsForm(request.POST if request.method == "POST" else None, needs=needs)
    if request.method == "POST" and form.is_valid():
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
    context = {"form": form, "organisation": organisation, "needs": needs}
    return render(request, "matching/needs_form.html", context)
