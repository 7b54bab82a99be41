"""Printed files move from MEDIA_ROOT (served to anyone) to the private PRINTED_FILES_ROOT."""

from django.db import migrations, models

import curriculum.models.printing


def move_printed_files_out_of_media(apps, schema_editor):
    """Move each stored file to the private storage; a file that is not there is made again."""
    # Imported when the migration runs: the migration loader imports every migration file.
    from curriculum.printing.storage_move import move_printed_files

    move_printed_files(apps.get_model("curriculum", "PrintedFile").objects.all())


class Migration(migrations.Migration):
    dependencies = [
        ("curriculum", "0003_printed_files"),
    ]

    operations = [
        migrations.AlterField(
            model_name="printedfile",
            name="file",
            field=models.FileField(
                storage=curriculum.models.printing.printed_files_storage,
                upload_to=curriculum.models.printing.printed_file_path,
                verbose_name="file",
            ),
        ),
        migrations.RunPython(move_printed_files_out_of_media, migrations.RunPython.noop),
    ]
