"""Demo payment policy and claims in every state: some paid late, one fee
declined and one given to charity; reminders to claim after a recent meeting. The
rates are made up for the demo; a real site's lead sets its own on the rates page."""

import datetime
from datetime import timedelta

from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.projects.models import Project

from . import actions, limits, nudges
from .models import ActivityType, BudgetLine, Claim, ExpenseType, PaymentBatch

RISE = datetime.date(2025, 12, 16)  # NIHR raised involvement rates by 10% from this date
START = datetime.date(2024, 4, 1)
ACTIVITIES = [
    # slug, name, description, unit, pence before, pence from RISE
    ("meeting", "Meeting", "Taking part in a meeting, in person or online", "hour", 2500, 2750),
    ("preparation", "Preparation", "Getting ready for a meeting or task", "hour", 2500, 2750),
    ("reading", "Reading papers", "Reading and commenting on papers", "hour", 2500, 2750),
    ("co-chairing", "Co-chairing", "Chairing a meeting with a member of staff", "half_day",
     9000, 9900),
    ("peer-research", "Peer research", "Interviews and analysis as a peer researcher", "day",
     15000, 16500),
    ("training", "Training", "Giving or going to training", "hour", 2500, 2750),
    ("co-leading", "Co-leading a project", "Leading a project with its staff lead: planning, "
     "the team, decisions and choosing people", "half_day", 9000, 9900),
]  # fmt: skip
EXPENSES = [
    # slug, name, description, section, receipt over (pence), pence a mile, limit
    ("travel", "Travel", "Bus, train, taxi or parking", "travel", 1000, None, None),
    ("mileage", "Car mileage", "Driving your own car", "travel", 0, 45, None),
    ("subsistence", "Food and drink", "Food and drink on the day", "travel", 500, None, 1500),
    ("childcare", "Childcare", "Care for children while you take part", "support", 0, None, None),
    ("replacement-carer", "Replacement carer", "Care for someone you look after", "support",
     0, None, None),
    ("personal-assistant", "Personal assistant", "Your personal assistant's time", "support",
     0, None, None),
    ("other", "Other", "Anything else you needed to take part", "other", 0, None, None),
]  # fmt: skip


def _policy(lead):
    for slug, name, description, unit, before, after in ACTIVITIES:
        activity_type = ActivityType.objects.create(slug=slug, name=name, description=description)
        for starts_on, pence, note in (
            (START, before, "First rate"),
            (RISE, after, "Rates rose by 10%"),
        ):
            actions.add_activity_rate(
                activity_type=activity_type,
                unit=unit,
                amount_pence=pence,
                starts_on=starts_on,
                unit_minutes=240 if unit == "half_day" else 480 if unit == "day" else 0,
                note=note,
                by=lead,
            )
    for slug, name, description, section, receipt, mile, limit in EXPENSES:
        expense_type = ExpenseType.objects.create(
            slug=slug, name=name, description=description, section=section
        )
        actions.add_expense_rule(
            expense_type=expense_type,
            starts_on=START,
            receipt_over_pence=receipt,
            pence_per_mile=mile,
            limit_pence=limit,
            by=lead,
        )


def _claim(person, slug, days_ago, minutes, choice, description, project=None, **fields):
    return actions.create_claim(
        claimant=person,
        entered_by=fields.pop("entered_by", person),
        activity_type=ActivityType.objects.get(slug=slug),
        activity_date=timezone.localdate() - timedelta(days=days_ago),
        minutes=minutes,
        description=description,
        payment_choice=choice,
        project=project,
        **fields,
    )


def _sent_and_approved(claim, lead, *, sent_days_ago, approved_days_ago):
    actions.submit(claim=claim, by=claim.claimant)
    actions.approve(claim=claim, by=lead)
    now = timezone.now()
    Claim.objects.filter(pk=claim.pk).update(
        submitted_at=now - timedelta(days=sent_days_ago),
        approved_at=now - timedelta(days=approved_days_ago),
    )
    # Nothing to pay (a declined fee, no expenses) is complete when approved.
    Claim.objects.filter(pk=claim.pk, status="paid").update(
        paid_at=now - timedelta(days=approved_days_ago)
    )


