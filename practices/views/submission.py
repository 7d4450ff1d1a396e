"""SME pages: drafting, submitting, editing and withdrawing a practice, answering a request for
detail, approving the public version (and a published practice's new text), taking a published
practice down and publishing it again, answering an event invitation.

The SME reads its practice's state as enums.SME_STATES says ("under review" while reviewers
work; the decision once announced); staff reading the same page see the workflow's own states.

Every write goes through practices.services; the deadline is the service's to enforce (a POST
after it is refused whatever the browser sends). A submission of another organisation is a
404, never its data.
"""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.enums import OrganisationKind
from accounts.models import Organisation
from skillup.errors import ApplicationError, add_service_errors

from .. import selectors, services
from ..answers import questions_shown
from ..enums import PUBLIC_TEXT_STATES, PracticeState, WindowStatus, sme_state
from ..forms import (
    DetailAnswerForm,
    PracticeForm,
    PublicTextApprovalForm,
    PublicVersionApprovalForm,
    PublishAgainForm,
    RsvpForm,
    TakeDownForm,
    WithdrawForm,
)
from ..models import Call, CallWindow, DetailRequest, EventInvitation, Practice
from ..permissions import (
    can_answer_invitation,
    can_approve_public_version,
    can_create_practice,
    can_edit_submission,
    can_publish_again,
    can_submit_practice,
    can_take_down_practice,
    can_view_submission,
    can_withdraw_submission,
    is_member_of,
    is_sme_admin,
)
from ..question_fields import answer_display, field_name

# A refusal by a domain rule (the deadline, a state that no longer allows it) re-renders the
# page with what was sent: 409 says "the request was understood, but the state forbids it".
REFUSED = 409


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------
def _practice_for(user, pk: int, *, member_only: bool) -> Practice:
    """The practice if this person may see it (its SME's members; staff when not member_only);
    a 404 otherwise, so a guessed id reveals nothing."""
    practice = get_object_or_404(Practice.objects.select_related("call", "organisation"), pk=pk)
    allowed = (
        is_member_of(user, practice.organisation)
        if member_only
        else can_view_submission(user, practice)
    )
    if not allowed:
        raise Http404
    return practice


def _posted(request: HttpRequest):
    """The POST data, or None on GET (an empty POST is still a POST to validate)."""
    return request.POST if request.method == "POST" else None


def _deadline_context(window: CallWindow) -> dict:
    return {
        "deadline": window.deadline,
        "deadline_text": services.format_deadline(window.deadline),
        "is_extended": window.is_extended,
        "time_zone": timezone.get_current_timezone_name(),
    }


def _sme_organisations(user) -> list[Organisation]:
    return list(
        Organisation.objects.filter(kind=OrganisationKind.SME, memberships__user=user).order_by(
            "name"
        )
    )


def _submit(request: HttpRequest, form: PracticeForm, practice: Practice) -> str | None:
    """Submit a saved draft. Returns a refusal to show at the top, or None. Missing fields go
    on the form (the draft stays saved, and the SME is told so)."""
    try:
        services.practice_submit(user=request.user, practice=practice)
    except ValidationError as exc:
        add_service_errors(form, exc)
        messages.warning(
            request,
            _(
                "Your draft is saved, but it is not submitted yet: complete the marked "
                "fields, then submit again."
            ),
        )
    except ApplicationError as exc:
        return add_service_errors(form, exc, top=False)
    return None


def _submitted_message(request: HttpRequest, practice: Practice) -> None:
    messages.success(
        request,
        _(
            "Your practice “%(title)s” is submitted. A receipt is on its way by email. You "
            "can still change it until %(deadline)s."
        )
        % {
            "title": practice.title,
            "deadline": services.format_deadline(
                practice.call.window_for(practice.organisation).deadline
            ),
        },
    )


