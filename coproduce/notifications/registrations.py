"""Everything the notifications app contributes, registered once from
NotificationsConfig.ready(): the kinds of message, how each channel sends, personal-data
holdings, the retry and digest jobs, navigation and the staff's Today item."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from coproduce.lib import jobs
from coproduce.lib import today as day
from coproduce.lib.navigation import NavItem
from coproduce.lib.navigation import register as add_to_navigation
from coproduce.privacy import registry

from . import (
    channels,
    holdings,
    kinds,
    rules,  # noqa: F401  (django-rules: its permissions register on import)
    senders,
    tasks,
    today,
)
from .models import Channel


def register() -> None:
    for kind in kinds.KINDS:
        kinds.register(kind)
    channels.register(Channel.EMAIL, senders.send_email)
    channels.register(Channel.INAPP, channels.show_in_app)
    channels.register(Channel.TEXT, senders.send_text)
    channels.register(Channel.LETTER, senders.send_letter)
    channels.register(Channel.PHONE, senders.ask_staff_to_phone)
    registry.register(*holdings.HOLDINGS)
    jobs.register(
        "notifications.retry_deliveries",
        every=timedelta(hours=1),
        task=tasks.retry_deliveries,
        description="Try again to send messages that could not be sent",
    )
    jobs.register(
        "notifications.send_digests",
        every=timedelta(days=1),
        task=tasks.send_digests,
        description="Send the daily digest to people who chose it",
    )
    add_to_navigation(
        NavItem(
            _("People to contact"),
            "notifications:contact_tasks",
            "notifications.work_contact_tasks",
            order=21,
        )
    )
    day.register_counts("notifications", today.counts)
    day.register(
        "notifications.contact_tasks",
        today.contact_tasks_for,
        heading=_("People to contact"),
        order=40,
    )
