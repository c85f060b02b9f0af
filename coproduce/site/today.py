"""What the public site puts on the lead's Today (lib.today): spotlight stories
waiting for review and contact messages not yet dealt with.

Their counts and oldest dates are read with every other app's in one query
(lib.today.register_counts); none of their own."""

from django.urls import reverse
from django.utils.translation import gettext, ngettext

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
            sentence=ngettext(
                "%(n)s spotlight story is waiting for you to read and decide whether to publish.",
                "%(n)s spotlight stories are waiting for you to read and decide whether to publish.",
                n,
            )
            % {"n": n},
            action_label=gettext("Read the stories"),
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
            sentence=ngettext(
                "%(n)s message from the contact form is waiting to be read.",
                "%(n)s messages from the contact form are waiting to be read.",
                n,
            )
            % {"n": n},
            action_label=gettext("Read the messages"),
            action_url=reverse("site:inbox"),
            since=numbers["site_messages_oldest"],
        )
