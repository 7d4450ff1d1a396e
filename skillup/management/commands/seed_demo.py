"""Demo data for a newcomer's portal that looks alive: organisations and a user for every role;
calls (open, upcoming, closed) with 45 published practices from SMEs of 18 countries in 7
languages, submissions in review and two events; Digital Volunteers' pledges and 20 mentors; and
half a year of matchmaking (SMEs' needs, two finished runs, proposals in every state,
partnerships with check-ins, completed ones with feedback and outcomes).

Idempotent: running it again changes nothing. Refuses to run with DEBUG off unless --force,
so a production database never gets accounts with published passwords. The emails the services
write to the outbox while seeding are dropped before the transaction commits: the demo's history
sends no email (their workers find nothing to send).

It lives in the project package because it seeds every app (accounts, practices, volunteers):
no app of its own may import them all.
"""

import logging
import time
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.demo import (
    DEMO_PASSWORD,
    DEMO_TOTP_SECRET,
    USERS,
    demo_staff_emails,
    seed_accounts,
)
from matching.demo import seed_matching
from notifications.models import Notification
from opendata.services import datasets_refresh
from practices.demo import seed_practices
from volunteers.demo import seed_volunteers


class Command(BaseCommand):
    help = "Create demo organisations and one user per role (idempotent); prints the log-ins."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--force", action="store_true", help="Run even with DEBUG off (never in production)."
        )

    def handle(self, *args, force: bool = False, **options) -> None:
        if not settings.DEBUG and not force:
            raise CommandError("seed_demo creates accounts with a known password: DEBUG only.")
        started = time.perf_counter()
        # the outbox's wake-ups run after the commit (at once without a broker): each finds
        # its email gone; their log lines would only hide the log-ins printed below
        with _quiet("celery.app.trace"), transaction.atomic():
            last_email = Notification.objects.order_by("-pk").values_list("pk", flat=True).first()
            organisations, users, created = seed_accounts()
            seed_practices(organisations=organisations, users=users)
            seed_volunteers(organisations=organisations, users=users)
            seed_matching(organisations=organisations, users=users)
            Notification.objects.filter(pk__gt=last_email or 0).delete()
        # the open datasets of what the demo published: beat regenerates them in production,
        # and `make run` has no beat (the open-data page would say "not generated yet")
        datasets_refresh(force=True)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready in {time.perf_counter() - started:.1f} s "
                f"({created} new users). Log in with:"
            )
        )
        for email, full_name, _lang, org_name, role, groups, superuser in USERS:
            what = (
                "superuser" if superuser
                else ", ".join(groups) if groups
                else f"{role} of {org_name}"
            )  # fmt: skip
            self.stdout.write(f"  {email:34} {DEMO_PASSWORD}   {full_name} – {what}")
        # staff must give a second factor (accounts.mfa): the demo's share a known secret
        self.stdout.write(
            f"Staff ({', '.join(demo_staff_emails())}) are then asked for an authenticator "
            f"code: add the secret {DEMO_TOTP_SECRET} to an authenticator app (time-based, "
            "6 digits), or run `python manage.py demo_totp` for the current code."
        )


@contextmanager
def _quiet(logger_name: str):
    logger = logging.getLogger(logger_name)
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)
