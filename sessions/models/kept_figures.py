"""The programme report's figures kept ready: derived rows the report reads instead of
recounting a million attendances on every filter change.

Nothing here is entered by anyone. `sessions.reports.kept` rebuilds the rows of whatever a
change touched, in the change's own transaction; database triggers (migration 0020) record
every change that moves a figure in `KeptFiguresChange`, whichever code made it. Plain
integer columns rather than foreign keys: these rows are a copy, never a source.

The `next_*` dates make distinct counts additive: for one person, the attendance whose
next attendance (in the same place) falls after a range's last day is their last one in
the range, so people reached in any date range is a count of rows, not a COUNT(DISTINCT).
"""

from django.db import models

#: The `next_*` date of a last attendance: later than any range's end.
NO_NEXT_DATE = "9999-12-31"


class KeptAttendance(models.Model):
    """A named attendance at a verified community session, with its place and person."""

    attendance_id = models.BigIntegerField(primary_key=True)
    participant_id = models.BigIntegerField(db_index=True)
    session_id = models.BigIntegerField(db_index=True)
    date = models.DateField()
    group_id = models.BigIntegerField()
    district_id = models.BigIntegerField()
    province_id = models.BigIntegerField()
    sex = models.CharField(max_length=20)
    age_band = models.CharField(max_length=5, blank=True)
    plans_to_migrate = models.BooleanField()
    returned_migrant = models.BooleanField()
    destination = models.CharField(max_length=200, blank=True)
    # The person's next attendance in the country, the province, the district, the group
    # (ordered by date, then band, then id), or NO_NEXT_DATE.
    next_national = models.DateField()
    next_province = models.DateField()
    next_district = models.DateField()
    next_group = models.DateField()
    # First day of the month and quarter after this one: a next attendance on or after
    # it makes this the person's last attendance of the month (quarter).
    following_month = models.DateField()
    following_quarter = models.DateField()

    class Meta:
        indexes = [
            models.Index(fields=["next_national", "date"], name="kept_att_next_national"),
            models.Index(
                fields=["province_id", "next_province", "date"], name="kept_att_next_province"
            ),
            models.Index(fields=["next_province", "date"], name="kept_att_province_any"),
            models.Index(
                fields=["district_id", "next_district", "date"], name="kept_att_next_district"
            ),
            models.Index(fields=["next_district", "date"], name="kept_att_district_any"),
            models.Index(fields=["group_id", "date"], name="kept_att_group"),
            models.Index(fields=["province_id", "date"], name="kept_att_province_date"),
            models.Index(fields=["date"], name="kept_att_date"),
        ]

    def __str__(self):
        return f"kept attendance {self.attendance_id}"


class KeptSession(models.Model):
    """A verified community session with its attendances and headcounts summed."""

    session_id = models.BigIntegerField(primary_key=True)
    date = models.DateField()
    group_id = models.BigIntegerField()
    district_id = models.BigIntegerField()
    province_id = models.BigIntegerField()
    # The group's next verified community session, or NO_NEXT_DATE: active groups are
    # counted like people (a group is in one place, so one date serves every level).
    next_of_group = models.DateField()
    following_month = models.DateField()
    following_quarter = models.DateField()
    named = models.IntegerField()
    named_female = models.IntegerField()
    named_male = models.IntegerField()
    named_prefer_not_to_say = models.IntegerField()
    named_10_14 = models.IntegerField()
    named_15_17 = models.IntegerField()
    named_18_24 = models.IntegerField()
    named_25_plus = models.IntegerField()
    headcount = models.IntegerField()
    headcount_female = models.IntegerField()
    headcount_male = models.IntegerField()
    headcount_prefer_not_to_say = models.IntegerField()
    headcount_10_14 = models.IntegerField()
    headcount_15_17 = models.IntegerField()
    headcount_18_24 = models.IntegerField()
    headcount_25_plus = models.IntegerField()
    scored = models.IntegerField()
    pre_total = models.IntegerField()
    post_total = models.IntegerField()

    class Meta:
        indexes = [
            models.Index(fields=["date"], name="kept_session_date"),
            models.Index(fields=["province_id", "date"], name="kept_session_province"),
            models.Index(fields=["district_id", "date"], name="kept_session_district"),
            models.Index(fields=["group_id", "date"], name="kept_session_group"),
            models.Index(fields=["next_of_group", "date"], name="kept_session_next"),
        ]

    def __str__(self):
        return f"kept session {self.session_id}"


class KeptFiguresChange(models.Model):
    """A person or session whose kept rows are out of date: written by triggers, in the
    transaction of the change, and removed by the refresh that brings them up to date."""

    class Kind(models.TextChoices):
        PARTICIPANT = "p", "participant"
        SESSION = "s", "session"

    kind = models.CharField(max_length=1, choices=Kind.choices)
    key = models.BigIntegerField()

    class Meta:
        indexes = [models.Index(fields=["kind", "key"], name="kept_change_kind_key")]

    def __str__(self):
        return f"{self.kind}{self.key}"
