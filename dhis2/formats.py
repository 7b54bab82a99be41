"""The two files DHIS2 imports: a `dataValueSets` JSON document and an ADX XML document.

Only values with every code mapped are written (the dry run lists the others). Codes, not
DHIS2's ids, name everything: the push asks DHIS2 to read them as codes (`idScheme=CODE`),
as ADX does by definition. The standard library writes the XML: attribute values are
escaped by it, and category codes are checked as XML names when mapped.
"""

import json
import xml.etree.ElementTree as ElementTree

from django.utils import timezone

from .selectors import DataValue, DryRun

ADX_NAMESPACE = "urn:ihe:qrph:adx:2015"
JSON_TYPE = "application/json"
ADX_TYPE = "application/adx+xml"


def data_value_set(dry_run: DryRun) -> dict:
    """The ready values as DHIS2's dataValueSets payload (values as text, as DHIS2 does)."""
    return {
        "dataValues": [
            {
                "dataElement": value.data_element,
                "period": value.period,
                "orgUnit": value.org_unit,
                "categoryOptionCombo": value.category_option_combo,
                "value": str(value.value),
            }
            for value in dry_run.ready
        ]
    }


def data_value_set_json(dry_run: DryRun) -> bytes:
    return json.dumps(data_value_set(dry_run), ensure_ascii=False, indent=1).encode()


def adx_document(dry_run: DryRun) -> bytes:
    """The ready values as ADX: a group per data set, organisation unit and period."""
    ElementTree.register_namespace("", ADX_NAMESPACE)
    root = ElementTree.Element(
        f"{{{ADX_NAMESPACE}}}adx", {"exported": timezone.now().replace(microsecond=0).isoformat()}
    )
    groups: dict[tuple[str, str, str], list[DataValue]] = {}
    for value in dry_run.ready:
        key = (value.data_set or "", value.org_unit or "", value.adx_period)
        groups.setdefault(key, []).append(value)
    for (data_set, org_unit, period), values in groups.items():
        group = ElementTree.SubElement(
            root,
            f"{{{ADX_NAMESPACE}}}group",
            {"orgUnit": org_unit, "period": period, "dataSet": data_set},
        )
        for value in values:
            ElementTree.SubElement(
                group,
                f"{{{ADX_NAMESPACE}}}dataValue",
                {
                    "dataElement": value.data_element or "",
                    **value.category_options,
                    "value": str(value.value),
                },
            )
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
