"""What each kind of import does with a batch of rows: check them, then write them.

`process` decides each row's outcome (created, updated, unchanged or rejected) with a
few queries per batch; with `context.write` it then writes the batch with bulk
queries. The service runs the batches of a file inside one transaction.

Every check of a row runs whatever else is wrong with it, so the preview lists all of a
row's problems at once and the officer fixes the file in one go, not one upload per
problem; only a check that needs another cell's answer (the group needs its province)
waits for that cell.
"""

from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from sessions.models import (
    CONSENT_DATE_FIELDS,
    CONSENT_FIELDS,
    AgeBand,
    Attendance,
    GroupKind,
    Headcount,
    ImportLog,
    Membership,
    Participant,
    PeerEducator,
    SessionLesson,
    Sex,
    TrainingSession,
    YouthGroup,
)
from sessions.models.groups import youth_club_kind_pk
from sessions.scoping import participants_for_user, training_sessions_for_user
from sessions.selectors import same_session_key, sessions_by_same_session_key
from sessions.services import training_sessions_mark_submitted
from sessions.validators import validate_session_date
from spreadsheets.cleaning import CellError, clean_text, name_key, not_in_list

from . import resources
from .context import GroupRef, ImportContext

CREATED, UPDATED, SKIPPED = "created", "updated", "skipped"


@dataclass
class Row:
    """A row of the file, its cells read, and what checking it found."""

    number: int
    values: dict
    errors: list = field(default_factory=list)  # [(column key, message)]
    outcome: str = ""

    def fail(self, column: str, message) -> None:
        self.errors.append((column, str(message)))

    def has_error(self, column: str) -> bool:
        return any(failed == column for failed, __ in self.errors)


class RowRejected(Exception):
    """A problem with one cell (or the row) that rejects the row."""

    def __init__(self, column: str, message):
        super().__init__(message)
        self.column = column
        self.message = str(message)


def checked(row: Row, column: str, parse):
    """A cell through a context lookup, or None: blank, refused already, or refused now.

    A refusal goes on the row, and the row's other cells are still checked.
    """
    value = row.values.get(column)
    if row.has_error(column) or value in (None, "", []):
        return None
    try:
        return parse(value)
    except CellError as error:
        row.fail(column, error.message)
        return None


def validation_errors(row: Row, error: ValidationError, columns: dict[str, str]) -> None:
    """A model's ValidationError as row errors, on the column of each field."""
    for field_name, messages in error.message_dict.items():
        # A field is named by its column (a blank consent date too); "" for the whole row.
        column = columns.get(field_name, "" if field_name == NON_FIELD_ERRORS else field_name)
        for message in messages:
            row.fail(column, message)


def _changed(instance, values: dict) -> list[str]:
    """Set the given (non-blank) values on the instance; the names of the fields that changed."""
    changed = []
    for name, value in values.items():
        if value in (None, "") or getattr(instance, name) == value:
            continue
        setattr(instance, name, value)
        changed.append(name)
    return changed


class ImportKind:
    kind: str
    resource: type[resources.ImportResource]

    @property
    def label(self):
        return ImportLog.Kind(self.kind).label

    def process(self, rows: list[Row], context: ImportContext) -> None:
        """Check every row (those refused for a cell too), then write the rows without errors."""
        raise NotImplementedError


def group_kind_parser():
    """A cell's kind of group, by its Khmer or English name or its code; one query per file."""
    kinds = list(GroupKind.objects.order_by("pk"))
    by_word = {
        word.casefold(): kind.pk
        for kind in kinds
        for word in (kind.slug, kind.name_km, kind.name_en)
    }

    def parse(value) -> int:
        text = clean_text(value)
        found = by_word.get(text.casefold())
        if found is None:
            raise not_in_list(text, [kind.name for kind in kinds])
        return found

    return parse


