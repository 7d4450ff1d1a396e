from django.core.management.base import BaseCommand

from privacy.services import retention_apply


class Command(BaseCommand):
    help = "Purge what the retention periods (RETENTION_* settings) say has gone (daily by beat)."

    def handle(self, *args, **options) -> None:
        for step, count in retention_apply().items():
            self.stdout.write(f"{step}: {count}")
