import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from skillup.fields import HttpsURLField

from .enums import (
    SME_SIZE_BANDS,
    ConsentKind,
    EuEeaCountries,
    MembershipRole,
    NaceSection,
    OrganisationKind,
    SizeBand,
)

MSG_DUPLICATE_ORGANISATION = _(
    "An organisation with this name is already registered in this country. "
    "Ask one of its administrators to invite you."
)


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not (extra_fields["is_staff"] and extra_fields["is_superuser"]):
            raise ValueError("A superuser needs is_staff and is_superuser.")
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person. Logs in with the email address; there is no user name."""

    email = models.EmailField(_("email address"), max_length=320, unique=True)
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Emails are written to you in this language."),
    )
    is_staff = models.BooleanField(_("staff status"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    # set when the person deleted their account: the row stays (logs and decisions point to it)
    # with no personal data left, see privacy.services.account_delete
    erased_at = models.DateTimeField(_("account deleted at"), null=True, blank=True)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        if self.erased_at is not None:
            return gettext("a deleted user")
        return self.full_name or self.email

    def clean(self) -> None:
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email


class Organisation(models.Model):
    """An SME or a large company taking part in the programme."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    country = CountryField(_("country"), countries=EuEeaCountries)
    sector = models.CharField(_("sector (NACE section)"), max_length=1, choices=NaceSection.choices)
    size_band = models.CharField(_("size"), max_length=10, choices=SizeBand.choices)
    website = HttpsURLField(_("website"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations_created",
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="Membership",
        related_name="organisations",
        verbose_name=_("members"),
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                "country",
                name="accounts_organisation_name_country_unique",
                violation_error_message=MSG_DUPLICATE_ORGANISATION,
            ),
        ]
        indexes = [models.Index(fields=["kind", "country"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organisation_detail", kwargs={"pk": self.pk})

    def clean(self) -> None:
        super().clean()
        if self.kind == OrganisationKind.SME and self.size_band == SizeBand.LARGE:
            raise ValidationError(
                {"size_band": _("An SME has fewer than 250 employees. Choose its size band.")}
            )
        if self.kind == OrganisationKind.LARGE_COMPANY and self.size_band in SME_SIZE_BANDS:
            raise ValidationError({"size_band": _("A large company has 250 employees or more.")})

    @property
    def is_sme(self) -> bool:
        return self.kind == OrganisationKind.SME


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(
        _("role"), max_length=10, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    created_at = models.DateTimeField(_("joined at"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation", "user"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="accounts_membership_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"

    @property
    def is_admin(self) -> bool:
        return self.role == MembershipRole.ADMIN


def _invitation_token() -> str:
    return secrets.token_urlsafe(32)


def _invitation_expiry():
    return timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS)


class InvitationQuerySet(models.QuerySet):
    def unanswered(self):
        """Not accepted yet (expired ones included: they can be sent again)."""
        return self.filter(accepted_at__isnull=True)

    def open(self, now=None):
        """Not accepted and not expired: the link still works (the row twin of `is_open`)."""
        return self.unanswered().filter(expires_at__gt=now or timezone.now())


class InvitationBase(models.Model):
    """An invitation by email to join something: a secret link (`token`) that works until it
    expires or is accepted. Inviting the same address again re-sends the open invitation with a
    fresh expiry (`renew`). A concrete invitation declares what it invites to (a foreign key to
    the organisation), who sent and who accepted it (each with its own related_name), its
    one-open-invitation constraint, `__str__` and `get_absolute_url`."""

    email = models.EmailField(_("email address"), max_length=254)
    token = models.CharField(max_length=64, unique=True, default=_invitation_token, editable=False)
    language = models.CharField(
        _("language of the email"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"), default=_invitation_expiry)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and not self.is_expired

    def renew(self) -> None:
        """A fresh expiry, counted from now (not saved)."""
        self.expires_at = _invitation_expiry()


class Invitation(InvitationBase):
    """An organisation admin asks a colleague, by email, to join the organisation."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    role = models.CharField(
        _("role"), max_length=10, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="invitations_sent",
    )
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations_accepted",
    )

    class Meta(InvitationBase.Meta):
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            # One open invitation per address and organisation: inviting twice re-sends it.
            models.UniqueConstraint(
                Lower("email"),
                "organisation",
                condition=models.Q(accepted_at__isnull=True),
                name="accounts_invitation_open_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"

    def get_absolute_url(self) -> str:
        return reverse("invitation_accept", kwargs={"token": self.token})


class Consent(models.Model):
    """Proof that a person agreed to something (GDPR art. 7): what, which version of the text,
    when, and when they withdrew it. Never pre-ticked; written by accounts.services.consent_give.
    A row outlives the account it belongs to (it then points to the anonymised user)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consents",
    )
    kind = models.CharField(_("kind"), max_length=30, choices=ConsentKind.choices)
    version = models.CharField(_("version of the text"), max_length=40)
    # what the consent is about, when it concerns one object (a practice, a pledge)
    content_type = models.ForeignKey(
        "contenttypes.ContentType",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    object_id = models.CharField(max_length=64, blank=True)
    given_at = models.DateTimeField(_("given at"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="consent_about_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.version} – {self.user}"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None
