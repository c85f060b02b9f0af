"""Where meetings hold a person's data, for download and erasure (see privacy.registry).
Erasure keeps invitations and attendance, pointing at the anonymised account, so
counts and payments stay true; the calendar address is deleted; feedback in the
person's own words is emptied."""

from coproduce.privacy import retention
from coproduce.privacy.registry import Holding

from .models import Arrangement, Feedback

HOLDINGS = (
    Holding(
        "meetings.Invitation",
        "person",
        "Meetings you were invited to",
        ("meeting__title", "meeting__starts_at", "reply", "replied_at", "on_behalf_reason"),
        erase="blank",
        blank=("on_behalf_reason",),
    ),
    Holding(
        "meetings.Attendance",
        "person",
        "Meetings you attended",
        ("meeting__title", "meeting__starts_at", "minutes"),
    ),
    Holding(
        "meetings.Feedback",
        "person",
        "Feedback you gave on meetings (not the anonymous feedback)",
        (
            "meeting__title",
            "access_needs_met",
            "listened_to",
            "could_say",
            "anything_else",
            "follow_up_note",
        ),
        erase="blank",
        blank=("anything_else",),
    ),
    Holding(
        "meetings.FeedbackGiven",
        "person",
        "Meetings you gave feedback on",
        ("meeting__title", "given_at"),
    ),
    Holding(
        "meetings.Arrangement",
        "needed_by",
        "Access arrangements made for you at meetings",
        ("meeting__title", "code", "label", "status"),
        withheld={
            "note": "the organiser's working note, shared by everyone who needs the arrangement, "
            "which can name other people"
        },
    ),
    Holding(
        "meetings.CalendarFeed",
        "person",
        "Your private meetings calendar",
        ("created_at",),
        erase="delete",
        withheld={"token": "the secret part of your calendar's address, shown on its page"},
    ),
    Holding(
        "meetings.Meeting",
        "organiser",
        "Meetings you organised",
        ("title", "starts_at"),
        about_them=False,
    ),
    Holding(
        "meetings.Invitation",
        "recorded_by",
        "Replies you recorded for someone else",
        ("meeting__title", "reply", "on_behalf_reason"),
        about_them=False,
    ),
    Holding(
        "meetings.Invitation",
        "supporter_coming",
        "Meetings you said you would come to as a supporter",
        ("meeting__title", "meeting__starts_at", "reply"),
        about_them=False,
    ),
    Holding(
        "meetings.Arrangement",
        "owner",
        "Access arrangements you were arranging",
        ("meeting__title", "label", "status"),
        about_them=False,
    ),
    Holding(
        "meetings.Material",
        "uploaded_by",
        "Meeting papers you uploaded",
        ("meeting__title", "title", "sent_on"),
        about_them=False,
    ),
    Holding(
        "meetings.Attendance",
        "recorded_by",
        "Attendance you recorded",
        ("meeting__title", "minutes"),
        about_them=False,
    ),
    Holding(
        "meetings.Feedback",
        "followed_up_by",
        "Feedback you followed up",
        ("meeting__title", "follow_up_note"),
        about_them=False,
    ),
)

# What people said after a meeting is kept for three years from the meeting: long
# enough to compare years on the dashboard.
RETENTION = (
    retention.Rule(
        "meetings.feedback",
        "answers to the questions after a meeting",
        "the day of the meeting",
        36,
        lambda cutoff: Feedback.objects.filter(meeting__starts_at__lt=cutoff),
    ),
    # Who needed each arrangement is about their access needs: once the meeting is
    # well past, the checklist keeps what was arranged but not for whom.
    retention.Rule(
        "meetings.arrangement_people",
        "the names on a meeting's access checklist",
        "the day of the meeting",
        3,
        lambda cutoff: Arrangement.needed_by.through.objects.filter(
            arrangement__meeting__starts_at__lt=cutoff
        ),
    ),
)
