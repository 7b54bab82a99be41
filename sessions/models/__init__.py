"""Models of the trainings app, one module per area."""

from .access import AccessLogEntry
from .attendance import Attendance, Headcount, Participant, participant_code_new
from .choices import AgeBand, Sex
from .consent import (
    CONSENT_COLLECTOR_FIELDS,
    CONSENT_DATE_FIELDS,
    CONSENT_FIELDS,
    CONSENTS,
    Consent,
)
from .exports import ExportJob, ExportLog
from .groups import GroupKind, Membership, PeerEducator, YouthGroup
from .history import TrainingsLogEntry
from .imports import ImportLog
from .kept_figures import (
    KeptAttendance,
    KeptDistrictPeriod,
    KeptFiguresChange,
    KeptPeoplePeriod,
    KeptPeopleToDate,
    KeptSession,
)
from .officers import ProvinceAssignment
from .training import SessionLesson, TrainingSession

__all__ = [
    "CONSENTS",
    "CONSENT_COLLECTOR_FIELDS",
    "CONSENT_DATE_FIELDS",
    "CONSENT_FIELDS",
    "AccessLogEntry",
    "AgeBand",
    "Attendance",
    "Consent",
    "ExportJob",
    "ExportLog",
    "GroupKind",
    "Headcount",
    "ImportLog",
    "KeptAttendance",
    "KeptDistrictPeriod",
    "KeptFiguresChange",
    "KeptPeoplePeriod",
    "KeptPeopleToDate",
    "KeptSession",
    "Membership",
    "Participant",
    "PeerEducator",
    "ProvinceAssignment",
    "SessionLesson",
    "Sex",
    "TrainingSession",
    "TrainingsLogEntry",
    "YouthGroup",
    "participant_code_new",
]
