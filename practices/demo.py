"""Demo calls, practices and events for `manage.py seed_demo` (idempotent: calls keyed on their
slugs, practices on their SME and title, events on their titles).

The texts are in practices/demo_data.py. Published practices are written in bulk (one query per
table, not per practice): 45 practices and their logs, topics, tools and twelve weeks of daily
views take a fraction of a second.
"""

from datetime import timedelta

from django.utils import timezone
from django.utils.text import slugify

from accounts.models import Membership

from .demo_data import DECLINED, OPEN_CALL_SUBMISSIONS, PUBLISHED, TAKEN_DOWN
from .enums import PracticeState, Rsvp
from .models import (
    Call,
    Event,
    EventInvitation,
    Practice,
    PracticeTransition,
    PracticeViewDay,
    Review,
    ReviewAssignment,
    Topic,
    TrainingTool,
)
from .services import (
    call_default_questions_create,
    legacy_answers_sync,
    published_practices_changed,
)

S = PracticeState
REVIEWER_EMAIL = "reviewer@demo.skillup.eu"
COORDINATOR_EMAIL = "coordinator@demo.skillup.eu"
VIEW_DAYS = 84  # the daily views kept for the overview's weekly reach (twelve weeks)

# key: slug, title, introduction, eligibility, opens (days from now), closes (days from now)
CALLS = {
    "open": (
        "digital-skillup-good-practices",
        "Digital SkillUp: SMEs' good practices for upskilling",
        "How does your SME keep its staff's digital skills up to date? Tell us in a few "
        "sentences about one internal practice: online learning, your method, the tools you use "
        "(such as Elements of AI) and how you keep people learning. The most outstanding "
        "practices are published here and their SMEs invited to our events.",
        "Small and medium-sized enterprises (fewer than 250 employees) established in the EU or "
        "the EEA. The practice must be internal: run by the SME itself, not bought from an "
        "external company or training provider.",
        -14, 45,
    ),
    "upcoming": (
        "green-digital-skills",
        "Green and digital: skills for the twin transition",
        "The next call looks for practices that teach staff the digital skills of the green "
        "transition: measuring energy and materials, repairing instead of replacing, planning "
        "with data.",
        "SMEs established in the EU or the EEA; the practice must be internal to the SME.",
        60, 150,
    ),
    "2025": (
        "digital-skillup-2025",
        "Digital SkillUp 2025",
        "Last year's call: the selected practices are published below.",
        "SMEs established in the EU or the EEA.",
        -400, -300,
    ),
    "2024": (
        "digital-skillup-2024",
        "Digital SkillUp 2024",
        "The first call of the programme: its selected practices are published below.",
        "SMEs established in the EU or the EEA.",
        -760, -690,
    ),
}  # fmt: skip
# the French and German texts of the calls and events staff wrote in three languages (the
# others show their English text): key or event title → language → (title, introduction)
TRANSLATED = {
    "open": {
        "fr": (
            "Digital SkillUp : les bonnes pratiques des PME pour la montée en compétences",
            "Comment votre PME maintient-elle à jour les compétences numériques de son "
            "personnel ? Décrivez-nous en quelques phrases une pratique interne : formation en "
            "ligne, méthode, outils (comme Elements of AI) et la manière dont vous encouragez "
            "l'apprentissage. Les pratiques les plus remarquables sont publiées ici et leurs PME "
            "invitées à nos événements.",
        ),
        "de": (
            "Digital SkillUp: gute Praxis von KMU für die Weiterbildung",
            "Wie hält Ihr KMU die digitalen Kompetenzen seiner Beschäftigten aktuell? Beschreiben "
            "Sie uns in wenigen Sätzen eine interne Praxis: Online-Lernen, Ihre Methode, Ihre "
            "Werkzeuge (etwa Elements of AI) und wie Sie das Lernen wach halten. Die "
            "herausragendsten Praktiken werden hier veröffentlicht und ihre KMU zu unseren "
            "Veranstaltungen eingeladen.",
        ),
    },
    "upcoming": {
        "fr": (
            "Vert et numérique : les compétences de la double transition",
            "Le prochain appel recherche des pratiques qui enseignent au personnel les "
            "compétences numériques de la transition verte : mesurer l'énergie et les matières, "
            "réparer plutôt que remplacer, planifier avec des données.",
        ),
        "de": (
            "Grün und digital: Kompetenzen für den doppelten Wandel",
            "Der nächste Aufruf sucht Praktiken, die Beschäftigten die digitalen "
            "Kompetenzen des grünen Wandels vermitteln: Energie und Material messen, reparieren "
            "statt ersetzen, mit Daten planen.",
        ),
    },
    "SkillUp Forum: learning from each other": {
        "fr": (
            "Forum SkillUp : apprendre les uns des autres",
            "Une journée de courtes présentations par les PME dont les pratiques ont été "
            "retenues, et de rencontres avec des mentors de grandes entreprises. À Bruxelles et "
            "en ligne.",
        ),
        "de": (
            "SkillUp-Forum: voneinander lernen",
            "Ein Tag mit kurzen Vorträgen der KMU, deren Praktiken ausgewählt wurden, und "
            "Begegnungen mit Mentorinnen und Mentoren aus Großunternehmen. In Brüssel und online.",
        ),
    },
}
HOW_TO_TAKE_PART = (
    "Sign up, register your SME, then submit your practice before the deadline. You can save a "
    "draft and come back to it."
)


