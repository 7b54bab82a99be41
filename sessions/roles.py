"""The names of the roles (Django groups) that the product gives permissions to.

The groups and their permissions are created by migrations; code refers to a role
by these names, and decides what a user may do by permission, not by group.
"""

from django.utils.translation import gettext_lazy as _

EDITORS = "Editors"
MODERATORS = "Moderators"
PROGRAM_OFFICERS = "Program officers"
NATIONAL_PROGRAM_OFFICERS = "National program officers"
CLUB_LEADERS = "Club leaders"

ROLE_LABELS = {
    EDITORS: _("Editors"),
    MODERATORS: _("Moderators"),
    PROGRAM_OFFICERS: _("Program officers"),
    NATIONAL_PROGRAM_OFFICERS: _("National program officers"),
    CLUB_LEADERS: _("Club leaders"),
}
