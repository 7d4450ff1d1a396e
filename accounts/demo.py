"""Demo organisations (33 SMEs of 18 countries, 11 large companies), one log-in per role and the
demo's other people (SMEs' and companies' admins, mentors) for `manage.py seed_demo`
(idempotent: keyed on names and email addresses). The password and the staff's authenticator
secret are published on purpose: demo data only (`seed_demo` and `demo_totp` refuse to run with
DEBUG off)."""

import time

from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt, encrypt
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from .enums import MembershipRole, OrganisationKind, SizeBand
from .models import Membership, Organisation, User
from .roles import COORDINATORS, REVIEWERS

DEMO_PASSWORD = "skillup-demo-2026"  # noqa: S105 - printed on purpose; demo data only
# Staff must use a second factor (accounts.mfa): the demo's staff share this authenticator-app
# secret (base32, 160 bits), so a newcomer adds it to an app or asks `manage.py demo_totp`.
DEMO_TOTP_SECRET = "SKILLUPDEMOSTAFFSECRETFORTOTPAPP"  # noqa: S105 - printed on purpose

S, L = OrganisationKind.SME, OrganisationKind.LARGE_COMPANY
MICRO, SMALL, MEDIUM, LARGE = SizeBand.MICRO, SizeBand.SMALL, SizeBand.MEDIUM, SizeBand.LARGE

ORGANISATIONS = [
    # name, kind, country, NACE section, size band, website
    ("Atelier Lumière SARL", S, "FR", "C", SMALL, "https://atelier-lumiere.example.fr"),
    ("Brandt & Söhne Logistik GmbH", S, "DE", "H", MEDIUM, "https://brandt-logistik.example.de"),
    ("Koivu Design Oy", S, "FI", "M", MICRO, "https://koivu.example.fi"),
    ("Tecnologías Verdes del Sur S.L.", S, "ES", "D", SMALL, ""),
    ("Boulangerie Martin & Fils", S, "FR", "C", SMALL, "https://boulangerie-martin.example.fr"),
    ("Cabinet Durand Architectes", S, "FR", "M", MICRO, ""),
    ("Transports Giraud SAS", S, "FR", "H", MEDIUM, "https://transports-giraud.example.fr"),
    ("Imprimerie Lambert SRL", S, "BE", "C", SMALL, ""),
    ("Épicerie Fine Weber S.à r.l.", S, "LU", "G", MICRO, "https://epicerie-weber.example.lu"),
    ("Holzmanufaktur Keller GmbH", S, "DE", "C", SMALL, "https://holz-keller.example.de"),
    ("Praxisnetz Schäfer MVZ GmbH", S, "DE", "Q", MEDIUM, ""),
    ("Kaiser Metallbau GmbH", S, "DE", "C", MEDIUM, "https://kaiser-metallbau.example.de"),
    ("Alpenblick Hotels GmbH", S, "AT", "I", MEDIUM, "https://alpenblick.example.at"),
    ("Brouwerij De Smet BV", S, "BE", "C", SMALL, "https://brouwerij-desmet.example.be"),
    ("Van Dijk Tuinbouw BV", S, "NL", "A", SMALL, ""),
    ("Fietsfabriek Zwolle BV", S, "NL", "C", MEDIUM, "https://fietsfabriek.example.nl"),
    ("Conservas Rías Baixas S.L.", S, "ES", "C", MEDIUM, "https://riasbaixas.example.es"),
    ("Clínica Dental Sonrisa S.L.P.", S, "ES", "Q", MICRO, ""),
    ("Ceramiche Bellini S.r.l.", S, "IT", "C", SMALL, "https://ceramiche-bellini.example.it"),
    ("Studio Legale Conti", S, "IT", "M", MICRO, ""),
    ("Oleificio Ferraro S.r.l.", S, "IT", "C", SMALL, "https://oleificio-ferraro.example.it"),
    ("Drukarnia Nowak Sp. z o.o.", S, "PL", "C", SMALL, "https://drukarnia-nowak.example.pl"),
    ("Stolarnia Kowalski Sp. z o.o.", S, "PL", "C", MICRO, ""),
    ("Biuro Rachunkowe Lewandowska", S, "PL", "M", MICRO, ""),
    ("Saimaa Outdoor Oy", S, "FI", "N", MICRO, "https://saimaa-outdoor.example.fi"),
    ("Fjällbacka Fisk AB", S, "SE", "A", SMALL, ""),
    ("Kilbride Engineering Ltd", S, "IE", "C", MEDIUM, "https://kilbride-eng.example.ie"),
    ("Têxteis Lusos Lda", S, "PT", "C", MEDIUM, ""),
    ("Tallinn Code Works OÜ", S, "EE", "J", MICRO, "https://codeworks.example.ee"),
    ("Pivovar Horák s.r.o.", S, "CZ", "C", SMALL, ""),
    ("Nørrebro Cykler ApS", S, "DK", "G", MICRO, "https://norrebro-cykler.example.dk"),
    ("Planinska Sirarna d.o.o.", S, "SI", "C", MICRO, ""),
    ("Aegean Travel Services IKE", S, "GR", "N", SMALL, "https://aegean-travel.example.gr"),
    ("Europa Digital Solutions SE", L, "BE", "J", LARGE, "https://eds.example.eu"),
    ("Nordvik Telecom ASA", L, "NO", "J", LARGE, "https://nordvik.example.no"),
    ("Rheinwerk Software AG", L, "DE", "J", LARGE, "https://rheinwerk.example.de"),
    ("Soluzioni Cloud Italia S.p.A.", L, "IT", "J", LARGE, "https://soluzionicloud.example.it"),
    ("Iberia Datos y Redes S.A.", L, "ES", "J", LARGE, "https://iberiadatos.example.es"),
    ("Polska Chmura S.A.", L, "PL", "J", LARGE, "https://polskachmura.example.pl"),
    ("Lumen Analytics Europe N.V.", L, "NL", "M", LARGE, "https://lumen-analytics.example.nl"),
    ("Baltic Fibre Networks AS", L, "EE", "J", LARGE, "https://balticfibre.example.ee"),
    ("Helvia Bank Group S.A.", L, "LU", "K", LARGE, "https://helvia.example.lu"),
    ("Danubia Energie AG", L, "AT", "D", LARGE, "https://danubia.example.at"),
    ("Atlantica Systems Ltd", L, "IE", "J", LARGE, "https://atlantica.example.ie"),
]  # fmt: skip

