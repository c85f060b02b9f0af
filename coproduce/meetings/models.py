"""Meetings and workshops, and everything that makes them accessible: the venue,
who is invited and who is coming, the access-arrangements checklist, papers in
other formats, attendance and feedback afterwards."""

import secrets
from collections import Counter
from datetime import datetime, timedelta
from typing import Self

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.lib import file_access
from coproduce.lib.storage import private_storage


class Venue(models.Model):
    """A reusable place, with what a Disabled person needs to know before going."""

    name = models.CharField(max_length=200)
    address = models.TextField()
    step_free = models.BooleanField(_("Step-free route from the street to the room"), default=False)
    accessible_toilet = models.BooleanField(_("Accessible toilet"), default=False)
    hearing_loop = models.BooleanField(_("Hearing loop"), default=False)
    quiet_room = models.BooleanField(_("Quiet room"), default=False)
    parking = models.CharField(
        _("Parking"), max_length=300, blank=True, help_text=_("For example, 2 blue badge spaces.")
    )
    public_transport = models.CharField(
        _("Public transport"),
        max_length=300,
        blank=True,
        help_text=_("Nearest bus stop or station."),
    )
    notes = models.TextField(
        _("Anything else people should know"),
        blank=True,
        help_text=_("For example, which entrance to use, or where the lift is."),
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def features(self):
        """(label, yes/no) for each feature, so a list never relies on colour or ticks."""
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in ("step_free", "accessible_toilet", "hearing_loop", "quiet_room")
        ]


class MeetingQuerySet(models.QuerySet):
    def upcoming(self, now: datetime) -> Self:
        """Not started yet, soonest first."""
        return self.filter(starts_at__gte=now).order_by("starts_at", "pk")

    def past(self, now: datetime) -> Self:
        """Started already, most recent first."""
        return self.filter(starts_at__lt=now).order_by("-starts_at", "pk")

    def with_feedback(self) -> Self:
        """Meetings with any feedback, newest first, each with `answers`: how many."""
        return (
            self.annotate(answers=models.Count("feedback"))
            .filter(answers__gt=0)
            .order_by("-starts_at")
        )


class Meeting(models.Model):
    class Kind(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid: in person and online")

    title = models.CharField(max_length=200)
    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        help_text=_("Leave empty for a meeting for the whole organisation."),
    )
    kind = models.CharField(_("How people take part"), max_length=10, choices=Kind.choices)
    starts_at = models.DateTimeField(_("Starts"))
    duration_minutes = models.PositiveIntegerField(_("How long, in minutes"))
    venue = models.ForeignKey(
        Venue, on_delete=models.PROTECT, null=True, blank=True, related_name="meetings"
    )
    joining_details = models.TextField(
        _("How to join online"),
        blank=True,
        help_text=_("Link, meeting ID and phone number. Only people invited see this."),
    )
    description = models.TextField(_("What the meeting is for"), blank=True)
    capacity = models.PositiveIntegerField(
        _("Places"), null=True, blank=True, help_text=_("Leave empty if there is no limit.")
    )
    notice_days = models.PositiveIntegerField(
        _("Days' notice for papers"),
        default=7,
        help_text=_(
            "Papers sent later than this many days before the meeting are flagged as late."
        ),
    )
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="organised_meetings"
    )
    created_at = models.DateTimeField(default=timezone.now)
    # When the checklist was last built from passports; None: replies changed since.
    checklist_checked_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "pk"]
        # The lists page upcoming and past meetings by start: without this the database
        # sorted all 40,000 of a large organisation's meetings for each page of 25.
        indexes = [models.Index(fields=["starts_at"], name="meeting_starts_at")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meetings:meeting_detail", args=[self.pk])

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def has_started(self):
        return self.starts_at <= timezone.now()

    @property
    def has_ended(self):
        return self.ends_at <= timezone.now()

    @property
    def is_online(self):
        return self.kind in (self.Kind.ONLINE, self.Kind.HYBRID)

    @property
    def papers_due_on(self):
        return timezone.localdate(self.starts_at) - timedelta(days=self.notice_days)


class Break(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="breaks")
    starts_after_minutes = models.PositiveIntegerField()
    length_minutes = models.PositiveIntegerField()

    class Meta:
        ordering = ["starts_after_minutes"]

    def __str__(self):
        return f"{self.length_minutes} minutes, {self.starts_after_minutes} minutes in"

    def starts_at(self):
        return self.meeting.starts_at + timedelta(minutes=self.starts_after_minutes)


class InvitationQuerySet(models.QuerySet):
    def by_name(self) -> Self:
        """With the person and whoever recorded a reply for them, in name order."""
        return self.select_related("person", "recorded_by").order_by("person__name", "pk")

    def waiting_list(self) -> Self:
        """Who is waiting for a place, longest waiting first."""
        return (
            self.filter(reply=Invitation.Reply.WAITING)
            .select_related("person")
            .order_by("waiting_since", "pk")
        )

    def coming(self) -> Self:
        return self.filter(reply=Invitation.Reply.YES)

    def places_taken(self) -> int:
        """Places taken: everyone coming, and each supporter coming with them."""
        counted = (
            self.coming()
            .order_by()
            .aggregate(people=models.Count("pk"), supporters=models.Count("supporter_coming"))
        )
        return int(counted["people"]) + int(counted["supporters"])


class Invitation(models.Model):
    """One person's place (or wish for one) at a meeting."""

    class Reply(models.TextChoices):
        NONE = "none", _("Not replied yet")
        YES = "yes", _("Coming")
        MAYBE = "maybe", _("Might come")
        NO = "no", _("Not coming")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled their place")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="invitations")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_invitations"
    )
    reply = models.CharField(max_length=10, choices=Reply.choices, default=Reply.NONE)
    invited_at = models.DateTimeField(default=timezone.now)
    replied_at = models.DateTimeField(null=True, blank=True)
    waiting_since = models.DateTimeField(null=True, blank=True)
    # A reply taken by phone or in person: who recorded it and why.
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    on_behalf_reason = models.CharField(max_length=300, blank=True)
    # A supporter coming with the person: takes a place too, and is on the checklist.
    supporter_coming = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings_supporting",
    )
    reminded_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["person__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="one_invitation_each")
        ]

    def __str__(self):
        return f"{self.person} – {self.meeting}"

    @property
    def has_place(self):
        return self.reply == self.Reply.YES

    @property
    def places_needed(self):
        return 2 if self.supporter_coming_id else 1

    @classmethod
    def reply_counts_of(cls, invitations):
        """{reply's label: how many}, every reply listed, in the order replies are offered."""
        counts = Counter(invitation.reply for invitation in invitations)
        return {label: counts[value] for value, label in cls.Reply.choices}


