"""Refusals several services share (each service's own messages live beside it)."""

from django.utils.translation import gettext_lazy as _

MSG_NOT_ALLOWED = _("You are not allowed to do this.")

MSG_MOVE_NOT_ALLOWED = _("A practice that is “%(source)s” cannot become “%(target)s”.")

MSG_CONFLICT = _(
    "You have a conflict of interest with this practice (your own organisation's, one you "
    "declared, or your email domain's): you cannot review it."
)

MSG_NEEDS_CONSENT = _("The SME has not consented to publication.")

MSG_SME_ADMIN_ONLY = _("Only an administrator of your SME can do this.")
