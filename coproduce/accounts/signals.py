"""Signals for the apps above accounts, which accounts may not import."""

from django.dispatch import Signal

# Sent inside the transaction that accepts an invitation, with `invitation` and `user`:
# people carries the answers of a form to join into the new account (decision 0036).
invitation_accepted = Signal()