class YouthGroupImport(ImportKind):
    kind = ImportLog.Kind.YOUTH_GROUPS
    resource = resources.YouthGroupResource
    fields = [
        "name",
        "kind",
        "founded_on",
        "active",
        "contact_name",
        "contact_phone",
        "updated_at",
    ]

    def process(self, rows, context):
        province_codes = {}
        keys = {}
        kind_ids = {}
        parse_kind = group_kind_parser()
        for row in rows:
            kind_ids[row.number] = checked(row, "kind", parse_kind)
            province = checked(row, "province", context.province)
            commune_id = province and checked(
                row,
                "commune",
                lambda value, row=row, province=province: context.commune(
                    value, province_code=province, district=row.values.get("district")
                ),
            )
            if row.errors:
                continue
            province_codes[row.number] = province
            keys[row.number] = (commune_id, name_key(row.values["name"]))
        existing = {
            (group.commune_id, name_key(group.name)): group
            for group in YouthGroup.objects.filter(commune_id__in={key[0] for key in keys.values()})
        }
        to_create, to_update = [], {}
        for row in rows:
            if row.errors:
                continue
            key = keys[row.number]
            if key in context.seen:
                row.outcome = SKIPPED
                continue
            values = {
                "name": row.values["name"],
                "kind_id": kind_ids[row.number],
                "founded_on": row.values["founded_on"],
                "active": row.values.get("active"),
                "contact_name": row.values.get("contact_name", ""),
                "contact_phone": row.values.get("contact_phone", ""),
            }
            group = existing.get(key)
            if group is None:
                group = YouthGroup(
                    commune_id=key[0],
                    **{
                        **values,
                        "active": values["active"] is not False,
                        # Blank: a youth club (the field's default).
                        "kind_id": values["kind_id"] or youth_club_kind_pk(),
                    },
                )
                changed = ["new"]
            else:
                changed = _changed(group, values)
            try:
                group.clean_fields(exclude=["commune"])
                group.clean()
            except ValidationError as error:
                validation_errors(row, error, {})
                continue
            context.seen[key] = True
            if group.pk is None:
                row.outcome = CREATED
                to_create.append((group, province_codes[row.number]))
            elif changed:
                row.outcome = UPDATED
                group.updated_at = timezone.now()
                to_update[group.pk] = group
            else:
                row.outcome = SKIPPED
        if context.write:
            YouthGroup.objects.bulk_create([group for group, __ in to_create])
            if to_update:
                YouthGroup.objects.bulk_update(list(to_update.values()), self.fields)
            for group, province in to_create:
                context.add_group(
                    GroupRef(group.pk, group.name, province, group.commune_id, group.founded_on)
                )


class PeerEducatorImport(ImportKind):
    kind = ImportLog.Kind.PEER_EDUCATORS
    resource = resources.PeerEducatorResource
    fields = ["name_km", "name_latin", "sex", "year_of_birth", "phone", "trained_on"]

    def process(self, rows, context):
        groups = {}
        for row in rows:
            province = checked(row, "province", context.province)
            group = province and checked(
                row, "group", lambda value, p=province: context.group(value, province_code=p)
            )
            if not row.errors:
                groups[row.number] = group
        existing = {
            (educator.group_id, name_key(educator.name_km)): educator
            for educator in PeerEducator.objects.filter(
                group_id__in={group.pk for group in groups.values()}
            )
        }
        to_create, to_update = [], {}
        for row in rows:
            if row.errors:
                continue
            group = groups[row.number]
            key = ("educator", group.pk, name_key(row.values["name_km"]))
            if key in context.seen:
                row.outcome = SKIPPED
                continue
            values = {name: row.values.get(name) for name in self.fields}
            educator = existing.get(key[1:])
            if educator is None:
                educator = PeerEducator(
                    group_id=group.pk,
                    **{
                        name: ("" if value is None and name in ("name_latin", "phone") else value)
                        for name, value in values.items()
                    },
                )
                changed = ["new"]
            else:
                changed = _changed(educator, values)
            try:
                educator.clean_fields(exclude=["group", "user"])
            except ValidationError as error:
                validation_errors(row, error, {})
                continue
            context.seen[key] = True
            if educator.pk is None:
                row.outcome = CREATED
                to_create.append(educator)
            elif changed:
                row.outcome = UPDATED
                to_update[educator.pk] = educator
            else:
                row.outcome = SKIPPED
        if context.write:
            PeerEducator.objects.bulk_create(to_create)
            if to_update:
                PeerEducator.objects.bulk_update(list(to_update.values()), self.fields)


