"""The columns of each import, declared as django-import-export resources.

Each column is an import-export `Field` whose widget reads the forgiving values of
`cleaning`; it also carries its Khmer and English headers, whether it is required and
the drop-down list the template offers. The same resources give the XLSX templates
their headers and the import its header matching.
"""

from import_export import resources

from sessions.models import CONSENTS
from spreadsheets import cleaning
from spreadsheets.columns import Column

from .cleaning import parse_age_band, parse_audience, parse_sex


def _year(value):
    return cleaning.parse_int(value, low=1900, high=2100)


def _score(value):
    return cleaning.parse_int(value, low=0, high=100)


def _minutes(value):
    return cleaning.parse_int(value, low=1, high=24 * 60)


def _count(value):
    return cleaning.parse_int(value, low=0, high=100000)


def _place_columns(*, commune_required: bool) -> list[Column]:
    return [
        Column("province", "ខេត្ត", "province", required=True, choices="provinces", example="17"),
        Column("district", "ស្រុក", "district", example="Banteay Srei"),
        Column("commune", "ឃុំ", "commune", required=commune_required, example="Khnar Sanday"),
    ]


class ImportResource(resources.Resource):
    """A resource whose fields are `Column`s, in the order of the template."""

    sheet_name = "data"

    @classmethod
    def columns(cls) -> list[Column]:
        return [field for field in cls().fields.values() if isinstance(field, Column)]


def _resource(name: str, sheet_name: str, columns: list[Column]) -> type[ImportResource]:
    attributes = {column.key: column for column in columns}
    attributes["sheet_name"] = sheet_name
    attributes["__module__"] = __name__
    return type(name, (ImportResource,), attributes)


YOUTH_GROUP_COLUMNS = [
    Column("name", "ឈ្មោះក្រុម", "group name", required=True, example="Banteay Srei youth club"),
    # Blank: a youth club, as every group was before there were kinds.
    Column("kind", "ប្រភេទក្រុម", "kind of group", example="Youth club"),
    *_place_columns(commune_required=True),
    Column(
        "founded_on",
        "ថ្ងៃបង្កើត",
        "founded on",
        cleaning.parse_date,
        required=True,
        example="15/01/2023",
    ),
    Column("active", "សកម្ម", "active", cleaning.parse_bool, choices="yes_no", example="yes"),
    Column("contact_name", "ឈ្មោះអ្នកទំនាក់ទំនង", "contact name", example="Sok Dara"),
    Column("contact_phone", "លេខទូរស័ព្ទ", "contact phone", example="012 345 678"),
]

GROUP_REFERENCE_COLUMNS = [
    Column("province", "ខេត្ត", "province", required=True, choices="provinces", example="17"),
    Column("group", "ក្រុមយុវជន", "youth group", required=True, example="Banteay Srei youth club"),
]

PEER_EDUCATOR_COLUMNS = [
    *GROUP_REFERENCE_COLUMNS,
    Column("name_km", "ឈ្មោះ (ខ្មែរ)", "name in Khmer", required=True, example="សុខ ដារ៉ា"),
    Column("name_latin", "ឈ្មោះ (ឡាតាំង)", "name in Latin letters", example="Sok Dara"),
    Column("sex", "ភេទ", "sex", parse_sex, required=True, choices="sex", example="F"),
    Column("year_of_birth", "ឆ្នាំកំណើត", "year of birth", _year, example=2003),
    Column("phone", "លេខទូរស័ព្ទ", "phone", example="012 345 678"),
    Column("trained_on", "ថ្ងៃបណ្តុះបណ្តាល", "trained on", cleaning.parse_date, example="01/03/2024"),
]