# The log-ins printed by seed_demo, one per role:
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

A, M = MembershipRole.ADMIN, MembershipRole.MEMBER
# The other people of the demo (not printed; same password): an admin for each SME that looks
# for a mentor or wrote a practice, a pledging admin for each large company, and the mentors
# (members of their company). email, full name, language, organisation, membership role
PEOPLE = [
    ("k.virtanen@koivu.example.fi", "Kaisa Virtanen", "en", "Koivu Design Oy", A),
    ("m.ortega@tverdes.example.es", "María Ortega", "es", "Tecnologías Verdes del Sur S.L.", A),
    ("p.martin@boulangerie-martin.example.fr", "Paul Martin", "fr", "Boulangerie Martin & Fils", A),
    ("h.durand@durand-archi.example.fr", "Hélène Durand", "fr", "Cabinet Durand Architectes", A),
    ("r.giraud@transports-giraud.example.fr", "Romain Giraud", "fr", "Transports Giraud SAS", A),
    ("n.lambert@imprimerie-lambert.example.be", "Nathalie Lambert", "fr",
     "Imprimerie Lambert SRL", A),
    ("c.weber@epicerie-weber.example.lu", "Carole Weber", "fr", "Épicerie Fine Weber S.à r.l.", A),
    ("t.keller@holz-keller.example.de", "Tobias Keller", "de", "Holzmanufaktur Keller GmbH", A),
    ("a.schaefer@praxisnetz.example.de", "Anja Schäfer", "de", "Praxisnetz Schäfer MVZ GmbH", A),
    ("u.kaiser@kaiser-metallbau.example.de", "Uwe Kaiser", "de", "Kaiser Metallbau GmbH", A),
    ("s.moser@alpenblick.example.at", "Sabine Moser", "de", "Alpenblick Hotels GmbH", A),
    ("w.desmet@brouwerij-desmet.example.be", "Wouter De Smet", "nl", "Brouwerij De Smet BV", A),
    ("e.vandijk@vandijk-tuinbouw.example.nl", "Els van Dijk", "nl", "Van Dijk Tuinbouw BV", A),
    ("j.mulder@fietsfabriek.example.nl", "Joost Mulder", "nl", "Fietsfabriek Zwolle BV", A),
    ("d.castro@riasbaixas.example.es", "Diego Castro", "es", "Conservas Rías Baixas S.L.", A),
    ("l.navarro@clinica-sonrisa.example.es", "Laura Navarro", "es",
     "Clínica Dental Sonrisa S.L.P.", A),
    ("f.bellini@ceramiche-bellini.example.it", "Francesca Bellini", "it",
     "Ceramiche Bellini S.r.l.", A),
    ("a.conti@studioconti.example.it", "Alessandro Conti", "it", "Studio Legale Conti", A),
    ("g.ferraro@oleificio-ferraro.example.it", "Giuseppe Ferraro", "it",
     "Oleificio Ferraro S.r.l.", A),
    ("m.nowak@drukarnia-nowak.example.pl", "Magdalena Nowak", "pl",
     "Drukarnia Nowak Sp. z o.o.", A),
    ("k.kowalski@stolarnia-kowalski.example.pl", "Krzysztof Kowalski", "pl",
     "Stolarnia Kowalski Sp. z o.o.", A),
    ("a.lewandowska@biuro-lewandowska.example.pl", "Agnieszka Lewandowska", "pl",
     "Biuro Rachunkowe Lewandowska", A),
    ("v.laine@saimaa-outdoor.example.fi", "Ville Laine", "en", "Saimaa Outdoor Oy", A),
    ("e.lindqvist@fjallbacka-fisk.example.se", "Erik Lindqvist", "en", "Fjällbacka Fisk AB", A),
    ("s.murphy@kilbride-eng.example.ie", "Siobhán Murphy", "en", "Kilbride Engineering Ltd", A),
    ("r.almeida@texteis-lusos.example.pt", "Rita Almeida", "en", "Têxteis Lusos Lda", A),
    ("k.saar@codeworks.example.ee", "Kristjan Saar", "en", "Tallinn Code Works OÜ", A),
    ("o.horak@pivovar-horak.example.cz", "Ondřej Horák", "en", "Pivovar Horák s.r.o.", A),
    ("m.nielsen@norrebro-cykler.example.dk", "Mette Nielsen", "en", "Nørrebro Cykler ApS", A),
    ("j.novak@planinska-sirarna.example.si", "Jana Novak", "en", "Planinska Sirarna d.o.o.", A),
    ("n.papadopoulos@aegean-travel.example.gr", "Nikos Papadopoulos", "en",
     "Aegean Travel Services IKE", A),
    # large companies' admins (they made the pledges)
    ("i.solberg@nordvik.example.no", "Ingrid Solberg", "en", "Nordvik Telecom ASA", A),
    ("b.hoffmann@rheinwerk.example.de", "Birgit Hoffmann", "de", "Rheinwerk Software AG", A),
    ("l.romano@soluzionicloud.example.it", "Luca Romano", "it", "Soluzioni Cloud Italia S.p.A.", A),
    ("c.ruiz@iberiadatos.example.es", "Carmen Ruiz", "es", "Iberia Datos y Redes S.A.", A),
    ("t.wojcik@polskachmura.example.pl", "Tomasz Wójcik", "pl", "Polska Chmura S.A.", A),
    ("m.jansen@lumen-analytics.example.nl", "Marloes Jansen", "nl",
     "Lumen Analytics Europe N.V.", A),
    ("l.ilves@balticfibre.example.ee", "Liis Ilves", "en", "Baltic Fibre Networks AS", A),
    ("j.reuter@helvia.example.lu", "Jean Reuter", "fr", "Helvia Bank Group S.A.", A),
    ("m.bauer@danubia.example.at", "Markus Bauer", "de", "Danubia Energie AG", A),
    ("c.obrien@atlantica.example.ie", "Ciarán O'Brien", "en", "Atlantica Systems Ltd", A),
    # mentors (Sofia Rossi, mentor@demo.skillup.eu, is the twentieth)
    ("t.verhoeven@eds.example.eu", "Thomas Verhoeven", "nl", "Europa Digital Solutions SE", M),
    ("c.dubois@eds.example.eu", "Claire Dubois", "fr", "Europa Digital Solutions SE", M),
    ("j.weber@rheinwerk.example.de", "Jonas Weber", "de", "Rheinwerk Software AG", M),
    ("m.schulz@rheinwerk.example.de", "Miriam Schulz", "de", "Rheinwerk Software AG", M),
    ("f.hartmann@rheinwerk.example.de", "Felix Hartmann", "en", "Rheinwerk Software AG", M),
    ("m.bianchi@soluzionicloud.example.it", "Marco Bianchi", "it",
     "Soluzioni Cloud Italia S.p.A.", M),
    ("g.esposito@soluzionicloud.example.it", "Giulia Esposito", "it",
     "Soluzioni Cloud Italia S.p.A.", M),
    ("l.fernandez@iberiadatos.example.es", "Lucía Fernández", "es", "Iberia Datos y Redes S.A.", M),
    ("j.morales@iberiadatos.example.es", "Javier Morales", "es", "Iberia Datos y Redes S.A.", M),
    ("k.wisniewska@polskachmura.example.pl", "Katarzyna Wiśniewska", "pl", "Polska Chmura S.A.", M),
    ("p.zielinski@polskachmura.example.pl", "Piotr Zieliński", "pl", "Polska Chmura S.A.", M),
    ("s.devries@lumen-analytics.example.nl", "Sanne de Vries", "nl",
     "Lumen Analytics Europe N.V.", M),
    ("d.bakker@lumen-analytics.example.nl", "Daan Bakker", "en", "Lumen Analytics Europe N.V.", M),
    ("k.tamm@balticfibre.example.ee", "Kadri Tamm", "en", "Baltic Fibre Networks AS", M),
    ("m.kask@balticfibre.example.ee", "Mart Kask", "en", "Baltic Fibre Networks AS", M),
    ("e.huber@danubia.example.at", "Eva Huber", "de", "Danubia Energie AG", M),
    ("s.gruber@danubia.example.at", "Stefan Gruber", "de", "Danubia Energie AG", M),
    ("a.byrne@atlantica.example.ie", "Aoife Byrne", "en", "Atlantica Systems Ltd", M),
    ("h.andersen@nordvik.example.no", "Håkon Andersen", "en", "Nordvik Telecom ASA", M),
    # accepted her invitation; her profile awaits a coordinator's approval
    ("n.fischer@rheinwerk.example.de", "Nina Fischer", "de", "Rheinwerk Software AG", M),
]  # fmt: skip


