"""File storages of the project that are not served to the public as files."""

from django.core.files.storage import FileSystemStorage


class PrivateFileSystemStorage(FileSystemStorage):
    """Files on disk with no public address: they leave only through a view that checks who asks.

    Kept outside MEDIA_ROOT, which the web server serves to anyone who guesses a name.
    """

    def url(self, name):
        raise NotImplementedError("Private files have no public URL; serve them through a view.")
