"""The register's figures, worked by hand: whole for national officers, small counts hidden
for everyone else, and only ever from the communes the viewer may read.

Commune A (Siem Reap) and commune B (Battambang), as below; every figure is checked against
the counts written out in each test.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agencies.models import Country
from communes.choices import Channel, Currency, PassportHolder, ReturnReason, Sector
from communes.models import FeeCap, RecruitmentActivity
from communes.scoping import sees_exact_figures
from communes.selectors import FigureFilters, register_figures
from tests.communes.conftest import focal_point_of, movement

pytestmark = pytest.mark.django_db

MAY, JUNE = datetime.date(2025, 5, 10), datetime.date(2025, 6, 15)
EVERYTHING = FigureFilters()


@pytest.fixture
def register(communes, licensed_agency):
    """A: 7 departures (6 by broker to Thailand in May, 1 by agency to Korea in June),
    2 returns in June; B: 3 departures in May, 1 return in June. Thailand's cap: 500 USD."""
    FeeCap.objects.create(country=Country.objects.get(code="TH"), amount_usd=500)
    a, b = communes["A"], communes["B"]
    for fees, currency, holder in [
        (600, Currency.DOLLAR, PassportHolder.AGENCY_OR_BROKER),
        (600, Currency.DOLLAR, PassportHolder.AGENCY_OR_BROKER),
        (400, Currency.DOLLAR, PassportHolder.UNKNOWN),
        (1_600_000, Currency.RIEL, PassportHolder.UNKNOWN),  # 400 USD at 4,000 riel
        (None, Currency.DOLLAR, PassportHolder.UNKNOWN),
        (None, Currency.DOLLAR, PassportHolder.UNKNOWN),
    ]:
        has_passport = "yes" if holder == PassportHolder.AGENCY_OR_BROKER else "unknown"
        movement(
            a,
            date=MAY,
            fees_paid=fees,
            currency=currency,
            passport_holder=holder,
            has_passport=has_passport,
        )
    movement(
        a,
        date=datetime.date(2025, 6, 3),
        channel=Channel.LICENSED_AGENCY,
        agency=licensed_agency,
        destination_country=Country.objects.get(code="KR"),
        sector=Sector.A,
    )
    movement(a, kind="return", date=JUNE, return_reason=ReturnReason.EXPLOITATION)
    movement(a, kind="return", date=JUNE, return_reason=ReturnReason.CONTRACT_ENDED)
    for _number in range(3):
        movement(b, date=MAY)
    movement(b, kind="return", date=datetime.date(2025, 6, 20), return_reason=ReturnReason.DEPORTED)
    for kind, licensed, reported_to in [
        ("broker", "unknown", "police"),
        ("broker", "unknown", "nobody"),
        ("agency", "yes", "nobody"),
    ]:
        RecruitmentActivity.objects.create(
            commune=a,
            seen_on=MAY,
            recruiter_kind=kind,
            agency=licensed_agency if kind == "agency" else None,
            licensed=licensed,
            reported_to=reported_to,
        )
    return communes


def figures(user, filters=EVERYTHING):
    return {figure.key: figure for figure in register_figures(user=user, filters=filters)}


def test_a_national_officer_sees_every_count_whole(register, national):
    shown = figures(national)
    by_month = shown["month"]
    assert by_month.table.row_labels == ("2025-05", "2025-06")
    assert by_month.table.counts == ((9, 0), (1, 3))
    assert by_month.shown.hidden == frozenset()
    assert by_month.shown.cell(1, 0) == 1
    assert shown["province"].table.row_keys == ("02", "17")
    assert shown["province"].table.counts == ((3, 1), (7, 2))
    assert shown["destination"].table.counts == ((1, 0), (9, 3))  # KR, then TH
    assert shown["channel"].table.counts == ((1, 0), (9, 3))  # agency, broker
    assert shown["licensed_share"].table.counts == ((1,), (9,))


def test_fees_are_counted_against_the_cap_in_dollars(register, national):
    # Thailand: 600, 600 above; 400 and 1,600,000 riel (400 USD) within; 2 + 3 unknown.
    # Korea has no cap, so its departure is not in this table.
    fees = figures(national)["fees"].table
    assert fees.row_keys == ("TH",)
    assert fees.counts == ((2, 2, 5),)


