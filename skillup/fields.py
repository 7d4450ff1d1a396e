from django.db import models


class HttpsURLField(models.URLField):
    """A URL field whose form assumes https:// when a person types a bare domain
    (Django 6's default; passing it now also silences the 5.x deprecation warning)."""

    def formfield(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        return super().formfield(**kwargs)
