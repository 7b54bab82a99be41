"""The names of the roles (Django groups) that people are put in, with their translated labels.

The accounts app owns the roles: its migration `0001_roles` makes the groups and lets the
staff roles into the admin; each app's migrations grant its own permissions to them
(`tests/accounts/test_roles.py` holds the whole table). Code decides what a user may do by
permission, never by a group's name: these names are for the migrations, the demo accounts,
the tests and the screens that put someone in a role.
"""

from django.utils.translation import gettext_lazy as _

EDITORS = "Editors"
MODERATORS = "Moderators"
PROGRAM_OFFICERS = "Program officers"
NATIONAL_PROGRAM_OFFICERS = "National program officers"
CLUB_LEADERS = "Club leaders"
# Made by the communes app (its migration 0002), which owns the commune registers.
COMMUNE_FOCAL_POINTS = "Commune focal points"

ROLE_LABELS = {
    EDITORS: _("Editors"),
    MODERATORS: _("Moderators"),
    PROGRAM_OFFICERS: _("Program officers"),
    NATIONAL_PROGRAM_OFFICERS: _("National program officers"),
    CLUB_LEADERS: _("Club leaders"),
    COMMUNE_FOCAL_POINTS: _("Commune focal points"),
}