def _render_form(request, *, form, call, practice, organisation, refusal, closed, status=200):
    window = call.window_for(organisation)
    context = {
        "form": form,
        "call": call,
        "practice": practice,
        "organisation": organisation,
        "refusal": refusal,
        "closed_message": closed,
        # on a draft: the way to a blank form, as "Submit a practice" opens the draft
        "start_another": practice is not None
        and practice.state == PracticeState.DRAFT
        and can_create_practice(request.user, call, organisation),
        **_deadline_context(window),
    }
    return render(request, "practices/submission_form.html", context, status=status)


# --------------------------------------------------------------------------------------------
# Draft, submit, edit
# --------------------------------------------------------------------------------------------
@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def submission_create(request: HttpRequest, slug: str) -> HttpResponse:
    call = get_object_or_404(Call, slug=slug)
    smes = _sme_organisations(request.user)
    if not smes:
        return render(request, "practices/submission_no_sme.html", {"call": call}, status=403)
    single = smes[0] if len(smes) == 1 else None
    open_for = [sme for sme in smes if can_create_practice(request.user, call, sme)]
    closed = None if open_for else services.window_notice(call.window_for(single))
    action = reverse("practices:submission_create", kwargs={"slug": call.slug})

    if request.method != "POST":
        # the SME came back: its draft of this call, not a blank form ("?new=1": another one)
        draft = None if request.GET.get("new") else selectors.latest_draft(call, smes)
        if draft is not None:
            messages.info(
                request,
                _(
                    "Here is the draft your SME started for this call. To write about another "
                    "practice, choose “Start another practice”."
                )
                if draft.call.window_for(draft.organisation).is_open
                else _("Here is the draft your SME started for this call."),
            )
            return redirect("practices:submission_edit", pk=draft.pk)
        form = PracticeForm(
            call=call,
            organisations=smes,
            with_token=True,
            read_only=bool(closed),
            initial={"form_token": uuid.uuid4(), "organisation": (open_for or smes)[0]},
        )
        form.helper.form_action = action
        return _render_form(
            request,
            form=form,
            call=call,
            practice=None,
            organisation=single,
            refusal=None,
            closed=closed,
        )

    form = PracticeForm(request.POST, request.FILES, call=call, organisations=smes, with_token=True)
    form.helper.form_action = action
    refusal = None
    if form.is_valid():
        organisation = form.cleaned_data.get("organisation") or single
        try:
            practice = services.practice_save(
                user=request.user,
                call=call,
                organisation=organisation,
                form_token=form.cleaned_data.get("form_token"),
                fields=form.service_fields(),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        except ApplicationError as exc:
            refusal = add_service_errors(form, exc, top=False)
        else:
            if not form.wants_submit:
                messages.success(request, _("Your draft is saved."))
                return redirect("practices:submission_detail", pk=practice.pk)
            # from here on the practice exists: errors are shown on its edit form
            form = PracticeForm(request.POST, call=call, practice=practice)
            form.is_valid()
            form.helper.form_action = reverse(
                "practices:submission_edit", kwargs={"pk": practice.pk}
            )
            refusal = _submit(request, form, practice)
            practice.refresh_from_db()
            if practice.state == PracticeState.SUBMITTED:
                _submitted_message(request, practice)
                return redirect("practices:submission_detail", pk=practice.pk)
            return _render_form(
                request,
                form=form,
                call=call,
                practice=practice,
                organisation=practice.organisation,
                refusal=refusal,
                closed=None,
                status=REFUSED if refusal else 200,
            )
    elif not open_for:
        refusal = services.window_refusal(call.window_for(single))
    if refusal:
        form.make_read_only()
    return _render_form(
        request,
        form=form,
        call=call,
        practice=None,
        organisation=single,
        refusal=refusal,
        closed=None,
        status=REFUSED if refusal else 200,
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def submission_edit(request: HttpRequest, pk: int) -> HttpResponse:
    practice = _practice_for(request.user, pk, member_only=True)
    call, organisation = practice.call, practice.organisation
    action = reverse("practices:submission_edit", kwargs={"pk": practice.pk})
    window = call.window_for(organisation)
    closed = services.window_notice(window)
    if closed is None and not can_edit_submission(request.user, practice, window=window):
        closed = services.MSG_NOT_EDITABLE % {"state": practice.sme_state.label}

    if request.method != "POST":
        form = PracticeForm(call=call, practice=practice, read_only=bool(closed))
        form.helper.form_action = action
        return _render_form(
            request,
            form=form,
            call=call,
            practice=practice,
            organisation=organisation,
            refusal=None,
            closed=closed,
        )

    form = PracticeForm(request.POST, request.FILES, call=call, practice=practice)
    form.helper.form_action = action
    refusal = None
    if form.is_valid():
        try:
            practice = services.practice_save(
                user=request.user,
                call=call,
                organisation=organisation,
                practice=practice,
                fields=form.service_fields(),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        except ApplicationError as exc:
            refusal = add_service_errors(form, exc, top=False)
        else:
            if form.wants_submit and practice.state == PracticeState.DRAFT:
                refusal = _submit(request, form, practice)
                practice.refresh_from_db()
                if practice.state == PracticeState.SUBMITTED:
                    _submitted_message(request, practice)
                    return redirect("practices:submission_detail", pk=practice.pk)
            else:
                messages.success(
                    request,
                    _("Your changes are saved.")
                    if practice.state == PracticeState.SUBMITTED
                    else _("Your draft is saved."),
                )
                return redirect("practices:submission_detail", pk=practice.pk)
    elif closed:
        refusal = services.window_refusal(window) or closed
    if refusal:
        form.make_read_only()
    return _render_form(
        request,
        form=form,
        call=call,
        practice=practice,
        organisation=organisation,
        refusal=refusal,
        closed=None,
        status=REFUSED if refusal else 200,
    )


@never_cache
@login_required
@require_POST
def submission_submit(request: HttpRequest, pk: int) -> HttpResponse:
    """The "Submit" button of the detail page: submits the saved draft as it is."""
    practice = _practice_for(request.user, pk, member_only=True)
    try:
        practice = services.practice_submit(user=request.user, practice=practice)
    except ValidationError as exc:
        missing = _missing_labels(practice, exc.message_dict)
        messages.error(
            request,
            _("Complete these before submitting: %(fields)s.") % {"fields": ", ".join(missing)},
        )
        return redirect("practices:submission_edit", pk=practice.pk)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        _submitted_message(request, practice)
    return redirect("practices:submission_detail", pk=practice.pk)


def _missing_labels(practice: Practice, names) -> list[str]:
    """What a refused submission lacks, as the form labels it: a question's own label (a fixed
    field's too, once its call has questions), else the practice field's name."""
    questions = list(practice.call.questions.all())
    labels = []
    for name in names:
        if name == NON_FIELD_ERRORS:
            continue
        label = next(
            (q.label for q in questions if name in (field_name(q), q.legacy_field)),
            None,
        )
        labels.append(label or str(Practice._meta.get_field(name).verbose_name))
    return labels


def _answers_shown(practice: Practice) -> list[dict] | None:
    """The practice's answers to its call's questions, in their order, for its detail page:
    each {"question", "legacy" (the fixed field it replaces, if any)} plus what
    question_fields.answer_display gives (for a fixed field: its column's text). A hidden
    question shows only if it was answered. None for a call without questions (the page shows
    the four fixed fields under the call's wording, as before)."""
    questions = list(practice.call.questions.all())
    if not questions:
        return None
    answers = {answer.question_id: answer for answer in practice.answers.all()}
    shown = []
    for question in questions_shown(questions, set(answers)):
        answer = answers.get(question.pk)
        item = {"question": question, "legacy": question.legacy_field}
        if question.legacy_field and question.legacy_field != "tools":
            item.update(text=getattr(practice, question.legacy_field), multiline=True)
        elif not question.legacy_field:
            item.update(answer_display(question, answer))
        shown.append(item)
    return shown


# --------------------------------------------------------------------------------------------
# Detail page and withdrawal
# --------------------------------------------------------------------------------------------
@never_cache
@login_required
@require_safe
def submission_detail(request: HttpRequest, pk: int) -> HttpResponse:
    practice = _practice_for(request.user, pk, member_only=False)
    user = request.user
    is_member = is_member_of(user, practice.organisation)
    window = practice.call.window_for(practice.organisation)
    requests = list(practice.detail_requests.order_by("-requested_at", "-pk"))
    transitions = practice.transitions.only("from_state", "to_state", "created_at").order_by(
        "created_at", "pk"
    )
    context = {
        "practice": practice,
        "call": practice.call,
        "is_member": is_member,
        "is_open": window.is_open,
        "closed_message": services.window_notice(window),
        "can_edit": can_edit_submission(user, practice, window=window),
        "can_submit": can_submit_practice(user, practice, window=window),
        "can_withdraw": can_withdraw_submission(user, practice, window=window),
        "can_approve": can_approve_public_version(user, practice),
        "can_take_down": can_take_down_practice(user, practice),
        "can_publish_again": can_publish_again(user, practice),
        "is_sme_admin": is_member and is_sme_admin(user, practice.organisation),
        # its SME reads the state as SME_STATES says; staff read the workflow's own states
        "state_label": practice.sme_state.label if is_member else practice.get_state_display(),
        # the log shows when and which move, never who made it (reviewers stay anonymous)
        "history": _sme_history(transitions) if is_member else _staff_history(transitions),
        "open_request": next((r for r in requests if r.is_open), None),
        "answered_requests": [r for r in requests if not r.is_open],
        "similar": services.similar_practices(practice) if is_member else [],
        "invitations": (
            list(practice.event_invitations.select_related("event").order_by("event__starts_at"))
            if is_member
            else []
        ),
        "tools": list(practice.tools.order_by("name")),
        "topics": list(practice.topics.order_by("name")),
        "answers_shown": _answers_shown(practice),
        **_deadline_context(window),
    }
    return render(request, "practices/submission_detail.html", context)


def _staff_history(transitions) -> list[tuple]:
    """(when, from, to) of each move, in the workflow's own states."""
    return [
        (move.created_at, move.get_from_state_display(), move.get_to_state_display())
        for move in transitions
    ]


def _sme_history(transitions) -> list[tuple]:
    """(when, from, to) as the SME reads them: a move between two states it reads alike (in
    review → shortlisted are both "under review") is no change to it, and is left out."""
    history = []
    for move in transitions:
        source, target = sme_state(move.from_state), sme_state(move.to_state)
        if source != target:
            history.append((move.created_at, source.label, target.label))
    return history


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def submission_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    practice = _practice_for(request.user, pk, member_only=True)
    window = practice.call.window_for(practice.organisation)
    closed = services.window_notice(window)
    if closed is None and not can_withdraw_submission(request.user, practice, window=window):
        closed = services.MSG_NOT_EDITABLE % {"state": practice.sme_state.label}
    form = WithdrawForm(_posted(request))
    refusal, status = None, 200
    if request.method == "POST" and form.is_valid():
        try:
            services.practice_withdraw(
                user=request.user, practice=practice, comment=form.cleaned_data["comment"]
            )
        except ApplicationError as exc:
            refusal, status = exc.message, REFUSED
        else:
            messages.success(request, _("Your practice is withdrawn."))
            return redirect("practices:submission_detail", pk=practice.pk)
    context = {
        "practice": practice,
        "form": form,
        "refusal": refusal,
        "closed_message": None if refusal else closed,
    }
    return render(request, "practices/submission_withdraw.html", context, status=status)


# --------------------------------------------------------------------------------------------
# After the deadline: detail, public version, events
# --------------------------------------------------------------------------------------------
@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def detail_answer(request: HttpRequest, pk: int, request_pk: int) -> HttpResponse:
    """Answer a reviewers' request for detail (open to this SME after the deadline too)."""
    practice = _practice_for(request.user, pk, member_only=True)
    detail_request = get_object_or_404(DetailRequest, pk=request_pk, practice=practice)
    form = DetailAnswerForm(_posted(request), request.FILES if request.method == "POST" else None)
    refusal, status = None, 200
    if request.method == "POST" and form.is_valid():
        try:
            services.detail_request_answer(
                user=request.user,
                detail_request=detail_request,
                answer=form.cleaned_data["answer"],
                attachment=form.cleaned_data["answer_attachment"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        except ApplicationError as exc:
            refusal = add_service_errors(form, exc, top=False)
            status = REFUSED if refusal else 200
        else:
            messages.success(request, _("Thank you: your answer is sent to the reviewers."))
            return redirect("practices:submission_detail", pk=practice.pk)
    window = practice.call.window_for(practice.organisation)
    context = {
        "practice": practice,
        "detail_request": detail_request,
        "form": form if detail_request.is_open else None,
        "refusal": refusal,
        # said only when it is true: an answer is welcome after the deadline too
        "deadline_passed": window.status == WindowStatus.CLOSED,
    }
    return render(request, "practices/detail_answer.html", context, status=status)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def public_version_approve(request: HttpRequest, pk: int) -> HttpResponse:
    """The SME reads what the public will read and approves it, with its consent (or, once
    published, the new text staff proposed, with the difference)."""
    practice = _practice_for(request.user, pk, member_only=True)
    if practice.state in PUBLIC_TEXT_STATES:
        return _public_text_approve(request, practice)
    awaiting = can_approve_public_version(request.user, practice)
    form = PublicVersionApprovalForm(_posted(request))
    refusal, status = None, 200
    if request.method == "POST" and form.is_valid():
        try:
            services.practice_public_version_approve(
                user=request.user, practice=practice, consent=form.cleaned_data["consent"]
            )
        except ApplicationError as exc:
            refusal = add_service_errors(form, exc, top=False)
            status = REFUSED if refusal else 200
        else:
            messages.success(
                request,
                _("Thank you: the public version is approved. We will tell you when it is online."),
            )
            return redirect("practices:submission_detail", pk=practice.pk)
    context = {
        "practice": practice,
        "form": form if awaiting else None,
        "refusal": refusal,
    }
    return render(request, "practices/public_version.html", context, status=status)


def _public_text_approve(request: HttpRequest, practice: Practice) -> HttpResponse:
    """A published (or taken down) practice: the text the public reads, the change staff
    propose with its difference, and the SME's approval of that very proposal."""
    awaiting = can_approve_public_version(request.user, practice)
    form = PublicTextApprovalForm(
        _posted(request), initial={"proposal": practice.public_text_proposal_id}
    )
    refusal, status = None, 200
    if request.method == "POST" and form.is_valid():
        try:
            services.practice_public_text_approve(
                user=request.user, practice=practice, proposal=form.cleaned_data["proposal"]
            )
        except ApplicationError as exc:
            refusal, status = exc.message, REFUSED
        else:
            messages.success(
                request,
                _("Thank you: the new text is approved. Visitors read it from now on.")
                if practice.state == PracticeState.PUBLISHED
                else _("Thank you: the new text is approved. It is the one visitors will read."),
            )
            return redirect("practices:submission_detail", pk=practice.pk)
    if refusal:  # a newer proposal came meanwhile (or none is left): show what there is now
        practice.refresh_from_db()
        awaiting = can_approve_public_version(request.user, practice)
        form = PublicTextApprovalForm(initial={"proposal": practice.public_text_proposal_id})
    proposed = services.proposed_public_text(practice)
    context = {
        "practice": practice,
        "form": form if awaiting else None,
        "refusal": refusal,
        "difference": services.public_text_change(practice),
        "proposed_title": proposed[0] if proposed else "",
        "proposed_description": proposed[1] if proposed else "",
    }
    return render(request, "practices/public_text.html", context, status=status)


# --------------------------------------------------------------------------------------------
# A published practice taken down by its SME, and published again
# --------------------------------------------------------------------------------------------
def _publication_refusal(request: HttpRequest, practice: Practice, *, state: str) -> str | None:
    """Why this person may not take the practice down (or publish it again) now, or None."""
    if practice.state != state:
        return services.MSG_MOVE_NOT_ALLOWED % {
            "source": practice.sme_state.label,
            "target": sme_state(
                PracticeState.TAKEN_DOWN
                if state == PracticeState.PUBLISHED
                else PracticeState.PUBLISHED
            ).label,
        }
    if not is_sme_admin(request.user, practice.organisation):
        return services.MSG_SME_ADMIN_ONLY
    return None


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def submission_take_down(request: HttpRequest, pk: int) -> HttpResponse:
    """An SME administrator confirms, then takes its published practice off the public site."""
    return _publication_move(
        request,
        pk,
        form_class=TakeDownForm,
        from_state=PracticeState.PUBLISHED,
        move=lambda practice, data: services.practice_take_down(
            user=request.user, practice=practice, comment=data["comment"]
        ),
        done=_(
            "“%(title)s” is off the public site: its page, the list, search, the feed "
            "and the sitemap no longer show it. The programme's coordinators are told. "
            "You can publish it again from this page, with your consent."
        ),
        template="practices/submission_take_down.html",
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def submission_publish_again(request: HttpRequest, pk: int) -> HttpResponse:
    """An SME administrator gives its consent again and publishes a practice it took down."""
    return _publication_move(
        request,
        pk,
        form_class=PublishAgainForm,
        from_state=PracticeState.TAKEN_DOWN,
        move=lambda practice, data: services.practice_publish_again(
            user=request.user, practice=practice, consent=data["consent"]
        ),
        done=_("“%(title)s” is published again: visitors find it on the site."),
        template="practices/submission_publish_again.html",
    )


@never_cache
@login_required
@require_POST
def licence_accept(request: HttpRequest, pk: int) -> HttpResponse:
    """The dashboard's one-click acceptance of the open licence (CC BY 4.0) for a practice
    published under an earlier consent: its SME's members only (a 404 for anyone else)."""
    practice = _practice_for(request.user, pk, member_only=True)
    try:
        practice, changed = services.practice_licence_accept(user=request.user, practice=practice)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        if changed:
            messages.success(
                request,
                _(
                    "Thank you: “%(title)s” is published under CC BY 4.0 and goes into the "
                    "open data downloads within minutes."
                )
                % {"title": practice.display_title},
            )
    return redirect("dashboard")


def _publication_move(request, pk, *, form_class, from_state, move, done, template):
    """Confirm, then make one of the SME's publication moves (take down, publish again): the
    form, the service's refusal shown on the page, the success message and the redirect."""
    practice = _practice_for(request.user, pk, member_only=True)
    form = form_class(_posted(request))
    refusal, status = None, 200
    if request.method == "POST" and form.is_valid():
        try:
            practice = move(practice, form.cleaned_data)
        except ApplicationError as exc:
            refusal, status = exc.message, REFUSED
        else:
            messages.success(request, done % {"title": practice.display_title})
            return redirect("practices:submission_detail", pk=practice.pk)
    context = {
        "practice": practice,
        "form": form,
        "refusal": refusal,
        "not_allowed": None
        if refusal
        else _publication_refusal(request, practice, state=from_state),
    }
    return render(request, template, context, status=status)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def event_rsvp(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = get_object_or_404(
        EventInvitation.objects.select_related("event", "practice__organisation"), pk=pk
    )
    if not is_member_of(request.user, invitation.practice.organisation):
        raise Http404
    initial = {"rsvp": invitation.rsvp} if invitation.rsvp in ("yes", "no") else {}
    form = RsvpForm(_posted(request), initial=initial)
    refusal, status = None, 200
    if request.method == "POST" and form.is_valid():
        try:
            services.event_rsvp(
                user=request.user, invitation=invitation, rsvp=form.cleaned_data["rsvp"]
            )
        except ApplicationError as exc:
            refusal = add_service_errors(form, exc, top=False)
            status = REFUSED if refusal else 200
        else:
            messages.success(request, _("Thank you: your answer is recorded."))
            return redirect("practices:submission_detail", pk=invitation.practice_id)
    context = {
        "invitation": invitation,
        "event": invitation.event,
        "practice": invitation.practice,
        "form": form if can_answer_invitation(request.user, invitation) else None,
        "starts_at_text": services.format_deadline(invitation.event.starts_at),
        "refusal": refusal,
    }
    return render(request, "practices/submission_rsvp.html", context, status=status)
