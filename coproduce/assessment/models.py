"""Self-assessment: frameworks as data (statements by jigsaw area, a 1-5 scale),
rounds the lead opens, answers given separately by staff and by co-producers,
and the action plan raised from the results."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# The areas of coproduce.lib.figures.AREAS, with their names translated where shown.
AREA_CHOICES = [
    ("culture", _("Culture")),
    ("structure", _("Structure")),
    ("practice", _("Practice")),
    ("review", _("Review")),
]
AREA_LABELS = dict(AREA_CHOICES)

SCALE = [
    (1, _("1 – Not started")),
    (2, _("2 – Planning to start")),
    (3, _("3 – Doing this in some places")),
    (4, _("4 – Doing this in most places")),
    (5, _("5 – Doing this everywhere")),
]


class Framework(models.Model):
    name = models.CharField(max_length=200)
    description = models.TextField()
    source_title = models.CharField(max_length=200)
    source_url = models.URLField()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Statement(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="statements")
    area = models.CharField(max_length=12, choices=AREA_CHOICES)
    order = models.PositiveSmallIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ["framework", "order"]

    def __str__(self):
        return self.text


class Perspective(models.TextChoices):
    STAFF = "staff", _("Staff")
    COPRODUCER = "coproducer", _("Co-producers")


class Round(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="rounds")
    title = models.CharField(max_length=200)
    closes_on = models.DateField(help_text=_("The last day people can answer."))
    opened_on = models.DateField(default=timezone.localdate)
    closed = models.BooleanField(default=False)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-opened_on", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("assessment:round_detail", args=[self.pk])

    @property
    def is_open(self):
        return not self.closed and self.closes_on >= timezone.localdate()


class Response(models.Model):
    """One person's answers in one round, from one perspective. A person who is
    both staff and a co-producer may answer once from each."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="responses")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessment_responses"
    )
    perspective = models.CharField(max_length=12, choices=Perspective.choices)
    submitted_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["round", "person", "perspective"], name="one_response_per_perspective"
            )
        ]

    def __str__(self):
        return f"{self.get_perspective_display()} answers to {self.round}"


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="answers")
    score = models.PositiveSmallIntegerField(choices=SCALE, null=True, blank=True)
    comment = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "statement"], name="one_answer_each")
        ]
        indexes = [
            # The results page's comments, a page at a time (lib/keyset.py): only answers
            # with a comment, in order of statement, so a page reads a few index entries.
            models.Index(
                fields=["statement", "id"], condition=~models.Q(comment=""), name="answer_comments"
            ),
        ]

    def __str__(self):
        return f"{self.score} for {self.statement_id}"


class Result(models.Model):
    """A round's average score from one perspective, for an area (no statement) or for
    one statement, with how many people's scores are behind it; with neither area nor
    statement, how many people sent answers. Worked out again by actions.tally_results
    whenever the answers counted in the round change, so the results page and the
    dashboard read a few rows rather than averaging every answer on each visit."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="results")
    perspective = models.CharField(max_length=12, choices=Perspective.choices)
    area = models.CharField(max_length=12, choices=AREA_CHOICES, blank=True)
    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    average = models.FloatField(null=True, blank=True)
    people = models.PositiveIntegerField()

    def __str__(self):
        return f"{self.get_perspective_display()}: {self.average} from {self.people}"


class Action(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")

    round = models.ForeignKey(
        Round, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    area = models.CharField(max_length=12, choices=AREA_CHOICES)
    what = models.TextField(_("What we will do"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="assessment_actions",
        help_text=_("The person who makes sure it happens."),
    )
    due_on = models.DateField(_("Due date"))
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    done_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.what[:80]

    def get_absolute_url(self):
        return reverse("assessment:action_detail", args=[self.pk])

    @property
    def is_overdue(self):
        return self.status != self.Status.DONE and self.due_on < timezone.localdate()


class ActionNote(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField(_("Progress"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:80]


class ActionCoOwner(models.Model):
    """A co-producer who co-owns an action beside its staff owner: they record its
    progress as the owner does. The history keeps who added or removed whom."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="co_owners")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="co_owned_actions"
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["added_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["action", "person"], name="one_co_ownership_each")
        ]

    def __str__(self):
        return f"{self.person} co-owns {self.action}"


class ActionComment(models.Model):
    """A comment on an action by a co-producer or a member of staff: plain text,
    shown escaped. The history keeps what was written and by whom."""

    LONGEST = 2000

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="comments")
    text = models.TextField(_("Comment"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:80]