@dataclass
class SessionPlan:
    """A session as the file describes it, and the one stored, if any."""

    key: tuple
    group: GroupRef
    values: dict
    lessons: list  # [(lesson id, revision id)]
    external_id: str
    existing: TrainingSession | None = None


class SessionRows:
    """Reading the session columns of a row, and finding the sessions already stored."""

    def session_plan(self, row: Row, context: ImportContext) -> SessionPlan | None:
        """The session the row describes; None if the row has problems, each one on the row."""
        province = checked(row, "province", context.province)
        group = province and checked(
            row, "group", lambda value: context.group(value, province_code=province)
        )
        commune_id = province and checked(
            row, "commune", lambda value: context.commune(value, province_code=province)
        )
        lessons = checked(row, "lessons", context.lesson_ids) or []
        date = row.values.get("date")
        if date and not row.has_error("group"):
            try:
                validate_session_date(
                    date,
                    founded_on=group.founded_on if group else None,
                    today=context.today,
                    # Written as the spreadsheet's cells are, not as the admin writes dates.
                    date_display=lambda day: day.strftime("%d/%m/%Y"),
                )
            except ValidationError as error:
                row.fail("date", error.messages[0])
        if row.errors:
            return None
        commune_id = commune_id or group.commune_id
        external_id = clean_text(row.values.get("external_id"))
        if external_id:
            key = ("session", "external", external_id)
        else:
            key = (
                "session",
                same_session_key(
                    group_id=group.pk, date=date, lesson_ids=(lesson for lesson, __ in lessons)
                ),
            )
        values = {
            "date": date,
            "duration_minutes": row.values["duration_minutes"],
            "commune_id": commune_id,
            "audience": row.values.get("audience") or "",
            "notes": clean_text(row.values.get("notes")),
        }
        # Blank keeps what the session is (a new one is not a training of trainers).
        if row.values.get("is_training_of_trainers") is not None:
            values["is_training_of_trainers"] = row.values["is_training_of_trainers"]
        return SessionPlan(key, group, values, lessons, external_id)

    def find_existing(self, plans: list[SessionPlan], context: ImportContext) -> None:
        """Attach to each plan the session stored under its natural key, with few queries."""
        external_ids = {plan.external_id for plan in plans if plan.external_id}
        by_external = {}
        if external_ids:
            # Only the sessions the officer may see: a session of another province with the
            # same id is neither an answer (it would tell that it exists) nor a conflict
            # (external ids are unique per youth group).
            for session in training_sessions_for_user(context.user).filter(
                source=TrainingSession.Source.IMPORT, external_id__in=external_ids
            ):
                by_external.setdefault(session.external_id, []).append(session)
        by_natural = {}
        natural = [plan for plan in plans if not plan.external_id]
        if natural:
            by_natural = sessions_by_same_session_key(
                group_ids={plan.group.pk for plan in natural},
                dates={plan.values["date"] for plan in natural},
            )
        for plan in plans:
            if plan.external_id:
                sessions = by_external.get(plan.external_id, [])
                same_group = [session for session in sessions if session.group_id == plan.group.pk]
                if sessions and not same_group:
                    message = _(
                        "The session with external id “%(value)s” belongs to another group."
                    ) % {"value": plan.external_id}
                    plan.existing = RowRejected("external_id", message)
                    continue
                plan.existing = same_group[0] if same_group else None
            else:
                # The plan's key is ("session", its same-session key); of reports of one
                # session the newest is the one the file updates.
                same = by_natural.get(plan.key[1], [])
                plan.existing = same[0] if same else None

    def new_session(self, plan: SessionPlan, context: ImportContext, mode: str) -> TrainingSession:
        """A session the file adds; once written, `sessions_create` submits it."""
        return TrainingSession(
            group_id=plan.group.pk,
            **plan.values,
            source=TrainingSession.Source.IMPORT,
            external_id=plan.external_id,
            attendance_mode=mode,
        )

    def sessions_create(self, sessions: list[TrainingSession], context: ImportContext) -> None:
        """Write the new sessions: an import is a report like a club's, submitted by the officer."""
        TrainingSession.objects.bulk_create(sessions)
        training_sessions_mark_submitted(sessions=sessions, user=context.user)

    def write_lessons(self, sessions_and_lessons) -> None:
        SessionLesson.objects.bulk_create(
            [
                SessionLesson(
                    session_id=session.pk, lesson_id=lesson, revision_id=revision, sort_order=order
                )
                for session, lessons in sessions_and_lessons
                for order, (lesson, revision) in enumerate(lessons)
            ]
        )


