"""Events get a public page (#15): an end, the language they are held in, whether they are
listed, and an address. Existing events are listed and get their address from the English title
and the day, numbered when two share both (as Event.save does for new ones)."""

from django.db import migrations, models
from django.utils import timezone
from django.utils.text import slugify


def fill_slugs(apps, schema_editor):
    Event = apps.get_model("practices", "Event")
    taken = set()
    for event in Event.objects.order_by("starts_at", "pk").only("pk", "title_en", "starts_at"):
        day = timezone.localtime(event.starts_at).date().isoformat()
        base = "-".join(p for p in (slugify(event.title_en or "")[:190].strip("-"), day) if p)
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        taken.add(slug)
        Event.objects.filter(pk=event.pk).update(slug=slug)


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0012_take_down_and_public_text_proposal"),
    ]

    operations = [
        migrations.AddField(
            model_name="event",
            name="ends_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="ends at"),
        ),
        migrations.AddField(
            model_name="event",
            name="is_public",
            field=models.BooleanField(
                default=True,
                help_text="Listed on the public events page, with its calendar file.",
                verbose_name="listed publicly",
            ),
        ),
        migrations.AddField(
            model_name="event",
            name="language",
            field=models.CharField(
                choices=[
                    ("bg", "Bulgarian"),
                    ("cs", "Czech"),
                    ("da", "Danish"),
                    ("de", "German"),
                    ("el", "Greek"),
                    ("en", "English"),
                    ("es", "Spanish"),
                    ("et", "Estonian"),
                    ("fi", "Finnish"),
                    ("fr", "French"),
                    ("ga", "Irish"),
                    ("hr", "Croatian"),
                    ("hu", "Hungarian"),
                    ("it", "Italian"),
                    ("lt", "Lithuanian"),
                    ("lv", "Latvian"),
                    ("mt", "Maltese"),
                    ("nl", "Dutch"),
                    ("pl", "Polish"),
                    ("pt", "Portuguese"),
                    ("ro", "Romanian"),
                    ("sk", "Slovak"),
                    ("sl", "Slovenian"),
                    ("sv", "Swedish"),
                    ("is", "Icelandic"),
                    ("no", "Norwegian"),
                ],
                default="en",
                help_text="The language the event is held in.",
                max_length=2,
                verbose_name="language",
            ),
        ),
        migrations.AddField(
            model_name="event",
            name="slug",
            field=models.SlugField(
                default="",
                db_index=False,
                blank=True,
                help_text="The end of the event page's address; made from the title when empty.",
                max_length=220,
                verbose_name="page address",
            ),
        ),
        migrations.RunPython(fill_slugs, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name="event",
            name="slug",
            field=models.SlugField(
                blank=True,
                help_text="The end of the event page's address; made from the title when empty.",
                max_length=220,
                unique=True,
                verbose_name="page address",
            ),
        ),
        migrations.AddConstraint(
            model_name="event",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("ends_at__isnull", True),
                    ("ends_at__gt", models.F("starts_at")),
                    _connector="OR",
                ),
                name="practices_event_ends_after_start",
                violation_error_message="The event must end after it starts.",
            ),
        ),
    ]
