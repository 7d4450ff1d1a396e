"""Uploads are checked on the server by their content, not by the name or type the browser sends."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

# The first bytes of each accepted format, and the extension it is stored under.
SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpg"),
)
MSG_ATTACHMENT_TYPE = _("Attach a PDF, PNG or JPEG file.")
MSG_ATTACHMENT_SIZE = _("The file is %(size)s; the limit is %(limit)s.")


def sniff_extension(file) -> str | None:
    """The extension matching the file's first bytes, or None for anything else."""
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(16)
    file.seek(position)
    for signature, extension in SIGNATURES:
        if head.startswith(signature):
            return extension
    return None


def validate_attachment(file) -> None:
    if getattr(file, "_committed", False):
        return  # already stored: it was checked when it arrived
    limit = settings.PRACTICE_ATTACHMENT_MAX_BYTES
    if file.size > limit:
        raise ValidationError(
            MSG_ATTACHMENT_SIZE
            % {"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    if sniff_extension(file) is None:
        raise ValidationError(MSG_ATTACHMENT_TYPE, code="type")
