# ruff: noqa: S608 - SQL built from constants of this file, never from input

from django.db import migrations, models

NO_NEXT_DATE = "9999-12-31"
LEVELS = {
    "n": (None, "next_national"),
    "p": ("province_id", "next_province"),
    "d": ("district_id", "next_district"),
}
FACETS = {
    "c": (
        "sex, age_band, ''",
        "sex, age_band",
        "SUM(CASE WHEN plans_to_migrate THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN returned_migrant THEN 1 ELSE 0 END)",
        "",
    ),
    "p": ("'', '', ''", "", "0, 0", ""),
    "d": ("'', '', destination", "destination", "0, 0", "AND plans_to_migrate"),
}


def fill_from_kept_attendances(apps, schema_editor):
    """The new rows from the kept attendances as they are: later refreshes change both by
    difference, so they stay equal (what `kept_periods.people_to_date_select` counts)."""
    selects = []
    for level, (node, next_column) in LEVELS.items():
        for facet, (columns, group_by, values, condition) in FACETS.items():
            grouped = ", ".join(part for part in (node, "month", group_by) if part)
            selects.append(
                f"SELECT '{level}', {node or 0}, month, '{facet}', {columns}, COUNT(*), "
                f"{values} FROM trainings_keptattendance "
                f"WHERE {next_column} = '{NO_NEXT_DATE}' {condition} GROUP BY {grouped}"
            )
    schema_editor.execute(
        "INSERT INTO trainings_keptpeopletodate (level, node, month, facet, sex, age_band, "
        "destination, people, planning, returned) " + " UNION ALL ".join(selects)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("trainings", "0020_kept_figures"),
    ]

    operations = [
        migrations.CreateModel(
            name="KeptPeopleToDate",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "level",
                    models.CharField(
                        choices=[("n", "national"), ("p", "province"), ("d", "district")],
                        max_length=1,
                    ),
                ),
                ("node", models.BigIntegerField()),
                ("month", models.DateField()),
                (
                    "facet",
                    models.CharField(
                        choices=[("c", "sex and band"), ("p", "place"), ("d", "destination")],
                        max_length=1,
                    ),
                ),
                ("sex", models.CharField(blank=True, max_length=20)),
                ("age_band", models.CharField(blank=True, max_length=5)),
                ("destination", models.CharField(blank=True, max_length=200)),
                ("people", models.IntegerField(default=0)),
                ("planning", models.IntegerField(default=0)),
                ("returned", models.IntegerField(default=0)),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=(
                            "facet",
                            "level",
                            "node",
                            "month",
                            "sex",
                            "age_band",
                            "destination",
                        ),
                        name="kept_people_to_date_unique",
                    )
                ],
            },
        ),
        migrations.RunPython(fill_from_kept_attendances, migrations.RunPython.noop),
    ]
