"""Who may see what in the curriculum: the one helper that decides it."""


def user_is_facilitator(user) -> bool:
    """Facilitators (club leaders, officers, editors) see quiz answers and tips."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.has_perm("curriculum.view_facilitator_content")
    )
