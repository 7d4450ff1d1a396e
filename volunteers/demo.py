"""Demo data for Digital Volunteers (idempotent: pledges keyed on their slugs, mentors on their
person, invitations on their address and company): eleven large companies' pledges (nine
approved, one of which starts next month; one awaiting approval; one completed), twenty approved
mentors and one awaiting approval, and invitations to mentor still open."""

from datetime import timedelta

from django.utils import timezone

from accounts.models import Membership
from matching.models import Skill

from .enums import MentorState, PledgeState
from .models import (
    ConfidentialityAgreement,
    MentorInvitation,
    MentorProfile,
    MentorSkill,
    Pledge,
    PledgeTransition,
)

COORDINATOR_EMAIL = "coordinator@demo.skillup.eu"
P = PledgeState

# company, slug, state, description, pillar, scope, countries, languages,
# (target SMEs, mentors, hours), expertise, starts (days from today), length in days
PLEDGES = [
    ("Europa Digital Solutions SE", "europa-digital-solutions-se-2026", P.APPROVED,
     "Our cloud and data engineers help SMEs plan their digital transformation and train "
     "their staff: one mentor per SME, half a day a month, for a year.",
     "labour_force", "european", ["BE", "FR", "NL", "DE"], ["en", "fr", "nl"],
     (20, 8, 400), [("advanced", "CLOUD"), ("advanced", "DATA"), ("ecf", "A.5"),
                    ("digcomp", "1.3")], -280, 365),
    ("Nordvik Telecom ASA", "nordvik-telecom-asa-2026", P.PENDING,
     "Cybersecurity experts from our security operations centre mentor SMEs in the Nordic "
     "countries on securing their networks and training their staff.",
     "ict_professionals", "multi_country", ["NO", "SE", "FI", "DK"], ["en", "no", "sv"],
     (10, 4, 150), [("advanced", "CYBER"), ("ecf", "E.8"), ("digcomp", "4.1")], 20, 365),
    ("Rheinwerk Software AG", "rheinwerk-software-ag-2026", P.APPROVED,
     "Software architects and trainers from Rheinwerk help manufacturing SMEs in German-"
     "speaking countries bring their staff to automation and data.",
     "labour_force", "multi_country", ["DE", "AT", "LU"], ["de", "en"],
     (15, 6, 300), [("ecf", "B.1"), ("ecf", "D.3"), ("advanced", "DATA")], -240, 540),
    ("Soluzioni Cloud Italia S.p.A.", "soluzioni-cloud-italia-2026", P.APPROVED,
     "Mettiamo a disposizione i nostri esperti cloud per accompagnare le PMI italiane nella "
     "migrazione e nella formazione del personale.",
     "labour_force", "national", ["IT"], ["it", "en"],
     (12, 4, 200), [("advanced", "CLOUD"), ("ecf", "C.5"), ("digcomp", "2.4")], -200, 365),
    ("Iberia Datos y Redes S.A.", "iberia-datos-redes-2026", P.APPROVED,
     "Nuestros ingenieros de datos y redes mentorizan a pymes españolas y portuguesas en "
     "analítica, ciberseguridad y comercio electrónico.",
     "all", "multi_country", ["ES", "PT"], ["es", "pt", "en"],
     (15, 5, 250), [("advanced", "DATA"), ("advanced", "CYBER"), ("ecf", "D.6")], -150, 365),
    ("Polska Chmura S.A.", "polska-chmura-2026", P.APPROVED,
     "Our engineers mentor Polish SMEs moving their work to the cloud and teaching their staff "
     "to work safely with it.",
     "labour_force", "national", ["PL"], ["pl", "en"],
     (8, 3, 120), [("advanced", "CLOUD"), ("digcomp", "4.2")], -120, 365),
    ("Lumen Analytics Europe N.V.", "lumen-analytics-2026", P.APPROVED,
     "Data scientists from Lumen help SMEs in the Benelux understand their own data, from the "
     "first dashboard to a first machine-learning model.",
     "ict_professionals", "multi_country", ["NL", "BE", "LU"], ["nl", "en", "fr"],
     (10, 4, 160), [("ecf", "D.7"), ("advanced", "AI"), ("advanced", "DATA")], -90, 365),
    ("Baltic Fibre Networks AS", "baltic-fibre-2026", P.APPROVED,
     "Network and security engineers mentor SMEs around the Baltic Sea on connectivity, cloud "
     "tools and cybersecurity.",
     "ict_professionals", "multi_country", ["EE", "LV", "LT", "FI"], ["en", "et", "fi"],
     (8, 3, 100), [("advanced", "CYBER"), ("ecf", "C.3")], -60, 365),
    ("Helvia Bank Group S.A.", "helvia-bank-2027", P.APPROVED,
     "From next year, our digital banking teams will mentor SMEs on e-commerce, payments and "
     "keeping customer data safe.",
     "all", "european", [], ["fr", "de", "en"],
     (12, 5, 240), [("ecf", "D.6"), ("digcomp", "4.2")], 30, 365),
    ("Danubia Energie AG", "danubia-energie-2026", P.APPROVED,
     "Unsere Ingenieurinnen und Ingenieure begleiten KMU bei Energiedaten, Automatisierung und "
     "der grünen Digitalisierung.",
     "labour_force", "multi_country", ["AT", "DE", "SI", "CZ"], ["de", "en", "sl"],
     (10, 3, 150), [("digcomp", "4.4"), ("ecf", "A.8"), ("advanced", "DATA")], -100, 365),
    ("Atlantica Systems Ltd", "atlantica-systems-2025", P.COMPLETED,
     "Our software engineers mentored Irish SMEs through their first steps in software "
     "development and cloud tools.",
     "ict_professionals", "national", ["IE"], ["en", "ga"],
     (6, 2, 80), [("ecf", "B.1"), ("advanced", "CLOUD")], -430, 365),
]  # fmt: skip

