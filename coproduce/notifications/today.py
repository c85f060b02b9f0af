"""Today for staff: the people waiting to be phoned, texted or written to, one item per
way, the oldest first. Tasks someone else claimed are theirs, so they are not counted.
One query, and none for people who do not work on contact tasks."""

from datetime import timedelta

from django.db.models import Count, Min, Q
from django.urls import reverse

from coproduce.lib.today import Item

from .models import ContactTask
from .rules import works_contact_tasks

# A task waiting longer than this is shown as due within the week: someone is waiting.
WAITING_TOO_LONG = timedelta(days=2)

SENTENCES = {
    ContactTask.Method.PHONE: ("1 person to phone", "{n} people to phone"),
    ContactTask.Method.TEXT: ("1 person to send a text message to", "{n} people to text"),
    ContactTask.Method.LETTER: ("1 letter to print and post", "{n} letters to print and post"),
}


def contact_tasks_for(user, now):
    if not works_contact_tasks(user):
        return []
    rows = (
        ContactTask.objects.filter(done_at=None)
        .filter(Q(claimed_by=None) | Q(claimed_by=user))
        .values("method")
        .annotate(count=Count("pk"), oldest=Min("created_at"))
        .order_by("method")
    )
    url = reverse("notifications:contact_tasks")
    items = []
    for row in rows:
        one, many = SENTENCES[row["method"]]
        items.append(
            Item(
                key=f"notifications.contact:{row['method']}",
                sentence=one if row["count"] == 1 else many.format(n=row["count"]),
                action_label="See who",
                action_url=f"{url}#{row['method']}",
                since=row["oldest"],
                urgency=1 if now - row["oldest"] > WAITING_TOO_LONG else 2,
            )
        )
    return items
