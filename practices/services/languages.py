"""The language of a practice's text, set by staff (the SME sets its own with its text, through
submission.practice_save)."""

from django.db import transaction

from accounts.models import User
from skillup.errors import ApplicationError

from ..enums import PracticeState
from ..models import Practice
from ..permissions import can_review_practice
from .errors import MSG_NOT_ALLOWED
from .search import published_practices_changed


def practice_language_set(
    *, user: User, practice: Practice, language: str, public_language: str = ""
) -> Practice:
    """Correct the language of the SME's text and give the public text its own (empty: the
    SME's; it applies only while there is a public text, see Practice.text_language).

    1. refused unless the user may review the practice;
    2. validated against the languages (full_clean) and saved, the two fields only;
    3. a published practice's search documents are rebuilt and a new practices version
       starts after commit (the language facet and the cards read it).
    """
    if not can_review_practice(user, practice):
        raise ApplicationError(MSG_NOT_ALLOWED)
    with transaction.atomic():
        practice = Practice.objects.select_for_update().get(pk=practice.pk)
        changed = [
            name
            for name, value in (("language", language), ("public_language", public_language))
            if getattr(practice, name) != value
        ]
        if not changed:
            return practice
        practice.language, practice.public_language = language, public_language
        practice.full_clean(exclude=["form_token"], validate_constraints=False)
        practice.save(update_fields=[*changed, "updated_at"])
        if practice.state == PracticeState.PUBLISHED:
            published_practices_changed([practice.pk])
    return practice
