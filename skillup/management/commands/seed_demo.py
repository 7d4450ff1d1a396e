"""Demo data for a newcomer's portal: organisations, a user for every role, an open call,
published practices, Digital Volunteers pledges and a mentor.

Idempotent: running it again changes nothing. Refuses to run with DEBUG off unless --force,
so a production database never gets accounts with published passwords.

It lives in the project package because it seeds every app (accounts, practices, volunteers):
no app of its own may import them all.
"""

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
from practices.demo import seed_practices
from volunteers.demo import seed_volunteers


class Command(BaseCommand):
    help = "Create demo organisations and one user per role (idempotent); prints the log-ins."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--force", action="store_true", help="Run even with DEBUG off (never in production)."
        )

    @transaction.atomic
    def handle(self, *args, force: bool = False, **options) -> None:
        if not settings.DEBUG and not force:
            raise CommandError("seed_demo creates accounts with a known password: DEBUG only.")
        organisations, users, created = seed_accounts()
        seed_practices(organisations=organisations, users=users)
        seed_volunteers(organisations=organisations, users=users)
        self.stdout.write(
            self.style.SUCCESS(f"Demo data ready ({created} new users). Log in with:")
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
