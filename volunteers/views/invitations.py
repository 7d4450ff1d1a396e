"""Inviting several experts at once from a CSV file: upload, preview, confirm.

A large company's admins reach it from their mentors list; coordinators reach it for any large
company (from the pledge's page in the admin), so that a company may send them its list; for
anyone else a company id is a 404 (permissions.can_invite_mentors). The upload only reads the
file: the preview shows every row with its problems, and the ready rows travel to the
confirmation signed (invitation_csv.pack_rows). Nothing is stored or sent before "Send", nothing
but what was previewed can be sent then, and services.mentor_invitations_send checks every row
again, so a second click sends nothing twice.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import Organisation
from skillup import ratelimit
from skillup.errors import ApplicationError

from .. import services
from ..forms import MentorInvitationConfirmForm, MentorInvitationCSVForm
from ..invitation_csv import MAX_BYTES, MAX_ROWS, MSG_PREVIEW_INVALID, ExpertRow, pack_rows
from ..permissions import can_invite_mentors, is_company_admin

# Confirmed files per company and day (each up to MAX_ROWS emails). The one-by-one limit of
# views/company.py would stop a list at its 51st expert.
MENTOR_INVITATION_CSV_RATE = ratelimit.Limit("mentor-invitation-csv", 20, 24 * 3600)
EXAMPLE_CSV = "volunteers/mentor-invitations-example.csv"
SKIPPED_SHOWN = 10  # rows named in the "not invited" message; the rest are counted


def _company_for(user, pk: int) -> Organisation:
    """The large company if this person may invite its experts; a 404 otherwise."""
    company = get_object_or_404(Organisation, pk=pk)
    if not can_invite_mentors(user, company):
        raise Http404
    return company


def _back_url(user, company: Organisation) -> str:
    """Where the person came from: the company's dashboard, or the admin's list of this
    company's invitations for a coordinator."""
    if is_company_admin(user, company):
        return reverse("volunteers:company_pledge", args=[company.pk])
    changelist = reverse("admin:volunteers_mentorinvitation_changelist")
    return f"{changelist}?company__id__exact={company.pk}"


def _skipped_message(skipped: list[ExpertRow]) -> str:
    shown = "; ".join(
        _("line %(line)s, %(email)s: %(problems)s")
        % {"line": row.line, "email": row.email, "problems": " ".join(row.problems)}
        for row in skipped[:SKIPPED_SHOWN]
    )
    message = ngettext(
        "%(count)s expert was not invited: %(rows)s",
        "%(count)s experts were not invited: %(rows)s",
        len(skipped),
    ) % {"count": len(skipped), "rows": shown}
    if len(skipped) > SKIPPED_SHOWN:
        message += " " + _("(and %(more)s more)") % {"more": len(skipped) - SKIPPED_SHOWN}
    return message


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def mentor_invite_csv(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the upload form. POST: the preview of the uploaded file (nothing saved)."""
    company = _company_for(request.user, pk)
    is_post = request.method == "POST"
    form = MentorInvitationCSVForm(
        request.POST if is_post else None,
        request.FILES if is_post else None,
        default_language=get_language(),
    )
    context = {
        "company": company,
        "back_url": _back_url(request.user, company),
        "example_csv": EXAMPLE_CSV,
        "max_rows": MAX_ROWS,
        "max_kb": MAX_BYTES // 1024,
    }
    if is_post and form.is_valid():
        rows = services.mentor_invitations_check(company=company, rows=form.rows)
        ready = [row for row in rows if row.is_ready]
        signed = pack_rows(rows, company_id=company.pk, user_id=request.user.pk)
        context |= {
            "rows": rows,
            "ready": ready,
            "problems": [row for row in rows if not row.is_ready],
            "confirm_form": MentorInvitationConfirmForm(
                initial={"rows": signed}, company_id=company.pk, user_id=request.user.pk
            ),
        }
        return render(request, "volunteers/mentor_invite_csv_preview.html", context)
    context["form"] = form
    return render(request, "volunteers/mentor_invite_csv.html", context)


@never_cache
@login_required
@require_POST
def mentor_invite_csv_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """Send the invitations of a preview; back to where the person came from."""
    company = _company_for(request.user, pk)
    form = MentorInvitationConfirmForm(request.POST, company_id=company.pk, user_id=request.user.pk)
    if not form.is_valid():
        refused = form.errors.get("rows") if request.POST.get("rows") else None
        messages.error(request, refused[0] if refused else MSG_PREVIEW_INVALID)
        return redirect("volunteers:mentor_invite_csv", pk=company.pk)
    if not ratelimit.hit(MENTOR_INVITATION_CSV_RATE, f"company:{company.pk}"):
        return ratelimit.too_many_requests(request)
    try:
        result = services.mentor_invitations_send(
            user=request.user, company=company, rows=form.cleaned_data["rows"]
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("volunteers:mentor_invite_csv", pk=company.pk)
    if result.sent:
        messages.success(
            request,
            ngettext(
                "%(count)s invitation to mentor is on its way.",
                "%(count)s invitations to mentor are on their way.",
                len(result.sent),
            )
            % {"count": len(result.sent)},
        )
    else:
        messages.info(request, _("No invitation was sent."))
    if result.skipped:
        messages.warning(request, _skipped_message(result.skipped))
    return redirect(_back_url(request.user, company))
