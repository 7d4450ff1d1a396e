"""Demo matchmaking for `manage.py seed_demo`: fifteen SMEs' needs, two finished global runs and
what became of their proposals over half a year (partnerships active with check-ins, completed
with both sides' feedback and the SME's skill-gap change, one ended early; proposals in every
state).

Everything goes through the services a person's click would call (needs_save, run_execute,
proposal_release, proposal_answer, checkin_add, partnership_end, feedback_give …), so the logs
and snapshots are the ones the pages expect; each step is then moved back to the day it is
said to have happened (`_Clock.at`). Done once: when the demo SMEs already have proposals,
nothing is added (idempotent). The emails the services write to the outbox are dropped by
seed_demo (a demo's history sends no email).
"""

from datetime import timedelta
from decimal import Decimal

from django.db.models import Case, F, Q, Value, When
from django.utils import timezone

from volunteers.models import MentorProfile

from .engine import recommend, seeking_needs
from .enums import NeedsStatus, ProposalState
from .models import (
    CheckIn,
    Feedback,
    MatchRun,
    NeedsProfile,
    Partnership,
    PartnershipTransition,
    Proposal,
    ProposalLog,
    ProposalTransition,
    ScoringSettings,
    SelfAssessment,
    Skill,
)
from .services import (
    checkin_add,
    feedback_give,
    needs_save,
    partnership_end,
    partnership_set_goals,
    proposal_answer,
    proposal_change_mentor,
    proposal_draft_for,
    proposal_release,
    proposal_remove,
    proposals_expire,
    propose_next,
    run_execute,
)

COORDINATOR_EMAIL = "coordinator@demo.skillup.eu"
SOFIA = "mentor@demo.skillup.eu"  # the demo mentor: mentors Atelier Lumière (the demo SME)

