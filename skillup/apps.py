from django.apps import AppConfig


class SkillupConfig(AppConfig):
    """The project package as an app: its deploy checks, the shared abstract models
    (skillup/models.py) and the commands that span every app (seed_demo)."""

    name = "skillup"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the project's deploy checks)
