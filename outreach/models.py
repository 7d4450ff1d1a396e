"""A coordinator's message to a group, and the people it was sent to.

The subject and body are plain fields per interface language (subject_en, body_en, subject_fr,
…) rather than django-modeltranslation's: modeltranslation reads "the active language, else
English" for the page being served, while a message is read per recipient (each in their own
language), may exist only in French or German, and its preview must show each language's own
text, never a fallback. `language_for()` states the one rule of who gets which text.
"""

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .enums import CALL_SEGMENTS, Segment

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)  # en first: the fallback
SUBJECT_MAX = 200
BODY_MAX = 20_000

MSG_NO_LANGUAGE = _("Write the subject and the message in at least one language.")
MSG_SUBJECT_MISSING = _("Write a subject for the message in this language, or leave both empty.")
MSG_BODY_MISSING = _("Write the message in this language, or leave both empty.")
MSG_CALL_NEEDED = _("Choose the call whose SMEs you are writing to.")
MSG_CALL_NOT_USED = _("This group does not depend on a call: leave the call empty.")


class GroupMessage(models.Model):
    """What a coordinator writes to a group. A draft until sent; once sent, it is a record."""

    segment = models.CharField(_("group"), max_length=20, choices=Segment.choices)
    call = models.ForeignKey(
        "practices.Call",
        verbose_name=_("call"),
        on_delete=models.PROTECT,  # a call with messages about it stays (calls are kept anyway)
        null=True,
        blank=True,
        related_name="group_messages",
        help_text=_("For the groups of a call only: its selected SMEs, or all that submitted."),
    )
    subject_en = models.CharField(_("subject (English)"), max_length=SUBJECT_MAX, blank=True)
    body_en = models.TextField(
        _("message (English)"), blank=True, validators=[MaxLengthValidator(BODY_MAX)]
    )
    subject_fr = models.CharField(_("subject (French)"), max_length=SUBJECT_MAX, blank=True)
    body_fr = models.TextField(
        _("message (French)"), blank=True, validators=[MaxLengthValidator(BODY_MAX)]
    )
    subject_de = models.CharField(_("subject (German)"), max_length=SUBJECT_MAX, blank=True)
    body_de = models.TextField(
        _("message (German)"), blank=True, validators=[MaxLengthValidator(BODY_MAX)]
    )
    subject_es = models.CharField(_("subject (Spanish)"), max_length=SUBJECT_MAX, blank=True)
    body_es = models.TextField(
        _("message (Spanish)"), blank=True, validators=[MaxLengthValidator(BODY_MAX)]
    )
    subject_it = models.CharField(_("subject (Italian)"), max_length=SUBJECT_MAX, blank=True)
    body_it = models.TextField(
        _("message (Italian)"), blank=True, validators=[MaxLengthValidator(BODY_MAX)]
    )
    subject_pl = models.CharField(_("subject (Polish)"), max_length=SUBJECT_MAX, blank=True)
    body_pl = models.TextField(
        _("message (Polish)"), blank=True, validators=[MaxLengthValidator(BODY_MAX)]
    )
    subject_nl = models.CharField(_("subject (Dutch)"), max_length=SUBJECT_MAX, blank=True)
    body_nl = models.TextField(
        _("message (Dutch)"), blank=True, validators=[MaxLengthValidator(BODY_MAX)]
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="group_messages_written",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True, db_index=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="group_messages_sent",
    )
    # sent_at is the confirmation; the emails are written after it, by a worker, in batches
    # (services.group_message_deliver): this is set when the last batch is written.
    delivered_at = models.DateTimeField(
        _("every email written at"),
        null=True,
        blank=True,
        help_text=_("Empty while the emails are still being written, after the confirmation."),
    )

    class Meta:
        verbose_name = _("group message")
        verbose_name_plural = _("group messages")
        ordering = ["-created_at", "-pk"]
        permissions = [("send_groupmessage", _("Can send a group message"))]

    def __str__(self) -> str:
        subject = self.subject_in(self.languages[0]) if self.languages else ""
        return subject or str(_("(no subject yet)"))

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list] = {}
        for code in LANGUAGE_CODES:
            subject, body = self.subject_in(code).strip(), self.body_in(code).strip()
            if body and not subject:
                errors.setdefault(f"subject_{code}", []).append(MSG_SUBJECT_MISSING)
            if subject and not body:
                errors.setdefault(f"body_{code}", []).append(MSG_BODY_MISSING)
        if not errors and not self.languages:
            errors.setdefault("subject_en", []).append(MSG_NO_LANGUAGE)
        if self.segment in CALL_SEGMENTS and self.call_id is None:
            errors.setdefault("call", []).append(MSG_CALL_NEEDED)
        if self.segment and self.segment not in CALL_SEGMENTS and self.call_id is not None:
            errors.setdefault("call", []).append(MSG_CALL_NOT_USED)
        if errors:
            raise ValidationError(errors)

    # ---- the texts ------------------------------------------------------------------------
    def subject_in(self, code: str) -> str:
        return getattr(self, f"subject_{code}", "")

    def body_in(self, code: str) -> str:
        return getattr(self, f"body_{code}", "")

    @property
    def languages(self) -> list[str]:
        """The languages the message is written in (subject and body), in settings order."""
        return [
            code
            for code in LANGUAGE_CODES
            if self.subject_in(code).strip() and self.body_in(code).strip()
        ]

    def language_for(self, language: str) -> str:
        """The language a person speaking `language` reads: theirs when the message has it,
        else English, else the first language it is written in."""
        written = self.languages
        for code in (language, settings.LANGUAGE_CODE):
            if code in written:
                return code
        return written[0] if written else settings.LANGUAGE_CODE

    @property
    def is_sent(self) -> bool:
        """Confirmed: read-only from then on, and never confirmed again."""
        return self.sent_at is not None

    @property
    def is_sending(self) -> bool:
        """Confirmed, and some emails are still to be written (services.group_message_deliver)."""
        return self.sent_at is not None and self.delivered_at is None

    @property
    def version(self) -> str:
        """A fingerprint of what the coordinator previewed (group, call, texts): the
        confirmation carries it, so a message changed since its preview is not sent."""
        parts = [self.segment, str(self.call_id)]
        for code in LANGUAGE_CODES:
            parts += [self.subject_in(code), self.body_in(code)]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


class GroupMessageRecipient(models.Model):
    """One person a message went to (or would have, had they not turned programme news off)."""

    message = models.ForeignKey(
        GroupMessage,
        verbose_name=_("message"),
        on_delete=models.CASCADE,
        related_name="recipients",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.SET_NULL,  # accounts are erased, not deleted; the count stays right
        null=True,
        blank=True,
        related_name="group_messages_received",
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        help_text=_("The language of the email this person received."),
    )
    notification = models.ForeignKey(
        "notifications.Notification",
        verbose_name=_("email"),
        on_delete=models.SET_NULL,  # erasing an account deletes the emails addressed to it
        null=True,
        blank=True,
        related_name="+",
    )
    turned_off = models.BooleanField(
        _("programme news turned off"),
        default=False,
        help_text=_("The person had turned programme news off: no email was sent."),
    )

    class Meta:
        verbose_name = _("recipient")
        verbose_name_plural = _("recipients")
        ordering = ["message", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["message", "user"], name="outreach_recipient_once_per_message"
            ),
        ]

    def __str__(self) -> str:
        return str(self.user) if self.user_id else str(_("a deleted account"))
