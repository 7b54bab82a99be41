"""The club leaders' face of the trainings app: "My club" and the session report form.

Under /<language>/club/ (`urls`, namespace `club`): `views` for the pages, `forms` for the
report form, roll, newcomers and headcount, `services` for saving a report whole,
`roster_views` for the roster the leader keeps, `planning_views` for planned sessions and
their sign-in sheets. Their templates are in `sessions/templates/trainings/club/`.
"""