def test_passports_returns_and_unlicensed_recruiters(register, national):
    shown = figures(national)
    holders = shown["passports"].table
    assert dict(zip(holders.row_keys, holders.counts, strict=True)) == {
        "none": (0,),
        "self": (0,),
        "family": (0,),
        "recruiter": (2,),
        "employer": (0,),
        "unknown": (8,),
    }
    reasons = shown["return_reasons"].table
    assert dict(zip(reasons.row_keys, reasons.counts, strict=True)) == {
        "contract_ended": (1,),
        "exploitation": (1,),
        "deported": (1,),
        "other": (0,),
    }
    recruiters = shown["unlicensed_recruiters"].table
    reported = dict(zip(recruiters.row_keys, recruiters.counts, strict=True))
    assert reported["police"] == (1,)
    assert reported["nobody"] == (1,)  # the licensed agency seen is not counted
    assert sum(count for (count,) in reported.values()) == 2


def test_another_provinces_officer_counts_nothing_of_other_provinces(register, officer_battambang):
    shown = figures(officer_battambang)
    assert shown["province"].table.row_keys == ("02",)
    assert shown["province"].table.counts == ((3, 1),)
    assert shown["commune"].table.counts == ((3, 1),)
    assert shown["fees"].table.counts == ((0, 0, 3),)
    recruiters = shown["unlicensed_recruiters"].table
    assert sum(count for (count,) in recruiters.counts) == 0


def test_a_province_officer_sees_small_counts_hidden(register, officer_siem_reap):
    shown = figures(officer_siem_reap)
    province = shown["province"]
    assert province.table.counts == ((7, 2),)
    # 2 returns is small: hidden, so the 7 departures are too (9 - 7 would give it back),
    # and the columns' totals, which repeat them. The row's total (9) is hidden too: the
    # licensed agencies' share shows 6 departures otherwise, and the 1 it hides is at least
    # 1, so 9 would pin the departures at 7 (tests/communes/test_linked_suppression.py).
    assert province.shown.hidden == {(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2)}
    assert shown["licensed_share"].shown.cell(1, 0) == 6
    month = shown["month"]
    assert month.table.counts == ((6, 0), (1, 2))
    assert month.shown.cell(1, 0) is None
    assert month.shown.cell(1, 1) is None
    assert month.shown.cell(0, 1) == 0  # a zero names nobody: shown
    share = shown["licensed_share"]
    assert share.table.counts == ((1,), (6,))
    assert share.shown.cell(0, 0) is None


def test_a_focal_point_sees_their_commune_with_small_counts_hidden(register, communes):
    focal_point = focal_point_of(communes["B"])
    by_commune = figures(focal_point)["commune"]
    assert by_commune.table.counts == ((3, 1),)
    assert by_commune.shown.cell(0, 0) is None
    assert by_commune.shown.cell(0, 1) is None


@pytest.mark.parametrize("who", ["editor", "anonymous"])
def test_editors_and_anonymous_readers_count_nothing(register, editor, who):
    user = editor if who == "editor" else AnonymousUser()
    for figure in register_figures(user=user, filters=EVERYTHING):
        assert sum(sum(row) for row in figure.table.counts) == 0, figure.key


def test_only_national_officers_see_exact_figures(national, officer_siem_reap, editor, communes):
    assert sees_exact_figures(national)
    assert not sees_exact_figures(officer_siem_reap)
    assert not sees_exact_figures(focal_point_of(communes["A"]))
    assert not sees_exact_figures(editor)
    assert not sees_exact_figures(AnonymousUser())


def test_filters_narrow_to_a_period_and_a_place(register, national, communes):
    june = FigureFilters(date_from=datetime.date(2025, 6, 1), date_to=datetime.date(2025, 6, 30))
    assert figures(national, june)["province"].table.counts == ((0, 1), (1, 2))
    district = FigureFilters(district_id=communes["A"].district_id)
    assert figures(national, district)["province"].table.counts == ((7, 2),)
    commune = FigureFilters(commune_id=communes["B"].pk)
    assert figures(national, commune)["commune"].table.counts == ((3, 1),)


def test_the_figures_take_the_same_number_of_queries_however_many_records(
    communes, national, licensed_agency
):
    def queries():
        user = get_user_model().objects.get(pk=national.pk)
        with CaptureQueriesContext(connection) as captured:
            register_figures(user=user, filters=EVERYTHING)
        return len(captured)

    movement(communes["A"])
    few = queries()
    for _number in range(4):
        movement(communes["B"], date=JUNE, destination_country=Country.objects.get(code="MY"))
        movement(communes["A"], kind="return", return_reason=ReturnReason.OTHER)
    assert queries() == few
