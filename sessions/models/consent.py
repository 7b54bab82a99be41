"""The consents a participant gives: the fields that record each one, and who must give it.

The one list of consent fields: the participant's check, the club's newcomer form, the
import, the admin's panels, the exports, merging and erasure all read it here.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Consent:
    """One consent: its name, the date it was given on and who collected it."""

    name: str
    date_field: str
    collector_field: str
    #: True for the consents a person under 18 needs, False for an adult's own consent.
    for_minors: bool
    missing_message: Promise


CONSENTS = (
    Consent(
        "consent",
        "consent_given_on",
        "consent_collected_by",
        for_minors=False,
        missing_message=_("Record the date of consent and who collected it."),
    ),
    Consent(
        "assent",
        "assent_given_on",
        "assent_collected_by",
        for_minors=True,
        missing_message=_(
            "A participant under 18 needs their own assent recorded: the date and who collected it."
        ),
    ),
    Consent(
        "guardian_consent",
        "guardian_consent_on",
        "guardian_consent_collected_by",
        for_minors=True,
        missing_message=_(
            "A participant under 18 needs a guardian's consent recorded: the date and who "
            "collected it."
        ),
    ),
)

#: The dates, then the collectors' names (personal data), each in the order of `CONSENTS`.
CONSENT_DATE_FIELDS = tuple(consent.date_field for consent in CONSENTS)
CONSENT_COLLECTOR_FIELDS = tuple(consent.collector_field for consent in CONSENTS)
#: Every consent field, a consent's date before its collector.
CONSENT_FIELDS = tuple(
    field for consent in CONSENTS for field in (consent.date_field, consent.collector_field)
)
