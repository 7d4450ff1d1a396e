"""Demo organisations and one user per role for `manage.py seed_demo` (idempotent: keyed on
names and email addresses). The password and the staff's authenticator secret are published on
purpose: demo data only (`seed_demo` and `demo_totp` refuse to run with DEBUG off)."""

import time

from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt, encrypt
from django.contrib.auth.models import Group

from .enums import MembershipRole, OrganisationKind, SizeBand
from .models import Membership, Organisation, User
from .roles import COORDINATORS, REVIEWERS

DEMO_PASSWORD = "skillup-demo-2026"  # noqa: S105 - printed on purpose; demo data only
# Staff must use a second factor (accounts.mfa): the demo's staff share this authenticator-app
# secret (base32, 160 bits), so a newcomer adds it to an app or asks `manage.py demo_totp`.
DEMO_TOTP_SECRET = "SKILLUPDEMOSTAFFSECRETFORTOTPAPP"  # noqa: S105 - printed on purpose

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
        if user.is_staff or user.is_superuser:
            _give_demo_authenticator(user)
    return organisations, users, created


def demo_staff_emails() -> list[str]:
    """The demo accounts that log in with a second factor (reviewer, coordinator, superuser)."""
    return [row[0] for row in USERS if row[5] or row[6]]


def _give_demo_authenticator(user: User) -> None:
    """An authenticator app on DEMO_TOTP_SECRET. Kept when it has it already (idempotent);
    one on another secret (set up by hand on a demo account) is replaced, so that the printed
    secret and `demo_totp` always work."""
    existing = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if existing is None:
        TOTP.activate(user, DEMO_TOTP_SECRET)
    elif decrypt(existing.data["secret"]) != DEMO_TOTP_SECRET:
        existing.data = {**existing.data, "secret": encrypt(DEMO_TOTP_SECRET)}
        existing.save(update_fields=["data"])


def has_demo_authenticator(user: User) -> bool:
    totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    return totp is not None and decrypt(totp.data["secret"]) == DEMO_TOTP_SECRET


def demo_totp_code(at: float | None = None) -> tuple[str, int]:
    """The code an authenticator app on DEMO_TOTP_SECRET shows at `at` (now by default), and
    the seconds it has left. Computed by allauth's own HOTP function (RFC 6238)."""
    now = time.time() if at is None else at
    counter, elapsed = divmod(int(now), mfa_settings.TOTP_PERIOD)
    code = format_hotp_value(hotp_value(DEMO_TOTP_SECRET, counter))
    return code, mfa_settings.TOTP_PERIOD - elapsed
