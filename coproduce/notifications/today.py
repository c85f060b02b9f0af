"""Today for staff: the people waiting to be phoned, texted or written to, one item per
way, the oldest first. Tasks someone else claimed are theirs, so they are not counted.
Counted with every other app's numbers in one query (lib.today.register_counts), and
not at all for people who do not work on contact tasks."""

from datetime import timedelta

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext, ngettext_lazy

from coproduce.lib.today import Item, count_of, counted, oldest_of

from .models import ContactTask, Notification
from .rules import works_contact_tasks

UNREAD = "unread_notifications"

# A task waiting longer than this is shown as due within the week: someone is waiting.
WAITING_TOO_LONG = timedelta(days=2)

SENTENCES = {
    ContactTask.Method.PHONE: ngettext_lazy("%(n)s person to phone", "%(n)s people to phone", "n"),
    ContactTask.Method.TEXT: ngettext_lazy(
        "%(n)s person to send a text message to", "%(n)s people to send a text message to", "n"
    ),
    ContactTask.Method.LETTER: ngettext_lazy(
        "%(n)s letter to print and post", "%(n)s letters to print and post", "n"
    ),
}


def counts(user, now):
    # The header's unread count too, so Today's page does not ask for it again
    # (context_processors.unread).
    numbers = {UNREAD: count_of(Notification.objects.filter(recipient=user, read_at=None))}
    if not works_contact_tasks(user):
        return numbers
    waiting = ContactTask.objects.filter(done_at=None).filter(
        Q(claimed_by=None) | Q(claimed_by=user)
    )
    for method in SENTENCES:
        tasks = waiting.filter(method=method)
        numbers[f"contact_{method}"] = count_of(tasks)
        numbers[f"contact_{method}_oldest"] = oldest_of(tasks, "created_at")
    return numbers


def contact_tasks_for(user, now):
    if not works_contact_tasks(user):
        return []
    numbers = counted(user, now)
    url = reverse("notifications:contact_tasks")
    items = []
    for method in sorted(SENTENCES):
        count, oldest = numbers[f"contact_{method}"], numbers[f"contact_{method}_oldest"]
        if not count:
            continue
        items.append(
            Item(
                key=f"notifications.contact:{method}",
                sentence=SENTENCES[method] % {"n": count},
                action_label=gettext("See who"),
                action_url=f"{url}#{method}",
                since=oldest,
                urgency=1 if now - oldest > WAITING_TOO_LONG else 2,
            )
        )
    return items