SESSION_COLUMNS = [
    Column("external_id", "លេខសម្គាល់", "external id", example="SR-2025-001"),
    *GROUP_REFERENCE_COLUMNS,
    Column("date", "កាលបរិច្ឆេទ", "date", cleaning.parse_date, required=True, example="01/03/2025"),
    Column(
        "duration_minutes",
        "រយៈពេល (នាទី)",
        "duration in minutes",
        _minutes,
        required=True,
        example=90,
    ),
    Column("commune", "ឃុំដែលបានធ្វើ", "commune where held", example=""),
    Column("lessons", "មេរៀន", "lessons", cleaning.split_list, example=""),
    Column("audience", "អ្នកចូលរួម", "audience", parse_audience, choices="audience", example="youth"),
    Column("notes", "កំណត់ចំណាំ", "notes", example=""),
    # "yes": verified, everyone named at it becomes a peer educator of their group.
    Column(
        "is_training_of_trainers",
        "វគ្គបណ្ដុះបណ្ដាលគ្រូបង្គោល",
        "training of trainers",
        cleaning.parse_bool,
        choices="yes_no",
        example="no",
    ),
]

HEADCOUNT_COLUMNS = [
    Column(
        f"{sex}_{band}",
        f"{sex_km} {band_km}",
        f"{sex} {band}",
        _count,
        example=count,
        width=10,
    )
    for sex, sex_km in (("female", "ស្រី"), ("male", "ប្រុស"))
    for band, band_km, count in (
        ("10-14", "១០-១៤", 3),
        ("15-17", "១៥-១៧", 5),
        ("18-24", "១៨-២៤", 4),
        ("25+", "២៥+", 0),
    )
]

#: The headers (Khmer, English) of each consent's two columns: its date and who collected it.
CONSENT_HEADERS = {
    "consent": {
        "date": ("ថ្ងៃយល់ព្រម", "consent given on"),
        "collector": ("អ្នកទទួលការយល់ព្រម", "consent collected by"),
    },
    "assent": {
        "date": ("ថ្ងៃយល់ព្រមខ្លួនឯង", "own assent given on"),
        "collector": ("អ្នកទទួលការយល់ព្រមខ្លួនឯង", "assent collected by"),
    },
    "guardian_consent": {
        "date": ("ថ្ងៃអាណាព្យាបាលយល់ព្រម", "guardian's consent given on"),
        "collector": ("អ្នកទទួលការយល់ព្រមអាណាព្យាបាល", "guardian's consent collected by"),
    },
}
#: The template's example row is an adult: their own consent only.
CONSENT_EXAMPLES = {"consent_given_on": "01/03/2025", "consent_collected_by": "Sok Dara"}

PARTICIPANT_COLUMNS = [
    Column("participant_code", "លេខកូដអ្នកចូលរួម", "participant code", example=""),
    Column("name", "ឈ្មោះ", "name", required=True, example="ចាន់ ស្រីមុំ"),
    Column("sex", "ភេទ", "sex", parse_sex, required=True, choices="sex", example="ស្រី"),
    Column("year_of_birth", "ឆ្នាំកំណើត", "year of birth", _year, example=2004),
    Column(
        "age_band",
        "ក្រុមអាយុ",
        "age band",
        parse_age_band,
        choices="age_bands",
        example="18-24",
    ),
    Column("home_commune", "ឃុំកំណើត", "home commune", example=""),
    *(
        column
        for consent in CONSENTS
        for column in (
            Column(
                consent.date_field,
                *CONSENT_HEADERS[consent.name]["date"],
                cleaning.parse_date,
                example=CONSENT_EXAMPLES.get(consent.date_field, ""),
            ),
            Column(
                consent.collector_field,
                *CONSENT_HEADERS[consent.name]["collector"],
                example=CONSENT_EXAMPLES.get(consent.collector_field, ""),
            ),
        )
    ),
    Column("pre_test_score", "ពិន្ទុមុន", "pre-test score", _score, example=""),
    Column("post_test_score", "ពិន្ទុក្រោយ", "post-test score", _score, example=""),
]

YouthGroupResource = _resource("YouthGroupResource", "youth_groups", YOUTH_GROUP_COLUMNS)
PeerEducatorResource = _resource("PeerEducatorResource", "peer_educators", PEER_EDUCATOR_COLUMNS)
TrainingSessionResource = _resource(
    "TrainingSessionResource", "sessions", SESSION_COLUMNS + HEADCOUNT_COLUMNS
)
AttendanceResource = _resource(
    "AttendanceResource", "attendance", SESSION_COLUMNS + PARTICIPANT_COLUMNS
)
