import datetime
import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import OperationalError, close_old_connections
from django.urls import reverse
from django.utils import timezone

from coproduce.payments import actions
from coproduce.payments.models import Claim, ClaimEvent, Payment, Status
from coproduce.payments.tests.factories import (
    make_activity_type,
    make_claim,
    make_expense_type,
    receipt_file,
)
from coproduce.privacy.models import ReadLog

pytestmark = pytest.mark.django_db


def test_fee_uses_the_rate_in_force_on_the_activity_date_across_a_change(people):
    meeting = make_activity_type(amount_pence=2000)
    today = timezone.localdate()
    change_day = today - datetime.timedelta(days=10)
    actions.add_activity_rate(
        activity_type=meeting,
        unit="hour",
        amount_pence=2200,
        starts_on=change_day,
        by=people["lead"],
    )
    before = make_claim(claimant=people["coproducer"], days_ago=11, minutes=90)
    on_the_day = make_claim(claimant=people["coproducer_staff"], days_ago=10, minutes=90)
    assert before.fee_pence == 3000  # £20 an hour, 1.5 hours
    assert on_the_day.fee_pence == 3300  # £22 an hour from the change
    # A later change does not touch claims already made.
    actions.add_activity_rate(
        activity_type=meeting,
        unit="hour",
        amount_pence=9900,
        starts_on=today - datetime.timedelta(days=11),
        by=people["lead"],
    )
    before.refresh_from_db()
    assert before.fee_pence == 3000


def test_half_day_rates_count_each_started_half_day(people):
    chairing = make_activity_type(slug="co-chairing", unit="half_day", amount_pence=7500)
    claim = make_claim(claimant=people["coproducer"], activity_type=chairing, minutes=300)
    assert claim.fee_pence == 15000  # 5 hours: two half days of up to 4 hours


def test_duplicate_future_and_absurd_claims_are_refused(people):
    make_activity_type()
    make_claim(claimant=people["coproducer"], days_ago=2)
    with pytest.raises(ValidationError, match="already a claim"):
        make_claim(claimant=people["coproducer"], days_ago=2)
    with pytest.raises(ValidationError, match="today or earlier"):
        make_claim(claimant=people["coproducer"], days_ago=-1)
    with pytest.raises(ValidationError, match="between 1 minute"):
        make_claim(claimant=people["coproducer"], days_ago=5, minutes=60 * 40)
    with pytest.raises(ValidationError, match="Say why"):
        make_claim(claimant=people["coproducer"], entered_by=people["staff"], days_ago=6, reason="")


def test_receipt_needed_above_the_amount_and_mileage_is_worked_out(people):
    make_activity_type()
    travel = make_expense_type(receipt_over_pence=1000)
    car = make_expense_type(slug="mileage", pence_per_mile=45)
    claim = make_claim(claimant=people["coproducer"])
    with pytest.raises(ValidationError, match="receipt"):
        actions.add_expense(claim=claim, expense_type=travel, description="Taxi", amount_pence=1500)
    actions.add_expense(claim=claim, expense_type=travel, description="Bus", amount_pence=500)
    item = actions.add_expense(claim=claim, expense_type=car, description="Car", miles=10)
    assert item.amount_pence == 450


def test_receipts_are_checked_by_content(client_as, people):
    make_activity_type()
    make_expense_type()
    claim = make_claim(claimant=people["coproducer"])
    client = client_as("coproducer")
    fake = receipt_file("receipt.png")
    fake.file.write(b"")  # keep the name, change the bytes
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        reverse("payments:expense_new", args=[claim.pk]),
        {
            "expense_type": claim.expenses.model._meta.get_field("expense_type")
            .related_model.objects.get()
            .pk,
            "description": "Taxi",
            "amount": "15.00",
            "receipt": SimpleUploadedFile("receipt.png", b"<html>not a picture</html>"),
        },
    )
    assert response.status_code == 200
    assert b"contents do not match" in response.content
    assert not claim.expenses.exists()