# SME, its admin, languages, mode, region, challenge (confidential), maturity at the start,
# gaps [(framework, code, importance 1-3, target level 1-5)], in the first run (else its needs
# are published later, for the second)
NEEDS = [
    ("Atelier Lumière SARL", "sme.admin@demo.skillup.eu", ["fr", "en"], "either", "Lyon",
     "Nous voulons vendre nos luminaires en ligne aux architectes et mettre nos plans et notre "
     "carnet de commandes dans le cloud, mais personne ici ne l'a encore fait.",
     {"strategy": 1, "readiness": 2, "human": 2, "data": 1, "automation": 1, "green": 2},
     [("advanced", "CLOUD", 3, 3), ("digcomp", "3.1", 2, 3), ("ecf", "D.6", 2, 3),
      ("digcomp", "1.3", 1, 2)], True),
    ("Koivu Design Oy", "k.virtanen@koivu.example.fi", ["en", "fi"], "remote", "Helsinki",
     "A client asked for our security practices and we had none written down. We need to "
     "protect client files and teach the team the basics.",
     {"strategy": 2, "readiness": 3, "human": 3, "data": 2, "automation": 1, "green": 1},
     [("advanced", "CYBER", 3, 3), ("digcomp", "4.2", 2, 3)], True),
    ("Tecnologías Verdes del Sur S.L.", "m.ortega@tverdes.example.es", ["es", "en"], "either",
     "Sevilla",
     "Tenemos datos de cientos de instalaciones solares y no sabemos aprovecharlos para el "
     "mantenimiento ni para mostrar el ahorro a los clientes.",
     {"strategy": 2, "readiness": 2, "human": 2, "data": 1, "automation": 1, "green": 3},
     [("advanced", "DATA", 3, 3), ("digcomp", "4.4", 2, 3), ("ecf", "A.8", 1, 3)], True),
    ("Boulangerie Martin & Fils", "p.martin@boulangerie-martin.example.fr", ["fr"], "either",
     "Dijon",
     "Notre boutique en ligne existe mais personne ne la connaît : il faut apprendre à la faire "
     "vivre sans y passer nos nuits.",
     {"strategy": 1, "readiness": 2, "human": 2, "data": 1, "automation": 0, "green": 1},
     [("ecf", "D.6", 3, 3), ("digcomp", "2.2", 2, 2), ("digcomp", "3.1", 1, 2)], True),
    ("Holzmanufaktur Keller GmbH", "t.keller@holz-keller.example.de", ["de"], "on_site",
     "Freiburg",
     "Wir wollen die CNC-Fräse und die Auftragsplanung verbinden und brauchen jemanden, der "
     "Steuerungen versteht und unsere Tischler mitnimmt.",
     {"strategy": 2, "readiness": 2, "human": 3, "data": 1, "automation": 2, "green": 2},
     [("ecf", "B.6", 3, 3), ("digcomp", "5.2", 2, 3), ("digcomp", "3.4", 1, 2)], True),
    ("Brouwerij De Smet BV", "w.desmet@brouwerij-desmet.example.be", ["nl", "en"], "either",
     "Gent",
     "We meten alles in de brouwerij maar kijken er zelden naar. We willen leren welke cijfers "
     "ertoe doen.",
     {"strategy": 2, "readiness": 2, "human": 2, "data": 1, "automation": 2, "green": 2},
     [("advanced", "DATA", 3, 3), ("ecf", "D.7", 2, 3)], True),
    ("Van Dijk Tuinbouw BV", "e.vandijk@vandijk-tuinbouw.example.nl", ["nl", "en"], "on_site",
     "Westland",
     "Onze klimaatcomputer levert data die we niet gebruiken. Kan kunstmatige intelligentie "
     "ons helpen energie te besparen in de kassen?",
     {"strategy": 2, "readiness": 3, "human": 2, "data": 2, "automation": 3, "green": 2},
     [("advanced", "DATA", 3, 3), ("advanced", "AI", 2, 3), ("digcomp", "4.4", 1, 2)], True),
    ("Conservas Rías Baixas S.L.", "d.castro@riasbaixas.example.es", ["es", "pt", "en"],
     "either", "Vigo",
     "La trazabilidad ya es digital; ahora queremos usar esos datos para prever la producción "
     "y formar a las jefas de línea en análisis.",
     {"strategy": 2, "readiness": 3, "human": 2, "data": 2, "automation": 2, "green": 2},
     [("advanced", "DATA", 3, 4), ("ecf", "D.7", 2, 3), ("digcomp", "1.3", 2, 3)], True),
    ("Oleificio Ferraro S.r.l.", "g.ferraro@oleificio-ferraro.example.it", ["it", "en"],
     "either", "Bari",
     "Vogliamo vendere il nostro olio online all'estero e lavorare con i dati in cloud, ma "
     "siamo in sei e nessuno è informatico.",
     {"strategy": 1, "readiness": 1, "human": 2, "data": 1, "automation": 1, "green": 2},
     [("ecf", "D.6", 3, 3), ("advanced", "CLOUD", 2, 3), ("digcomp", "2.4", 1, 2)], True),
    ("Kilbride Engineering Ltd", "s.murphy@kilbride-eng.example.ie", ["en"], "either", "Cork",
     "Our apprentices code, the rest of the shop floor does not. We want a plan to grow "
     "programming skills across the company.",
     {"strategy": 2, "readiness": 3, "human": 3, "data": 2, "automation": 2, "green": 1},
     [("digcomp", "3.4", 3, 4), ("ecf", "B.1", 2, 3), ("advanced", "CLOUD", 1, 2)], True),
    ("Brandt & Söhne Logistik GmbH", "sme2.admin@demo.skillup.eu", ["de", "en"], "on_site",
     "Hamburg",
     "Our dispatch data could plan better routes. We need someone who can help us build the "
     "analysis and train two dispatchers to keep it going.",
     {"strategy": 3, "readiness": 3, "human": 2, "data": 2, "automation": 2, "green": 2},
     [("advanced", "DATA", 3, 4), ("ecf", "D.7", 2, 3), ("digcomp", "5.2", 1, 3)], False),
    ("Aegean Travel Services IKE", "n.papadopoulos@aegean-travel.example.gr", ["en"], "remote",
     "Rhodes",
     "We handle passports and card data of thousands of travellers each season. We must "
     "protect them better and train seasonal staff fast.",
     {"strategy": 2, "readiness": 2, "human": 2, "data": 1, "automation": 1, "green": 1},
     [("advanced", "CYBER", 3, 3), ("digcomp", "4.1", 2, 3), ("ecf", "D.6", 1, 3)], False),
    ("Ceramiche Bellini S.r.l.", "f.bellini@ceramiche-bellini.example.it", ["it", "en"],
     "remote", "Faenza",
     "Il negozio online funziona, ma vorremmo raggiungere i rivenditori esteri con campagne "
     "mirate e misurarne i risultati.",
     {"strategy": 2, "readiness": 2, "human": 2, "data": 1, "automation": 1, "green": 2},
     [("ecf", "D.6", 3, 4), ("digcomp", "3.1", 2, 3)], False),
    ("Drukarnia Nowak Sp. z o.o.", "m.nowak@drukarnia-nowak.example.pl", ["pl", "en"],
     "either", "Kraków",
     "Chcemy przenieść pliki klientów i obieg zleceń do chmury, bezpiecznie, i nauczyć zespół "
     "pracy zdalnej z grafikami.",
     {"strategy": 2, "readiness": 2, "human": 2, "data": 2, "automation": 1, "green": 1},
     [("advanced", "CLOUD", 3, 3), ("digcomp", "4.2", 2, 3), ("digcomp", "2.4", 2, 3)], False),
    ("Alpenblick Hotels GmbH", "s.moser@alpenblick.example.at", ["de", "en"], "either", "Tirol",
     "Wir wollen den Energieverbrauch unserer drei Hotels digital erfassen und das Personal "
     "schulen, sparsam damit umzugehen.",
     {"strategy": 2, "readiness": 2, "human": 3, "data": 1, "automation": 1, "green": 2},
     [("digcomp", "4.4", 3, 3), ("ecf", "A.8", 2, 3), ("ecf", "D.3", 2, 3),
      ("digcomp", "5.4", 1, 3)], False),
]  # fmt: skip

