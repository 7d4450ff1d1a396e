"""The groups a coordinator can write to, and the practice states each call group means."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from practices.enums import SENT_STATES, PracticeState


class Segment(models.TextChoices):
    SELECTED = "selected", _("SMEs selected in a call")
    SUBMITTED = "submitted", _("SMEs that submitted to a call")
    PLEDGING = "pledging", _("Companies with an approved pledge")
    MENTORS = "mentors", _("Approved mentors")
    NEEDS = "needs", _("SMEs looking for a mentor (active needs profile)")


# the groups drawn from one call's practices: they need the call
CALL_SEGMENTS = frozenset({Segment.SELECTED, Segment.SUBMITTED})

# practice states per call group. "Selected" means announced: selected, published, or published
# then taken down by its SME (it withdrew its publication consent, not its selection); a
# decision recorded but not yet announced stays unknown to the SME, so it is not written to.
# "Submitted" means sent to the programme: every state past draft but withdrawn, declined and
# published ones included (they did take part).
SEGMENT_PRACTICE_STATES = {
    Segment.SELECTED: frozenset(
        {PracticeState.SELECTED, PracticeState.PUBLISHED, PracticeState.TAKEN_DOWN}
    ),
    Segment.SUBMITTED: SENT_STATES,
}