def seed_calls(now) -> dict[str, Call]:
    calls = {}
    for key, (slug, title, introduction, eligibility, opens, closes) in CALLS.items():
        calls[key], created = Call.objects.get_or_create(
            slug=slug,
            defaults={
                "title_en": title,
                "introduction_en": introduction,
                "eligibility_en": eligibility,
                "how_to_take_part_en": HOW_TO_TAKE_PART,
                **_translations(key, "title", "introduction"),
                "opens_at": _local(now, opens, hour=9),
                "closes_at": _local(now, closes, hour=17),
            },
        )
        if created:
            call_default_questions_create(calls[key])
    return calls


def seed_practices(*, organisations: dict, users: dict) -> None:
    now = timezone.now()
    calls = seed_calls(now)
    authors = _authors(organisations, users)
    existing = set(Practice.objects.values_list("organisation__name", "title"))
    reviewer = users.get(REVIEWER_EMAIL)
    coordinator = users.get(COORDINATOR_EMAIL)

    new = [p for p in PUBLISHED if (p.organisation, p.title) not in existing]
    practices = Practice.objects.bulk_create(
        Practice(
            call=calls[p.call],
            organisation=organisations[p.organisation],
            created_by=authors.get(p.organisation),
            state=S.PUBLISHED,
            title=p.title,
            language=p.language,
            short_description=p.summary,
            online_learning=p.online_learning,
            methodology=p.methodology,
            keep_learning=p.keep_learning,
            other_tools=p.other_tools,
            audience=p.audience,
            employees_reached=p.employees_reached,
            since_year=p.since_year,
            internal_confirmed=True,
            publication_consent=True,
            publication_consent_at=_submitted(calls[p.call], p.days_ago),
            submitted_at=_submitted(calls[p.call], p.days_ago),
            public_version_approved_at=now - timedelta(days=p.days_ago + 4),
            public_version_approved_by=authors.get(p.organisation),
            published_at=now - timedelta(days=p.days_ago, hours=p.days_ago % 7),
            view_count=p.views,
        )
        for p in new
    )
    for practice in practices:
        practice.slug = f"{slugify(practice.title)}-{practice.pk}"[:120]
    Practice.objects.bulk_update(practices, ["slug"])
    _file(practices, new)
    _published_log(practices, authors, reviewer, coordinator)
    _view_days(practices, now)

    _seed_open_call(calls["open"], organisations, authors, reviewer, now)
    _seed_closed_outcomes(calls, organisations, authors, coordinator, now)
    if practices:
        published_practices_changed([p.pk for p in practices])
    # the four fixed fields' answers, as migration 0022 copied them for older practices
    legacy_answers_sync(Practice.objects.filter(call__in=calls.values()))
    seed_events(calls=calls, now=now)


def _translations(key: str, title: str, text: str) -> dict[str, str]:
    return {
        f"{field}_{language}": value
        for language, texts in TRANSLATED.get(key, {}).items()
        for field, value in zip((title, text), texts, strict=True)
    }


def _local(now, days: int, *, hour: int):
    """That day's `hour` o'clock in the site's time zone: a call opens and closes on the hour."""
    day = timezone.localtime(now + timedelta(days=days))
    return day.replace(hour=hour, minute=0, second=0, microsecond=0)


def _authors(organisations: dict, users: dict) -> dict:
    """Organisation name → its first demo admin."""
    by_org = {}
    for membership in (
        Membership.objects.filter(role="admin", user__in=list(users.values()))
        .select_related("organisation", "user")
        .order_by("pk")
    ):
        by_org.setdefault(membership.organisation.name, membership.user)
    return by_org


def _submitted(call: Call, days_ago: int):
    return call.closes_at - timedelta(days=3 + days_ago % 20)


