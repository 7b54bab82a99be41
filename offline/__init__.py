"""The installable web app: its manifest, its service worker, and saving lessons for offline."""
