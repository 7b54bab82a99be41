"""The register's vocabularies: who left, where to, in which work, through whom, with what."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MovementKind(models.TextChoices):
    DEPARTURE = "departure", _("departure")
    RETURN = "return", _("return")


class Sex(models.TextChoices):
    # The same values as the trainings' records, so that figures can be read side by side.
    FEMALE = "female", _("female")
    MALE = "male", _("male")
    PREFER_NOT_TO_SAY = "prefer_not_to_say", _("prefers not to say")


class AgeBand(models.TextChoices):
    """The donors' bands, with one below them: children leave with their families."""

    UNDER_10 = "0-9", _("under 10")
    AGE_10_14 = "10-14", _("10–14")
    AGE_15_17 = "15-17", _("15–17")
    AGE_18_24 = "18-24", _("18–24")
    AGE_25_PLUS = "25+", _("25 and over")


#: The ages each band holds (the oldest plausible age closes the last one).
AGE_BAND_LIMITS = {
    AgeBand.UNDER_10: (0, 9),
    AgeBand.AGE_10_14: (10, 14),
    AgeBand.AGE_15_17: (15, 17),
    AgeBand.AGE_18_24: (18, 24),
    AgeBand.AGE_25_PLUS: (25, 100),
}


class Sector(models.TextChoices):
    """The sections of ISIC Rev. 4, as CTDC and HTCDS code the work people were recruited to."""

    A = "A", _("A. Agriculture, forestry and fishing")
    B = "B", _("B. Mining and quarrying")
    C = "C", _("C. Manufacturing")
    D = "D", _("D. Electricity, gas, steam and air conditioning supply")
    E = "E", _("E. Water supply, sewerage, waste management")
    F = "F", _("F. Construction")
    G = "G", _("G. Wholesale and retail trade, repair of vehicles")
    H = "H", _("H. Transportation and storage")
    I = "I", _("I. Accommodation and food service")  # noqa: E741 - ISIC's own letter
    J = "J", _("J. Information and communication")
    K = "K", _("K. Financial and insurance activities")
    L = "L", _("L. Real estate activities")
    M = "M", _("M. Professional, scientific and technical activities")
    N = "N", _("N. Administrative and support services")
    O = "O", _("O. Public administration and defence")  # noqa: E741 - ISIC's own letter
    P = "P", _("P. Education")
    Q = "Q", _("Q. Human health and social work")
    R = "R", _("R. Arts, entertainment and recreation")
    S = "S", _("S. Other service activities")
    T = "T", _("T. Households as employers (domestic work)")
    U = "U", _("U. Extraterritorial organisations")
    UNKNOWN = "unknown", _("not known")


class Channel(models.TextChoices):
    LICENSED_AGENCY = "agency", _("an agency of the register")
    BROKER = "broker", _("an unlicensed broker")
    FAMILY_OR_FRIENDS = "family_friends", _("family or friends")
    ALONE = "alone", _("alone")


class Currency(models.TextChoices):
    RIEL = "KHR", _("riel")
    DOLLAR = "USD", _("US dollars")


class Answer(models.TextChoices):
    """Yes, no, or not known: a register that guesses counts wrong."""

    YES = "yes", _("yes")
    NO = "no", _("no")
    UNKNOWN = "unknown", _("not known")


class PassportHolder(models.TextChoices):
    NO_PASSPORT = "none", _("no passport")
    SELF = "self", _("the person")
    FAMILY = "family", _("their family")
    AGENCY_OR_BROKER = "recruiter", _("the agency or broker")
    EMPLOYER = "employer", _("the employer")
    UNKNOWN = "unknown", _("not known")


class ReturnReason(models.TextChoices):
    CONTRACT_ENDED = "contract_ended", _("contract ended")
    EXPLOITATION = "exploitation", _("exploitation or abuse")
    DEPORTED = "deported", _("deported")
    OTHER = "other", _("other")


class RecruiterKind(models.TextChoices):
    AGENCY = "agency", _("an agency of the register")
    BROKER = "broker", _("a broker or agency not on the register")
    UNKNOWN = "unknown", _("not known")


class ReportedTo(models.TextChoices):
    NOBODY = "nobody", _("not reported")
    COMMUNE_COUNCIL = "commune_council", _("the commune council")
    POLICE = "police", _("the police")
    LABOUR_DEPARTMENT = "labour_department", _("the provincial labour department")
    NGO = "ngo", _("an NGO")
    HOTLINE = "hotline", _("a hotline")
    OTHER = "other", _("other")
