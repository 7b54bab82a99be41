"""Who may log in and for how long: login lockout, password reset throttling, private pages."""
