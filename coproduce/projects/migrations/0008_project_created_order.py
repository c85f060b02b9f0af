from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("projects", "0007_project_title_order")]

    operations = [
        migrations.AddIndex(
            model_name="project",
            index=models.Index(fields=["created_at", "id"], name="project_created_order"),
        ),
    ]
