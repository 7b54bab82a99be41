"""Trainings: geography, youth groups, peer educators, sessions and attendance."""
