"""The languages of the demo and the fixed translation keys of its pages and snippets."""

import uuid

SOURCE_LANGUAGE = "km"
TRANSLATION_LANGUAGE = "en"
LANGUAGES = (SOURCE_LANGUAGE, TRANSLATION_LANGUAGE)

# Fixed, so a demo page or entry has the same translation key on every run and machine,
# and a second run finds what the first one made whatever editors renamed since.
DEMO_NAMESPACE = uuid.UUID("5f0c2d8e-6a1b-4f7e-9a53-2b7c1e4d9a60")


def demo_key(kind: str, name: str) -> uuid.UUID:
    """The translation key of the demo page or snippet `kind`/`name`."""
    return uuid.uuid5(DEMO_NAMESPACE, f"{kind}:{name}")
