"""Django's own interface strings that readers meet, translated in the project's catalogue.

Django's Khmer catalogue is about a third complete. Listed here with gettext_noop,
makemessages keeps these strings in locale/km, whose translations take precedence
over Django's own.
"""

from django.utils.translation import gettext_noop

DJANGO_STRINGS = [
    gettext_noop(
        "Please enter a correct %(username)s and password. Note that both fields may be "
        "case-sensitive."
    ),
    gettext_noop("This account is inactive."),
    gettext_noop("This field is required."),
    gettext_noop("Enter a valid date."),
    gettext_noop("Enter a valid time."),
    gettext_noop("Enter a valid date/time."),
    gettext_noop("Enter a whole number."),
    gettext_noop("Enter a number."),
    gettext_noop("Enter a valid value."),
    gettext_noop("Select a valid choice. That choice is not one of the available choices."),
    gettext_noop("Select a valid choice. %(value)s is not one of the available choices."),
    gettext_noop("Ensure this value is greater than or equal to %(limit_value)s."),
    gettext_noop("Ensure this value is less than or equal to %(limit_value)s."),
    gettext_noop("The submitted file is empty."),
    gettext_noop("No file was submitted. Check the encoding type on the form."),
    gettext_noop(
        "Upload a valid image. The file you uploaded was either not an image or a corrupted image."
    ),
    # A lesson, facilitator or roll member that is no longer offered (club leaders' form).
    gettext_noop("“%(pk)s” is not a valid value."),
]
