"""Models of the trainings app, one module per area."""

from .access import AccessLogEntry
from .attendance import Attendance, Headcount, Participant, participant_code_new
from .choices import AgeBand, Sex
from .exports import ExportLog
from .geography import Commune, District, Province, Village
from .groups import Membership, PeerEducator, YouthGroup
from .history import TrainingsLogEntry
from .imports import ImportLog
from .officers import ProvinceAssignment
from .training import SessionLesson, TrainingSession

__all__ = [
    "AccessLogEntry",
    "AgeBand",
    "Attendance",
    "Commune",
    "District",
    "ExportLog",
    "Headcount",
    "ImportLog",
    "Membership",
    "Participant",
    "PeerEducator",
    "Province",
    "ProvinceAssignment",
    "SessionLesson",
    "Sex",
    "TrainingSession",
    "TrainingsLogEntry",
    "Village",
    "YouthGroup",
    "participant_code_new",
]
