"""Demo calls and practices for `manage.py seed_demo` (idempotent: keyed on slugs and titles)."""

from datetime import timedelta

from django.utils import timezone
from django.utils.text import slugify

from .enums import PracticeState
from .models import Call, Practice, Review, Topic, TrainingTool
from .services import published_practices_changed

OPEN_CALL = {
    "slug": "digital-skillup-good-practices",
    "title": "Digital SkillUp: SMEs' good practices for upskilling",
    "introduction": (
        "How does your SME keep its staff's digital skills up to date? Tell us in a few "
        "sentences about one internal practice: online learning, your method, the tools you use "
        "(such as Elements of AI) and how you keep people learning. The most outstanding "
        "practices are published here and their SMEs invited to our events."
    ),
    "eligibility": (
        "Small and medium-sized enterprises (fewer than 250 employees) established in the EU or "
        "the EEA. The practice must be internal: run by the SME itself, not bought from an "
        "external company or training provider."
    ),
    "how_to_take_part": (
        "Sign up, register your SME, then submit your practice before the deadline. You can "
        "save a draft and come back to it."
    ),
}
PAST_CALL = {
    "slug": "digital-skillup-2025",
    "title": "Digital SkillUp 2025",
    "introduction": "Last year's call: the selected practices are published below.",
    "eligibility": "SMEs established in the EU or the EEA.",
}

# organisation, title, description, audience, topics, tools, views
PUBLISHED = [
    ("Atelier Lumière SARL", "Friday learning hour",
     "Every Friday afternoon the whole workshop spends one hour on an online course chosen with "
     "their manager. Elements of AI was our first shared course; progress is discussed at the "
     "Monday meeting.", "both", ["artificial-intelligence", "basic-digital-skills"],
     ["elements-of-ai"], 412),
    ("Brandt & Söhne Logistik GmbH", "Drivers become data champions",
     "Our drivers and dispatchers learn to read the route data they produce. A dispatcher "
     "trained as a 'data champion' runs 20-minute sessions in the depot using our own dashboards.",
     "other", ["data-analytics"], ["microsoft-learn"], 268),
    ("Koivu Design Oy", "Pair learning for design tools",
     "Each new tool is learnt in pairs: one designer follows the online course, then teaches a "
     "colleague on a real project the same week.", "ict", ["software-development", "collaboration"],
     ["linkedin-learning"], 133),
    ("Tecnologías Verdes del Sur S.L.", "Cyber hygiene month",
     "Every October all staff take a short online cybersecurity course and a simulated phishing "
     "test; results are shared anonymously and the best team gets a lunch.", "both",
     ["cybersecurity"], ["digital-skills-jobs-platform"], 590),
]  # fmt: skip


def seed_practices(*, organisations: dict, users: dict) -> None:
    now = timezone.now()
    open_call, _ = Call.objects.get_or_create(
        slug=OPEN_CALL["slug"],
        defaults=OPEN_CALL
        | {"opens_at": now - timedelta(days=14), "closes_at": now + timedelta(days=45)},
    )
    past_call, _ = Call.objects.get_or_create(
        slug=PAST_CALL["slug"],
        defaults=PAST_CALL
        | {"opens_at": now - timedelta(days=400), "closes_at": now - timedelta(days=300)},
    )
    for index, (org_name, title, text, audience, topics, tools, views) in enumerate(PUBLISHED):
        organisation = organisations[org_name]
        practice, created = Practice.objects.get_or_create(
            organisation=organisation,
            title=title,
            defaults={
                "call": past_call,
                "state": PracticeState.PUBLISHED,
                "short_description": text,
                "online_learning": "Online courses during paid working time.",
                "methodology": "Learn, apply on a real task the same week, share with a colleague.",
                "keep_learning": "Progress is discussed in team meetings; certificates celebrated.",
                "audience": audience,
                "employees_reached": 8 + 7 * index,
                "since_year": 2019 + index,
                "internal_confirmed": True,
                "publication_consent": True,
                "publication_consent_at": now - timedelta(days=330),
                "submitted_at": now - timedelta(days=320),
                "public_version_approved_at": now - timedelta(days=280),
                "published_at": now - timedelta(days=270 - 10 * index),
                "view_count": views,
            },
        )
        if created:
            practice.slug = f"{slugify(practice.title)}-{practice.pk}"
            practice.save(update_fields=["slug"])
            practice.topics.set(Topic.objects.filter(slug__in=topics))
            practice.tools.set(TrainingTool.objects.filter(slug__in=tools))
            published_practices_changed([practice.pk])

    # one submission in review in the open call, with one review, for the reviewer's admin list
    in_review, created = Practice.objects.get_or_create(
        organisation=organisations["Brandt & Söhne Logistik GmbH"],
        title="Warehouse robots, explained by the people who run them",
        defaults={
            "call": open_call,
            "state": PracticeState.IN_REVIEW,
            "created_by": users.get("sme2.admin@demo.skillup.eu"),
            "short_description": "Operators who first used our picking robots now train the "
            "others through short videos they record themselves.",
            "online_learning": "Videos on our intranet, watched on tablets in the warehouse.",
            "methodology": "Peer teaching.",
            "keep_learning": "A new video each month.",
            "audience": "other",
            "internal_confirmed": True,
            "submitted_at": now - timedelta(days=3),
        },
    )
    if created and users.get("reviewer@demo.skillup.eu"):
        in_review.tools.set(TrainingTool.objects.filter(slug="moodle"))
        Review.objects.create(
            practice=in_review,
            reviewer=users["reviewer@demo.skillup.eu"],
            innovation=4,
            impact=5,
            transferability=4,
            clarity=3,
            recommendation="select",
            comment="Strong peer-learning angle.",
        )
