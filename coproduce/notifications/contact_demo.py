"""Demo contact tasks: people who asked for a phone call, a text or a letter, whose
messages wait for staff (a demo site has no GOV.UK Notify key), one letter ready in the
batch to print, and a call already tried once with no answer."""

from coproduce.accounts.models import User

from . import actions, contact_tasks
from .models import ContactTask, Delivery

# (email, kind, subject, body); each person's own channel decides phone, text or letter.
MESSAGES = [
    (
        "chloe.nwosu@example.org",
        "meetings.papers",
        "Papers for the Transport group",
        "The papers for the Transport group meeting are ready in Easy Read. "
        "We will post them to you this week.",
    ),
    (
        "grace.osei@example.org",
        "meetings.reminder",
        "Reminder: Transport group meets next Tuesday",
        "The Transport group meets online next Tuesday at 6pm. The link is in your invitation.",
    ),
    (
        "imani.brooks@example.org",
        "meetings.invitation",
        "Invitation: Housing panel",
        "You are invited to the Housing panel. Please tell us if you can come.",
    ),
    (
        "nadia.kowalski@example.org",
        "payments.claim_changed",
        "Your travel claim was approved",
        "Your travel claim was approved and will be paid within 14 days.",
    ),
]
# Chloe asked for post; a letter needs her address.
CHLOE_ADDRESS = "7 Park Row\nLeeds\nLS1 5HD"


def load(log):
    added = 0
    for email, kind, subject, body in MESSAGES:
        person = User.objects.filter(email=email).select_related("profile").first()
        if person is None:
            continue
        profile = getattr(person, "profile", None)
        if email.startswith("chloe.") and profile and not profile.address:
            profile.address = CHLOE_ADDRESS
            profile.save(update_fields=["address"])
        notification = actions.notify(
            person, kind, subject=subject, body=body, key=f"demo.contact:{kind}"
        )
        if notification is None:
            continue  # added on an earlier run
        # Send now rather than wait for the worker, so the tasks are there at once.
        for delivery in Delivery.objects.filter(notification=notification):
            actions.send_delivery(delivery.pk)
        added += 1
    staff = User.objects.filter(email="staff@example.org").first()
    tried = ContactTask.objects.filter(
        person__email="imani.brooks@example.org", done_at=None, tries=0
    ).first()
    if staff and tried:
        contact_tasks.record_outcome(
            task=tried,
            outcome=ContactTask.Outcome.NO_ANSWER,
            notes="Rang at 10am. Imani said mornings are hard: try after 2pm.",
            by=staff,
        )
    log(f"Demo people to contact (phone, text, letter): {added} added")
