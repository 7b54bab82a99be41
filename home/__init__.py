"""The home page, site-wide settings and the public impact figures."""