class ArrangementQuerySet(models.QuerySet):
    def with_people_count(self) -> Self:
        """With who is arranging each, and `people`: how many need it."""
        return self.select_related("owner").annotate(people=models.Count("needed_by"))


class Arrangement(models.Model):
    """One thing to arrange so everyone can take part: built from the passports
    of the people coming, never saying why anyone needs it."""

    class Status(models.TextChoices):
        TO_DO = "to_do", _("Not arranged yet")
        IN_PROGRESS = "in_progress", _("Being arranged")
        DONE = "done", _("Arranged")
        NOT_POSSIBLE = "not_possible", _("Could not be arranged")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="arrangements")
    code = models.CharField(max_length=30)
    label = models.CharField(max_length=200)
    needed_by = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="meeting_arrangements"
    )
    still_needed = models.BooleanField(default=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_arrangements",
        verbose_name=_("Who is arranging it"),
    )
    status = models.CharField(max_length=15, choices=Status.choices, default=Status.TO_DO)
    due_on = models.DateField(_("Arrange by"))
    note = models.CharField(
        _("Note"), max_length=500, blank=True, help_text=_("For example, the interpreter's name.")
    )
    done_at = models.DateTimeField(null=True, blank=True)

    objects = ArrangementQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "label"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "code"], name="one_arrangement_per_need")
        ]

    def __str__(self):
        return self.label

    @property
    def is_settled(self):
        return self.status in (self.Status.DONE, self.Status.NOT_POSSIBLE)

    @property
    def is_overdue(self):
        return self.still_needed and not self.is_settled and self.due_on < timezone.localdate()


