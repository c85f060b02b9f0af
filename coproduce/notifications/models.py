"""Stored notifications, how each one was delivered on each channel, and the
channel each person chose for each kind of message (decision 0026)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Channel(models.TextChoices):
    INAPP = "inapp", _("In the app only")
    EMAIL = "email", _("Email")
    TEXT = "text", _("Text message")
    LETTER = "letter", _("Letter")
    PHONE = "phone", _("Phone call from staff")
    DIGEST = "digest", _("A daily digest instead of single messages")


class Notification(models.Model):
    """One thing the app told a person. Subject and body never hold special-category
    detail: they may go by text, post or to a supporter."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=60)
    subject = models.CharField(max_length=200)
    body = models.TextField()
    easy_read = models.TextField(blank=True)
    # The language the words above were written in (the recipient's when it was sent), so
    # a page in another language marks them as such for screen readers.
    language = models.CharField(max_length=8, choices=settings.LANGUAGES, blank=True)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    # Idempotency: a caller that might run twice passes a key, so the person is told once.
    key = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "key"],
                condition=~Q(key=""),
                name="one_notification_per_key",
            )
        ]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        return reverse("notifications:detail", args=[self.pk])

    @property
    def is_read(self):
        return self.read_at is not None

    @property
    def lang(self):
        """The `lang` attribute for its words: "cy" or "en-GB"."""
        return "cy" if self.language == "cy" else "en-GB"


class Delivery(models.Model):
    """One send of a notification on one channel, to the person or a supporter's copy.
    The row is the log of the send: its outcome, attempts and last error."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to send")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        STAFF_TASK = "staff_task", _("For staff to do")

    notification = models.ForeignKey(
        Notification, on_delete=models.CASCADE, related_name="deliveries"
    )
    channel = models.CharField(max_length=10, choices=Channel.choices)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    # Set when this is a copy for one of the person's supporters.
    copy_for = models.ForeignKey(
        "people.SupportPerson",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="copies",
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name_plural = "deliveries"
        constraints = [
            # Nothing is sent twice: one row per notification, channel and copy.
            models.UniqueConstraint(
                fields=["notification", "channel"],
                condition=Q(copy_for=None),
                name="one_delivery_per_channel",
            ),
            models.UniqueConstraint(
                fields=["notification", "channel", "copy_for"],
                condition=~Q(copy_for=None),
                name="one_copy_per_channel",
            ),
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.get_channel_display()}: {self.get_status_display()}"


class Preference(models.Model):
    """The channel a person chose for one kind of message. Only kinds the person
    changed have a row; the others follow their profile's contact choices."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(max_length=60)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind"]
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="one_choice_per_kind")]

    def __str__(self):
        return f"{self.kind}: {self.get_channel_display()}"


class ContactTask(models.Model):
    """Someone staff need to phone, text or write to, because a message to them could
    not go by itself: they asked for a phone call, text messages or letters are not
    sent through GOV.UK Notify here, or their number or address would not work. The
    task is done when its outcome says so; "No answer" leaves it open to try again."""

    class Method(models.TextChoices):
        PHONE = "phone", _("Phone them")
        TEXT = "text", _("Text them")
        LETTER = "letter", _("Write to them")

    class Outcome(models.TextChoices):
        REACHED = "reached", _("Reached them and told them")
        MESSAGE = "message", _("Left a message")
        TEXT_SENT = "text_sent", _("Sent the text message")
        NO_ANSWER = "no_answer", _("No answer: try again later")
        WRONG_NUMBER = "wrong_number", _("Wrong number")
        POSTED = "posted", _("Letter posted")

    # Outcomes after which nobody needs to try again.
    CLOSING = (
        Outcome.REACHED,
        Outcome.MESSAGE,
        Outcome.TEXT_SENT,
        Outcome.WRONG_NUMBER,
        Outcome.POSTED,
    )

    delivery = models.OneToOneField(Delivery, on_delete=models.CASCADE, related_name="contact_task")
    # Who the message is for (for a supporter's copy, the person they support).
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contact_tasks"
    )
    method = models.CharField(max_length=10, choices=Method.choices)
    reason = models.CharField(max_length=300)
    created_at = models.DateTimeField(default=timezone.now)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact_tasks_claimed",
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    tries = models.PositiveSmallIntegerField(default=0)
    outcome = models.CharField(max_length=15, choices=Outcome.choices, blank=True)
    notes = models.TextField(blank=True)
    outcome_at = models.DateTimeField(null=True, blank=True)
    outcome_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact_tasks_recorded",
    )
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["done_at", "method"])]

    def __str__(self):
        return f"{self.get_method_display()}: {self.person}"

    @property
    def is_open(self):
        return self.done_at is None


class SignInCard(models.Model):
    """A printed card with a code that signs one person in once, for people with no
    email address (decision 0036). Only a hash of the code is kept: the code is shown
    once, on the page staff print, and never again."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sign_in_cards"
    )
    code_hash = models.CharField(max_length=64, unique=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    issued_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cancel_reason = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords(excluded_fields=["code_hash"])

    class Meta:
        ordering = ["-issued_at", "-pk"]

    def __str__(self):
        return f"Sign-in card for {self.person}"

    @property
    def status(self):
        if self.used_at:
            return "used"
        if self.cancelled_at:
            return "cancelled"
        if timezone.now() >= self.expires_at:
            return "expired"
        return "usable"

    @property
    def is_usable(self):
        return self.status == "usable"


class SignInCode(models.Model):
    """A 6-digit code sent by text message to sign one person in once (decision 0036).
    Only a hash is kept; it works for a few minutes and for a few tries."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sign_in_codes"
    )
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    tries = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["person", "used_at"])]

    def __str__(self):
        return f"Sign-in code for {self.person}"
