"""The data values a DHIS2 export holds: the programme's figures by period, province, sex, age band.

Counted by the cross-tabulations' `count_cells` over `report_sessions` (verified sessions of
the user's provinces, the filters applied), so DHIS2 receives the figures the reports show.
People reached are distinct people in each (period, province, sex, age band on the day);
attendances add headcounts. Zeros are not sent (DHIS2 stores no zero unless told to).
Each value carries its DHIS2 codes from the mappings; one lacking any is listed, never sent.
"""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from geography.models import Province
from sessions.models import AgeBand, Sex
from sessions.reports.crosstab import DIMENSIONS, count_cells
from sessions.reports.selectors import MONTH, QUARTER, ReportFilters, report_sessions
from sessions.scoping import AnyUser, provinces_for_user

from .models import (
    CategoryOptionComboMapping,
    CategoryOptionMapping,
    Disaggregation,
    Indicator,
    IndicatorMapping,
    OrgUnitMapping,
)

PERIOD_KINDS = (MONTH, QUARTER)


def period_start(day: datetime.date, period_kind: str) -> datetime.date:
    if period_kind == QUARTER:
        return datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return day.replace(day=1)


def period_end(day: datetime.date, period_kind: str) -> datetime.date:
    """The last day of the period holding `day`."""
    start = period_start(day, period_kind)
    months = start.month - 1 + (3 if period_kind == QUARTER else 1)
    following = datetime.date(start.year + months // 12, months % 12 + 1, 1)
    return following - datetime.timedelta(days=1)


def dhis2_period(start: datetime.date, period_kind: str) -> str:
    """DHIS2's ISO period: 202601 for a month, 2026Q1 for a quarter."""
    if period_kind == QUARTER:
        return f"{start.year}Q{(start.month - 1) // 3 + 1}"
    return f"{start.year}{start.month:02d}"


def adx_period(start: datetime.date, period_kind: str) -> str:
    """ADX's period: the first day and an ISO 8601 duration, 2026-01-01/P1M or /P3M."""
    return f"{start.isoformat()}/{'P3M' if period_kind == QUARTER else 'P1M'}"


@dataclass(frozen=True)
class DataValue:
    """One figure to send, with the codes it would be sent under (None where unmapped)."""

    indicator: str
    period_start: datetime.date
    period_kind: str
    province: Province
    sex: str | None
    age_band: str | None
    value: int
    data_element: str | None
    data_set: str | None
    org_unit: str | None
    category_option_combo: str | None
    #: ADX: {category code: option code} for sex and age band; missing ones left out.
    category_options: dict[str, str] = field(default_factory=dict)
    missing: tuple[str, ...] = ()

    @property
    def period(self) -> str:
        return dhis2_period(self.period_start, self.period_kind)

    @property
    def adx_period(self) -> str:
        return adx_period(self.period_start, self.period_kind)

    @property
    def is_ready(self) -> bool:
        return not self.missing

    @property
    def indicator_label(self) -> str:
        return str(Indicator(self.indicator).label)

    @property
    def sex_label(self) -> str:
        return str(Sex(self.sex).label) if self.sex in Sex.values else _("not recorded")

    @property
    def age_band_label(self) -> str:
        return (
            str(AgeBand(self.age_band).label)
            if self.age_band in AgeBand.values
            else _("not recorded")
        )


@dataclass(frozen=True)
class DryRun:
    """Every value an export would hold: those ready to send and those lacking a mapping."""

    period_kind: str
    date_from: datetime.date
    date_to: datetime.date
    province: Province | None
    values: list[DataValue]

    @property
    def ready(self) -> list[DataValue]:
        return [value for value in self.values if value.is_ready]

    @property
    def lacking(self) -> list[DataValue]:
        return [value for value in self.values if not value.is_ready]


@dataclass(frozen=True)
class Mappings:
    """Every DHIS2 code a national officer mapped, read in four queries."""

    indicators: dict[str, IndicatorMapping]
    combos: dict[tuple[str, str], str]
    options: dict[tuple[str, str], tuple[str, str]]
    org_units: dict[int, str]

    @classmethod
    def load(cls) -> "Mappings":
        return cls(
            indicators={mapping.indicator: mapping for mapping in IndicatorMapping.objects.all()},
            combos={
                (mapping.sex, mapping.age_band): mapping.category_option_combo
                for mapping in CategoryOptionComboMapping.objects.all()
            },
            options={
                (mapping.disaggregation, mapping.value): (mapping.category, mapping.category_option)
                for mapping in CategoryOptionMapping.objects.all()
            },
            org_units=dict(OrgUnitMapping.objects.values_list("province_id", "org_unit")),
        )


def _data_value(
    mappings: Mappings,
    *,
    indicator: str,
    key: tuple,
    period_kind: str,
    province: Province,
    value: int,
) -> DataValue:
    period_day, __, sex, band = key
    indicator_mapping = mappings.indicators.get(indicator)
    combo = mappings.combos.get((sex, band)) if sex and band else None
    sex_option = mappings.options.get((Disaggregation.SEX, sex)) if sex else None
    band_option = mappings.options.get((Disaggregation.AGE_BAND, band)) if band else None
    org_unit = mappings.org_units.get(province.pk)
    missing = []
    if indicator_mapping is None:
        missing.append(_("data element and data set of the indicator"))
    if org_unit is None:
        missing.append(_("organisation unit of the province"))
    if combo is None:
        missing.append(_("category option combo of the sex and age band"))
    if sex_option is None:
        missing.append(_("ADX category option of the sex"))
    if band_option is None:
        missing.append(_("ADX category option of the age band"))
    return DataValue(
        indicator=indicator,
        period_start=period_day,
        period_kind=period_kind,
        province=province,
        sex=sex,
        age_band=band,
        value=value,
        data_element=indicator_mapping.data_element if indicator_mapping else None,
        data_set=indicator_mapping.data_set if indicator_mapping else None,
        org_unit=org_unit,
        category_option_combo=combo,
        category_options=dict(option for option in (sex_option, band_option) if option),
        missing=tuple(missing),
    )


def dhis2_dry_run(
    *,
    user: AnyUser,
    period_kind: str,
    date_from: datetime.date,
    date_to: datetime.date,
    province_id: int | None = None,
) -> DryRun:
    """The values for whole periods from `date_from`'s to `date_to`'s, in the user's provinces.

    Ordered by period, province, indicator, sex and age band, as the dry run lists them.
    """
    if period_kind not in PERIOD_KINDS:
        raise ValueError(f"Unknown period kind {period_kind!r}")
    first, last = period_start(date_from, period_kind), period_end(date_to, period_kind)
    filters = ReportFilters(date_from=first, date_to=last, province_id=province_id)
    sessions = report_sessions(user=user, filters=filters)
    dimensions = [DIMENSIONS[name] for name in (period_kind, "province", "sex", "age_band")]
    counted = count_cells(sessions, dimensions)
    provinces = {province.pk: province for province in provinces_for_user(user)}
    mappings = Mappings.load()
    sex_order = {value: index for index, value in enumerate(Sex.values)}
    band_order = {value: index for index, value in enumerate(AgeBand.values)}
    values = []
    for indicator, figures in (
        (Indicator.PEOPLE_REACHED, counted.people),
        (Indicator.ATTENDANCES, counted.attendances),
    ):
        for key, value in figures.items():
            if not value or key[1] not in provinces:
                continue
            values.append(
                _data_value(
                    mappings,
                    indicator=indicator,
                    key=key,
                    period_kind=period_kind,
                    province=provinces[key[1]],
                    value=value,
                )
            )
    values.sort(
        key=lambda value: (
            value.period_start,
            value.province.code,
            value.indicator != Indicator.PEOPLE_REACHED,
            sex_order.get(value.sex or "", 99),
            band_order.get(value.age_band or "", 99),
        )
    )
    province = provinces.get(province_id) if province_id else None
    return DryRun(period_kind, first, last, province, values)