class TrainingSessionImport(SessionRows, ImportKind):
    kind = ImportLog.Kind.SESSIONS
    resource = resources.TrainingSessionResource
    updated_fields = [
        "date",
        "duration_minutes",
        "commune",
        "audience",
        "notes",
        "is_training_of_trainers",
    ]

    @staticmethod
    def headcounts(row: Row) -> dict:
        counts = {}
        for column in resources.HEADCOUNT_COLUMNS:
            count = row.values.get(column.key)
            if count:
                sex, band = column.key.split("_", 1)
                counts[(Sex(sex).value, AgeBand(band).value)] = count
        return counts

    def process(self, rows, context):
        plans = {}
        for row in rows:
            plan = self.session_plan(row, context)
            refused = any(row.has_error(column.key) for column in resources.HEADCOUNT_COLUMNS)
            if not self.headcounts(row) and not refused:
                row.fail(
                    resources.HEADCOUNT_COLUMNS[0].key,
                    _("No one is counted: fill in at least one headcount column."),
                )
            if plan is not None and not row.errors:
                plans[row.number] = plan
        self.find_existing([plans[row.number] for row in rows if not row.errors], context)
        existing_counts = {}
        stored = [
            plan.existing for plan in plans.values() if isinstance(plan.existing, TrainingSession)
        ]
        for headcount in Headcount.objects.filter(session__in=stored):
            existing_counts.setdefault(headcount.session_id, {})[
                (headcount.sex, headcount.age_band)
            ] = headcount.count
        lesson_links = {}
        for link in SessionLesson.objects.filter(session__in=stored).order_by("sort_order"):
            lesson_links.setdefault(link.session_id, []).append(link.lesson_id)

        to_create, to_update = [], []
        for row in rows:
            if row.errors:
                continue
            plan = plans[row.number]
            if isinstance(plan.existing, RowRejected):
                row.fail(plan.existing.column, plan.existing.message)
                continue
            if plan.key in context.seen:
                row.outcome = SKIPPED
                continue
            counts = self.headcounts(row)
            session = plan.existing
            if session is None:
                context.seen[plan.key] = True
                row.outcome = CREATED
                to_create.append((self.new_session(plan, context, "headcount"), plan, counts))
                continue
            lessons_now = lesson_links.get(session.pk, [])
            changed = [
                name
                for name, value in plan.values.items()
                if value not in (None, "") and getattr(session, name) != value
            ]
            lessons_changed = bool(plan.lessons) and sorted(lessons_now) != sorted(
                lesson for lesson, __ in plan.lessons
            )
            counts_changed = existing_counts.get(session.pk, {}) != counts
            context.seen[plan.key] = True
            if not (changed or lessons_changed or counts_changed):
                row.outcome = SKIPPED
                continue
            if session.status == TrainingSession.Status.VERIFIED:
                row.fail(
                    "external_id" if plan.external_id else "date",
                    _("This session was verified already: change it in the admin, not by import."),
                )
                continue
            for name in changed:
                setattr(session, name, plan.values[name])
            session.updated_at = timezone.now()
            row.outcome = UPDATED
            to_update.append((session, plan, counts, lessons_changed))

        if not context.write:
            return
        self.sessions_create([session for session, __, __ in to_create], context)
        self.write_lessons([(session, plan.lessons) for session, plan, __ in to_create])
        if to_update:
            TrainingSession.objects.bulk_update(
                [session for session, *__ in to_update],
                [
                    *self.updated_fields,
                    "updated_at",
                ],
            )
            Headcount.objects.filter(session__in=[session for session, *__ in to_update]).delete()
            relessoned = [
                (session, plan.lessons) for session, plan, __, changed in to_update if changed
            ]
            SessionLesson.objects.filter(
                session__in=[session for session, __ in relessoned]
            ).delete()
            self.write_lessons(relessoned)
        Headcount.objects.bulk_create(
            [
                Headcount(session_id=session.pk, sex=sex, age_band=band, count=count)
                for session, __, counts in [*to_create, *((s, p, c) for s, p, c, __ in to_update)]
                for (sex, band), count in counts.items()
            ]
        )


