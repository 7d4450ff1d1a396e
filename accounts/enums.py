from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import Countries

from skillup.i18n import sorted_by_name


class OrganisationKind(models.TextChoices):
    SME = "sme", _("SME")
    LARGE_COMPANY = "large_company", _("Large company")


class SizeBand(models.TextChoices):
    """EU SME definition (Recommendation 2003/361/EC), by staff headcount."""

    MICRO = "micro", _("Micro (1–9 employees)")
    SMALL = "small", _("Small (10–49 employees)")
    MEDIUM = "medium", _("Medium (50–249 employees)")
    LARGE = "large", _("Large (250 employees or more)")


SME_SIZE_BANDS = (SizeBand.MICRO, SizeBand.SMALL, SizeBand.MEDIUM)


class MembershipRole(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    MEMBER = "member", _("Member")


class NaceSection(models.TextChoices):
    """NACE Rev. 2 sections (Regulation (EC) No 1893/2006)."""

    A = "A", _("Agriculture, forestry and fishing")
    B = "B", _("Mining and quarrying")
    C = "C", _("Manufacturing")
    D = "D", _("Electricity, gas, steam and air conditioning supply")
    E = "E", _("Water supply; sewerage, waste management and remediation")
    F = "F", _("Construction")
    G = "G", _("Wholesale and retail trade; repair of motor vehicles")
    H = "H", _("Transportation and storage")
    I = "I", _("Accommodation and food service activities")  # noqa: E741
    J = "J", _("Information and communication")
    K = "K", _("Financial and insurance activities")
    L = "L", _("Real estate activities")
    M = "M", _("Professional, scientific and technical activities")
    N = "N", _("Administrative and support service activities")
    O = "O", _("Public administration and defence; compulsory social security")  # noqa: E741
    P = "P", _("Education")
    Q = "Q", _("Human health and social work activities")
    R = "R", _("Arts, entertainment and recreation")
    S = "S", _("Other service activities")
    T = "T", _("Activities of households as employers")
    U = "U", _("Activities of extraterritorial organisations and bodies")


EU_MEMBER_STATES = (
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
    "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
)  # fmt: skip
EEA_EFTA_STATES = ("IS", "LI", "NO")


class EuEeaCountries(Countries):
    """The 27 EU member states and the three EEA EFTA states, names translated."""

    only = EU_MEMBER_STATES + EEA_EFTA_STATES


_country_names: dict[str, list[tuple[str, str]]] = {}


def eu_eea_country_choices() -> list[tuple[str, str]]:
    """(code, name) of the EU/EEA countries in the active language, sorted by name as
    skillup.i18n files names ("Österreich" with O): worked out once per language and process
    (django-countries translates and sorts on every pass).
    Shared: do not change the list."""
    language = get_language() or ""
    choices = _country_names.get(language)
    if choices is None:
        choices = sorted_by_name(EuEeaCountries())
        _country_names[language] = choices
    return choices


class ConsentKind(models.TextChoices):
    """What a person agreed to. Each is recorded with the version of the text shown."""

    TERMS = "terms", _("Terms of use and privacy notice")
    PUBLICATION = "publication", _("Publication of a practice")
    PLEDGE_COMMITMENTS = "pledge_commitments", _("Pledge commitments")
    MENTOR_AGREEMENT = "mentor_agreement", _("Mentors' confidentiality agreement")
