"""Occasions people were already told about, for nudges that run again and again.

A nudge names each occasion with a notification key ("meetings.feedback_reminder:12");
`notify()` stores nothing for a key the person already has. These let a nudge leave out,
in the same query that finds who to tell, the people already told, so a job that runs
every hour costs the same few queries however many people it told before
(decision 0029)."""

from django.db.models import CharField, Exists, OuterRef, Value
from django.db.models.functions import Cast, Concat

from .models import Notification


def key_for(prefix, field):
    """The key `prefix` + the value of `field` on the outer row, as an expression:
    key_for("meetings.feedback_reminder:", "meeting_id")."""
    return Concat(Value(prefix), Cast(OuterRef(field), output_field=CharField()))


def already_told(person_field, key):
    """Exists() for a queryset's rows whose person (`person_field`) already has a
    notification with `key` (a string, or an expression such as `key_for(...)`)."""
    return Exists(Notification.objects.filter(recipient=OuterRef(person_field), key=key))


def told(keys):
    """{(recipient id, key)} among the given keys. One query."""
    return set(Notification.objects.filter(key__in=list(keys)).values_list("recipient_id", "key"))
