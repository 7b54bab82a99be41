"""Names shared by the kept rows' writers and readers."""

from sessions.models import AgeBand
from sessions.models.kept_figures import SessionSums

#: Age band → the suffix of its `named_*` and `headcount_*` columns.
BAND_COLUMNS = {
    AgeBand.AGE_10_14: "10_14",
    AgeBand.AGE_15_17: "15_17",
    AgeBand.AGE_18_24: "18_24",
    AgeBand.AGE_25_PLUS: "25_plus",
}

#: The summed columns of a kept session (and of a kept district period).
SESSION_SUMS = [field.name for field in SessionSums._meta.fields]
