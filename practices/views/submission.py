"""SME pages: drafting, submitting, answering. (Placeholder: being written.)"""

from django.http import Http404


def _todo(*args, **kwargs):
    raise Http404


submission_create = submission_detail = submission_edit = submission_submit = _todo
submission_withdraw = detail_answer = public_version_approve = event_rsvp = _todo
