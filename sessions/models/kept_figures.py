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
#: What the headline counts of each person, carried in the people-counting indexes.
PERSON_COLUMNS = ["sex", "age_band", "plans_to_migrate", "returned_migrant"]


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
    # The month and quarter (their first days), and the first day of the ones after: a
    # next attendance on or after it makes this the person's last of the month (quarter).
    month = models.DateField()
    quarter = models.DateField()
    following_month = models.DateField()
    following_quarter = models.DateField()

    class Meta:
        # Each counting query reads one of these alone (PostgreSQL: `include`).
        indexes = [
            models.Index(
                fields=["next_national", "date"],
                include=PERSON_COLUMNS,
                name="kept_att_next_national",
            ),
            models.Index(
                fields=["province_id", "next_province", "date"],
                include=PERSON_COLUMNS,
                name="kept_att_next_province",
            ),
            models.Index(
                fields=["district_id", "next_district", "date"],
                include=PERSON_COLUMNS,
                name="kept_att_next_district",
            ),
            # People by province and district in one pass: a person's next attendance in
            # their district is never later than in their province.
            models.Index(
                fields=["next_district", "date"],
                include=["province_id", "district_id", "next_province"],
                name="kept_att_district_any",
            ),
            models.Index(
                fields=["date"],
                include=[
                    "next_national",
                    "next_province",
                    "next_district",
                    "next_group",
                    "destination",
                ],
                condition=models.Q(plans_to_migrate=True),
                name="kept_att_planning",
            ),
            models.Index(fields=["group_id", "date"], name="kept_att_group"),
            models.Index(fields=["province_id", "date"], name="kept_att_province_date"),
            models.Index(fields=["date"], name="kept_att_date"),
        ]

    def __str__(self):
        return f"kept attendance {self.attendance_id}"


class SessionSums(models.Model):
    """Named attendances and headcounts, by sex and band on the day, and test scores."""

    named = models.IntegerField(default=0)
    named_female = models.IntegerField(default=0)
    named_male = models.IntegerField(default=0)
    named_prefer_not_to_say = models.IntegerField(default=0)
    named_10_14 = models.IntegerField(default=0)
    named_15_17 = models.IntegerField(default=0)
    named_18_24 = models.IntegerField(default=0)
    named_25_plus = models.IntegerField(default=0)
    headcount = models.IntegerField(default=0)
    headcount_female = models.IntegerField(default=0)
    headcount_male = models.IntegerField(default=0)
    headcount_prefer_not_to_say = models.IntegerField(default=0)
    headcount_10_14 = models.IntegerField(default=0)
    headcount_15_17 = models.IntegerField(default=0)
    headcount_18_24 = models.IntegerField(default=0)
    headcount_25_plus = models.IntegerField(default=0)
    scored = models.IntegerField(default=0)
    pre_total = models.IntegerField(default=0)
    post_total = models.IntegerField(default=0)

    class Meta:
        abstract = True


class KeptSession(SessionSums):
    """A verified community session with its attendances and headcounts summed."""

    session_id = models.BigIntegerField(primary_key=True)
    date = models.DateField()
    group_id = models.BigIntegerField()
    district_id = models.BigIntegerField()
    province_id = models.BigIntegerField()
    # The group's next verified community session, or NO_NEXT_DATE: active groups are
    # counted like people (a group is in one place, so one date serves every level).
    next_of_group = models.DateField()
    month = models.DateField()
    quarter = models.DateField()
    following_month = models.DateField()
    following_quarter = models.DateField()

    class Meta:
        indexes = [
            models.Index(fields=["date"], name="kept_session_date"),
            models.Index(fields=["province_id", "date"], name="kept_session_province"),
            models.Index(fields=["district_id", "date"], name="kept_session_district"),
            models.Index(fields=["group_id", "date"], name="kept_session_group"),
            models.Index(
                fields=["next_of_group", "date"],
                include=["province_id", "district_id"],
                name="kept_session_next",
            ),
        ]

    def __str__(self):
        return f"kept session {self.session_id}"


class PeriodKind(models.TextChoices):
    MONTH = "m", "month"
    QUARTER = "q", "quarter"


class KeptDistrictPeriod(SessionSums):
    """A district's sessions of one whole month (quarter), summed: a report over whole
    periods adds these up instead of every session. `groups` are those whose last session
    of the period was there."""

    district_id = models.BigIntegerField()
    province_id = models.BigIntegerField()
    kind = models.CharField(max_length=1, choices=PeriodKind.choices)
    period = models.DateField()
    sessions = models.IntegerField(default=0)
    groups = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["district_id", "province_id", "kind", "period"],
                name="kept_district_period_unique",
            )
        ]
        indexes = [
            models.Index(fields=["kind", "period"], name="kept_district_period_kind"),
            models.Index(
                fields=["province_id", "kind", "period"], name="kept_district_period_prov"
            ),
        ]

    def __str__(self):
        return f"{self.district_id} {self.kind} {self.period}"


class KeptPeoplePeriod(models.Model):
    """People reached in one whole month (quarter) in the country (node 0), a province or
    a district: a distinct count that whole periods cannot add up to, so kept apart."""

    class Level(models.TextChoices):
        NATIONAL = "n", "national"
        PROVINCE = "p", "province"
        DISTRICT = "d", "district"

    level = models.CharField(max_length=1, choices=Level.choices)
    node = models.BigIntegerField()
    kind = models.CharField(max_length=1, choices=PeriodKind.choices)
    period = models.DateField()
    people = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["level", "node", "kind", "period"], name="kept_people_period_unique"
            )
        ]

    def __str__(self):
        return f"{self.level}{self.node} {self.kind} {self.period}: {self.people}"


class KeptPeopleToDate(models.Model):
    """People by the month of their last attendance so far, in the country (node 0), a
    province or a district.

    A range that runs to the latest attendance or past it (the report's default: until
    today) counts each person at their last attendance there, so its people are these rows
    summed over the months from its start: a few hundred rows, not one per person. Three
    breakdowns (`facet`), each kept on its own so that none is read through another's rows:
    by sex and band (with how many plan to migrate and are returned migrants), the place's
    total, and by destination (people who plan to migrate)."""

    class Facet(models.TextChoices):
        PERSON = "c", "sex and band"
        PLACE = "p", "place"
        DESTINATION = "d", "destination"

    level = models.CharField(max_length=1, choices=KeptPeoplePeriod.Level.choices)
    node = models.BigIntegerField()
    month = models.DateField()
    facet = models.CharField(max_length=1, choices=Facet.choices)
    # Blank where the facet does not break people down by it.
    sex = models.CharField(max_length=20, blank=True)
    age_band = models.CharField(max_length=5, blank=True)
    destination = models.CharField(max_length=200, blank=True)
    people = models.IntegerField(default=0)
    planning = models.IntegerField(default=0)
    returned = models.IntegerField(default=0)

    class Meta:
        # Its index serves every read: one facet at one level, for one place or all.
        constraints = [
            models.UniqueConstraint(
                fields=["facet", "level", "node", "month", "sex", "age_band", "destination"],
                name="kept_people_to_date_unique",
            )
        ]

    def __str__(self):
        return f"{self.level}{self.node} {self.facet} {self.month}: {self.people}"


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