# email, company, bio, languages, countries, sectors, capacity, mode, [(framework, code, level)]
MENTORS = [
    ("mentor@demo.skillup.eu", "Europa Digital Solutions SE",
     "Cloud architect; I have helped a dozen small firms move to the cloud and train their "
     "staff in data literacy.",
     ["en", "it", "fr"], ["BE", "IT", "FR", "DE"], ["C", "G", "H", "J"], 3, "either",
     [("advanced", "CLOUD", 4), ("advanced", "DATA", 3), ("ecf", "A.5", 4), ("digcomp", "3.1", 3),
      ("digcomp", "1.3", 3), ("ecf", "D.7", 3)]),
    ("t.verhoeven@eds.example.eu", "Europa Digital Solutions SE",
     "Data engineer who likes dashboards that people actually read.",
     ["nl", "en", "de"], ["NL", "BE"], ["A", "C", "H"], 2, "either",
     [("advanced", "DATA", 4), ("ecf", "D.7", 3), ("digcomp", "1.3", 4)]),
    ("c.dubois@eds.example.eu", "Europa Digital Solutions SE",
     "Product manager; e-commerce and online marketing for small brands.",
     ["fr", "en"], ["FR", "BE", "LU"], ["C", "G", "I"], 2, "remote",
     [("ecf", "D.6", 4), ("digcomp", "3.1", 4), ("digcomp", "2.2", 3)]),
    ("j.weber@rheinwerk.example.de", "Rheinwerk Software AG",
     "Automatisierung und Robotik in der Fertigung, seit 15 Jahren.",
     ["de", "en"], ["DE", "AT"], ["C", "H"], 2, "on_site",
     [("ecf", "B.6", 4), ("advanced", "DATA", 3), ("digcomp", "5.2", 4)]),
    ("m.schulz@rheinwerk.example.de", "Rheinwerk Software AG",
     "Trainerin für Software-Einführungen; ich mag es, wenn alle mitkommen.",
     ["de", "en"], ["DE", "AT", "LU"], ["C", "I", "Q"], 2, "either",
     [("ecf", "D.3", 4), ("ecf", "D.9", 3), ("digcomp", "5.4", 4), ("digcomp", "2.4", 3)]),
    ("f.hartmann@rheinwerk.example.de", "Rheinwerk Software AG",
     "Security engineer; small companies deserve good security too.",
     ["en", "de"], ["DE"], ["C", "M"], 1, "remote",
     [("advanced", "CYBER", 4), ("ecf", "E.8", 4), ("digcomp", "4.1", 4)]),
    ("m.bianchi@soluzionicloud.example.it", "Soluzioni Cloud Italia S.p.A.",
     "Architetto cloud; ho seguito la migrazione di decine di PMI.",
     ["it", "en"], ["IT"], ["C", "G", "M"], 2, "either",
     [("advanced", "CLOUD", 4), ("ecf", "C.5", 4), ("digcomp", "2.4", 3)]),
    ("g.esposito@soluzionicloud.example.it", "Soluzioni Cloud Italia S.p.A.",
     "Esperta di marketing digitale e commercio elettronico per l'artigianato.",
     ["it", "en", "es"], ["IT", "ES"], ["C", "G"], 2, "remote",
     [("ecf", "D.6", 4), ("digcomp", "3.1", 3), ("digcomp", "2.2", 4)]),
    ("l.fernandez@iberiadatos.example.es", "Iberia Datos y Redes S.A.",
     "Analista de datos; trabajo con industria alimentaria y logística.",
     ["es", "en", "pt"], ["ES", "PT"], ["C", "H"], 2, "either",
     [("advanced", "DATA", 4), ("ecf", "D.7", 4), ("digcomp", "1.3", 3)]),
    ("j.morales@iberiadatos.example.es", "Iberia Datos y Redes S.A.",
     "Ingeniero de ciberseguridad, formador de equipos no técnicos.",
     ["es", "en"], ["ES"], ["D", "Q", "C"], 2, "remote",
     [("advanced", "CYBER", 4), ("digcomp", "4.2", 4), ("digcomp", "4.1", 3)]),
    ("k.wisniewska@polskachmura.example.pl", "Polska Chmura S.A.",
     "Inżynierka chmury; pomagam małym firmom przejść na pracę online.",
     ["pl", "en"], ["PL"], ["C", "M"], 2, "either",
     [("advanced", "CLOUD", 4), ("digcomp", "2.4", 4), ("digcomp", "4.2", 3)]),
    ("p.zielinski@polskachmura.example.pl", "Polska Chmura S.A.",
     "Kierownik projektów IT; wdrożenia systemów w produkcji.",
     ["pl", "en", "de"], ["PL", "DE"], ["C"], 1, "on_site",
     [("ecf", "E.2", 4), ("ecf", "B.4", 3), ("digcomp", "5.2", 3)]),
    ("s.devries@lumen-analytics.example.nl", "Lumen Analytics Europe N.V.",
     "Data scientist; from spreadsheet to first model, step by step.",
     ["nl", "en"], ["NL", "BE"], ["A", "C", "G"], 2, "either",
     [("ecf", "D.7", 5), ("advanced", "AI", 4), ("advanced", "DATA", 4)]),
    ("d.bakker@lumen-analytics.example.nl", "Lumen Analytics Europe N.V.",
     "Machine-learning engineer with a soft spot for agriculture.",
     ["en", "nl", "de"], ["NL", "DE"], ["A", "C"], 1, "remote",
     [("advanced", "AI", 4), ("ecf", "B.1", 4), ("advanced", "DATA", 3)]),
    ("k.tamm@balticfibre.example.ee", "Baltic Fibre Networks AS",
     "Network engineer; connectivity and cloud tools for small teams.",
     ["en", "et", "fi"], ["EE", "FI", "LV"], ["J", "N", "I"], 2, "remote",
     [("ecf", "C.3", 4), ("advanced", "CLOUD", 3), ("digcomp", "2.4", 4)]),
    ("m.kask@balticfibre.example.ee", "Baltic Fibre Networks AS",
     "Security analyst; phishing drills and password managers for everyone.",
     ["en", "et"], ["EE", "FI", "SE"], ["A", "N", "M"], 2, "remote",
     [("advanced", "CYBER", 4), ("ecf", "E.8", 3), ("digcomp", "4.2", 4)]),
    ("e.huber@danubia.example.at", "Danubia Energie AG",
     "Energiedaten und Nachhaltigkeit: Ich zeige KMU, wo ihre Energie bleibt.",
     ["de", "en", "sl"], ["AT", "DE", "SI"], ["C", "D", "I"], 2, "either",
     [("digcomp", "4.4", 4), ("ecf", "A.8", 4), ("advanced", "DATA", 3)]),
    ("s.gruber@danubia.example.at", "Danubia Energie AG",
     "Automatisierungstechniker; Sensorik und Steuerungen.",
     ["de", "en", "cs"], ["AT", "CZ"], ["C", "D"], 1, "on_site",
     [("ecf", "B.6", 4), ("digcomp", "5.2", 4), ("digcomp", "3.4", 3)]),
    ("a.byrne@atlantica.example.ie", "Atlantica Systems Ltd",
     "Software engineer; I teach Python to people who never thought they would code.",
     ["en", "ga"], ["IE"], ["C", "M", "J"], 2, "either",
     [("digcomp", "3.4", 5), ("ecf", "B.1", 4), ("advanced", "CLOUD", 3)]),
    ("h.andersen@nordvik.example.no", "Nordvik Telecom ASA",
     "Security operations lead; tourism and fisheries are my favourite clients.",
     ["en", "no", "sv"], ["NO", "SE", "DK", "FI", "GR"], ["A", "N", "I"], 2, "remote",
     [("advanced", "CYBER", 5), ("digcomp", "4.1", 4), ("ecf", "D.6", 3)]),
]  # fmt: skip
PENDING_MENTOR = (
    "n.fischer@rheinwerk.example.de", "Rheinwerk Software AG",
    "UX-Designerin; ich helfe KMU, ihre Websites für alle nutzbar zu machen.",
    ["de", "en"], ["DE"], ["C", "G"], 1, "remote", [("ecf", "A.10", 4), ("digcomp", "3.1", 4)],
)  # fmt: skip
# company, address, language, days ago (an accepted one is the pending mentor's)
INVITATIONS = [
    ("Rheinwerk Software AG", "n.fischer@rheinwerk.example.de", "de", 20),
    ("Rheinwerk Software AG", "k.vogel@rheinwerk.example.de", "de", 4),
    ("Lumen Analytics Europe N.V.", "r.smit@lumen-analytics.example.nl", "nl", 2),
    ("Polska Chmura S.A.", "a.mazur@polskachmura.example.pl", "pl", 6),
]


