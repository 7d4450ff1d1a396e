"""The data of benchmarks/practices_browse.py: N published practices with realistic text, the SMEs
behind them, several calls, and a review backlog in the open call for the reviewers' admin list.

Text comes from small word lists in ten EU languages plus a long tail of generated words (Zipf
distributed, so the full-text index has a realistic vocabulary); each practice is written in one
language (see TextMaker.language: about 40% English, the rest spread over the nine others),
which its `language` field says, as the SME's form records it. Each search word of
SEARCH_WORDS is planted in about 1% of the published practices and nowhere else.

Rows are written with bulk_create in batches (explicit primary keys, sequences reset after), the
search documents of every published practice with the one statement the portal uses
(practices.services.search_documents_refresh), then the tables are analysed.
"""

import random
import time
from contextlib import contextmanager
from datetime import timedelta

BATCH = 2000
REVIEWER_COUNT = 20
REVIEWER_EMAIL = "reviewer-{}@bench.skillup.example.eu"

# ~1% of the published practices each (a planted word per practice with probability 20%).
SEARCH_WORDS = (
    "hackathon", "mentoring", "podcast", "gamification", "microlearning", "shadowing",
    "bootcamp", "webinar", "newsletter", "sandbox", "roadshow", "masterclass", "flashcards",
    "storytelling", "coaching", "simulator", "escape", "quiz", "chatbot", "apprenticeship",
)  # fmt: skip
PLANT_PROBABILITY = len(SEARCH_WORDS) / 100
# Common English words of the text (in about half of the practices each): the "search common"
# row, a visitor typing a broad word
COMMON_WORDS = ("training", "staff", "learning", "digital", "skills")

