"""Cambodia's provinces, districts, communes and villages, and finding them by code or name."""
