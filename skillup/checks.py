"""Deploy checks for what `check --deploy` cannot see (run with --fail-level WARNING in CI)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.db import connections

# Browser features the Permissions-Policy header must always turn off (settings/base.py lists more).
PERMISSIONS_ALWAYS_OFF = ("camera", "microphone", "geolocation", "payment", "usb")


def _csp_directives() -> dict:
    return getattr(settings, "CONTENT_SECURITY_POLICY", {}).get("DIRECTIVES", {})


@register(Tags.security, deploy=True)
def check_skillup_security(app_configs=None, **kwargs) -> list[Warning]:
    problems: list[Warning] = []
    csp = _csp_directives()
    for directive, value in (
        ("object-src", "'none'"),
        ("base-uri", "'none'"),
        ("frame-ancestors", "'none'"),
    ):
        if value not in csp.get(directive, []):
            problems.append(
                Warning(f"CSP lacks {directive} {value}.", id="skillup.W001", obj=directive)
            )
    for directive in ("script-src", "style-src", "default-src"):
        if any("unsafe-inline" in v or "unsafe-eval" in v for v in csp.get(directive, [])):
            problems.append(
                Warning(f"CSP {directive} allows inline code.", id="skillup.W002", obj=directive)
            )
    for name in ("SESSION_COOKIE_NAME", "CSRF_COOKIE_NAME"):
        if not getattr(settings, name).startswith("__Host-"):
            problems.append(Warning(f"{name} lacks the __Host- prefix.", id="skillup.W003"))
    if not settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher"):
        problems.append(Warning("Argon2 is not the first password hasher.", id="skillup.W004"))
    if settings.EMAIL_TIMEOUT is None:
        problems.append(Warning("EMAIL_TIMEOUT is not set.", id="skillup.W005"))
    if not settings.DATABASES["default"].get("CONN_HEALTH_CHECKS"):
        problems.append(Warning("CONN_HEALTH_CHECKS is off.", id="skillup.W006"))
    if not (settings.CELERY_TASK_ACKS_LATE and settings.CELERY_TASK_REJECT_ON_WORKER_LOST):
        problems.append(
            Warning("Celery must ack late and requeue on worker loss.", id="skillup.W007")
        )
    if settings.CELERY_WORKER_PREFETCH_MULTIPLIER != 1:
        problems.append(Warning("Celery prefetch multiplier must be 1.", id="skillup.W008"))
    if "cached_db" in settings.SESSION_ENGINE or "cache" in settings.SESSION_ENGINE:
        problems.append(
            Warning("Sessions must live in the database, not the cache.", id="skillup.W009")
        )
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS.get("visibility_timeout", 3600)
    if visibility <= settings.NOTIFICATIONS_BACKOFF_MAX_SECONDS:
        problems.append(
            Warning(
                "Notification backoff must stay below the broker's visibility timeout.",
                id="skillup.W011",
            )
        )
    if settings.NOTIFICATIONS_LEASE_SECONDS <= settings.CELERY_TASK_TIME_LIMIT:
        problems.append(
            Warning(
                "The notification lease must outlive the task's hard time limit, or a slow "
                "worker's row could be claimed and sent twice.",
                id="skillup.W012",
            )
        )
    if settings.CELERY_TASK_ALWAYS_EAGER:
        problems.append(Warning("Celery runs eagerly: set CELERY_BROKER_URL.", id="skillup.W010"))
    if (
        "accounts.mfa.StaffMFARequiredMiddleware" not in settings.MIDDLEWARE
        or "totp" not in getattr(settings, "MFA_SUPPORTED_TYPES", [])
    ):
        problems.append(
            Warning(
                "Staff must be made to use two-factor authentication: keep "
                "accounts.mfa.StaffMFARequiredMiddleware and TOTP in MFA_SUPPORTED_TYPES.",
                id="skillup.W013",
            )
        )
    policy = getattr(settings, "PERMISSIONS_POLICY", {})
    if "django_permissions_policy.PermissionsPolicyMiddleware" not in settings.MIDDLEWARE or any(
        policy.get(feature) != [] for feature in PERMISSIONS_ALWAYS_OFF
    ):
        problems.append(
            Warning(
                "The Permissions-Policy header must turn off "
                f"{', '.join(PERMISSIONS_ALWAYS_OFF)}: keep "
                "django_permissions_policy.PermissionsPolicyMiddleware and PERMISSIONS_POLICY.",
                id="skillup.W014",
            )
        )
    if "skillup.middleware.HttpMethodsMiddleware" not in settings.MIDDLEWARE:
        problems.append(
            Warning(
                "Methods no page uses (PUT, PATCH, DELETE, TRACE) must be refused: keep "
                "skillup.middleware.HttpMethodsMiddleware.",
                id="skillup.W015",
            )
        )
    return problems


# The PostgreSQL extensions search needs (practices' migration 0014 creates them): accents folded
# in every language's configuration, and "Did you mean …?" from trigram similarity.
SEARCH_EXTENSIONS = ("unaccent", "pg_trgm")


def missing_extensions(names, using: str = "default") -> list[str]:
    """Which of these PostgreSQL extensions the database lacks (none on another engine)."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute("SELECT extname FROM pg_extension WHERE extname = ANY(%s)", [list(names)])
        present = {row[0] for row in cursor.fetchall()}
    return [name for name in names if name not in present]


@register(Tags.database, deploy=True)
def check_search_extensions(
    app_configs=None, databases=None, extensions=SEARCH_EXTENSIONS, **kwargs
) -> list[Warning]:
    """Run by `check --deploy --database default` (a database check reads the database only
    when asked to)."""
    problems: list[Warning] = []
    for using in databases or ():
        missing = missing_extensions(extensions, using)
        if missing:
            problems.append(
                Warning(
                    f"The PostgreSQL extensions {', '.join(missing)} are missing: search "
                    "cannot fold accents or suggest corrections.",
                    hint=(
                        "Run `python manage.py migrate`, as the database's owner (both are "
                        "trusted extensions), or as a superuser: "
                        + " ".join(f"CREATE EXTENSION IF NOT EXISTS {name};" for name in missing)
                    ),
                    id="skillup.W016",
                    obj=using,
                )
            )
    return problems
