"""Demo organisations and one user per role for `manage.py seed_demo` (idempotent: keyed on
names and email addresses). The password is published on purpose: demo data only."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from .enums import MembershipRole, OrganisationKind, SizeBand
from .models import Membership, Organisation, User
from .roles import COORDINATORS, REVIEWERS

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


def seed_accounts() -> tuple[dict[str, Organisation], dict[str, User], int]:
    """The demo organisations (by name) and users (by email), and how many users are new."""
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
    return organisations, users, created
