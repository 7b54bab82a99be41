"""External ids of imported sessions are unique per youth group, not across provinces."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("trainings", "0010_personal_data_access_log"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="trainingsession",
            name="unique_training_session_external_id",
        ),
        migrations.AddConstraint(
            model_name="trainingsession",
            constraint=models.UniqueConstraint(
                condition=models.Q(("external_id", ""), _negated=True),
                fields=("source", "external_id", "group"),
                name="unique_training_session_external_id_per_group",
                violation_error_message="A session with this source and external id exists.",
            ),
        ),
    ]
