"""The current second-factor code of the demo's staff accounts (`seed_demo` gives them the
authenticator secret DEMO_TOTP_SECRET): what an authenticator app would show, for a newcomer
who has none at hand. DEBUG only, and only for demo accounts that hold the demo secret."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.demo import (
    DEMO_TOTP_SECRET,
    demo_staff_emails,
    demo_totp_code,
    has_demo_authenticator,
)
from accounts.models import User


class Command(BaseCommand):
    help = (
        "Print the current authenticator code of the demo staff accounts (DEBUG only). "
        "Each code is accepted once: if the log-in refuses it, ask again for the next one."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "email", nargs="?", help="A demo staff account (all of them if left out)."
        )

    def handle(self, *args, email: str | None = None, **options) -> None:
        if not settings.DEBUG:
            raise CommandError("demo_totp prints log-in codes of demo accounts: DEBUG only.")
        emails = demo_staff_emails()
        if email is not None:
            email = email.strip().lower()
            if email not in emails:
                raise CommandError(
                    f"{email} is not a demo staff account. Demo staff: {', '.join(emails)}."
                )
            emails = [email]
        users = {user.email: user for user in User.objects.filter(email__in=emails)}
        missing = [e for e in emails if e not in users or not has_demo_authenticator(users[e])]
        if missing:
            raise CommandError(
                f"No demo authenticator for {', '.join(missing)}: run `manage.py seed_demo` first."
            )
        code, seconds_left = demo_totp_code()
        if email is not None:
            # one account asked for: the code alone on stdout (scripts read it), the rest on stderr
            self.stdout.write(code)
            self.stderr.write(f"valid for {seconds_left} more seconds")
            return
        self.stdout.write(
            f"Authenticator code for the demo staff (secret {DEMO_TOTP_SECRET}): {code}, "
            f"valid for {seconds_left} more seconds; each code is accepted once."
        )
        for each in emails:
            self.stdout.write(f"  {each}")
