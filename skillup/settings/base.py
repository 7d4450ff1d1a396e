"""Settings shared by every environment. Environment variables are read through `env` only.

Nothing set gives the embedded default: SQLite, eager Celery, console email, locmem cache.
DATABASE_URL, CELERY_BROKER_URL / REDIS_URL and EMAIL_URL switch to PostgreSQL, Redis and SMTP.
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from corsheaders.defaults import default_headers as cors_default_headers
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
if (BASE_DIR / ".env").is_file():
    env.read_env(BASE_DIR / ".env")

# ---------------------------------------------------------------------------------------------
# Core
# ---------------------------------------------------------------------------------------------
DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="insecure-local-development-key-never-used-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
ROOT_URLCONF = "skillup.urls"
WSGI_APPLICATION = "skillup.wsgi.application"
SITE_ID = 1
# Base of absolute links in emails sent outside a request (Celery); no trailing slash.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")
SITE_NAME = "SkillUp"

# ---------------------------------------------------------------------------------------------
# Applications
# ---------------------------------------------------------------------------------------------
DJANGO_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django.forms",  # its templates, so that templates/ may override a widget's
]
THIRD_PARTY_APPS = [
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_countries",
    "django_filters",
    "csp",
    "django_htmx",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
]
LOCAL_APPS = [
    "accounts",
    "notifications",
    "practices",
    "volunteers",
    "matching",
    "privacy",
    "outreach",  # coordinators writing to groups: reads practices, volunteers and matching
    "api",  # the read-only open-data API: reads practices, volunteers and the taxonomy (#17)
    "opendata",  # bulk datasets and their DCAT-AP catalogue (#17)
    "skillup",  # project-wide: deploy checks, shared abstract models, seed_demo
]
# modeltranslation patches the admin's model registry: it must load before django.contrib.admin
INSTALLED_APPS = ["modeltranslation", *DJANGO_APPS, *THIRD_PARTY_APPS, *LOCAL_APPS]
# Widgets render through the template engine, so templates/admin/widgets/split_datetime.html
# (real labels for the admin's date and time inputs) is used.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # beside SecurityMiddleware (its documentation's place): every response gets the header,
    # static files and refusals included
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # as high as possible, before any middleware that can answer (django-cors-headers' docs):
    # a CORS preflight to /api/ is answered here, and every /api/ answer carries its headers
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # after LocaleMiddleware (a /fr/ path resolves only once its language is active) and before
    # CSRF, log-in and two-factor redirects: a method no page uses is refused first
    "skillup.middleware.HttpMethodsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # after HtmxMiddleware: a redirect answering htmx loads the whole page it points to
    "skillup.middleware.HtmxWholePageRedirectMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # after allauth's: staff without an authenticator are sent to set one up
    "accounts.mfa.StaffMFARequiredMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "accounts.context_processors.portal",
            ],
        },
    },
]

# ---------------------------------------------------------------------------------------------
# Database
# ---------------------------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
# Persistent connections (about 7x throughput here), checked before reuse so a PostgreSQL
# restart costs no request.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # PracticeViewDay's covering index (INCLUDE) is PostgreSQL's; on the embedded default SQLite
    # builds it without the included column, which is all a demo needs: no warning at `make run`
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# ---------------------------------------------------------------------------------------------
# Cache: Redis through django-redis when REDIS_URL is set, failing open (a Redis outage costs
# speed, never a 500; skillup.cache logs it once a minute); process-local memory otherwise.
# ---------------------------------------------------------------------------------------------
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "skillup.cache.FailOpenRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 2,
                "SOCKET_TIMEOUT": 2,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# ---------------------------------------------------------------------------------------------
# Sessions and messages: in the database, never cached_db (it raises when Redis is down).
# ---------------------------------------------------------------------------------------------
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = 12 * 3600
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
CSRF_FAILURE_VIEW = "accounts.views.csrf_failure"

# ---------------------------------------------------------------------------------------------
# Authentication (django-allauth: email login, mandatory verification, built-in rate limits)
# ---------------------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    # OWASP's minimum Argon2id parameters (see the module); it also checks hashes made with
    # other parameters, which are upgraded at the next log-in
    "skillup.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 3600
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard"
ACCOUNT_LOGOUT_REDIRECT_URL = "home"

ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupExtraForm"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False  # no state change on GET: the link opens a confirm button
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[SkillUp] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = env("ACCOUNT_DEFAULT_HTTP_PROTOCOL", default="http")
# Brute force: allauth's defaults (login_failed "10/m/ip,5/300s/key": at most 60 failures an hour
# per account, ASVS 2.2.1) kept explicit so a reader sees them.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/300s/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
}
# Two-factor authentication (allauth.mfa): required of staff by accounts.mfa; an authenticator
# app (TOTP) with recovery codes. WebAuthn stays off (it would need fido2 and JavaScript).
MFA_ADAPTER = "accounts.mfa.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = SITE_NAME
# One period either side (RFC 6238 §5.2: clock drift and typing time); a code still works once.
MFA_TOTP_TOLERANCE = 1
# Behind N reverse proxies the client address is the Nth from the right in X-Forwarded-For;
# rate limits (log-in, contact form) and view counts key on it. 0 = no proxy (REMOTE_ADDR).
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# ---------------------------------------------------------------------------------------------
# Internationalisation
# ---------------------------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("de", _("German")),
    ("es", _("Spanish")),
    ("it", _("Italian")),
    ("pl", _("Polish")),
    ("nl", _("Dutch")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Staff-written content (calls, events; registered in <app>/translation.py) has one column per
# language: title_en, title_fr, title_de, title_es, … English is required and is what an empty
# translation falls back to; a model built with title=… fills the English column whatever the
# active language.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
MODELTRANSLATION_PREPOPULATE_LANGUAGE = "en"
MODELTRANSLATION_AUTO_POPULATE = "default"
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

# ---------------------------------------------------------------------------------------------
# Static files (Bootstrap is vendored under static/: no CDN, works offline and under the CSP)
# ---------------------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# ---------------------------------------------------------------------------------------------
# Forms
# ---------------------------------------------------------------------------------------------
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# ---------------------------------------------------------------------------------------------
# Security headers (production tightens the transport ones)
# ---------------------------------------------------------------------------------------------
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Permissions-Policy (django-permissions-policy): the browser features the portal never uses are
# off for its pages and anything they might frame. Kept on, for the page itself only:
# clipboard-write (a practice page's "copy link"). WebAuthn is off (MFA_SUPPORTED_TYPES); turning
# it on needs "self" for the two publickey-credentials features. A feature a browser does not
# know is a console warning on every page: Chromium 156 on Linux knows all of these but
# bluetooth and web-share, which it does know on the platforms that have them.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "bluetooth": [],
    "browsing-topics": [],
    "camera": [],
    "clipboard-read": [],
    "clipboard-write": ["self"],
    "display-capture": [],
    "encrypted-media": [],
    "fullscreen": [],
    "gamepad": [],
    "geolocation": [],
    "gyroscope": [],
    "hid": [],
    "identity-credentials-get": [],
    "idle-detection": [],
    "local-fonts": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "otp-credentials": [],
    "payment": [],
    "picture-in-picture": [],
    "publickey-credentials-create": [],
    "publickey-credentials-get": [],
    "screen-wake-lock": [],
    "serial": [],
    "usb": [],
    "web-share": [],
    "window-management": [],
    "xr-spatial-tracking": [],
}

# ---------------------------------------------------------------------------------------------
# Email: console with nothing set; EMAIL_URL (smtp://user:pass@host:port) or EMAIL_HOST/PORT
# for SMTP. A hung SMTP server must never block a worker forever.
# ---------------------------------------------------------------------------------------------
if env("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
elif env("EMAIL_HOST", default=""):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env("EMAIL_HOST")
    EMAIL_PORT = env.int("EMAIL_PORT", default=25)
    EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
    EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
    EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="SkillUp <no-reply@skillup.example.eu>")
SERVER_EMAIL = env("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)

# ---------------------------------------------------------------------------------------------
# Celery: JSON only, at-least-once delivery (tasks are idempotent), eager without a broker.
# ---------------------------------------------------------------------------------------------
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL) or "memory://"
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL == "memory://"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
    # a web request publishing while Redis is down must fail at once (the sweeper re-queues),
    # not wait through kombu's connection retries
    "max_retries": 0,
}
# Publishing gives up fast: a broker outage must not hold a web request (the sweeper re-queues).
CELERY_TASK_PUBLISH_RETRY = False
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=60)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=90)
CELERY_BEAT_SCHEDULE = {
    "sweep-notification-outbox": {
        "task": "notifications.sweep",
        "schedule": env.float("NOTIFICATIONS_SWEEP_SECONDS", default=30.0),
    },
    "send-reminders": {"task": "notifications.send_reminders", "schedule": 15 * 60.0},
    "expire-proposals": {"task": "matching.expire_proposals", "schedule": 15 * 60.0},
    # the coordinators' programme overview, counted ahead in every language (skillup.overview)
    "count-programme-overview": {"task": "skillup.count_overview", "schedule": 5 * 60.0},
    # group messages whose batches a lost task or a broker outage left unwritten
    "sweep-group-messages": {"task": "outreach.sweep", "schedule": 60.0},
    # privacy: purge what the retention periods below say has gone (daily)
    "apply-retention": {"task": "accounts.apply_retention", "schedule": 24 * 3600.0},
    # open data (#17): the datasets regenerated within minutes of a publication or a takedown
    # (only when their fingerprint changed), and in full every night; SMEs asked once to put
    # practices published before the consent named CC BY 4.0 under it
    "refresh-open-datasets": {
        "task": "opendata.refresh",
        "schedule": env.float("OPEN_DATA_REFRESH_SECONDS", default=3 * 60.0),
    },
    "regenerate-open-datasets": {
        "task": "opendata.regenerate",
        "schedule": crontab(hour=3, minute=30),
    },
    "ask-licence-renewals": {"task": "opendata.ask_licence_renewals", "schedule": 3600.0},
    # the practices' views counted in Redis, written to the database (practices.viewcounts):
    # what a Redis restart without its data can lose is at most this interval's views
    "flush-practice-views": {
        "task": "practices.flush_views",
        "schedule": env.float("PRACTICE_VIEWS_FLUSH_SECONDS", default=60.0),
    },
}
# Where the open datasets are written (opendata.datasets) and served from (opendata.views): a
# directory the workers that write and the web processes that serve both see (by default in
# MEDIA_ROOT, the volume docker-compose already shares between them; gitignored with it).
OPEN_DATA_ROOT = env.path("OPEN_DATA_ROOT", default=str(Path(str(MEDIA_ROOT)) / "open-data"))
# A generation of 100,000 practices takes well under a minute; the limit leaves room.
OPEN_DATA_TASK_SOFT_SECONDS = env.int("OPEN_DATA_TASK_SOFT_SECONDS", default=15 * 60)
OPEN_DATA_LOCK_SECONDS = OPEN_DATA_TASK_SOFT_SECONDS + 60

# ---------------------------------------------------------------------------------------------
# Notification outbox (see notifications/services.py). The lease outlives the task's hard time
# limit, so a row is only re-claimed once its worker is surely gone; backoff stays far below
# the broker's visibility timeout because retries are scheduled in the database, not as ETAs.
# ---------------------------------------------------------------------------------------------
NOTIFICATIONS_LEASE_SECONDS = env.int("NOTIFICATIONS_LEASE_SECONDS", default=120)
NOTIFICATIONS_MAX_ATTEMPTS = env.int("NOTIFICATIONS_MAX_ATTEMPTS", default=10)
NOTIFICATIONS_BACKOFF_BASE_SECONDS = env.float("NOTIFICATIONS_BACKOFF_BASE_SECONDS", default=30.0)
NOTIFICATIONS_BACKOFF_MAX_SECONDS = env.float("NOTIFICATIONS_BACKOFF_MAX_SECONDS", default=1800.0)
NOTIFICATIONS_REQUEUE_AFTER_SECONDS = env.int("NOTIFICATIONS_REQUEUE_AFTER_SECONDS", default=120)
NOTIFICATIONS_SWEEP_BATCH = env.int("NOTIFICATIONS_SWEEP_BATCH", default=2000)
# Rows one batch task sends over one SMTP connection (the sweep and enqueue_many): small, so a
# batch ends well within the lease and a worker killed mid-batch leaves few rows to wait for it.
NOTIFICATIONS_SEND_BATCH = env.int("NOTIFICATIONS_SEND_BATCH", default=50)
NOTIFICATIONS_MESSAGE_ID_DOMAIN = env(
    "NOTIFICATIONS_MESSAGE_ID_DOMAIN", default="skillup.example.eu"
)

# ---------------------------------------------------------------------------------------------
# Logging: one line per record on stderr; the process manager collects it.
# ---------------------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
    },
}

# ---------------------------------------------------------------------------------------------
# SkillUp
# ---------------------------------------------------------------------------------------------
INVITATION_VALID_DAYS = env.int("INVITATION_VALID_DAYS", default=14)

# Good-practice calls
PRACTICE_ATTACHMENT_MAX_BYTES = env.int("PRACTICE_ATTACHMENT_MAX_BYTES", default=5 * 1024 * 1024)
# A visitor's reloads of a practice page within this window count as one view.
PRACTICE_VIEW_DEDUP_SECONDS = env.int("PRACTICE_VIEW_DEDUP_SECONDS", default=30 * 60)
# The programme overview's target of views of published practices per campaign (52 weeks).
PROGRAMME_VIEWS_TARGET = env.int("PROGRAMME_VIEWS_TARGET", default=20_000)
# Deadline reminders to SMEs with an unsubmitted draft, days before the call closes.
PRACTICE_REMINDER_DAYS = (7, 1)
# Email domains many unrelated people share, besides the public webmail ones
# (practices.permissions.PUBLIC_EMAIL_DOMAINS): a reviewer sharing one with an SME's member is
# not in conflict of interest with it. The demo's accounts (seed_demo) all share theirs.
REVIEW_CONFLICT_SHARED_DOMAINS = env.list(
    "REVIEW_CONFLICT_SHARED_DOMAINS", default=["demo.skillup.eu"]
)

# Privacy (GDPR). A consent is recorded with the version of the text the person saw; change a
# version when its text changes (the privacy notice page shows PRIVACY_NOTICE_VERSION).
PRIVACY_NOTICE_VERSION = "2025-06-01"
TERMS_VERSION = "2025-06-01"
# the publication consent names the open licence (CC BY 4.0) since this version (#17; its number
# in practices.enums.PUBLICATION_CONSENT_VERSION)
PUBLICATION_CONSENT_VERSION = "2026-12-01"
# Where people write to exercise their rights (shown on the privacy notice).
PRIVACY_CONTACT_EMAIL = env("PRIVACY_CONTACT_EMAIL", default="privacy@skillup.example.eu")
# Accessibility statement (Directive (EU) 2016/2102): where people report a barrier, and the
# enforcement procedure of the operator's Member State (default: the Commission's list of them).
ACCESSIBILITY_CONTACT_EMAIL = env(
    "ACCESSIBILITY_CONTACT_EMAIL", default="accessibility@skillup.example.eu"
)
ACCESSIBILITY_ENFORCEMENT_URL = env(
    "ACCESSIBILITY_ENFORCEMENT_URL",
    default="https://digital-strategy.ec.europa.eu/en/policies/web-accessibility",
)
# Retention, in days (stated in the privacy notice; applied daily by accounts.apply_retention):
# drafts never submitted, counted from the close of their call (or the SME's extension);
RETENTION_DRAFT_DAYS = env.int("RETENTION_DRAFT_DAYS", default=180)
# declined submissions, counted from the decision;
RETENTION_DECLINED_DAYS = env.int("RETENTION_DECLINED_DAYS", default=365)
# the bodies of sent or failed emails (they hold reset links and messages; the row stays);
RETENTION_NOTIFICATION_BODY_DAYS = env.int("RETENTION_NOTIFICATION_BODY_DAYS", default=90)
# visitors' messages to an SME (already delivered by email).
RETENTION_CONTACT_MESSAGE_DAYS = env.int("RETENTION_CONTACT_MESSAGE_DAYS", default=365)

# ---------------------------------------------------------------------------------------------
# The open-data API (/api/v1/, #17): anonymous, read-only JSON; Django REST framework with
# drf-spectacular's OpenAPI schema. No authentication at all: nobody's session is read, so no
# CSRF either (the API answers GET, HEAD and OPTIONS only).
# ---------------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.ApiClientThrottle"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
}
# Requests per client address (skillup.ratelimit.client_ip) per period ("120/min"); empty: no
# limit (benchmarks). Read at each request, so tests may override it.
API_RATE_LIMIT = env("API_RATE_LIMIT", default="120/min")
# How long browsers and shared caches may keep an answer without asking again (then ETag and
# Last-Modified make the question cheap: a 304).
API_MAX_AGE = env.int("API_MAX_AGE", default=60)
# How long the portal keeps a practices answer (list or detail) for the next client asking the
# same address in the same practices version (api/conditional.py); 0: never (benchmarks).
API_CACHE_SECONDS = env.int("API_CACHE_SECONDS", default=60)
SPECTACULAR_SETTINGS = {
    "TITLE": "SkillUp open-data API",
    "DESCRIPTION": (
        "Read-only, anonymous access to what the SkillUp portal publishes: good practices of "
        "SMEs (with the public list's filters, search and sort orders), public calls, the "
        "Digital Volunteers' public pledges with their progress, the skill taxonomy and the "
        "programme's figures. Labels come in the language asked with `lang` or "
        "Accept-Language; a practice's own text stays in the language it is written in "
        "(its `language`). Answers carry ETag and Last-Modified: ask again with If-None-Match "
        "or If-Modified-Since and get a 304 while nothing changed. Each client address may "
        "make a limited number of requests a minute (429 with Retry-After beyond)."
    ),
    "VERSION": "1.0.0",
    "LICENSE": {
        "name": "CC BY 4.0 (practices' text)",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    },
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_AUTHENTICATION": [],
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": False,
    # Swagger UI and its favicon from our own static files (drf-spectacular-sidecar): no CDN,
    # and script-src 'self' holds (the docs page is SpectacularSwaggerSplitView: no inline script)
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "supportedSubmitMethods": ["get"]},
    "DISABLE_ERRORS_AND_WARNINGS": False,
}
# CORS (django-cors-headers): any site may read the API from a browser; nothing else of the
# portal is shared, and no cookie or credential is ever sent along.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_CREDENTIALS = False
# beside the defaults: the conditional request headers a reuser's script sends to get a 304
CORS_ALLOW_HEADERS = (*cors_default_headers, "if-none-match", "if-modified-since")
CORS_EXPOSE_HEADERS = ("ETag", "Last-Modified", "Retry-After", "Content-Language")
CORS_PREFLIGHT_MAX_AGE = 86400