def load(log):
    if ActivityType.objects.exists():
        log(f"Demo payments: {Claim.objects.count()} claims (already there)")
        return
    lead = User.objects.get(email="lead@example.org")
    staff = User.objects.get(email="staff@example.org")
    finance = User.objects.get(email="finance@example.org")
    coproducer = User.objects.get(email="coproducer@example.org")
    second = User.objects.get(email="coproducer2@example.org")
    _policy(lead)
    project = Project.objects.order_by("pk").first()
    actions.save_bank_details(
        person=coproducer,
        account_name="Demo Person",
        sort_code="00-00-00",
        account_number="00001234",
    )
    travel = ExpenseType.objects.get(slug="travel")
    pa = ExpenseType.objects.get(slug="personal-assistant")

    # Paid on time, paid late, declined, donated.
    paid = []
    for days_ago, sent, paid_after, who, choice, what in (
        (60, 58, 6, coproducer, "bank", "Transport group meeting"),
        (50, 49, 12, coproducer, "voucher", "Easy Read review"),
        (45, 44, 25, second, "bank", "Steering group"),  # paid late
        (40, 39, 30, coproducer, "bank", "Interview panel"),  # paid late
        (35, 34, 9, second, "donate", "Training session"),
        (30, 29, 5, coproducer, "bank", "Survey design workshop"),
    ):
        claim = _claim(
            who,
            "meeting",
            days_ago,
            150,
            choice,
            what,
            project,
            skills="Chairing, giving feedback",
            charity="Local Disabled people's advocacy group" if choice == "donate" else "",
        )
        actions.add_expense(
            claim=claim, expense_type=travel, description="Bus fare", amount_pence=480
        )
        _sent_and_approved(claim, lead, sent_days_ago=sent, approved_days_ago=sent - 2)
        paid.append((claim, sent - paid_after))
    batch = actions.create_batch(claims=[c for c, _ in paid], by=finance)
    actions.mark_batch_paid(batch=batch, by=finance, reference="DEMO-0001")
    now = timezone.now()
    for claim, paid_days_ago in paid:
        paid_at = now - timedelta(days=paid_days_ago)
        claim.refresh_from_db(fields=["submitted_at"])
        Claim.objects.filter(pk=claim.pk).update(
            paid_at=paid_at, days_to_pay=Claim.days_between(claim.submitted_at, paid_at)
        )
    PaymentBatch.objects.filter(pk=batch.pk).update(paid_at=now - timedelta(days=5))

    declined = _claim(second, "reading", 20, 60, "decline", "Read the strategy papers", project)
    _sent_and_approved(declined, lead, sent_days_ago=19, approved_days_ago=18)

    waiting_pay = _claim(
        coproducer,
        "co-chairing",
        12,
        200,
        "bank",
        "Co-chaired the forum",
        project,
        skills="Co-chairing",
    )
    actions.add_expense(
        claim=waiting_pay,
        expense_type=pa,
        description="Personal assistant for the afternoon",
        amount_pence=6000,
        receipt=_demo_receipt(),
        receipt_type="application/pdf",
    )
    _sent_and_approved(waiting_pay, lead, sent_days_ago=11, approved_days_ago=9)

    sent = _claim(coproducer, "preparation", 6, 90, "bank", "Prepared for the forum", project)
    actions.submit(claim=sent, by=coproducer)
    returned = _claim(second, "training", 8, 120, "voucher", "Training day")
    actions.submit(claim=returned, by=second)
    actions.return_claim(
        claim=returned, by=lead, reason="Please add the bus fare you told us about."
    )
    _claim(coproducer, "reading", 2, 45, "bank", "Read the minutes")  # a draft
    by_phone = _claim(
        second,
        "meeting",
        3,
        120,
        "bank",
        "Peer support meeting",
        entered_by=staff,
        reason="They asked us by phone",
    )
    actions.submit(claim=by_phone, by=staff)

    if project:
        for section, description, quantity, unit, notes in (
            ("fees", "Co-producers' time: 8 people × 6 meetings × 2.5 hours", "120", 2750, ""),
            ("travel", "Travel for 8 people × 6 meetings", "48", 800, "Average fare"),
            ("support", "Personal assistants", "12", 6000, "Half-day each"),
            ("access", "BSL interpreters", "6", 30000, "Two per meeting"),
        ):
            BudgetLine.objects.create(
                project=project,
                section=section,
                description=description,
                quantity=quantity,
                unit_cost_pence=unit,
                notes=notes,
            )
    _limits(lead, finance, coproducer, project)
    _advances(lead, finance, coproducer, second, project, travel)
    log(f"Demo payments: {Claim.objects.count()} claims in every state")
    # What the scheduled job would have sent by now (the worker sends the messages).
    log(f"Demo nudges: {nudges.send_claim_reminders()} reminded to claim after a meeting")


def _limits(lead, finance, coproducer, project):
    """Limits with their sources (made up for the demo: a real site checks the rules
    each April), and the demo co-producer, who asked to be warned, near the yearly one
    with a draft that would take them over."""
    start = limits.tax_year_start(timezone.localdate())
    actions.set_payment_limit(
        period="week",
        amount_pence=20300,
        source="Permitted work higher limit for Employment and Support Allowance "
        "(an example: check GOV.UK each April)",
        starts_on=start,
        by=finance,
    )
    actions.set_payment_limit(
        period="year",
        amount_pence=60000,
        source="Our own figure, agreed with the benefits adviser we refer people to",
        starts_on=start,
        note="Agreed at the co-production group",
        by=lead,
    )
    actions.set_payment_protection(person=coproducer, warn=True)
    _claim(
        coproducer,
        "peer-research",
        1,
        420,
        "bank",
        "Peer research interviews",
        project,
        skills="Interviewing",
    )


def _advances(lead, finance, coproducer, second, project, travel):
    """A train fare paid in advance and waiting for its receipt; a taxi paid straight to
    the firm and squared with its invoice; a request waiting for approval."""
    today = timezone.localdate()
    fare = actions.request_advance(
        person=coproducer,
        expense_type=travel,
        description="Return train fare to the steering group",
        amount_pence=2340,
        needed_on=today - timedelta(days=2),
        project=project,
    )
    actions.approve_advance(advance=fare, by=lead)
    actions.pay_advance(advance=fare, by=finance, reference="ADV-0001")
    taxi = actions.request_advance(
        person=second,
        expense_type=travel,
        description="Accessible taxi to the forum and back",
        amount_pence=3800,
        needed_on=today - timedelta(days=6),
        paid_to="supplier",
        supplier="City Accessible Taxis",
        project=project,
    )
    actions.approve_advance(advance=taxi, by=lead)
    actions.pay_advance(advance=taxi, by=finance, reference="ADV-0002")
    actions.reconcile_advance(
        advance=taxi,
        by=second,
        spent_pence=3650,
        receipt=_demo_receipt(),
        receipt_type="application/pdf",
    )
    actions.request_advance(
        person=coproducer,
        expense_type=travel,
        description="Train fare to the national conference",
        amount_pence=5600,
        needed_on=today + timedelta(days=10),
    )


def _demo_receipt():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(
        "pa-invoice.pdf", b"%PDF-1.4\n% demo receipt\n%%EOF\n", content_type="application/pdf"
    )