def _file(practices: list[Practice], rows) -> None:
    """Topics and tools, in one query each."""
    topics = dict(Topic.objects.values_list("slug", "pk"))
    tools = dict(TrainingTool.objects.values_list("slug", "pk"))
    Practice.topics.through.objects.bulk_create(
        Practice.topics.through(practice_id=practice.pk, topic_id=topics[slug])
        for practice, row in zip(practices, rows, strict=True)
        for slug in row.topics
    )
    Practice.tools.through.objects.bulk_create(
        Practice.tools.through(practice_id=practice.pk, trainingtool_id=tools[slug])
        for practice, row in zip(practices, rows, strict=True)
        for slug in row.tools
    )


def _published_log(practices, authors, reviewer, coordinator) -> None:
    """Submitted by the SME, taken into review, selected, published: the log a practice that
    went through the services has."""
    rows = []
    for practice in practices:
        author = authors.get(practice.organisation.name)
        selected = practice.public_version_approved_at - timedelta(days=10)
        rows += [
            PracticeTransition(practice=practice, actor=author, from_state=S.DRAFT,
                               to_state=S.SUBMITTED, created_at=practice.submitted_at),
            PracticeTransition(practice=practice, actor=reviewer, from_state=S.SUBMITTED,
                               to_state=S.IN_REVIEW,
                               created_at=practice.submitted_at + timedelta(days=5)),
            PracticeTransition(practice=practice, actor=coordinator, from_state=S.IN_REVIEW,
                               to_state=S.SELECTED, created_at=selected),
            PracticeTransition(practice=practice, actor=coordinator, from_state=S.SELECTED,
                               to_state=S.PUBLISHED, created_at=practice.published_at),
        ]  # fmt: skip
    PracticeTransition.objects.bulk_create(rows)


def _view_days(practices: list[Practice], now) -> None:
    """Twelve weeks of daily views (fewer for a practice published since), added to its total:
    the overview's weekly reach. Deterministic, so that the demo looks the same every time."""
    today = timezone.localdate(now)
    rows = []
    for index, practice in enumerate(practices):
        first = max(timezone.localdate(practice.published_at), today - timedelta(days=VIEW_DAYS))
        popularity = 1 + practice.view_count // 150
        total = 0
        for offset in range((today - first).days + 1):
            day = first + timedelta(days=offset)
            views = (index * 7 + offset * 3 + day.weekday()) % (3 + popularity)
            if day.weekday() >= 5:
                views //= 2  # quieter at weekends
            if views:
                rows.append(PracticeViewDay(practice=practice, day=day, views=views))
                total += views
        practice.view_count += total
    PracticeViewDay.objects.bulk_create(rows, batch_size=1000)
    Practice.objects.bulk_update(practices, ["view_count"])


def _seed_open_call(call, organisations, authors, reviewer, now) -> None:
    """Submissions to the open call in the reviewers' states: drafts, submitted, in review
    (assigned to the demo reviewer; some reviewed)."""
    existing = set(call.practices.values_list("title", flat=True))
    for org_name, language, state, title, summary, days, review in OPEN_CALL_SUBMISSIONS:
        if title in existing:
            continue
        author = authors.get(org_name)
        submitted_at = None if days is None else now - timedelta(days=days)
        practice = Practice.objects.create(
            call=call,
            organisation=organisations[org_name],
            created_by=author,
            state=state,
            title=title,
            language=language,
            short_description=summary,
            online_learning="Short online modules during working time." if days else "",
            methodology="Colleagues who learnt first teach the others." if days else "",
            keep_learning="A short team meeting every month." if days else "",
            audience="both" if days else "",
            internal_confirmed=days is not None,
            submitted_at=submitted_at,
        )
        if days is None:
            continue
        log = [(S.DRAFT, S.SUBMITTED, author, submitted_at)]
        if state == S.IN_REVIEW:
            log.append((S.SUBMITTED, S.IN_REVIEW, reviewer, submitted_at + timedelta(hours=20)))
            if reviewer is not None:
                ReviewAssignment.objects.create(
                    practice=practice, reviewer=reviewer, created_at=submitted_at
                )
        PracticeTransition.objects.bulk_create(
            PracticeTransition(
                practice=practice, actor=actor, from_state=source, to_state=target, created_at=at
            )
            for source, target, actor, at in log
        )
        if review and reviewer is not None:
            innovation, impact, transferability, clarity, recommendation, comment = review
            Review.objects.create(
                practice=practice,
                reviewer=reviewer,
                innovation=innovation,
                impact=impact,
                transferability=transferability,
                clarity=clarity,
                recommendation=recommendation,
                comment=comment,
            )


