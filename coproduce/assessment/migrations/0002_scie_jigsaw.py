"""Ships SCIE's whole-system model (the jigsaw) as the default framework."""

from django.db import migrations

from coproduce.assessment.defaults import load_scie


def forwards(apps, schema_editor):
    load_scie(apps.get_model("assessment", "Framework"), apps.get_model("assessment", "Statement"))


class Migration(migrations.Migration):
    dependencies = [("assessment", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