PARTICIPANT_FIELDS = ["name", "sex", "year_of_birth", "age_band", *CONSENT_FIELDS]


NULLABLE_PARTICIPANT_FIELDS = {"year_of_birth", *CONSENT_DATE_FIELDS}

#: The cells `Participant.clean` reads (age and consents).
READ_BY_PARTICIPANT_RULES = {"year_of_birth", "age_band", *CONSENT_FIELDS}


class AttendanceImport(SessionRows, ImportKind):
    """One row per person at a session; the session is created from its first row."""

    kind = ImportLog.Kind.ATTENDANCE
    resource = resources.AttendanceResource

    def process(self, rows, context):
        plans = {}
        for row in rows:
            plan = self.session_plan(row, context)
            if plan is not None:
                plans[row.number] = plan
        self.find_existing([plans[row.number] for row in rows if not row.errors], context)
        for row in rows:
            existing = plans.get(row.number) and plans[row.number].existing
            if isinstance(existing, RowRejected):
                row.fail(existing.column, existing.message)

        people = self._find_participants(rows, plans, context)
        for row in rows:
            if row.errors and not clean_text(row.values.get("participant_code")):
                # The person's own problems (consent of a minor...) are listed with the
                # row's others; a row with errors never becomes a participant.
                self._new_participant(row, context)
        stored_sessions = {
            plan.existing.pk
            for plan in plans.values()
            if isinstance(plan.existing, TrainingSession)
        }
        stored_people = {person.pk for person in people.values() if person.pk}
        attendances = {
            (attendance.session_id, attendance.participant_id): attendance
            for attendance in Attendance.objects.filter(
                session_id__in=stored_sessions, participant_id__in=stored_people
            )
        }

        new_sessions = {}  # session key → (session, plan)
        new_people = {}  # participant key → participant
        to_create, to_update = [], []
        for row in rows:
            if row.errors:
                continue
            plan = plans[row.number]
            session = plan.existing or context.seen.get(plan.key)
            if session is None:
                session = self.new_session(plan, context, TrainingSession.AttendanceMode.NAMED)
                context.seen[plan.key] = session
                new_sessions[plan.key] = (session, plan)
            person_key = self._person_key(row)
            person = people.get(row.number)
            if person is None and person_key in new_people:
                person = new_people[person_key][0]
            if person is None:
                person = self._new_participant(row, context)
                if person is None:
                    continue
                # Met in an earlier batch of the check (when writing, it is stored by now and
                # was found above): only its key is kept, so memory does not grow with people.
                if person_key not in context.seen:
                    context.seen[person_key] = True
                    new_people[person_key] = (person, plan.group)
            attendance_key = ("attendance", plan.key, person.pk or person_key)
            if attendance_key in context.seen:
                row.outcome = SKIPPED
                continue
            scores = {
                "pre_test_score": row.values.get("pre_test_score"),
                "post_test_score": row.values.get("post_test_score"),
            }
            attendance = (
                attendances.get((session.pk, person.pk)) if session.pk and person.pk else None
            )
            if attendance is None:
                attendance = Attendance(session=session, participant=person, **scores)
                try:
                    attendance.clean()
                except ValidationError as error:
                    validation_errors(row, error, {"participant": "name"})
                    continue
                attendance.keep_age_band_on_the_day()
                row.outcome = CREATED
                to_create.append(attendance)
            elif _changed(attendance, scores):
                row.outcome = UPDATED
                to_update.append(attendance)
            else:
                row.outcome = SKIPPED
            context.seen[attendance_key] = True

        if not context.write:
            return
        self.sessions_create([session for session, __ in new_sessions.values()], context)
        self.write_lessons([(session, plan.lessons) for session, plan in new_sessions.values()])
        Participant.objects.bulk_create([person for person, __ in new_people.values()])
        # New people join the roster of the club whose session they came to.
        Membership.objects.bulk_create(
            [
                Membership(group_id=group.pk, participant_id=person.pk, joined_on=None)
                for person, group in new_people.values()
            ],
            ignore_conflicts=True,
        )
        for attendance in to_create:
            # The objects were saved above: take their new primary keys.
            attendance.session_id = attendance.session.pk
            attendance.participant_id = attendance.participant.pk
        Attendance.objects.bulk_create(to_create)
        if to_update:
            Attendance.objects.bulk_update(to_update, ["pre_test_score", "post_test_score"])

    @staticmethod
    def _person_key(row: Row) -> tuple:
        code = clean_text(row.values.get("participant_code")).upper()
        if code:
            return ("participant", "code", code)
        return (
            "participant",
            name_key(row.values.get("name")),
            row.values.get("year_of_birth") or row.values.get("age_band") or "",
        )

    def _find_participants(self, rows, plans, context) -> dict:
        """The stored participant each row names, by code or by name and year of birth."""
        codes = {}
        names = {}
        for row in rows:
            if row.errors:
                continue
            code = clean_text(row.values.get("participant_code")).upper()
            if code:
                codes[row.number] = code
            else:
                names[row.number] = clean_text(row.values.get("name"))
        # Found by code or name first, then narrowed to the officer's participants: the
        # scoping's EXISTS subqueries then run for these few rows, not for the whole table.
        candidates = list(Participant.objects.filter(code__in=set(codes.values())))
        if names:
            candidates += Participant.objects.filter(
                name__in=set(names.values()), erased_at__isnull=True
            )
        visible_ids = set(
            participants_for_user(context.user)
            .filter(pk__in=[person.pk for person in candidates])
            .values_list("pk", flat=True)
        )
        visible = [person for person in candidates if person.pk in visible_ids]
        by_code = {person.code: person for person in visible}
        by_name = {}
        for person in visible:
            if person.name and not person.erased_at:
                key = (
                    "participant",
                    name_key(person.name),
                    person.year_of_birth or person.age_band or "",
                )
                by_name.setdefault(key, person)
        found = {}
        for row in rows:
            if row.number in codes:
                person = by_code.get(codes[row.number])
                if person is None:
                    row.fail(
                        "participant_code",
                        _("There is no participant with the code %(code)s in your provinces.")
                        % {"code": codes[row.number]},
                    )
                else:
                    found[row.number] = person
            elif row.number in names:
                person = by_name.get(self._person_key(row))
                if person is not None:
                    found[row.number] = person
        return found

    def _new_participant(self, row: Row, context: ImportContext) -> Participant | None:
        """The person the row adds, checked; None (the problems on the row) if they fail."""
        values = {
            name: row.values.get(name)
            if name in NULLABLE_PARTICIPANT_FIELDS
            else row.values.get(name) or ""
            for name in PARTICIPANT_FIELDS
        }
        person = Participant(**values)
        refused = [name for name in PARTICIPANT_FIELDS if row.has_error(name)]
        # The rules across fields (age, a minor's consents) need every cell they read.
        rules_can_run = not any(name in refused for name in READ_BY_PARTICIPANT_RULES)
        # Checked with the session's columns already: a refusal there is not said twice.
        province = checked(row, "province", context.province)
        if province:
            person.home_commune_id = checked(
                row, "home_commune", lambda value: context.commune(value, province_code=province)
            )
        try:
            person.clean_fields(exclude=["code", "home_commune", *refused])
            if rules_can_run:
                person.clean()
        except ValidationError as error:
            validation_errors(row, error, {})
        if row.errors:
            return None
        return person


KINDS: dict[str, ImportKind] = {
    kind.kind: kind
    for kind in (
        YouthGroupImport(),
        PeerEducatorImport(),
        TrainingSessionImport(),
        AttendanceImport(),
    )
}