WORDS = {
    "en": "staff training learning digital skills course online team employees workshop weekly "
    "colleagues manager knowledge sharing practice tools platform session project progress "
    "certificate mentor programme hours data security cloud software customers improve "
    "everyone together monthly internal method feedback lunch small company growth new "
    "experience confidence habit goal review",
    "fr": "formation apprentissage compétences numériques cours équipe salariés atelier "
    "hebdomadaire collègues responsable partage pratique outils plateforme séance projet "
    "progrès certificat parcours heures données sécurité logiciel clients améliorer ensemble "
    "mensuel méthode retour déjeuner entreprise croissance nouveau expérience confiance "
    "objectif bilan",
    "de": "Schulung Lernen digitale Kompetenzen Kurs Team Mitarbeitende Werkstatt wöchentlich "
    "Kollegen Leitung Wissen Austausch Praxis Werkzeuge Plattform Sitzung Projekt Fortschritt "
    "Zertifikat Pate Stunden Daten Sicherheit Software Kunden verbessern gemeinsam monatlich "
    "Methode Rückmeldung Mittagessen Betrieb Wachstum neu Erfahrung Vertrauen Ziel",
    "es": "formación aprendizaje competencias digitales curso equipo empleados taller semanal "
    "compañeros responsable conocimiento práctica herramientas plataforma sesión proyecto "
    "progreso certificado mentor horas datos seguridad clientes mejorar juntos mensual "
    "método comentarios almuerzo empresa crecimiento nuevo experiencia confianza objetivo",
    "it": "formazione apprendimento competenze digitali corso squadra dipendenti laboratorio "
    "settimanale colleghi responsabile conoscenza pratica strumenti piattaforma sessione "
    "progetto progressi certificato tutor ore dati sicurezza clienti migliorare insieme "
    "mensile metodo riscontro pranzo azienda crescita nuovo esperienza fiducia obiettivo",
    "pl": "szkolenie nauka kompetencje cyfrowe kurs zespół pracownicy warsztat tygodniowo "
    "koledzy kierownik wiedza praktyka narzędzia platforma sesja projekt postęp certyfikat "
    "opiekun godziny dane bezpieczeństwo klienci poprawa razem miesięcznie metoda opinia "
    "obiad firma rozwój nowy doświadczenie zaufanie cel",
    "fi": "koulutus oppiminen digitaidot kurssi tiimi työntekijät työpaja viikoittain "
    "kollegat esihenkilö osaaminen jakaminen käytäntö työkalut alusta istunto projekti "
    "edistyminen todistus mentori tunnit tietoturva asiakkaat parantaa yhdessä kuukausittain "
    "menetelmä palaute lounas yritys kasvu uusi kokemus luottamus tavoite",
    "nl": "opleiding leren digitale vaardigheden cursus team medewerkers werkplaats wekelijks "
    "collega's leidinggevende kennis delen praktijk hulpmiddelen platform sessie project "
    "voortgang certificaat mentor uren gegevens beveiliging klanten verbeteren samen "
    "maandelijks methode terugkoppeling lunch bedrijf groei nieuw ervaring vertrouwen doel",
    "pt": "formação aprendizagem competências digitais curso equipa colaboradores oficina "
    "semanal colegas responsável conhecimento prática ferramentas plataforma sessão projeto "
    "progresso certificado mentor horas dados segurança clientes melhorar juntos mensal "
    "método retorno almoço empresa crescimento novo experiência confiança objetivo",
    "sv": "utbildning lärande digitala färdigheter kurs lag medarbetare verkstad varje vecka "
    "kollegor chef kunskap delning praktik verktyg plattform pass projekt framsteg intyg "
    "mentor timmar data säkerhet kunder förbättra tillsammans månadsvis metod återkoppling "
    "lunch företag tillväxt ny erfarenhet förtroende mål",
}
LANGUAGE_OF = {
    "FR": "fr", "BE": "fr", "LU": "fr", "DE": "de", "AT": "de", "LI": "de", "ES": "es",
    "IT": "it", "MT": "it", "PL": "pl", "FI": "fi", "NL": "nl", "PT": "pt", "SE": "sv",
}  # fmt: skip
OTHER_LANGUAGES = tuple(language for language in WORDS if language != "en")
LEGAL_FORM = {
    "FR": "SARL", "BE": "SRL", "LU": "S.à r.l.", "DE": "GmbH", "AT": "GmbH", "LI": "AG",
    "ES": "S.L.", "IT": "S.r.l.", "MT": "Ltd", "PL": "sp. z o.o.", "FI": "Oy", "NL": "B.V.",
    "PT": "Lda.", "SE": "AB", "DK": "ApS", "NO": "AS", "IS": "ehf.", "IE": "Ltd", "CZ": "s.r.o.",
    "SK": "s.r.o.", "SI": "d.o.o.", "HR": "d.o.o.", "HU": "Kft.", "RO": "SRL", "BG": "OOD",
    "GR": "IKE", "CY": "Ltd", "EE": "OÜ", "LV": "SIA", "LT": "UAB",
}  # fmt: skip
_NAME_TEXT = (
    "Nord Süd Lumière Atelier Koivu Brandt Verde Blue Pixel Delta Nova Alpha Sol Mare Terra "
    "Monte Riva Vento Fjord Lago Orbit Kraft Werk Data Logic Stone Oak Birch Cedar Pine River "
    "Harbour Bridge Tower Garden Meadow Forge Mill Loom Craft Code Byte Cloud Spark Bright "
    "Clear Swift Vast Prime Core Peak Arc Lux Vita Agro Bio Eco Techno Media Print Food Bake "
    "Brew Build Move Care Health Med Edu Art Design Studio Works Labs Systems Solutions Trade"
)
NAME_PARTS = tuple(_NAME_TEXT.split())
OTHER_TOOLS = ("Internal wiki", "Our own LMS", "YouTube playlists", "Vendor webinars",
               "Trello boards", "Notion pages", "Miro workshops")  # fmt: skip


def _pseudo_words(rng: random.Random, count: int) -> list[str]:
    """Word-like tokens for the long tail of the vocabulary (none equal to a search word)."""
    syllables = [c + v for c in "bcdfghjklmnprstvz" for v in "aeiouy"] + ["ch", "st", "tr"]
    planted = set(SEARCH_WORDS)
    words: set[str] = set()
    while len(words) < count:
        word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        if word not in planted:
            words.add(word)
    return sorted(words)


