"""What one import run knows: the officer, their provinces, places, groups and lessons.

Loaded once per run (a few thousand small rows), so each batch of rows is checked
against dictionaries instead of a query per row.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from geography.lookups import find_commune_code, find_district_code, find_province_code
from geography.models import Commune, Province
from sessions.scoping import provinces_for_user, youth_groups_for_user
from spreadsheets.cleaning import CellError, clean_text, name_key


@dataclass
class GroupRef:
    pk: int
    name: str
    province_code: str
    commune_id: int
    founded_on: object


@dataclass
class ImportContext:
    user: object
    write: bool
    province_codes: set = field(default_factory=set)
    province_names: dict = field(default_factory=dict)
    commune_province: dict = field(default_factory=dict)  # commune code → province code
    commune_ids: dict = field(default_factory=dict)  # commune code → id
    groups: dict = field(default_factory=dict)  # (province code, name key) → [GroupRef]
    lessons: dict | None = None  # slug or title key → (lesson id, live revision id)
    # Natural keys met earlier in this file, so a repeated row is not counted twice.
    seen: dict = field(default_factory=dict)
    today: datetime.date = field(default_factory=timezone.localdate)

    @classmethod
    def for_user(cls, user, *, write: bool) -> "ImportContext":
        context = cls(user=user, write=write)
        context.province_codes = set(provinces_for_user(user).values_list("code", flat=True))
        context.province_names = {
            code: (name_km, name_en)
            for code, name_km, name_en in Province.objects.values_list("code", "name_km", "name_en")
        }
        for code, pk, province_code in Commune.objects.values_list(
            "code", "pk", "district__province__code"
        ):
            context.commune_ids[code] = pk
            context.commune_province[code] = province_code
        context.load_groups()
        return context

    def load_groups(self) -> None:
        self.groups = {}
        for pk, name, province_code, commune_id, founded_on in youth_groups_for_user(
            self.user
        ).values_list(
            "pk", "name", "commune__district__province__code", "commune_id", "founded_on"
        ):
            self.add_group(GroupRef(pk, name, province_code, commune_id, founded_on))

    def add_group(self, group: GroupRef) -> None:
        self.groups.setdefault((group.province_code, name_key(group.name)), []).append(group)

    def province(self, value) -> str:
        """The code of the province in the cell, which must be one of the officer's."""
        text = clean_text(value)
        code = find_province_code(text)
        if code is None or code not in self.province_names:
            raise CellError(_("There is no province “%(value)s”.") % {"value": text})
        if code not in self.province_codes:
            raise CellError(
                _("%(province)s is not one of your provinces: you cannot import its data.")
                % {"province": self.province_label(code)}
            )
        return code

    def province_label(self, code: str) -> str:
        from django.utils.translation import get_language

        name_km, name_en = self.province_names.get(code, (code, code))
        return name_en if get_language() == "en" else name_km

    def commune(self, value, *, province_code: str, district=None) -> int:
        """The id of the commune in the cell, looked for in the province (and district)."""
        text = clean_text(value)
        district_code = None
        if district:
            district_code = find_district_code(clean_text(district), province_code)
            if district_code is None:
                raise CellError(
                    _("There is no district “%(value)s” in %(province)s.")
                    % {
                        "value": clean_text(district),
                        "province": self.province_label(province_code),
                    }
                )
        code = find_commune_code(text, district_code, None if district_code else province_code)
        if code is None or code not in self.commune_ids:
            raise CellError(
                _("There is no commune “%(value)s” in %(province)s.")
                % {"value": text, "province": self.province_label(province_code)}
            )
        return self.commune_ids[code]

    def group(self, value, *, province_code: str) -> GroupRef:
        text = clean_text(value)
        found = self.groups.get((province_code, name_key(text)), [])
        if not found:
            raise CellError(
                _("There is no youth group “%(value)s” in %(province)s. Import or add it first.")
                % {"value": text, "province": self.province_label(province_code)}
            )
        if len(found) > 1:
            raise CellError(
                _("Several youth groups in %(province)s are called “%(value)s”: rename one.")
                % {"value": text, "province": self.province_label(province_code)}
            )
        return found[0]

    def lesson_ids(self, names: list[str]) -> list[tuple[int, int | None]]:
        """(lesson id, live revision id) of each lesson named by slug or title."""
        if self.lessons is None:
            self._load_lessons()
        found = []
        for name in names:
            lesson = self.lessons.get(name.casefold()) or self.lessons.get(name_key(name))
            if lesson is None:
                raise CellError(
                    _("There is no published lesson “%(value)s”: give its title or its slug.")
                    % {"value": name}
                )
            if lesson not in found:
                found.append(lesson)
        return found

    def _load_lessons(self) -> None:
        from curriculum.models import LessonPage

        self.lessons = {}
        # Khmer pages first, so a slug shared by a translation means the Khmer lesson.
        lessons = LessonPage.objects.live().values_list(
            "pk", "slug", "title", "live_revision_id", "locale__language_code"
        )
        for pk, slug, title, revision_id, _language in sorted(
            lessons, key=lambda lesson: (lesson[4] != "km", lesson[0])
        ):
            self.lessons.setdefault(slug.casefold(), (pk, revision_id))
            self.lessons.setdefault(name_key(title), (pk, revision_id))