def test_the_claimant_or_the_person_who_entered_it_cannot_approve(people):
    make_activity_type()
    claim = make_claim(claimant=people["coproducer"], entered_by=people["lead"])
    actions.submit(claim=claim, by=people["lead"])
    for person in (people["coproducer"], people["lead"]):
        with pytest.raises(ValidationError, match="Someone else"):
            actions.approve(claim=claim, by=person)
    assert actions.approve(claim=claim, by=people["administrator"])


def test_whole_journey_claim_approve_export_pay(client_as, people):
    make_activity_type()
    coproducer = people["coproducer"]
    actions.save_bank_details(
        person=coproducer, account_name="A Person", sort_code="30-94-57", account_number="12345678"
    )
    assert "12345678" not in coproducer.bank_details.encrypted
    client = client_as("coproducer")
    day = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    response = client.post(
        reverse("payments:claim_new"),
        {
            "activity_type": Claim._meta.get_field("activity_type").related_model.objects.get().pk,
            "activity_date": day,
            "hours": "2",
            "minutes": "0",
            "description": "Meeting",
            "payment_choice": "bank",
        },
    )
    claim = Claim.objects.get(claimant=coproducer)
    assert response.status_code == 302 and claim.fee_pence == 5000
    client.post(reverse("payments:claim_submit", args=[claim.pk]))
    lead = client_as("lead")
    lead.post(reverse("payments:claim_approve", args=[claim.pk]))
    lead.post(reverse("payments:claim_approve", args=[claim.pk]))  # a double click
    claim.refresh_from_db()
    assert claim.status == Status.APPROVED
    assert ClaimEvent.objects.filter(claim=claim, status=Status.APPROVED).count() == 1
    finance = client_as("finance")
    response = finance.post(reverse("payments:finance_queue"), {"claims": [claim.pk]})
    batch = claim.__class__.objects.get(pk=claim.pk).batch
    csv = finance.get(reverse("payments:batch_csv", args=[batch.pk])).content.decode("utf-8-sig")
    assert "12345678" in csv and "30-94-57" in csv
    assert ReadLog.objects.filter(
        subject=coproducer, what="bank_details", viewer=people["finance"]
    ).exists()
    xlsx = finance.get(reverse("payments:batch_xlsx", args=[batch.pk]))
    assert xlsx.content[:2] == b"PK"
    lead = client_as("lead")
    assert lead.get(reverse("payments:batch_csv", args=[batch.pk])).status_code == 403
    finance = client_as("finance")
    finance.post(reverse("payments:batch_paid", args=[batch.pk]))
    finance.post(reverse("payments:batch_paid", args=[batch.pk]))
    claim.refresh_from_db()
    assert claim.status == Status.PAID and Payment.objects.filter(claim=claim).count() == 1
    client = client_as("coproducer")
    page = client.get(reverse("payments:claim_detail", args=[claim.pk])).content.decode()
    assert "Paid" in page
    pdf = client.get(reverse("payments:certificate") + "?name_organisation=yes").content
    assert pdf.startswith(b"%PDF") and b"/StructTreeRoot" in pdf and b"/Lang (en-GB)" in pdf
    assert coproducer.name.encode() in pdf


