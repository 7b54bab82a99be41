"""When reader pages are purged from the cache (home/page_cache.py), after the change commits.

Pages list one another (a module its lessons, the home page its packs and campaigns, the
curriculum its lessons, every page its translations in the language switcher, lessons the
help entries and labels), so publishing, unpublishing, moving or deleting any page, or
changing a label or help entry, purges every reader page: a few hundred pages, published a
few times a day, each rendered again once. A change that concerns one page alone purges
that page: new figures the home pages, a printed file made the page it belongs to.
A privacy setting (a password, or logged-in readers only) given to or taken from a page
applies to its whole subtree, and its pages are listed elsewhere: every reader page too.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from curriculum.models import Audience, HelpEntry, PrintedFile, Topic
from home.models import HomePage
from sessions.reports.public import public_impact_figures_changed

from .page_cache import reader_pages_purge_all, reader_pages_purge_paths

#: Snippets shown on reader pages.
LISTED_SNIPPETS = (Topic, Audience, HelpEntry)


def page_paths(page: Page) -> list[str]:
    """The path a page is served at ("/km/…/"), or none if it is not routable."""
    parts = page.get_url_parts()
    return [parts[2]] if parts else []


def purge_all_after_commit(**kwargs) -> None:
    transaction.on_commit(reader_pages_purge_all)


def purge_the_page_of_a_printed_file(sender, instance, created, **kwargs) -> None:
    if created:
        paths = page_paths(instance.page)
        transaction.on_commit(lambda: reader_pages_purge_paths(paths))


def purge_home_pages(**kwargs) -> None:
    paths = [path for home in HomePage.objects.live() for path in page_paths(home)]
    transaction.on_commit(lambda: reader_pages_purge_paths(paths))


def connect_page_cache_signals() -> None:
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(purge_all_after_commit, dispatch_uid=f"page-cache-purge-{id(signal)}")
    # Deleting a page deletes its `Page` row whatever its type. Senders are always named:
    # a receiver for every model would stop Django's fast bulk deletes everywhere.
    post_delete.connect(purge_all_after_commit, sender=Page, dispatch_uid="page-cache-deleted")
    for model in (*LISTED_SNIPPETS, PageViewRestriction):
        post_save.connect(purge_all_after_commit, sender=model, dispatch_uid=f"page-cache-{model}")
        post_delete.connect(
            purge_all_after_commit, sender=model, dispatch_uid=f"page-cache-del-{model}"
        )
    post_save.connect(
        purge_the_page_of_a_printed_file, sender=PrintedFile, dispatch_uid="page-cache-printed"
    )
    public_impact_figures_changed.connect(purge_home_pages, dispatch_uid="page-cache-figures")
