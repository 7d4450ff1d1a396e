"""Demo data for a newcomer's portal: organisations, a user for every role, an open call,
published practices, Digital Volunteers pledges and a mentor.

Idempotent: running it again changes nothing. Refuses to run with DEBUG off unless --force,
so a production database never gets accounts with published passwords.
"""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.enums import MembershipRole, OrganisationKind, SizeBand
from accounts.models import Membership, Organisation, User
from accounts.roles import COORDINATORS, REVIEWERS

DEMO_PASSWORD = "skillup-demo-2026"  # noqa: S105 - printed on purpose; demo data only

ORGANISATIONS = [
    # name, kind, country, NACE section, size band, website
    ("Atelier Lumière SARL", OrganisationKind.SME, "FR", "C", SizeBand.SMALL,
     "https://atelier-lumiere.example.fr"),
    ("Brandt & Söhne Logistik GmbH", OrganisationKind.SME, "DE", "H", SizeBand.MEDIUM,
     "https://brandt-logistik.example.de"),
    ("Koivu Design Oy", OrganisationKind.SME, "FI", "M", SizeBand.MICRO,
     "https://koivu.example.fi"),
    ("Tecnologías Verdes del Sur S.L.", OrganisationKind.SME, "ES", "D", SizeBand.SMALL, ""),
    ("Europa Digital Solutions SE", OrganisationKind.LARGE_COMPANY, "BE", "J", SizeBand.LARGE,
     "https://eds.example.eu"),
    ("Nordvik Telecom ASA", OrganisationKind.LARGE_COMPANY, "NO", "J", SizeBand.LARGE,
     "https://nordvik.example.no"),
]  # fmt: skip

# email, full name, language, organisation name or None, membership role, staff groups, superuser
USERS = [
    ("sme.admin@demo.skillup.eu", "Camille Laurent", "fr", "Atelier Lumière SARL",
     MembershipRole.ADMIN, [], False),
    ("sme.member@demo.skillup.eu", "Julien Moreau", "fr", "Atelier Lumière SARL",
     MembershipRole.MEMBER, [], False),
    ("sme2.admin@demo.skillup.eu", "Lena Brandt", "en", "Brandt & Söhne Logistik GmbH",
     MembershipRole.ADMIN, [], False),
    ("company.admin@demo.skillup.eu", "Pieter Janssens", "en", "Europa Digital Solutions SE",
     MembershipRole.ADMIN, [], False),
    ("mentor@demo.skillup.eu", "Sofia Rossi", "en", "Europa Digital Solutions SE",
     MembershipRole.MEMBER, [], False),
    ("reviewer@demo.skillup.eu", "Ana Kovač", "en", None, None, [REVIEWERS], False),
    ("coordinator@demo.skillup.eu", "Mikkel Holm", "en", None, None, [COORDINATORS], False),
    ("admin@demo.skillup.eu", "Portal Administrator", "en", None, None, [], True),
]  # fmt: skip


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
        organisations = {}
        for name, kind, country, sector, size_band, website in ORGANISATIONS:
            organisations[name], _ = Organisation.objects.get_or_create(
                name=name,
                country=country,
                defaults={
                    "kind": kind,
                    "sector": sector,
                    "size_band": size_band,
                    "website": website,
                },
            )
        created = 0
        users = {}
        for email, full_name, language, org_name, role, groups, superuser in USERS:
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User.objects.create_user(
                    email=email,
                    password=DEMO_PASSWORD,
                    full_name=full_name,
                    language=language,
                    is_staff=bool(groups) or superuser,
                    is_superuser=superuser,
                )
                created += 1
            users[email] = user
            EmailAddress.objects.get_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
            for group_name in groups:
                user.groups.add(Group.objects.get(name=group_name))
            if org_name:
                Membership.objects.get_or_create(
                    user=user, organisation=organisations[org_name], defaults={"role": role}
                )
        from practices.demo import seed_practices

        seed_practices(organisations=organisations, users=users)
        from volunteers.demo import seed_volunteers

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