GOALS = {
    "Atelier Lumière SARL": "1. Mettre les plans et le carnet de commandes dans le cloud.\n"
    "2. Ouvrir un catalogue en ligne pour les architectes.\n"
    "3. Former Julien et deux artisans pour qu'ils s'en occupent seuls.",
    "Conservas Rías Baixas S.L.": "Un cuadro de mando de producción por línea y dos jefas de "
    "línea capaces de mantenerlo.",
    "Van Dijk Tuinbouw BV": "Energieverbruik per kas in beeld, en een eerste model dat de "
    "stookkosten voorspelt.",
    "Drukarnia Nowak Sp. z o.o.": "Pliki klientów w chmurze do końca kwartału; szkolenie "
    "zespołu z bezpiecznego udostępniania.",
    "Aegean Travel Services IKE": "A written security policy, password manager for all staff "
    "and a 30-minute training for seasonal staff before May.",
}

# check-ins: SME, days ago, side ("sme" or "mentor"), hours, note
CHECK_INS = [
    ("Atelier Lumière SARL", 170, "mentor", "2.0",
     "Premier atelier : inventaire des fichiers et des outils. Choix d'un espace de stockage "
     "partagé."),
    ("Atelier Lumière SARL", 140, "sme", "1.5",
     "Tous les plans sont maintenant dans le cloud ; Julien a organisé les dossiers par client."),
    ("Atelier Lumière SARL", 105, "mentor", "3.0",
     "Maquette du catalogue en ligne revue ensemble ; photos à refaire pour six luminaires."),
    ("Atelier Lumière SARL", 70, "sme", "1.0",
     "Catalogue en ligne ouvert à dix architectes en test. Premiers retours très positifs."),
    ("Atelier Lumière SARL", 30, "mentor", "2.0",
     "Tableau de suivi des demandes de devis mis en place ; formation de deux artisans."),
    ("Atelier Lumière SARL", 6, "sme", "1.0",
     "Nous gérons seuls les mises à jour du catalogue. Reste : les statistiques de visite."),
    ("Conservas Rías Baixas S.L.", 160, "mentor", "2.5",
     "Revisión de los datos de trazabilidad disponibles y de su calidad."),
    ("Conservas Rías Baixas S.L.", 120, "sme", "2.0",
     "Primer cuadro de mando de la línea 2, probado durante una semana."),
    ("Conservas Rías Baixas S.L.", 75, "mentor", "3.0",
     "Taller con las jefas de línea: leer el cuadro y detectar paradas."),
    ("Conservas Rías Baixas S.L.", 20, "sme", "1.5",
     "Las tres líneas tienen su cuadro; previsión semanal en prueba."),
    ("Van Dijk Tuinbouw BV", 150, "mentor", "3.0",
     "Kasrondgang en export van twee jaar klimaatdata."),
    ("Van Dijk Tuinbouw BV", 95, "sme", "1.0",
     "Dashboard met energieverbruik per kas draait; iedereen kijkt er elke ochtend naar."),
    ("Van Dijk Tuinbouw BV", 40, "mentor", "2.5",
     "Eerste voorspelmodel voor stookkosten getest: binnen 8% van de werkelijkheid."),
    ("Drukarnia Nowak Sp. z o.o.", 2, "mentor", "1.5",
     "First call: inventory of client files and who needs access to what."),
    ("Koivu Design Oy", 150, "mentor", "2.0", "Reviewed how client files are stored and shared."),
    ("Koivu Design Oy", 110, "sme", "1.0", "Password manager rolled out to all six designers."),
    ("Koivu Design Oy", 80, "mentor", "1.5", "Wrote the security policy together; phishing talk."),
    ("Tecnologías Verdes del Sur S.L.", 140, "mentor", "2.0",
     "Inventario de datos de las instalaciones y primeras preguntas de negocio."),
    ("Tecnologías Verdes del Sur S.L.", 90, "sme", "1.5",
     "Informe mensual de ahorro para clientes, generado automáticamente."),
    ("Boulangerie Martin & Fils", 150, "mentor", "1.5",
     "Audit de la boutique en ligne et des réseaux sociaux."),
    ("Boulangerie Martin & Fils", 100, "sme", "1.0",
     "Calendrier de publications tenu par deux vendeuses ; commandes en hausse."),
    ("Holzmanufaktur Keller GmbH", 140, "mentor", "4.0",
     "Vor Ort: Schnittstelle zwischen Fräse und Planungssoftware angesehen."),
    ("Holzmanufaktur Keller GmbH", 90, "sme", "2.0",
     "Aufträge gehen jetzt direkt an die Fräse; zwei Tischler geschult."),
    ("Oleificio Ferraro S.r.l.", 150, "mentor", "2.0",
     "Analisi del sito e scelta di una piattaforma per l'e-commerce."),
    ("Oleificio Ferraro S.r.l.", 90, "sme", "1.5",
     "Primi ordini dalla Germania; listino e schede prodotto tradotti."),
    ("Brouwerij De Smet BV", 160, "mentor", "2.0", "Kennismaking en overzicht van de sensoren."),
]  # fmt: skip