class TextMaker:
    """Sentences drawn from a pool per language; texts are made of whole sentences."""

    def __init__(self, rng: random.Random, pool_size: int = 2500):
        self.rng = rng
        tail = _pseudo_words(rng, 20_000)
        cumulative, total = [], 0.0
        for rank in range(len(tail)):  # Zipf: the k-th word is k times rarer than the first
            total += 1 / (rank + 1)
            cumulative.append(total)
        self.sentences: dict[str, list[str]] = {}
        self.title_words: dict[str, list[str]] = {}
        for language, text in WORDS.items():
            common = text.split()
            self.title_words[language] = common
            pool = []
            for _ in range(pool_size):
                words = rng.choices(common, k=rng.randint(5, 12))
                words += rng.choices(tail, cum_weights=cumulative, k=rng.randint(1, 4))
                rng.shuffle(words)
                pool.append(" ".join(words).capitalize() + ".")
            self.sentences[language] = pool

    def language(self, country: str) -> str:
        """An SME writes in its country's language four times in five, else in English; where
        we have no words for its language, in English or, as a stand-in for its own, in one of
        the other word lists (real practices come in 24 languages, not mostly English)."""
        if self.rng.random() >= 0.8:
            return "en"
        if country in LANGUAGE_OF:
            return LANGUAGE_OF[country]
        return "en" if self.rng.random() < 0.5 else self.rng.choice(OTHER_LANGUAGES)

    def title(self, language: str, planted: str | None) -> str:
        words = self.rng.sample(self.title_words[language], self.rng.randint(3, 6))
        if planted and self.rng.random() < 0.5:
            words[self.rng.randrange(len(words))] = planted
        return " ".join(words).capitalize()[:200]

    def text(self, language: str, low: int, high: int, planted: str | None = None) -> str:
        target = self.rng.randint(low, high)
        pool = self.sentences[language]
        parts, length = [], 0
        while length < target:
            sentence = self.rng.choice(pool)
            parts.append(sentence)
            length += len(sentence) + 1
        if planted:
            index = self.rng.randrange(len(parts))
            parts[index] = f"{parts[index][:-1]} {planted}."
        text = " ".join(parts)
        return text[:high].rsplit(" ", 1)[0] + "." if len(text) > high else text


@contextmanager
def explicit_timestamps(*models):
    """Let bulk_create keep the created_at/updated_at we give (auto_now/auto_now_add would
    overwrite them with one instant); restored on exit. Only this process is affected."""
    saved = []
    for model in models:
        for field in model._meta.concrete_fields:
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                saved.append((field, field.auto_now, field.auto_now_add))
                field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def _bulk(model, rows, log=None):
    started = time.perf_counter()
    for start in range(0, len(rows), BATCH):
        model.objects.bulk_create(rows[start : start + BATCH])
    if log:
        log(f"  {model._meta.db_table}: {len(rows)} rows in {time.perf_counter() - started:.1f}s")