def seed_accounts() -> tuple[dict[str, Organisation], dict[str, User], int]:
    """The demo organisations (by name) and users (by email), and how many users are new.
    Everyone shares one password hash (hashed once: the password hasher is slow on purpose)."""
    existing_orgs = {
        (org.name, str(org.country)): org
        for org in Organisation.objects.filter(name__in=[row[0] for row in ORGANISATIONS])
    }
    new_orgs = [
        Organisation(
            name=name, kind=kind, country=country, sector=sector, size_band=size_band,
            website=website,
        )
        for name, kind, country, sector, size_band, website in ORGANISATIONS
        if (name, country) not in existing_orgs
    ]  # fmt: skip
    Organisation.objects.bulk_create(new_orgs)
    organisations = {
        org.name: org
        for org in Organisation.objects.filter(name__in=[row[0] for row in ORGANISATIONS])
    }

    rows = [
        (email, full_name, language, org_name, role, groups, superuser)
        for email, full_name, language, org_name, role, groups, superuser in USERS
    ] + [
        (email, full_name, language, org_name, role, [], False)
        for email, full_name, language, org_name, role in PEOPLE
    ]
    users = {user.email: user for user in User.objects.filter(email__in=[r[0] for r in rows])}
    missing = [row for row in rows if row[0] not in users]
    if missing:
        password = make_password(DEMO_PASSWORD)
        User.objects.bulk_create(
            User(
                email=email, password=password, full_name=full_name, language=language,
                is_staff=bool(groups) or superuser, is_superuser=superuser,
            )
            for email, full_name, language, _org, _role, groups, superuser in missing
        )  # fmt: skip
        users = {user.email: user for user in User.objects.filter(email__in=[r[0] for r in rows])}
        EmailAddress.objects.bulk_create(
            EmailAddress(user=users[row[0]], email=row[0], verified=True, primary=True)
            for row in missing
        )
        group_ids = dict(Group.objects.values_list("name", "pk"))
        User.groups.through.objects.bulk_create(
            User.groups.through(user_id=users[row[0]].pk, group_id=group_ids[name])
            for row in missing
            for name in row[5]
        )
        Membership.objects.bulk_create(
            Membership(user=users[row[0]], organisation=organisations[row[3]], role=row[4])
            for row in missing
            if row[3]
        )
    for email, *_rest in USERS:
        user = users[email]
        if user.is_staff or user.is_superuser:
            _give_demo_authenticator(user)
    return organisations, users, len(missing)


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