# SME, days ago it ended, completed (else ended early, with the reason), SME's rating and text,
# mentor's rating and text (None: not given yet)
ENDINGS = [
    ("Brouwerij De Smet BV", 120, "Our head brewer left and we must first hire a new one; we "
     "will come back to the programme next year.",
     (4, "Useful start, we had to stop for reasons of our own."), None),
    ("Koivu Design Oy", 60, "",
     (5, "We now have a written security policy and everyone uses the password manager."),
     (5, "A small team that did everything we agreed on, fast.")),
    ("Tecnologías Verdes del Sur S.L.", 45, "",
     (5, "Nuestros clientes reciben un informe de ahorro cada mes. ¡Gracias!"),
     (4, "Good data; the next step is predictive maintenance.")),
    ("Boulangerie Martin & Fils", 35, "",
     (4, "La boutique en ligne vit enfin, et l'équipe s'en occupe seule."), None),
    ("Holzmanufaktur Keller GmbH", 25, "",
     (5, "Die Fräse und die Planung sprechen jetzt miteinander."),
     (5, "Sehr motivierte Tischler – es hat Spaß gemacht.")),
    ("Oleificio Ferraro S.r.l.", 20, "",
     (4, "Vendiamo online in tre paesi. Ci serve ancora aiuto sul cloud."),
     (4, "Great progress on e-commerce; cloud skills still to build.")),
]  # fmt: skip
REMOVED_REASON_PAUSE = "Brouwerij De Smet BV"  # removed from the second run: it paused its needs


