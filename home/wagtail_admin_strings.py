"""Wagtail's admin strings that officers meet most, translated in the project's catalogue.

Wagtail ships no Khmer catalogue, so its own words (Save, Edit, the menus, the messages
after saving) stayed English around our Khmer ones. Listed here with gettext_noop,
makemessages keeps them in locale/km, and Django finds them there for Wagtail's templates
and views too. The msgids are Wagtail 7.4's, character for character.
"""

from django.utils.translation import gettext_noop

WAGTAIL_ADMIN_STRINGS = [
    gettext_noop("Save"),
    gettext_noop("Saving…"),
    gettext_noop("Reports"),
    gettext_noop("Help"),
    gettext_noop("Search all pages…"),
    gettext_noop("Account"),
    gettext_noop("Log out"),
    gettext_noop("Edit"),
    gettext_noop("Delete"),
    gettext_noop("Inspect"),
    gettext_noop("History"),
    gettext_noop("Filter"),
    gettext_noop("Search…"),
    gettext_noop("Search"),
    gettext_noop("Download CSV"),
    gettext_noop("Download XLSX"),
    gettext_noop("Choose"),
    gettext_noop("Choose another"),
    gettext_noop("Clear choice"),
    gettext_noop("Actions"),
    gettext_noop("Dashboard"),
    gettext_noop("Yes, delete"),
    gettext_noop("Status"),
    gettext_noop("Add"),
    gettext_noop("Add %(model_name)s"),
    gettext_noop("Show filters"),
    gettext_noop("Apply filters"),
    gettext_noop("Clear"),
    gettext_noop("Select all"),
    gettext_noop("Title"),
    gettext_noop("Page %(page_number)s of %(num_pages)s."),
    gettext_noop("Page %(page_num)s of %(total_pages)s"),
    gettext_noop("There are no %(model_name)s to display."),
    gettext_noop(
        'There are no %(model_name)s to display. Why not <a href="%(add_url)s">add one</a>?'
    ),
    gettext_noop('Sorry, there are no matches for "<em>%(search_query)s</em>"'),
    gettext_noop("%(model_name)s '%(object)s' created."),
    gettext_noop("%(model_name)s '%(object)s' updated."),
    gettext_noop("%(model_name)s '%(object)s' deleted."),
    gettext_noop("The %(model_name)s could not be created due to errors."),
    gettext_noop("The %(model_name)s could not be saved due to errors."),
    gettext_noop("Sort by '%(label)s' in ascending order."),
    gettext_noop("Sort by '%(label)s' in descending order."),
]
