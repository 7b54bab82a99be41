"""The demo's topics, audiences and invented help directory, in Khmer and English."""

from django.core.exceptions import ImproperlyConfigured

from curriculum.models import HelpEntry
from geography.models import Province

from .data_files import demo_data
from .translation_keys import LANGUAGES, demo_key


def demo_labels_build(*, model, labels: list[dict], homes: dict) -> dict:
    """Topics or audiences: one per slug in each language, the English a translation."""
    built = {}
    for label in labels:
        khmer = model.objects.filter(slug=label["slug"], locale=homes["km"].locale).first()
        if khmer is None:
            khmer = model.objects.create(
                name=label["km"], slug=label["slug"], locale=homes["km"].locale
            )
        english = model.objects.filter(slug=label["slug"], locale=homes["en"].locale).first()
        if english is None:
            english = khmer.copy_for_translation(homes["en"].locale)
            english.name = label["en"]
            english.save()
        built[label["slug"]] = {"km": khmer, "en": english}
    return built


def demo_help_entries_build(*, homes: dict) -> dict:
    """Invented help directory entries, marked as demo data, in Khmer and English."""
    help_directory = demo_data("help_entries")
    built = {}
    for entry in help_directory["entries"]:
        translation_key = demo_key("help-entry", entry["key"])
        provinces = demo_provinces(entry["provinces"])
        built[entry["key"]] = {}
        source = None
        for language in LANGUAGES:
            locale = homes[language].locale
            help_entry = HelpEntry.objects.filter(
                translation_key=translation_key, locale=locale
            ).first()
            if help_entry is None:
                help_entry = _help_entry_create(
                    entry,
                    help_directory=help_directory,
                    language=language,
                    locale=locale,
                    source=source,
                )
                help_entry.translation_key = translation_key
                help_entry.provinces = provinces
                help_entry.save()
            built[entry["key"]][language] = source = help_entry
    return built


def demo_provinces(codes: list[str]) -> list:
    """The provinces of these codes."""
    provinces = list(Province.objects.filter(code__in=codes))
    if len(provinces) != len(codes):
        raise ImproperlyConfigured("Load the geography (manage.py load_geography) first.")
    return provinces


def _help_entry_create(
    entry: dict, *, help_directory: dict, language: str, locale, source
) -> HelpEntry:
    text = entry[language]
    help_entry = source.copy_for_translation(locale) if source else HelpEntry(locale=locale)
    help_entry.name = f"{help_directory['demo_prefix'][language]} {text['name']}"
    help_entry.category = entry["category"]
    invented = help_directory["invented_service"][language]
    help_entry.description = f"{text['description']} {invented}"
    help_entry.phone = entry["phone"]
    help_entry.hours = text["hours"]
    help_entry.languages = text["languages"]
    help_entry.address = text["address"]
    help_entry.is_demo = True
    return help_entry