class _Clock:
    """Moves what a step wrote back to the day it is said to have happened: every timestamp set
    at or after the step began (the services stamp with now()) becomes `when`, and a released
    proposal expires the configured number of days after `when`."""

    STAMPS = [
        (Proposal, ("created_at", "sme_answered_at", "mentor_answered_at", "closed_at")),
        (ProposalTransition, ("created_at",)),
        (ProposalLog, ("created_at",)),
        (Partnership, ("started_at", "ended_at")),
        (PartnershipTransition, ("created_at",)),
        (CheckIn, ("created_at",)),
        (Feedback, ("created_at",)),
        (SelfAssessment, ("created_at",)),
        (MatchRun, ("created_at", "started_at", "finished_at")),
        (NeedsProfile, ("created_at",)),
    ]

    def __init__(self) -> None:
        self.now = timezone.now()
        self.proposal_days = ScoringSettings.load().proposal_days

    def at(self, days_ago: float, step, /, *args, **kwargs):
        since = timezone.now()
        result = step(*args, **kwargs)
        when = self.now - timedelta(days=days_ago)
        Proposal.objects.filter(released_at__gte=since).update(
            released_at=when, expires_at=when + timedelta(days=self.proposal_days)
        )
        for model, fields in self.STAMPS:  # one UPDATE per table
            written = Q()
            for field in fields:
                written |= Q(**{f"{field}__gte": since})
            model.objects.filter(written).update(
                **{
                    field: Case(
                        When(**{f"{field}__gte": since}, then=Value(when)), default=F(field)
                    )
                    for field in fields
                }
            )
        return result