def reviewers():
    """The REVIEWER_COUNT reviewer accounts (staff, in the Reviewers group), created once."""
    from django.contrib.auth.models import Group

    from accounts.models import User
    from accounts.roles import REVIEWERS

    group = Group.objects.get(name=REVIEWERS)
    users = []
    for index in range(REVIEWER_COUNT):
        user, created = User.objects.get_or_create(
            email=REVIEWER_EMAIL.format(index),
            defaults={"full_name": f"Reviewer {index}", "is_staff": True},
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
            user.groups.add(group)
        users.append(user)
    return users


def fill(n: int, *, seed: int = 4, log=print) -> dict:
    """Write the dataset for n published practices into empty practice/organisation tables.
    Returns what the measurement needs (slugs, search words present, combos of facets)."""
    from django.db import connection
    from django.utils import timezone
    from django.utils.text import slugify

    from accounts.enums import EEA_EFTA_STATES, EU_MEMBER_STATES, NaceSection, SizeBand
    from accounts.models import Membership, Organisation
    from practices.enums import Audience, PracticeState, Recommendation
    from practices.models import RUBRIC, Call, DetailRequest, Practice, Review, Topic, TrainingTool
    from practices.services import search_documents_refresh

    rng = random.Random(seed)
    began = time.perf_counter()
    now = timezone.now()
    text = TextMaker(rng)
    countries = EU_MEMBER_STATES + EEA_EFTA_STATES
    # bigger countries have more SMEs
    country_weights = [
        8 if c in ("DE", "FR", "IT", "ES", "PL") else 1 if c in ("LI", "IS", "MT", "LU") else 3
        for c in countries
    ]
    sectors = [s.value for s in NaceSection]
    topics = list(Topic.objects.values_list("pk", flat=True))
    tools = list(TrainingTool.objects.values_list("pk", flat=True))
    if not topics or not tools:
        raise RuntimeError("the taxonomy (migration practices 0003) is missing")
    review_total = max(6, round(n * 0.03))
    org_total = min(20_000, max(n // 5, min(n, 10)))

    # --- organisations --------------------------------------------------------------------
    started = now - timedelta(days=5 * 365)
    names: set[tuple[str, str]] = set()
    organisations = []
    for pk in range(1, org_total + 1):
        country = rng.choices(countries, country_weights)[0]
        legal = LEGAL_FORM.get(country, "Ltd")
        name = f"{rng.choice(NAME_PARTS)} {rng.choice(NAME_PARTS)} {legal}"
        if (name.lower(), country) in names:
            name = f"{name[: -len(legal)]}{pk} {legal}"
        names.add((name.lower(), country))
        organisations.append(
            Organisation(
                pk=pk,
                name=name,
                kind="sme",
                country=country,
                sector=rng.choice(sectors),
                size_band=rng.choices((SizeBand.MICRO, SizeBand.SMALL, SizeBand.MEDIUM), (6, 3, 1))[
                    0
                ],
                website=f"https://{slugify(name)[:40]}.example.eu",
                created_at=started + timedelta(seconds=rng.randrange(4 * 365 * 86400)),
            )
        )

    # --- calls: one a year for three years (closed), and one open now (the review backlog) --
    calls = []
    for years_ago in (3, 2, 1):
        opens = now - timedelta(days=365 * years_ago + 60)
        calls.append(
            Call(
                pk=len(calls) + 1,
                title=f"Digital SkillUp {now.year - years_ago}",
                slug=f"digital-skillup-{now.year - years_ago}",
                introduction=text.text("en", 300, 600),
                eligibility="SMEs established in the EU or the EEA.",
                opens_at=opens,
                closes_at=opens + timedelta(days=60),
            )
        )
    open_call = Call(
        pk=len(calls) + 1,
        title=f"Digital SkillUp {now.year}",
        slug=f"digital-skillup-{now.year}",
        introduction=text.text("en", 300, 600),
        opens_at=now - timedelta(days=60),
        closes_at=now + timedelta(days=14),
    )
    calls.append(open_call)

    # --- practices ------------------------------------------------------------------------
    practices, topic_rows, tool_rows = [], [], []
    topic_through, tool_through = Practice.topics.through, Practice.tools.through
    slugs = []

    def practice(pk: int, call: Call, state: str, *, published: bool) -> Practice:
        organisation = organisations[rng.randrange(org_total)]
        language = text.language(organisation.country)
        planted = rng.choice(SEARCH_WORDS) if rng.random() < PLANT_PROBABILITY else None
        title = text.title(language, planted)
        submitted = call.opens_at + timedelta(seconds=rng.randrange(59 * 86400))
        row = Practice(
            pk=pk,
            call=call,
            organisation=organisation,
            state=state,
            language=language,
            title=title,
            short_description=text.text(language, 300, 1200, planted),
            online_learning=text.text(language, 100, 500),
            methodology=text.text(language, 100, 500),
            other_tools=rng.choice(OTHER_TOOLS) if rng.random() < 0.15 else "",
            keep_learning=text.text(language, 100, 500),
            audience=rng.choice(Audience.values),
            employees_reached=rng.randint(2, 240),
            since_year=rng.randint(2005, now.year),
            internal_confirmed=True,
            publication_consent=rng.random() < 0.9 or published,
            publication_consent_at=submitted,
            submitted_at=submitted,
            created_at=submitted - timedelta(days=rng.randint(0, 20)),
            updated_at=submitted,
        )
        topic_rows.extend(
            topic_through(practice_id=pk, topic_id=t) for t in rng.sample(topics, rng.randint(1, 3))
        )
        tool_rows.extend(
            tool_through(practice_id=pk, trainingtool_id=t)
            for t in rng.sample(tools, rng.randint(1, 2))
        )
        if published:
            if rng.random() < 0.3:
                row.public_title = " ".join(title.split()[:3])
            if rng.random() < 0.3:
                row.public_description = row.short_description[:400].rsplit(" ", 1)[0] + "."
            row.public_version_approved_at = call.closes_at + timedelta(days=rng.randint(5, 40))
            row.slug = f"{slugify(row.display_title)[:100] or 'practice'}-{pk}"
            row.view_count = min(50_000, int(rng.paretovariate(1.2) * 15))
            slugs.append(row.slug)
        return row

    for pk in range(1, n + 1):
        published_at = now - timedelta(seconds=rng.randrange(3 * 365 * 86400))
        # the latest call that closed before publication (the first call for the oldest ones)
        call = max(
            (c for c in calls[:3] if c.closes_at <= published_at), key=lambda c: c.closes_at,
            default=calls[0],
        )  # fmt: skip
        row = practice(pk, call, PracticeState.PUBLISHED, published=True)
        row.published_at = max(published_at, row.public_version_approved_at)
        practices.append(row)

    review_states = (
        [PracticeState.IN_REVIEW] * 5
        + [PracticeState.SUBMITTED] * 2
        + [PracticeState.SHORTLISTED] * 2
        + [PracticeState.DETAIL_REQUESTED, PracticeState.DETAIL_RECEIVED, PracticeState.SELECTED]
    )
    in_review = []
    for index in range(review_total):
        # the first ones cover every state, so even a tiny dataset has each of them
        state = review_states[index] if index < len(review_states) else rng.choice(review_states)
        row = practice(n + index + 1, open_call, state, published=False)
        practices.append(row)
        in_review.append(row)

    # --- reviewers, reviews, requests for detail ------------------------------------------
    staff = reviewers()
    memberships = [
        Membership(user=user, organisation=organisations[rng.randrange(org_total)], role="member")
        for user in staff[1:]  # conflicts of interest to exclude (the one who logs in has none)
    ]
    reviews, requests = [], []
    for row in in_review:
        if row.state == PracticeState.SUBMITTED:
            continue
        for reviewer in rng.sample(staff, rng.randint(1, 3)):
            scores = {name: rng.randint(1, 5) for name in RUBRIC}
            reviewed = row.submitted_at + timedelta(hours=rng.randint(1, 200))
            reviews.append(
                Review(
                    practice=row,
                    reviewer=reviewer,
                    **scores,
                    score=round(sum(scores.values()) / len(RUBRIC), 2),
                    comment=text.text("en", 50, 300),
                    recommendation=rng.choice(Recommendation.values),
                    created_at=reviewed,
                    updated_at=reviewed,
                )
            )
        if row.state in (PracticeState.DETAIL_REQUESTED, PracticeState.DETAIL_RECEIVED):
            answered = row.state == PracticeState.DETAIL_RECEIVED
            requests.append(
                DetailRequest(
                    practice=row,
                    message=text.text("en", 50, 200),
                    requested_by=staff[0],
                    answer=text.text("en", 100, 400) if answered else "",
                    answered_at=now if answered else None,
                )
            )

    log(f"  generated the rows in {time.perf_counter() - began:.1f}s")
    with explicit_timestamps(Organisation, Practice, Review):
        _bulk(Organisation, organisations, log)
        _bulk(Call, calls, log)
        _bulk(Practice, practices, log)
    _bulk(topic_through, topic_rows, log)
    _bulk(tool_through, tool_rows, log)
    _bulk(Membership, memberships, log)
    with explicit_timestamps(Review):
        _bulk(Review, reviews, log)
    _bulk(DetailRequest, requests, log)
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [Organisation, Call, Practice]):
            cursor.execute(sql)

    # the search documents: practices.services' statement, once for every published practice
    started = time.perf_counter()
    search_documents_refresh()
    log(f"  search documents: built in {time.perf_counter() - started:.1f}s")
    return {"slugs": slugs, "review_total": review_total, "organisations": org_total}


def no_style():
    from django.core.management.color import no_style as style

    return style()


TABLES = (
    "accounts_organisation",
    "accounts_membership",
    "practices_call",
    "practices_practice",
    "practices_practicesearch",
    "practices_practice_topics",
    "practices_practice_tools",
    "practices_review",
    "practices_detailrequest",
)


def language_shares() -> list[tuple[str, float]]:
    """The published practices' languages, most frequent first, as shares of all of them."""
    from django.db.models import Count

    from practices.enums import PracticeState
    from practices.models import Practice

    rows = list(
        Practice.objects.filter(state=PracticeState.PUBLISHED)
        .values_list("language")
        .annotate(rows=Count("pk"))
        .order_by("-rows", "language")
    )
    total = sum(count for _language, count in rows) or 1
    return [(language, count / total) for language, count in rows]


def analyse(*, vacuum: bool) -> None:
    """VACUUM ANALYZE after the big fill (sets the visibility map and the statistics, which
    autovacuum would do in production); ANALYZE only inside a transaction."""
    from django.db import connection

    with connection.cursor() as cursor:
        for table in TABLES:
            cursor.execute(f"{'VACUUM ANALYZE' if vacuum else 'ANALYZE'} {table}")


def empty() -> None:
    """Remove every organisation, call and practice (and what hangs on them): the fill starts
    from empty tables. Users (the reviewers among them) stay."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE accounts_organisation, practices_call, practices_practice CASCADE")
