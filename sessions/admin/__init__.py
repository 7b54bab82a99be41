"""The officers' face of the trainings app: its screens in the Wagtail admin.

`viewsets` declares the lists and forms (scoped by `sessions/scoping.py` through `views`
and `permission_policies`), `review_views` the verify, erase and duplicates screens,
`club_login_views` the screen that makes a club leader's login, `choosers` the search
pop-ups, `bulk_actions` the bulk verify, `exports` the lists' spreadsheets, and
`wagtail_hooks` wires them into the admin. The imports and the reports keep their own
subpackages (`sessions/imports/`, `sessions/reports/`).
"""
