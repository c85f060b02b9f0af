from django.db import migrations, models
from django.db.models import Count


def count_the_lines_kept(apps, schema_editor):
    KeptSummary = apps.get_model("budgets", "KeptSummary")
    for kept in KeptSummary.objects.annotate(lines=Count("project_lines")):
        KeptSummary.objects.filter(pk=kept.pk).update(project_line_count=kept.lines)


class Migration(migrations.Migration):
    dependencies = [
        ("budgets", "0002_kept_summary"),
    ]

    operations = [
        migrations.AddField(
            model_name="keptsummary",
            name="project_line_count",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.RunPython(count_the_lines_kept, migrations.RunPython.noop),
    ]
