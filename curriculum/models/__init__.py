"""Models of the curriculum: page types and snippets."""

from .pages import (
    CampaignGalleryImage,
    CampaignIndexPage,
    CampaignMediaFile,
    CampaignPage,
    CampaignRelatedLesson,
    CurriculumIndexPage,
    HelpPage,
    LessonPage,
    ModulePage,
    PublicationIndexPage,
    PublicationPage,
)
from .printing import (
    EdgeDownloadLogPosition,
    PrintedFile,
    PrintedFileBuild,
    PrintedFileDownload,
)
from .snippets import Audience, HelpEntry, Topic

__all__ = [
    "Audience",
    "CampaignGalleryImage",
    "CampaignIndexPage",
    "CampaignMediaFile",
    "CampaignPage",
    "CampaignRelatedLesson",
    "CurriculumIndexPage",
    "EdgeDownloadLogPosition",
    "HelpEntry",
    "HelpPage",
    "LessonPage",
    "ModulePage",
    "PrintedFile",
    "PrintedFileBuild",
    "PrintedFileDownload",
    "PublicationIndexPage",
    "PublicationPage",
    "Topic",
]