def _seed_closed_outcomes(calls, organisations, authors, coordinator, now) -> None:
    """A practice of 2024 published and later taken down by its SME, one of 2025 not
    selected."""
    org_name, language, title, summary = TAKEN_DOWN
    if not Practice.objects.filter(organisation__name=org_name, title=title).exists():
        author = authors.get(org_name)
        published_at = now - timedelta(days=600)
        practice = Practice.objects.create(
            call=calls["2024"], organisation=organisations[org_name], created_by=author,
            state=S.TAKEN_DOWN, title=title, language=language, short_description=summary,
            audience="other",
            internal_confirmed=True, publication_consent=False,
            submitted_at=calls["2024"].closes_at - timedelta(days=4),
            public_version_approved_at=published_at - timedelta(days=3),
            published_at=published_at,
        )  # fmt: skip
        practice.slug = f"{slugify(title)}-{practice.pk}"
        practice.save(update_fields=["slug"])
        PracticeTransition.objects.bulk_create(
            [
                PracticeTransition(practice=practice, actor=coordinator, from_state=S.SELECTED,
                                   to_state=S.PUBLISHED, created_at=published_at),
                PracticeTransition(practice=practice, actor=author, from_state=S.PUBLISHED,
                                   to_state=S.TAKEN_DOWN, created_at=now - timedelta(days=90),
                                   comment="We no longer sell at auctions."),
            ]
        )  # fmt: skip
    org_name, language, title, summary = DECLINED
    if not Practice.objects.filter(organisation__name=org_name, title=title).exists():
        practice = Practice.objects.create(
            call=calls["2025"], organisation=organisations[org_name],
            created_by=authors.get(org_name), state=S.DECLINED, title=title, language=language,
            short_description=summary, audience="both", internal_confirmed=True,
            submitted_at=calls["2025"].closes_at - timedelta(days=2),
        )  # fmt: skip
        PracticeTransition.objects.create(
            practice=practice, actor=coordinator, from_state=S.IN_REVIEW, to_state=S.DECLINED,
            comment="Courses for customers are outside the call: it asks for staff training.",
            created_at=calls["2025"].closes_at + timedelta(days=30),
        )  # fmt: skip


# title, description, days from now, place, online link, call key, invited practices' titles
# with their answers
EVENTS = [
    (
        "SkillUp Good Practice Day",
        "The SMEs selected in the last call presented their practices to each other, to large "
        "companies of the Digital Volunteers programme and to the European Commission.",
        -150, "Lisbon, Centro de Congressos", "", "2025",
        [("L'heure d'apprentissage du vendredi", Rsvp.YES),
         ("Fahrer werden Datenlotsen", Rsvp.YES),
         ("Mes de la ciberhigiene", Rsvp.YES),
         ("Il catalogo online lo fanno i ceramisti", Rsvp.YES),
         ("Brouwers leren met data sturen", Rsvp.YES),
         ("Pair learning for design tools", Rsvp.NO)],
    ),
    (
        "SkillUp Forum: learning from each other",
        "A day of short talks by SMEs whose practices were selected, and of meetings with "
        "mentors from large companies. In Brussels and online.",
        40, "Brussels, The Egg", "https://events.example.eu/skillup-forum", "2025",
        [("Commandes en ligne : toute l'équipe formée", Rsvp.YES),
         ("Rezeption ohne Papier", Rsvp.PENDING),
         ("Cyfrowy obieg zleceń w drukarni", Rsvp.YES),
         ("Cutting waste with data on every loom", Rsvp.NO),
         ("Elements of AI for a travel agency", Rsvp.PENDING)],
    ),
]  # fmt: skip


def seed_events(*, calls: dict[str, Call], now) -> None:
    """One past event (its invited SMEs came) and one upcoming (some answered), public, held in
    English, the upcoming one described in French and German too."""
    for title, description, days, place, online_url, call_key, invited in EVENTS:
        starts_at = _local(now, days, hour=9).replace(minute=30)
        event, created = Event.objects.get_or_create(
            title_en=title,
            defaults={
                "description_en": description,
                **_translations(title, "title", "description"),
                "starts_at": starts_at,
                "ends_at": starts_at + timedelta(hours=7, minutes=30),
                "language": "en",
                "is_public": True,
                "place_en": place,
                "online_url": online_url,
                "call": calls[call_key],
            },
        )
        if not created:
            continue
        practices = {
            p.title: p
            for p in Practice.objects.filter(
                state=S.PUBLISHED, title__in=[t for t, _rsvp in invited]
            ).select_related("created_by")
        }
        invited_at = event.starts_at - timedelta(days=30 if days < 0 else 10)
        EventInvitation.objects.bulk_create(
            EventInvitation(
                event=event,
                practice=practices[title],
                rsvp=rsvp,
                responded_at=None if rsvp == Rsvp.PENDING else invited_at + timedelta(days=2),
                responded_by=None if rsvp == Rsvp.PENDING else practices[title].created_by,
            )
            for title, rsvp in invited
            if title in practices
        )
        EventInvitation.objects.filter(event=event).update(invited_at=invited_at)
