"""Digital Volunteers: the pledge states, the Coalition pillars and the other fixed choices."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# the languages list moved to skillup (events are held in one of them too): imported as before
from skillup.languages import Language  # noqa: F401


class PledgeState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PENDING = "pending", _("Pending approval")
    # contexts of their own: the state agrees with the pledge in languages with genders (Spanish
    # "compromiso" completado, Polish "zobowiązanie" zatwierdzone), unlike a partnership's or a
    # mentor profile's; the French practice is "retirée", the pledge ("engagement") "retiré"
    APPROVED = "approved", pgettext_lazy("pledge state", "Approved")
    COMPLETED = "completed", pgettext_lazy("pledge state", "Completed")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", pgettext_lazy("pledge state", "Withdrawn")


# the pledges the public sees in the Pledge Viewer (when the company made them public)
VISIBLE_STATES = frozenset({PledgeState.APPROVED, PledgeState.COMPLETED})
# the states in which the company may still change what it pledged
EDITABLE_STATES = frozenset({PledgeState.DRAFT, PledgeState.REJECTED})
# the pledges that are over: the company may make a new one (any other is "under way")
CLOSED_STATES = frozenset({PledgeState.COMPLETED, PledgeState.WITHDRAWN})


class PledgePhase(models.TextChoices):
    """Where an approved or completed pledge stands in its period, as everyone sees it: an
    approved pledge is active only from its start date to its end date (volunteers.phases)."""

    UPCOMING = "upcoming", pgettext_lazy("pledge phase", "Upcoming")
    ACTIVE = "active", _("Active")
    ENDED = "ended", pgettext_lazy("pledge phase", "Ended")
    COMPLETED = "completed", pgettext_lazy("pledge state", "Completed")


class PledgeActor(models.TextChoices):
    COMPANY = "company", _("Company admin")
    COORDINATOR = "coordinator", _("Coordinator")


class CoalitionPillar(models.TextChoices):
    """The four pillars of the Digital Skills and Jobs Coalition."""

    ALL = "all", _("Digital skills for all")
    LABOUR_FORCE = "labour_force", _("Digital skills for the labour force")
    ICT_PROFESSIONALS = "ict_professionals", _("Digital skills for ICT professionals")
    EDUCATION = "education", _("Digital skills in education")


class GeographicalScope(models.TextChoices):
    LOCAL = "local", _("Local or regional")
    NATIONAL = "national", _("National")
    MULTI_COUNTRY = "multi_country", _("Several countries")
    EUROPEAN = "european", _("Europe-wide")


class MentorState(models.TextChoices):
    INCOMPLETE = "incomplete", _("Profile to complete")
    PENDING = "pending", _("Pending approval")
    # the mentor's profile: Polish "profil" zatwierdzony (a pledge is "zatwierdzone")
    APPROVED = "approved", pgettext_lazy("mentor profile state", "Approved")
    REJECTED = "rejected", _("Not approved")


class Availability(models.TextChoices):
    ACTIVE = "active", _("Available")
    PAUSED = "paused", _("Paused")
