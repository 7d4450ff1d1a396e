"""The refusals of matchmaking's services, as constants (views show them, tests assert on them)."""

from django.utils.translation import gettext_lazy as _

MSG_NOT_ALLOWED = _("You are not allowed to do this.")
MSG_NOT_AN_SME = _("Only an SME can describe its skill gaps.")
MSG_ALREADY_ANSWERED = _("This proposal has already been answered.")
MSG_PROPOSAL_CLOSED = _("This proposal is no longer open.")
MSG_NOT_DRAFT = _("Only a draft proposal can be changed or released.")
MSG_REASON_REQUIRED = _("Please say briefly why you decline.")
MSG_PARTNERSHIP_ENDED = _("This partnership has ended.")
MSG_PARTNERSHIP_ACTIVE = _("Feedback comes once the partnership has ended.")
MSG_FEEDBACK_GIVEN = _("You have already given your feedback.")
MSG_MENTOR_UNAVAILABLE = _("This mentor cannot take this SME (capacity, language or exclusion).")
MSG_PROPOSAL_WAITING = _("This SME already has a proposal waiting for answers.")
MSG_CHECKIN_FUTURE = _("A check-in cannot be dated in the future.")
MSG_NEEDS_NOT_ACTIVE = _("This SME is no longer looking for a mentor.")
MSG_MENTOR_NOT_OPEN = _(
    "This mentor no longer takes proposals (paused, not approved, or the agreement in force "
    "not accepted)."
)