def seed_matching(*, organisations: dict, users: dict) -> None:
    names = [row[0] for row in NEEDS]
    if Proposal.objects.filter(needs__organisation__name__in=names).exists():
        return
    clock = _Clock()
    coordinator = users[COORDINATOR_EMAIL]
    skills = {(s.framework.key, s.code): s for s in Skill.objects.selectable()}
    admin = {row[0]: users[row[1]] for row in NEEDS}
    needs = {}
    for index, (
        name,
        email,
        languages,
        mode,
        region,
        challenge,
        maturity,
        gaps,
        first,
    ) in enumerate(NEEDS):
        needs[name] = clock.at(
            200 - index if first else 40 - index,
            needs_save,
            user=users[email],
            organisation=organisations[name],
            fields={
                "challenge": challenge,
                "languages": languages,
                "mode": mode,
                "region": region,
                "maturity": maturity,
                "status": NeedsStatus.ACTIVE if first else NeedsStatus.DRAFT,
            },
            gaps=[
                (skills[(fw, code)], importance, target) for fw, code, importance, target in gaps
            ],
        )

    def answer(days_ago, name, proposal, *, sme=True, mentor=True, reason=""):
        """The SME's then the mentor's answer, a day apart (a decline says why; None: no
        answer yet)."""
        for side_user, accept, offset in (
            (admin[name], sme, 1),
            (proposal.mentor.user, mentor, 0),
        ):
            if accept is None:
                continue
            proposal = clock.at(
                days_ago + offset,
                proposal_answer,
                user=side_user,
                proposal=proposal,
                accept=accept,
                reason="" if accept else reason,
            )
            if proposal.state != ProposalState.PROPOSED:
                return proposal
        return proposal

    def partnership_of(name):
        return Partnership.objects.get(needs=needs[name], state="active")

    # --- the first run, six months ago ----------------------------------------------------
    run = clock.at(190, _run, started_by=coordinator)
    drafts = _drafts(run, needs, coordinator)
    sofia = MentorProfile.objects.get(user__email=SOFIA)
    if drafts["Atelier Lumière SARL"].mentor_id != sofia.pk:
        drafts["Atelier Lumière SARL"] = clock.at(
            189.8,
            proposal_change_mentor,
            user=coordinator,
            proposal=drafts["Atelier Lumière SARL"],
            mentor=sofia,
        )
    clock.at(
        189.5, proposal_remove, user=coordinator, proposal=drafts.pop("Kilbride Engineering Ltd")
    )
    released = {
        name: clock.at(189 - i * 0.1, proposal_release, user=coordinator, proposal=proposal)
        for i, (name, proposal) in enumerate(drafts.items())
    }
    for i, name in enumerate(
        [
            "Atelier Lumière SARL",
            "Conservas Rías Baixas S.L.",
            "Koivu Design Oy",
            "Tecnologías Verdes del Sur S.L.",
            "Boulangerie Martin & Fils",
            "Holzmanufaktur Keller GmbH",
            "Brouwerij De Smet BV",
        ]
    ):
        answer(186 - i * 0.5, name, released[name])
    answer(
        186,
        "Van Dijk Tuinbouw BV",
        released["Van Dijk Tuinbouw BV"],
        sme=False,
        reason="We are looking for someone with more experience of horticulture.",
    )
    # the periodic expiry: only Oleificio's proposal is still unanswered
    clock.at(178, proposals_expire, now=timezone.now() + timedelta(days=clock.proposal_days))
    for name, days in (("Van Dijk Tuinbouw BV", 185.5), ("Oleificio Ferraro S.r.l.", 177.5)):
        proposal = clock.at(days, propose_next, needs_id=needs[name].pk)
        answer(days - 3, name, proposal)

    # --- six months of work -----------------------------------------------------------------
    for name, goals in GOALS.items():
        if name in ("Drukarnia Nowak Sp. z o.o.", "Aegean Travel Services IKE"):
            continue
        clock.at(
            180,
            partnership_set_goals,
            user=admin[name],
            partnership=partnership_of(name),
            goals=goals,
        )
    later = {"Drukarnia Nowak Sp. z o.o."}
    _check_ins(clock, admin, partnership_of, [c for c in CHECK_INS if c[0] not in later])
    for name, days, reason, sme_feedback, mentor_feedback in ENDINGS:
        _end(
            clock,
            name,
            days,
            reason,
            sme_feedback,
            mentor_feedback,
            admin,
            partnership_of,
            needs,
            skills,
        )
    # found what they needed: no longer looking
    NeedsProfile.objects.filter(
        organisation__name__in=[
            "Koivu Design Oy",
            "Tecnologías Verdes del Sur S.L.",
            "Boulangerie Martin & Fils",
            "Holzmanufaktur Keller GmbH",
        ]
    ).update(status=NeedsStatus.CLOSED)
    for index, (name, email, *_rest, first) in enumerate(NEEDS):
        if not first:  # published their needs last month
            clock.at(
                30 - index,
                needs_save,
                user=users[email],
                organisation=organisations[name],
                fields={"status": NeedsStatus.ACTIVE},
                gaps=[(g.skill, g.importance, g.target_level) for g in needs[name].gaps.all()],
            )

    # --- the second run, twelve days ago --------------------------------------------------
    run = clock.at(12, _run, started_by=coordinator, maximise_matches=True)
    drafts = _drafts(run, needs, coordinator)
    clock.at(11.5, proposal_remove, user=coordinator, proposal=drafts.pop(REMOVED_REASON_PAUSE))
    NeedsProfile.objects.filter(organisation__name=REMOVED_REASON_PAUSE).update(
        status=NeedsStatus.PAUSED
    )
    release = lambda days, name: clock.at(  # noqa: E731 - a step of the story
        days, proposal_release, user=coordinator, proposal=drafts[name]
    )
    release(11, "Ceramiche Bellini S.r.l.")
    drukarnia = release(9, "Drukarnia Nowak Sp. z o.o.")
    answer(
        8,
        "Drukarnia Nowak Sp. z o.o.",
        drukarnia,
        sme=False,
        reason="Zaczyna się nasz sezon; wolimy mentora, który zna produkcję poligraficzną.",
    )
    answer(
        6,
        "Drukarnia Nowak Sp. z o.o.",
        clock.at(8, propose_next, needs_id=needs["Drukarnia Nowak Sp. z o.o."].pk),
    )
    answer(3, "Aegean Travel Services IKE", release(6, "Aegean Travel Services IKE"))
    for name in ("Drukarnia Nowak Sp. z o.o.", "Aegean Travel Services IKE"):
        clock.at(
            2.5,
            partnership_set_goals,
            user=admin[name],
            partnership=partnership_of(name),
            goals=GOALS[name],
        )
    _check_ins(clock, admin, partnership_of, [c for c in CHECK_INS if c[0] in later])
    # nobody answered Ceramiche in time: it expired yesterday, the next mentor was proposed
    clock.at(1, proposals_expire)
    clock.at(1, propose_next, needs_id=needs["Ceramiche Bellini S.r.l."].pk)
    alpenblick = release(3, "Alpenblick Hotels GmbH")
    answer(2, "Alpenblick Hotels GmbH", alpenblick, mentor=None)
    # the coordinator gives Brandt & Söhne the demo mentor (data analytics, speaks English)
    if drafts["Brandt & Söhne Logistik GmbH"].mentor_id != sofia.pk:
        drafts["Brandt & Söhne Logistik GmbH"] = clock.at(
            2.2,
            proposal_change_mentor,
            user=coordinator,
            proposal=drafts["Brandt & Söhne Logistik GmbH"],
            mentor=sofia,
        )
    release(2, "Brandt & Söhne Logistik GmbH")
    # Kilbride's and Oleificio's drafts wait for a coordinator's review


