"""What the public site puts on the lead's Today (lib.today): spotlight stories
waiting for review and contact messages not yet dealt with.

Their counts and oldest dates are read with every other app's in one query
(lib.today.register_counts); none of their own."""

from django.urls import reverse

from coproduce.accounts.models import Role
from coproduce.lib.today import Item, count_of, counted, oldest_of

from .models import ContactMessage, MessageStatus, Spotlight, SpotlightStatus


def counts(user, now):
    if not user.has_role(Role.LEAD):
        return {}
    stories = Spotlight.objects.filter(status=SpotlightStatus.SUBMITTED)
    waiting = ContactMessage.objects.filter(status=MessageStatus.NEW)
    return {
        "site_spotlights": count_of(stories),
        "site_spotlights_oldest": oldest_of(stories, "submitted_at"),
        "site_messages": count_of(waiting),
        "site_messages_oldest": oldest_of(waiting, "received_at"),
    }


def spotlights_to_review(user, now):
    if not user.has_role(Role.LEAD):
        return
    numbers = counted(user, now)
    n = numbers["site_spotlights"]
    if n:
        yield Item(
            key="site.spotlights",
            sentence=f"{n} spotlight {'story is' if n == 1 else 'stories are'} waiting for you "
            "to read and decide whether to publish.",
            action_label="Read the stories",
            action_url=reverse("site:spotlight_queue"),
            since=numbers["site_spotlights_oldest"],
        )


def messages_to_read(user, now):
    if not user.has_role(Role.LEAD):
        return
    numbers = counted(user, now)
    n = numbers["site_messages"]
    if n:
        yield Item(
            key="site.messages",
            sentence=f"{n} {'message' if n == 1 else 'messages'} from the contact form "
            f"{'is' if n == 1 else 'are'} waiting to be read.",
            action_label="Read the messages",
            action_url=reverse("site:inbox"),
            since=numbers["site_messages_oldest"],
        )
