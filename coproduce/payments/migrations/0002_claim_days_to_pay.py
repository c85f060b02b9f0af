from django.db import migrations, models
from django.utils import timezone


def fill_days_to_pay(apps, schema_editor):
    """Claims already paid get their days from sent to paid, as new ones do."""
    Claim = apps.get_model("payments", "Claim")
    zone = timezone.get_current_timezone()
    paid = Claim.objects.filter(
        paid_at__isnull=False, submitted_at__isnull=False, payment__amount_pence__gt=0
    ).only("pk", "submitted_at", "paid_at")
    batch = []
    for claim in paid.iterator(chunk_size=2000):
        days = (
            timezone.localdate(claim.paid_at, zone) - timezone.localdate(claim.submitted_at, zone)
        ).days
        claim.days_to_pay = max(0, days)
        batch.append(claim)
        if len(batch) == 2000:
            Claim.objects.bulk_update(batch, ["days_to_pay"])
            batch = []
    Claim.objects.bulk_update(batch, ["days_to_pay"])


class Migration(migrations.Migration):
    dependencies = [
        ("payments", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="claim",
            name="days_to_pay",
            field=models.PositiveIntegerField(blank=True, editable=False, null=True),
        ),
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(
                fields=["paid_at", "days_to_pay"], name="payments_cl_paid_at_a3496f_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(fields=["days_to_pay"], name="payments_cl_days_to_bb40df_idx"),
        ),
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(fields=["submitted_at"], name="payments_cl_submitt_62395b_idx"),
        ),
        migrations.RunPython(fill_days_to_pay, migrations.RunPython.noop),
    ]