def _run(**options) -> MatchRun:
    """A coordinator's global run, done at once (the Celery task would call run_execute)."""
    return run_execute(MatchRun.objects.create(**options).pk)


def _drafts(run: MatchRun, needs: dict, coordinator) -> dict[str, Proposal]:
    """The run's draft per SME (by name); an SME the run left out gets a coordinator's draft
    with its best mentor (none is left out with the demo's data, but other data may differ)."""
    drafts = {
        p.needs.organisation.name: p
        for p in run.proposals.filter(state=ProposalState.DRAFT).select_related(
            "needs__organisation", "mentor__user"
        )
    }
    for name in sorted(set(needs) - set(drafts)):
        if not seeking_needs(only=[needs[name].pk]).exists():
            continue
        for mentor, _score, _explanation in recommend(needs[name], k=3):
            drafts[name] = proposal_draft_for(user=coordinator, needs=needs[name], mentor=mentor)
            break
    return drafts


def _check_ins(clock, admin, partnership_of, rows) -> None:
    for name, days, side, hours, note in rows:
        partnership = partnership_of(name)
        user = admin[name] if side == "sme" else partnership.mentor.user
        clock.at(
            days,
            checkin_add,
            user=user,
            partnership=partnership,
            on=clock.now.date() - timedelta(days=days),
            note=note,
            hours=Decimal(hours),
        )


def _end(
    clock, name, days, reason, sme_feedback, mentor_feedback, admin, partnership_of, needs, skills
) -> None:
    """Ends the partnership (completed, or early with `reason`), then each side's feedback; the
    SME's says what changed: gaps closed or smaller, maturity up."""
    partnership = partnership_of(name)
    mentor_user = partnership.mentor.user
    clock.at(
        days,
        partnership_end,
        user=admin[name],
        partnership=partnership,
        completed=not reason,
        reason=reason,
    )
    profile = needs[name]
    rating, text = sme_feedback
    maturity = dict(profile.maturity)
    gaps = [(g.skill, g.importance, g.target_level) for g in profile.gaps.all()]
    if not reason:
        for key in ("readiness", "human", "data"):
            maturity[key] = min(5, maturity.get(key, 0) + 1)
        # the first gap closed, the others less pressing
        gaps = [(skill, max(1, importance - 1), target) for skill, importance, target in gaps[1:]]
    clock.at(
        days - 1,
        feedback_give,
        user=admin[name],
        partnership=partnership,
        rating=rating,
        text=text,
        maturity=maturity,
        gaps=gaps,
    )
    if mentor_feedback:
        rating, text = mentor_feedback
        clock.at(
            days - 2,
            feedback_give,
            user=mentor_user,
            partnership=partnership,
            rating=rating,
            text=text,
        )
