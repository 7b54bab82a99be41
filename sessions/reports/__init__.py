"""Programme reports: indicators over verified sessions, their charts, map, exports and panels."""
