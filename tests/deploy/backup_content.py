"""What the backup test puts in a site: every kind of row and stored file a backup must keep.

Run inside the site (`manage.py shell`): youth groups, a session with its attendance (a
minor's and an adult's personal data), an image and a document uploaded to MEDIA_ROOT, a
printed handout in PRINTED_FILES_ROOT and an officer's spreadsheet in IMPORT_FILES_ROOT.
"""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

from curriculum.printing.files import printed_file_for
from geography.loading import load_geography
from sessions.imports.service import import_upload
from tests.deploy.site_content import build_lesson
from tests.factories import (
    AttendanceFactory,
    MinorParticipantFactory,
    ParticipantFactory,
    TrainingSessionFactory,
    YouthGroupFactory,
    officer_of,
)


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (40, 30), (200, 30, 60)).save(buffer, format="PNG")
    return buffer.getvalue()


def build_site_with_personal_data() -> None:
    load_geography()
    lesson = build_lesson()
    printed_file_for(page=lesson, variant="handout")
    session = TrainingSessionFactory(group=YouthGroupFactory(name="ក្លឹបយុវជនបាត់ដំបង"))
    YouthGroupFactory(name="Youth club of Siem Reap")
    AttendanceFactory(session=session, participant=MinorParticipantFactory(name="ចាន់ ស្រីមុំ"))
    AttendanceFactory(session=session, participant=ParticipantFactory(name="Keo Sophal"))
    Image.objects.create(
        title="Club meeting", file=ImageFile(io.BytesIO(png_bytes()), name="club-meeting.png")
    )
    document = Document(title="Safe migration checklist")
    document.file.save("checklist.csv", ContentFile(b"step,done\npassport,yes\n"))
    officer = officer_of("17", username="officer17")
    spreadsheet = SimpleUploadedFile(
        "groups.csv", "name,commune\nក្លឹបថ្មី,170101\n".encode(), content_type="text/csv"
    )
    import_upload(user=officer, kind="youth_groups", uploaded_file=spreadsheet, language="km")
