"""Records past their retention period are deleted with their history and
files; periods are the administrator's to change; the privacy notice says them."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from coproduce.privacy import retention
from coproduce.privacy.models import ReadLog, RetentionPeriod, RetentionRun
from coproduce.site.models import ContactMessage, SpotlightFile, SpotlightStatus
from coproduce.site.tests.helpers import make_spotlight

pytestmark = pytest.mark.django_db


def message(days_old, name="Sam"):
    item = ContactMessage.objects.create(
        name=name, email="sam@example.org", topic="other", message="Hello"
    )
    item.message = "Hello again"  # a second version in the history table
    item.save()
    ContactMessage.objects.filter(pk=item.pk).update(
        received_at=timezone.now() - timedelta(days=days_old)
    )
    return item


def test_records_past_their_period_go_with_their_history_and_newer_ones_stay():
    old, recent = message(800, "Old"), message(30, "Recent")
    run = retention.apply()
    assert list(ContactMessage.objects.values_list("name", flat=True)) == ["Recent"]
    assert not ContactMessage.history.filter(id=old.pk).exists()
    assert ContactMessage.history.filter(id=recent.pk).count() == 2
    assert run.deleted["site.contact_messages"] == 1 and run.ran_by is None
    # Running again does no harm and deletes nothing more.
    assert retention.apply().total == 0


def test_files_of_deleted_spotlights_are_removed_once_the_deletion_is_committed(
    django_capture_on_commit_callbacks,
):
    declined = make_spotlight(status=SpotlightStatus.DECLINED)
    published = make_spotlight(status=SpotlightStatus.PUBLISHED, title="Kept")
    attachment = SpotlightFile(
        spotlight=declined, original_name="photo.png", content_type="image/png", size=3
    )
    attachment.file.save("photo.png", ContentFile(b"png"), save=True)
    storage, name = attachment.file.storage, attachment.file.name
    type(declined).objects.update(submitted_at=timezone.now() - timedelta(days=400))
    with django_capture_on_commit_callbacks(execute=True):
        retention.apply()
    assert list(type(declined).objects.all()) == [published]
    assert not SpotlightFile.objects.exists()
    assert not storage.exists(name)


def test_the_administrator_shortens_a_period_and_it_applies(client_as, people):
    ReadLog.objects.create(
        viewer=people["lead"], subject=people["coproducer"], what="equality", reason="Test"
    )
    ReadLog.objects.update(at=timezone.now() - timedelta(days=90))
    client = client_as("administrator")
    page = client.get(reverse("privacy:retention")).content.decode()
    assert "Nothing is past its time now." in page
    months = {kept.rule.key: kept.months for kept in retention.schedule()}
    response = client.post(reverse("privacy:retention"), {**months, "privacy.read_log": 2})
    assert response.status_code == 302
    assert RetentionPeriod.objects.get(key="privacy.read_log").history.count() == 1
    assert "Delete 1 record now" in client.get(reverse("privacy:retention")).content.decode()
    client.post(reverse("privacy:retention_apply"))
    assert not ReadLog.objects.exists()
    assert RetentionRun.objects.get().ran_by == people["administrator"]


@pytest.mark.parametrize(
    "value, error",
    [
        ("0", "Keep records for at least 1 month."),
        ("500", "Enter 120 months (10 years) or fewer."),
        ("a year", "Enter a whole number of months, like 12."),
        ("", "Enter how many months to keep"),
    ],
)
def test_impossible_periods_are_refused_and_nothing_is_saved(client_as, value, error):
    months = {kept.rule.key: kept.months for kept in retention.schedule()}
    response = client_as("administrator").post(
        reverse("privacy:retention"), {**months, "site.contact_messages": value}
    )
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not RetentionPeriod.objects.exists()


def test_the_daily_command_can_say_what_is_due_without_deleting_it(capsys):
    message(800)
    call_command("apply_retention", "--dry-run")
    assert "1  messages sent through the contact form due for deletion" in capsys.readouterr().out
    assert ContactMessage.objects.count() == 1
    call_command("apply_retention")
    assert not ContactMessage.objects.exists()


def test_the_privacy_notice_says_how_long_we_keep_things(client):
    RetentionPeriod.objects.create(key="site.contact_messages", months=36)
    page = client.get(reverse("site:privacy")).content.decode()
    assert "Messages sent through the contact form" in page and "3 years" in page
    easy = client.get(reverse("site:privacy_easy_read")).content.decode()
    assert "We keep messages sent through the contact form for 3 years." in easy