class Material(models.Model):
    class Kind(models.TextChoices):
        AGENDA = "agenda", _("Agenda")
        PAPER = "paper", _("Paper")
        MINUTES = "minutes", _("Minutes")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="materials")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    title = models.CharField(max_length=200)
    summary = models.TextField(_("What it is about"), blank=True)
    # The Welsh version, optional (lib.bilingual picks the one for the reader).
    title_cy = models.CharField(_("Title in Welsh"), max_length=200, blank=True)
    summary_cy = models.TextField(_("What it is about, in Welsh"), blank=True)
    sent_on = models.DateField(_("Date sent to people"))
    file = models.FileField(upload_to="meetings/%Y/", storage=private_storage)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)
    # What lib.file_access found wrong with the file when it was uploaded (its codes).
    access_problems = models.JSONField(default=list, blank=True)
    # A paper with access problems waits until the uploader chooses to send it as it is.
    waiting_to_send = models.BooleanField(default=False)

    class Meta:
        ordering = ["kind", "sent_on", "pk"]

    def __str__(self):
        return self.title

    @property
    def is_late(self):
        """Agenda and papers must reach people within the meeting's notice period."""
        return self.kind != self.Kind.MINUTES and self.sent_on > self.meeting.papers_due_on

    @property
    def access_problem_list(self):
        """Each problem found as (code, plain words); the code names the help page's section."""
        return [
            (code, file_access.PROBLEMS[code])
            for code in self.access_problems
            if code in file_access.PROBLEMS
        ]


class AlternativeFormat(models.Model):
    class Format(models.TextChoices):
        EASY_READ = "easy_read", _("Easy Read")
        LARGE_PRINT = "large_print", _("Large print")
        BSL = "bsl", _("British Sign Language (BSL) video")
        PLAIN_TEXT = "plain_text", _("Plain text")

    material = models.ForeignKey(Material, on_delete=models.CASCADE, related_name="formats")
    format = models.CharField(max_length=15, choices=Format.choices)
    file = models.FileField(upload_to="meetings/%Y/", storage=private_storage, blank=True)
    original_name = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(default=0)
    link = models.URLField(_("Link to the video"), blank=True)
    sent_on = models.DateField(_("Date sent to people"))

    class Meta:
        ordering = ["format"]
        constraints = [
            models.UniqueConstraint(fields=["material", "format"], name="one_of_each_format")
        ]

    def __str__(self):
        return self.get_format_display()


class Attendance(models.Model):
    """Who attended and for how long; payments prefill time claims from it."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="meeting_attendance"
    )
    minutes = models.PositiveIntegerField(_("Time attended, in minutes"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-meeting__starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="one_attendance_each")
        ]

    def __str__(self):
        return f"{self.person} at {self.meeting}: {self.minutes} minutes"


class Answer(models.TextChoices):
    YES = "yes", _("Yes")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")


class AccessAnswer(models.TextChoices):
    YES = "yes", _("Yes")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")
    NONE = "none", _("I did not have any access needs for this meeting")


class FeedbackGiven(models.Model):
    """That someone gave feedback, kept apart from what they said, so an
    anonymous answer cannot be traced back and nobody answers twice."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    given_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="one_feedback_each")
        ]

    def __str__(self):
        return f"Feedback given on {self.meeting}"


class Feedback(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="feedback")
    # Empty when the person chose to be anonymous.
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meeting_feedback",
    )
    given_on = models.DateField(default=timezone.localdate)
    access_needs_met = models.CharField(
        _("Were your access needs met?"), max_length=10, choices=AccessAnswer.choices
    )
    listened_to = models.CharField(
        _("Did you feel listened to?"), max_length=10, choices=Answer.choices
    )
    could_say = models.CharField(
        _("Could you say what you wanted to?"), max_length=10, choices=Answer.choices
    )
    anything_else = models.TextField(_("Anything else you want to tell us?"), blank=True)
    # "Access needs not met" raises a follow-up for the co-production lead.
    needs_follow_up = models.BooleanField(default=False)
    followed_up_at = models.DateTimeField(null=True, blank=True)
    followed_up_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    follow_up_note = models.TextField(_("What was done"), blank=True)

    class Meta:
        ordering = ["-given_on", "-pk"]
        indexes = [
            # The lead's follow-ups on Today count these and read the oldest: without
            # it, every feedback row was read (about 33,000 at scale 1).
            models.Index(
                fields=["given_on"],
                condition=models.Q(needs_follow_up=True, followed_up_at__isnull=True),
                name="feedback_follow_up_open",
            ),
        ]

    def __str__(self):
        return f"Feedback on {self.meeting}"

    @property
    def follow_up_open(self):
        return self.needs_follow_up and self.followed_up_at is None


class CalendarFeed(models.Model):
    """A private address for a person's meetings calendar. Anyone with the
    address can read it, so it holds a long random token and can be replaced."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_calendar"
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Meetings calendar for {self.person}"

    @staticmethod
    def new_token():
        return secrets.token_urlsafe(32)
