"""The movement register's file columns, in order: what the export writes and the import reads.

One list, so an exported file always imports again. Never the name or phone: a file travels
further than its screen.
"""

MOVEMENT_FILE_COLUMNS = (
    "person_code",
    "kind",
    "date",
    "commune",
    "village",
    "sex",
    "age_band",
    "age",
    "destination_country",
    "destination_province",
    "sector",
    "channel",
    "agency",
    "currency",
    "fees_paid",
    "debt_taken",
    "has_passport",
    "passport_holder",
    "has_work_permit",
    "has_contract_they_read",
    "orientation_received",
    "return_reason",
    "help_wanted",
    "departure",
    "is_sample",
)
