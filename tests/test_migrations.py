"""Migrations keep every row: on a database with the demo data, this round's migrations are
undone and applied again, and every table that existed before them holds what it held."""

import pytest
from django.apps import apps
from django.core.management import call_command

from matching.models import PartnershipTransition, ProposalTransition
from outreach.models import GroupMessage, GroupMessageRecipient
from practices.models import PracticeViewDay, ReviewAssignment, ReviewConflict

# (app, the last migration before this round's) for each app this round added migrations to
# (outreach is new: "zero" undoes it all)
BEFORE_THIS_ROUND = [
    ("outreach", "zero"),
    ("matching", "0004_run_timings"),
    ("practices", "0009_search_documents"),
    ("notifications", "0001_initial"),
]
# tables this round's migrations create: undoing them drops their rows by design
NEW_MODELS = {
    ProposalTransition,
    PartnershipTransition,
    ReviewAssignment,
    ReviewConflict,
    PracticeViewDay,
    GroupMessage,
    GroupMessageRecipient,
}


def _row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy and model not in NEW_MODELS
    }


@pytest.mark.django_db(transaction=True)
def test_this_rounds_migrations_keep_every_row_of_the_demo_data():
    call_command("seed_demo", force=True, verbosity=0)
    before = _row_counts()
    assert before["practices.Practice"] > 0 and before["volunteers.MentorProfile"] > 0

    for app, migration in BEFORE_THIS_ROUND:
        call_command("migrate", app, migration, verbosity=0)
    call_command("migrate", verbosity=0)

    assert _row_counts() == before
