"""Spreadsheet imports of youth groups, peer educators, sessions and attendance.

`reading` opens CSV and XLSX files, `cleaning` turns forgiving cell values into Python
values, `resources` declares each kind's columns (django-import-export resources),
`kinds` plans and writes rows in batches, `service` runs a check or an import and keeps
the `ImportLog`, `tasks` runs them in the background, `workbooks` makes the templates.
"""