def seed_volunteers(*, organisations: dict, users: dict) -> None:
    now = timezone.now()
    today = timezone.localdate(now)
    coordinator = users.get(COORDINATOR_EMAIL)
    admins = _company_admins(users)
    skills = {(s.framework.key, s.code): s for s in Skill.objects.selectable()}
    existing = set(Pledge.objects.values_list("slug", flat=True))
    for (company, slug, state, description, pillar, scope, countries, languages, targets,
         expertise, starts, length) in PLEDGES:  # fmt: skip
        if slug in existing:
            continue
        smes, mentors, hours = targets
        starts_on = today + timedelta(days=starts)
        submitted_at = now + timedelta(days=min(starts, 0) - 25)
        approved_at = None if state == P.PENDING else submitted_at + timedelta(days=6, hours=3)
        admin = admins.get(company)
        pledge = Pledge.objects.create(
            company=organisations[company], slug=slug, state=state, description=description,
            pillar=pillar, scope=scope, countries=countries, languages=languages,
            target_smes=smes, target_mentors=mentors, target_hours=hours,
            starts_on=starts_on, ends_on=starts_on + timedelta(days=length),
            commit_assist=True, commit_mentor=True, commit_confidentiality=True,
            commitments_accepted_at=submitted_at, commitments_accepted_by=admin,
            submitted_at=submitted_at, approved_at=approved_at, created_by=admin,
            created_at=submitted_at - timedelta(days=2),
        )  # fmt: skip
        pledge.expertise.set([skills[pair] for pair in expertise])
        log = [(P.DRAFT, P.PENDING, admin, submitted_at)]
        if approved_at:
            log.append((P.PENDING, P.APPROVED, coordinator, approved_at))
        if state == P.COMPLETED:
            log.append((P.APPROVED, P.COMPLETED, coordinator, now - timedelta(days=55)))
        PledgeTransition.objects.bulk_create(
            PledgeTransition(pledge=pledge, actor=actor, from_state=source, to_state=target,
                             created_at=at)
            for source, target, actor, at in log
        )  # fmt: skip

    agreement = ConfidentialityAgreement.objects.current()
    seed_mentors(organisations, users, skills, agreement, coordinator, now)
    _seed_invitations(organisations, admins, users, now)


