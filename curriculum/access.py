"""Who may see what in the curriculum: the one helper that decides it.

Quiz answers, facilitator tips and safeguarding advice are for facilitators only. Blocks ask
`context_is_for_facilitator` before rendering those parts (`curriculum.blocks`), pages ask
`user_is_facilitator`, and a page that shows them is never kept by a shared cache.
"""

from django.utils.cache import patch_cache_control, patch_vary_headers


def user_is_facilitator(user) -> bool:
    """Facilitators (club leaders, officers, editors) see quiz answers and tips."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.has_perm("curriculum.view_facilitator_content")
    )


def context_is_for_facilitator(context) -> bool:
    """Whether a template context renders for a facilitator: its request's user decides.

    A context without a request (the search index, a PDF, a test) is for the public.
    """
    request = context.get("request") if context else None
    return user_is_facilitator(getattr(request, "user", None))


def facilitator_page_headers(*, request, response):
    """Keep a page that differs for facilitators out of shared caches' answers to others."""
    patch_vary_headers(response, ["Cookie"])
    if user_is_facilitator(request.user):
        patch_cache_control(response, private=True)
    return response
