"""The offline pack of a module: its PDFs and a read-me in one ZIP, for sharing by USB or phone."""

import io
import zipfile
from collections.abc import Iterable

README = {
    "km": (
        "កញ្ចប់មេរៀនសម្រាប់ប្រើក្រៅបណ្ដាញ\n\n"
        "ឯកសារនេះមាន៖\n"
        "- កញ្ចប់មេរៀនទាំងមូល (PDF) សម្រាប់បោះពុម្ព\n"
        "- ផែនការមេរៀនសម្រាប់អ្នកសម្របសម្រួល និងឯកសារចែកអ្នកចូលរួម សម្រាប់មេរៀននីមួយៗ\n\n"
        "បោះពុម្ពលើក្រដាស A4 ។ ចែករំលែកតាម USB ឬកម្មវិធីផ្ញើសារ។\n"
        "ប្រសិនបើនរណាម្នាក់និយាយប្រាប់អំពីការរំលោភបំពាន ឬការជួញដូរមនុស្ស "
        "សូមមើលផ្នែក «កន្លែងទទួលជំនួយ» ក្នុងមេរៀន។\n"
    ),
    "en": (
        "Lesson pack for offline use\n\n"
        "This folder holds:\n"
        "- the whole lesson pack (PDF), ready to print\n"
        "- for each lesson, the facilitator's lesson plan and the participants' handout\n\n"
        "Print on A4 paper. Share by USB or a messaging app.\n"
        "If someone discloses abuse or trafficking, see 'Where to get help' in the lessons.\n"
    ),
}


def offline_pack_zip(files: Iterable[tuple[str, bytes]]) -> bytes:
    """A ZIP of the read-me in both languages and the named files, in order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README-km.txt", README["km"])
        archive.writestr("README-en.txt", README["en"])
        for name, content in files:
            archive.writestr(name, content)
    return buffer.getvalue()
