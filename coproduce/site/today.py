"""What the public site puts on the lead's Today (lib.today): spotlight stories
waiting for review and contact messages not yet dealt with.

Two queries each, however many there are."""

from django.db.models import Count, Min
from django.urls import reverse

from coproduce.accounts.models import Role
from coproduce.lib.today import Item

from .models import ContactMessage, MessageStatus, Spotlight, SpotlightStatus


def _waiting(queryset, field):
    row = queryset.aggregate(n=Count("pk"), oldest=Min(field))
    return row["n"], row["oldest"]


def spotlights_to_review(user, now):
    if not user.has_role(Role.LEAD):
        return
    n, oldest = _waiting(Spotlight.objects.filter(status=SpotlightStatus.SUBMITTED), "submitted_at")
    if n:
        yield Item(
            key="site.spotlights",
            sentence=f"{n} spotlight {'story is' if n == 1 else 'stories are'} waiting for you "
            "to read and decide whether to publish.",
            action_label="Read the stories",
            action_url=reverse("site:spotlight_queue"),
            since=oldest,
        )


def messages_to_read(user, now):
    if not user.has_role(Role.LEAD):
        return
    n, oldest = _waiting(ContactMessage.objects.filter(status=MessageStatus.NEW), "received_at")
    if n:
        yield Item(
            key="site.messages",
            sentence=f"{n} {'message' if n == 1 else 'messages'} from the contact form "
            f"{'is' if n == 1 else 'are'} waiting to be read.",
            action_label="Read the messages",
            action_url=reverse("site:inbox"),
            since=oldest,
        )
