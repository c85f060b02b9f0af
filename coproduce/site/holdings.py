"""Where the public site holds a person's data, for download and erasure (see
privacy.registry). Someone erased from a case study loses their name there, and
a story with a featured person without a name is no longer published."""

from coproduce.privacy import retention
from coproduce.privacy.registry import Holding, sent_from_their_address

from .models import ContactMessage, Spotlight, SpotlightStatus

REMOVED = {"name": "Removed person", "email": "removed@removed.invalid"}
SPOTLIGHT_FIELDS = (
    "submitted_at",
    "organisation",
    "contact_name",
    "title",
    "story",
    "what_worked",
    "what_learned",
    "consent_to_publish",
    "status",
    "message_to_submitter",
    "published_at",
)


def _spotlights(person):
    """Each story they sent, with the names of the files sent with it."""
    stories = sent_from_their_address("site.Spotlight", "contact_email")(person)
    return [
        {
            **{name: getattr(story, name) for name in SPOTLIGHT_FIELDS},
            "files": "; ".join(
                f"{file.original_name} ({file.content_type})" for file in story.files.all()
            ),
        }
        for story in stories.prefetch_related("files")
    ]


def _erase_messages(person):
    """Their name, address and words go from the messages they sent, and every
    earlier version goes; the message stays, for the count of messages."""
    messages = sent_from_their_address("site.ContactMessage")(person)
    ContactMessage.history.filter(email__iexact=person.email).delete()
    messages.update(**REMOVED, message="", notes="")


def _erase_spotlight_contacts(person):
    """The contact's name and address go; the organisation's story stays."""
    stories = sent_from_their_address("site.Spotlight", "contact_email")(person)
    Spotlight.history.filter(contact_email__iexact=person.email).delete()
    stories.update(contact_name=REMOVED["name"], contact_email=REMOVED["email"])


HOLDINGS = (
    Holding(
        "site.ContactMessage",
        "email",
        "Messages you sent us",
        ("received_at", "name", "topic", "message", "reply_preference", "status", "notes"),
        select=sent_from_their_address("site.ContactMessage"),
        erase_with=_erase_messages,
    ),
    Holding(
        "site.Spotlight",
        "contact_email",
        "Stories you sent us for the spotlight",
        export=_spotlights,
        select=sent_from_their_address("site.Spotlight", "contact_email"),
        parts=("files",),
        files=("files__file",),
        erase_with=_erase_spotlight_contacts,
        withheld={"change_token": "the secret part of the link you were sent to change it"},
    ),
    Holding(
        "site.FeaturedPerson",
        "account",
        "Case studies you appear in",
        ("case_study__title", "name", "appearance", "consent", "consent_note"),
        erase="blank",
        blank=("name", "consent_note"),
    ),
    Holding(
        "site.HistoricalFeaturedPerson",
        "account",
        "Earlier records of you in case studies",
        (
            "history_date",
            "history_type",
            "history_change_reason",
            "name",
            "appearance",
            "consent",
            "consent_note",
        ),
        erase="delete",
    ),
    Holding(
        "site.Update",
        "author",
        "Updates you wrote",
        ("title", "status", "published_at"),
        about_them=False,
    ),
    Holding(
        "site.CaseStudy",
        "author",
        "Case studies you wrote",
        ("title", "status", "published_at"),
        about_them=False,
    ),
    Holding(
        "site.ContactMessage",
        "handled_by",
        "Messages you dealt with",
        ("received_at", "status"),
        about_them=False,
    ),
    Holding(
        "site.Spotlight",
        "moderated_by",
        "Spotlight stories you moderated",
        ("title", "status"),
        about_them=False,
    ),
    Holding("site.SitePage", "updated_by", "Site pages you edited", ("key",), about_them=False),
    Holding(
        "site.AccessibilityStatement",
        "updated_by",
        "Accessibility statement edits",
        ("prepared_on",),
        about_them=False,
    ),
    Holding(
        "site.AccessibilityCheck",
        "recorded_by",
        "Accessibility checks you recorded",
        ("checked_on",),
        about_them=False,
    ),
    Holding(
        "site.HistoricalAccessibilityStatement",
        "history_user",
        "Accessibility statement changes you made",
        ("history_date",),
        about_them=False,
    ),
    Holding(
        "site.HistoricalAccessibilityStatement",
        "updated_by",
        "Accessibility statement versions you edited",
        ("history_date",),
        about_them=False,
    ),
    Holding(
        "site.HistoricalContactMessage",
        "handled_by",
        "Earlier records of messages you dealt with",
        ("history_date",),
        about_them=False,
    ),
    Holding(
        "site.HistoricalContactMessage",
        "history_user",
        "Message changes you made",
        ("history_date",),
        about_them=False,
    ),
    Holding(
        "site.HistoricalFeaturedPerson",
        "history_user",
        "Case study consent changes you made",
        ("history_date",),
        about_them=False,
    ),
    Holding(
        "site.HistoricalSitePage",
        "history_user",
        "Site page changes you made",
        ("history_date",),
        about_them=False,
    ),
    Holding(
        "site.HistoricalSitePage",
        "updated_by",
        "Site page versions you edited",
        ("history_date",),
        about_them=False,
    ),
    Holding(
        "site.HistoricalSpotlight",
        "history_user",
        "Spotlight changes you made",
        ("history_date",),
        about_them=False,
    ),
    Holding(
        "site.HistoricalSpotlight",
        "moderated_by",
        "Spotlight versions you moderated",
        ("history_date",),
        about_them=False,
    ),
)

RETENTION = (
    retention.Rule(
        "site.contact_messages",
        "messages sent through the contact form",
        "when they were received",
        24,
        lambda cutoff: ContactMessage.objects.filter(received_at__lt=cutoff),
    ),
    retention.Rule(
        "site.unpublished_spotlights",
        "spotlight stories sent in but not published",
        "when they were sent",
        12,
        lambda cutoff: Spotlight.objects.exclude(status=SpotlightStatus.PUBLISHED).filter(
            submitted_at__lt=cutoff
        ),
        files=("files__file",),
    ),
)