def test_the_new_claim_page_takes_a_prefill_and_ignores_bad_values(client_as, people):
    make_activity_type()
    client = client_as("coproducer")
    good = client.get(
        reverse("payments:claim_new"),
        {
            "activity_date": "2026-01-05",
            "minutes": "150",
            "activity_type": "meeting",
            "description": "Board meeting",
        },
    )
    assert good.status_code == 200
    form = good.context["form"]
    assert form.initial["hours"] == 2 and form.initial["minutes"] == 30
    assert form.initial["description"] == "Board meeting"
    for bad in (
        {"activity_date": "31/31/2026"},
        {"minutes": "-5"},
        {"project": "x"},
        {"activity_type": "../../"},
        {"minutes": "9" * 40},
    ):
        assert client.get(reverse("payments:claim_new"), bad).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_two_approvers_at_once_leave_one_change_and_one_payment(people):
    """Runs on the suite's database: SQLite locally, PostgreSQL in CI."""
    make_activity_type()
    claim = make_claim(claimant=people["coproducer"])
    actions.submit(claim=claim, by=people["coproducer"])
    barrier = threading.Barrier(2)
    results, errors = [], []

    def run(work):
        try:
            barrier.wait()
            for _ in range(100):
                try:
                    results.append(work())
                    break
                except OperationalError as error:
                    # SQLite's shared in-memory test database refuses a second writer at
                    # once instead of waiting; try again, as its file database would wait.
                    if "locked" not in str(error):
                        raise
                    time.sleep(0.02)
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(error)
        finally:
            close_old_connections()

    approvers = [people["lead"], people["administrator"]]
    threads = [
        threading.Thread(
            target=run,
            args=(lambda p=p: actions.approve(claim=Claim.objects.get(pk=claim.pk), by=p),),
        )
        for p in approvers
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    assert sorted(results) == [False, True]
    assert ClaimEvent.objects.filter(claim=claim, status=Status.APPROVED).count() == 1
    batch = actions.create_batch(claims=[claim], by=people["finance"])
    results.clear()
    threads = [
        threading.Thread(
            target=run, args=(lambda: actions.mark_batch_paid(batch=batch, by=people["finance"]),)
        )
        for _ in range(2)
    ]
    barrier.reset()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    assert sorted(results) == [0, 1]
    assert Payment.objects.filter(claim=claim).count() == 1


def test_staff_claim_for_someone_with_a_reason_and_a_return_is_explained(
    client_as, people, django_capture_on_commit_callbacks
):
    from django.core import mail

    meeting = make_activity_type()
    client = client_as("staff")
    day = (timezone.localdate() - datetime.timedelta(days=2)).isoformat()
    form = {
        "person": people["coproducer"].pk,
        "activity_type": meeting.pk,
        "activity_date": day,
        "hours": "1",
        "minutes": "30",
        "description": "Phone meeting",
        "payment_choice": "voucher",
    }
    response = client.post(reverse("payments:claim_new") + "?for=someone", form)
    assert b"This field is required" in response.content or b"Enter" in response.content
    client.post(reverse("payments:claim_new") + "?for=someone", {**form, "reason": "By phone"})
    claim = Claim.objects.get(claimant=people["coproducer"])
    assert claim.entered_by == people["staff"] and claim.on_behalf_reason == "By phone"
    client.post(reverse("payments:claim_submit", args=[claim.pk]))
    lead = client_as("lead")
    with django_capture_on_commit_callbacks(execute=True):
        lead.post(reverse("payments:claim_return", args=[claim.pk]), {"reason": "Add the date"})
    claim.refresh_from_db()
    assert claim.status == Status.RETURNED
    assert any("Add the date" in message.body for message in mail.outbox)
    page = client_as("coproducer").get(reverse("payments:claim_detail", args=[claim.pk]))
    assert b"Add the date" in page.content
    # Only the claimant or whoever entered it may change it; the lead may not.
    assert client_as("lead").get(reverse("payments:claim_edit", args=[claim.pk])).status_code == 403


def test_how_to_be_paid_starts_from_the_profile_preference(client_as, people):
    from coproduce.people.models import Profile

    make_activity_type()
    Profile.objects.update_or_create(
        user=people["coproducer"], defaults={"payment_preference": "donate"}
    )
    response = client_as("coproducer").get(reverse("payments:claim_new"))
    assert response.context["form"].initial["payment_choice"] == "donate"


def test_receipts_are_private_to_the_claimant_approvers_and_finance(client_as, people):
    make_activity_type()
    travel = make_expense_type(receipt_over_pence=0)
    claim = make_claim(claimant=people["coproducer"])
    item = actions.add_expense(
        claim=claim,
        expense_type=travel,
        description="Taxi",
        amount_pence=900,
        receipt=receipt_file(),
        receipt_type="image/png",
    )
    url = reverse("payments:receipt", args=[claim.pk, item.pk])
    response = client_as("coproducer").get(url)
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    assert client_as("coproducer_staff").get(url).status_code == 403
    assert client_as("board").get(url).status_code == 403
    from django.conf import settings

    assert not item.receipt.path.startswith(str(settings.MEDIA_ROOT))  # never served as media
