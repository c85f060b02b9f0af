"""Ships the seven rungs of TLAP's ladder of co-production as editable data."""

from django.db import migrations

from coproduce.projects.ladder import load_default_rungs


def add_rungs(apps, schema_editor):
    load_default_rungs(apps.get_model("projects", "Rung"))


class Migration(migrations.Migration):
    dependencies = [("projects", "0001_initial")]
    operations = [migrations.RunPython(add_rungs, migrations.RunPython.noop)]
