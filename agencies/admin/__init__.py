"""The agencies' register in the Wagtail admin: the list, forms, history and the list's import."""
