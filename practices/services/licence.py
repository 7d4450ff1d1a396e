"""The open licence of published texts (#17): the SME's consent to publication names CC BY 4.0
since its version 2 (enums.PUBLICATION_CONSENT_VERSION). A practice published under an earlier
wording stays on the site and in the API, but the bulk open datasets (opendata) leave it out
until one of its SME's members accepts the current wording: one click on the dashboard, asked
once by email.

practice_licence_accept()  the SME's member accepts (a Consent row records who and when)
licence_renewals_ask()     emails the SMEs not asked yet, once each (a due/sent loop)
"""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.enums import ConsentKind
from accounts.models import User
from accounts.services import consent_give
from skillup.errors import ApplicationError

from ..enums import PUBLICATION_CONSENT_VERSION, PracticeState
from ..models import Practice
from ..permissions import is_member_of
from .emails import notify_sme
from .errors import MSG_NOT_ALLOWED

logger = logging.getLogger(__name__)

MSG_LICENCE_NOT_PUBLISHED = _(
    "Only a published practice can be put under the open licence. Publish it again first."
)

LICENCE_RENEWAL_EVENT = "practice_licence_renewal"


@transaction.atomic
def practice_licence_accept(*, user: User, practice: Practice) -> tuple[Practice, bool]:
    """One of the SME's members accepts the current wording of the publication consent (the
    published text under CC BY 4.0) for a practice published under an earlier one.

    1. locks the practice; refuses anyone who is not a member of its SME;
    2. a practice already under the current wording is returned unchanged (a second click, a
       double submit: harmless), with False;
    3. refuses a practice that is not published with a consent (taken down: its SME publishes
       it again, with the current wording, from its page);
    4. saves the version and its updated_at (the open datasets' fingerprint reads it: the
       practice goes into the datasets at their next check, opendata.tasks), records a Consent
       row with the current text's version (who, when) and logs it. Returns (practice, True).
    """
    practice = (
        Practice.objects.select_for_update().select_related("organisation").get(pk=practice.pk)
    )
    if not is_member_of(user, practice.organisation):
        raise ApplicationError(MSG_NOT_ALLOWED)
    if practice.publication_consent_version >= PUBLICATION_CONSENT_VERSION:
        return practice, False
    if practice.state != PracticeState.PUBLISHED or not practice.publication_consent:
        raise ApplicationError(MSG_LICENCE_NOT_PUBLISHED)
    practice.publication_consent_version = PUBLICATION_CONSENT_VERSION
    practice.save(update_fields=["publication_consent_version", "updated_at"])
    consent_give(user=user, kind=ConsentKind.PUBLICATION, about=practice)
    logger.info(
        "Practice %s: publication consent version %s accepted by user %s",
        practice.pk,
        PUBLICATION_CONSENT_VERSION,
        user.pk,
    )
    return practice, True


def licence_renewals_due():
    """Published practices consented under an earlier wording whose SME was not asked yet."""
    return Practice.objects.filter(
        state=PracticeState.PUBLISHED,
        publication_consent=True,
        publication_consent_version__lt=PUBLICATION_CONSENT_VERSION,
        licence_renewal_asked_at__isnull=True,
    )


def licence_renewals_ask(*, limit: int = 500) -> int:
    """Ask the SMEs of practices published under an earlier wording to accept the current one,
    by email, once: for each due practice (licence_renewals_due, at most `limit` a run), in its
    own transaction, the row is locked (skipped if another run holds it), its SME's people are
    emailed "practice_licence_renewal" (the outbox's idempotency key, with the version as the
    occurrence, never writes the same email twice, even if the mark below were lost), and
    licence_renewal_asked_at is set. Returns how many practices were asked."""
    asked = 0
    for pk in licence_renewals_due().order_by("pk").values_list("pk", flat=True)[:limit]:
        with transaction.atomic():
            practice = (
                licence_renewals_due()
                .select_for_update(skip_locked=True, of=("self",))
                .select_related("organisation", "call", "created_by")
                .filter(pk=pk)
                .first()
            )
            if practice is None:  # accepted meanwhile, or another run has it
                continue
            notify_sme(
                practice,
                event=LICENCE_RENEWAL_EVENT,
                occurrence=f"v{PUBLICATION_CONSENT_VERSION}",
                # the title the public reads (the email says the practice is published); the
                # dashboard links the licence (emails link only the portal's own pages)
                extra={"practice_title": practice.display_title},
            )
            practice.licence_renewal_asked_at = timezone.now()
            practice.save(update_fields=["licence_renewal_asked_at"])
            asked += 1
    return asked
