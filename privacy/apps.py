from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    """A person's rights over their data (GDPR): the privacy notice, the export of their data,
    the deletion of their account, and the retention periods applied daily.

    It reads and writes the rows of every other app, so it sits above them all: accounts,
    practices, volunteers, matching and notifications never import it.
    """

    name = "privacy"
