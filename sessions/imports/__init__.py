"""Spreadsheet imports of youth groups, peer educators, sessions and attendance.

Files are opened, bounded and their cells read by the shared `spreadsheets` package
(`reading`, `limits`, `unpacking`, `cleaning`, `columns`); here `cleaning` reads the
trainings' own cells (sex, age bands), `resources` declares each kind's columns,
`kinds` plans and writes rows in batches, `service` runs a check or an import and keeps
the `ImportLog`, `tasks` runs them in the background, `workbooks` makes the templates.
"""
