"""Model pieces the apps share (abstract: no table of their own)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TransitionLog(models.Model):
    """One row per state change of a workflow's subject: who (None: the system), from, to, when
    and why.

    A concrete log declares its subject's foreign key (named by `subject_field`) and may
    redeclare `from_state` / `to_state` with its states' choices. Practices, pledges,
    proposals and partnerships keep their logs this way. Nothing reads a log from its actor's
    side (a person's moves), so `actor` has no reverse accessor.
    """

    subject_field = ""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    from_state = models.CharField(_("from"), max_length=20)
    to_state = models.CharField(_("to"), max_length=20)
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        subject_id = getattr(self, f"{self.subject_field}_id")
        return f"{subject_id}: {self.from_state} → {self.to_state}"
