from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    """Coordinators writing to a group of participants (the selected SMEs of a call, pledging
    companies, mentors, …), through the notification outbox.

    It reads practices, volunteers and matching to find who is in a group, so it sits above
    them (as privacy does): no other app imports it.
    """

    name = "outreach"
    verbose_name = _("Writing to groups")
