"""The review workflow in the Django admin: calls, the reviewers' list of submissions with its
bulk moves, reviews, decisions announced together, extensions and events.

Every write goes through practices.services; the admin only turns a refusal into a message.
Querysets are scoped with selectors.practices_for_staff (a reviewer never sees a submission they
are in conflict of interest with: a guessed address answers "doesn't exist"). The queries the lists
run live in practices/selectors.py; the one-form pages in skillup/admin.py.

Importing the package registers every ModelAdmin of the app (one module per subject).
"""

from . import calls, conflicts, contact, events, practices, reviews, taxonomy

__all__ = ["calls", "conflicts", "contact", "events", "practices", "reviews", "taxonomy"]
