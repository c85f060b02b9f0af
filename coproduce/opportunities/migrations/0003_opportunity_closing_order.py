from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("opportunities", "0002_welsh_version")]

    operations = [
        migrations.AddIndex(
            model_name="opportunity",
            index=models.Index(
                fields=["closing_on", "title", "id"], name="opportunity_closing_order"
            ),
        ),
    ]