def _company_admins(users: dict) -> dict:
    by_company = {}
    for membership in Membership.objects.filter(
        role="admin", user__in=list(users.values()), organisation__kind="large_company"
    ).select_related("organisation", "user"):
        by_company.setdefault(membership.organisation.name, membership.user)
    return by_company


def seed_mentors(organisations, users, skills, agreement, coordinator, now) -> None:
    """The mentors, approved (and one awaiting approval), with their skills: bulk."""
    rows = [(row, MentorState.APPROVED) for row in MENTORS] + [
        (PENDING_MENTOR, MentorState.PENDING)
    ]
    existing = set(
        MentorProfile.objects.filter(user__email__in=[row[0] for row, _state in rows]).values_list(
            "user__email", flat=True
        )
    )
    new = [(row, state) for row, state in rows if row[0] not in existing and row[0] in users]
    profiles = MentorProfile.objects.bulk_create(
        MentorProfile(
            user=users[email], company=organisations[company], bio=bio, languages=languages,
            countries=countries, sectors=sectors, capacity=capacity, mode=mode,
            agreement=agreement, agreement_accepted_at=now - timedelta(days=200 - 7 * index),
            state=state,
            decided_at=now - timedelta(days=195 - 7 * index) if state == "approved" else None,
            decided_by=coordinator if state == "approved" else None,
            created_at=now - timedelta(days=202 - 7 * index),
        )
        for index, ((email, company, bio, languages, countries, sectors, capacity, mode,
                     _skills), state) in enumerate(new)
    )  # fmt: skip
    MentorSkill.objects.bulk_create(
        MentorSkill(mentor=profile, skill=skills[(framework, code)], level=level)
        for profile, (row, _state) in zip(profiles, new, strict=True)
        for framework, code, level in row[8]
    )


def _seed_invitations(organisations, admins, users, now) -> None:
    for company, email, language, days in INVITATIONS:
        if MentorInvitation.objects.filter(email=email, company=organisations[company]).exists():
            continue
        accepted_by = users.get(email)
        invitation = MentorInvitation.objects.create(
            company=organisations[company],
            email=email,
            language=language,
            invited_by=admins.get(company),
            accepted_by=accepted_by,
            accepted_at=now - timedelta(days=days - 1) if accepted_by else None,
        )
        MentorInvitation.objects.filter(pk=invitation.pk).update(
            created_at=now - timedelta(days=days),
            expires_at=invitation.expires_at - timedelta(days=days),
        )
