from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _


class LadderGroup(models.TextChoices):
    DOING_TO = "doing_to", _("Doing to")
    DOING_FOR = "doing_for", _("Doing for")
    DOING_WITH = "doing_with", _("Doing with")


class Rung(models.Model):
    """A rung of Think Local Act Personal's ladder of co-production. Shipped as
    data (see migration 0002) with descriptions in our own words; editable."""

    number = models.PositiveSmallIntegerField(unique=True)
    name = models.CharField(max_length=60)
    group = models.CharField(max_length=12, choices=LadderGroup.choices)
    description = models.TextField()
    source_title = models.CharField(max_length=200)
    source_url = models.URLField()

    class Meta:
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.name_shown}"

    # The shipped rungs are stored in English (ladder.py); shown in the reader's language
    # unless the organisation has reworded them.
    @property
    def name_shown(self) -> str:
        return gettext(self.name) if self.name else self.name

    @property
    def description_shown(self) -> str:
        return gettext(self.description) if self.description else self.description


class Project(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ACTIVE = "active", _("Under way")
        PAUSED = "paused", _("Paused")
        FINISHED = "finished", _("Finished")

    class Visibility(models.TextChoices):
        TEAM = "team", _("Team and staff only")
        PUBLIC = "public", _("Everyone signed in can see it")

    title = models.CharField(max_length=200)
    purpose = models.TextField(help_text=_("Why this project exists and what it wants to change."))
    summary = models.TextField(_("Plain English summary"))
    easy_read_summary = models.TextField(_("Easy Read summary"), blank=True)
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="led_projects"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PLANNED)
    visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.TEAM
    )
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    declared_rung = models.ForeignKey(Rung, on_delete=models.PROTECT, related_name="+")
    declared_reason = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    # The rung its records support (evidence.py), stored whenever they change and checked
    # hourly, so the project list and Today read it rather than work it out on each visit.
    # None: nothing recorded yet, or (with no check time) not worked out yet.
    evidenced_rung_number = models.PositiveSmallIntegerField(null=True, editable=False)
    evidence_checked_at = models.DateTimeField(null=True, editable=False)

    class Meta:
        ordering = ["title"]
        # The project list's order: read from the index instead of sorting every
        # project on each visit (41 ms with 20,000 projects).
        indexes = [
            models.Index(fields=["title", "id"], name="project_title_order"),
            # The API's pages of projects, oldest first, from a cursor.
            models.Index(fields=["created_at", "id"], name="project_created_order"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:project_detail", args=[self.pk])


class RungDeclaration(models.Model):
    """Every rung a project has declared, with who, when and why: the timeline."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="declarations")
    rung = models.ForeignKey(Rung, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField()
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    declared_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-declared_at", "-pk"]

    def __str__(self):
        return f"{self.project}: rung {self.rung.number}"


# Stored in English; shown translated while unchanged (Stage.name_shown).
DEFAULT_STAGES = [
    gettext_noop("Identifying the need"),
    gettext_noop("Design"),
    gettext_noop("Delivery"),
    gettext_noop("Evaluation"),
]


class Stage(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="stages")
    name = models.CharField(max_length=100)
    order = models.PositiveSmallIntegerField()
    coproducers_involved = models.BooleanField(
        _("Co-producers were involved in this stage"), default=False
    )
    how_involved = models.TextField(_("How co-producers were involved"), blank=True)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["project", "order"], name="one_stage_per_position")
        ]

    def __str__(self):
        return self.name_shown

    @property
    def name_shown(self) -> str:
        """The usual stages are stored in English and shown in the reader's language."""
        return gettext(self.name) if self.name else self.name


# The payment policy's activity type for a co-lead's time leading a project: the
# project page starts a claim with it (the lead adds it on the rates page; the demo has it).
CO_LEADING_ACTIVITY = "co-leading"


class TeamMemberQuerySet(models.QuerySet):
    def current(self):
        """Members who have not left. Leaving ends access; the record stays."""
        return self.filter(models.Q(left_on=None) | models.Q(left_on__gt=timezone.localdate()))


class TeamMember(models.Model):
    class Kind(models.TextChoices):
        STAFF = "staff", _("Staff")
        COPRODUCER = "coproducer", _("Co-producer")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="team")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="project_memberships"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    role = models.CharField(
        max_length=60, help_text=_("For example co-chair, member, peer researcher.")
    )
    # A co-producer co-lead has the staff lead's powers over this project while a
    # current member (rules.leads_project); the powers end with the membership.
    co_lead = models.BooleanField(_("Co-lead of the project"), default=False)
    joined_on = models.DateField(default=timezone.localdate)
    left_on = models.DateField(null=True, blank=True)

    objects = TeamMemberQuerySet.as_manager()

    # Marks a co-lead among the kinds of membership the rules remember for a viewer.
    CO_LEAD = "co_lead"

    class Meta:
        ordering = ["kind", "person__name", "joined_on"]
        # One current membership per person; someone who left and rejoined has two rows.
        constraints = [
            models.UniqueConstraint(
                fields=["project", "person"],
                condition=models.Q(left_on=None),
                name="one_current_membership_per_project",
            ),
            models.CheckConstraint(
                condition=models.Q(co_lead=False) | models.Q(kind="coproducer"),
                name="only_coproducers_are_co_leads",
            ),
        ]

    def __str__(self):
        return f"{self.person} ({self.role})"

    @property
    def is_current(self):
        # The same test as TeamMemberQuerySet.current(): leaving today ends it today.
        return self.left_on is None or self.left_on > timezone.localdate()


class Decision(models.Model):
    class Agreement(models.TextChoices):
        AGREED = "agreed", _("Co-producers agreed")
        PARTLY = "partly", _("Some co-producers agreed")
        DISAGREED = "disagreed", _("Co-producers did not agree")
        NOT_ASKED = "not_asked", _("Co-producers were not asked")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Suggested by a co-producer, waiting for the project lead")
        OPEN = "open", _("Open: team members are giving their positions")
        # Closed decisions keep the "recorded" value their log entries always had.
        RECORDED = "recorded", _("Closed")

    class Outcome(models.TextChoices):
        AGREED = "agreed", _("Agreed")
        NOT_AGREED = "not_agreed", _("Not agreed")
        BLOCKED = "blocked", _("Blocked")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="decisions")
    stage = models.ForeignKey(Stage, null=True, blank=True, on_delete=models.SET_NULL)
    decided_on = models.DateField(default=timezone.localdate)
    what = models.TextField(_("What was decided"))
    why = models.TextField(_("Why"))
    present = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="decisions_present_at"
    )
    # Whether co-producers agreed, as a group. Decisions made before positions were
    # recorded keep what was ticked; a decision with positions gets it from theirs.
    agreement = models.CharField(
        max_length=12, choices=Agreement.choices, default=Agreement.NOT_ASKED
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RECORDED)
    # The meeting where it is discussed: those there are read from its attendance. Named
    # by label, not imported: meetings sits above projects (see decision 0033).
    meeting = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decisions",
    )
    closes_on = models.DateField(_("Closing date"), null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=12, choices=Outcome.choices, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-decided_on", "-pk"]
        indexes = [models.Index(fields=["status", "closes_on"], name="decision_open_closing")]

    def __str__(self):
        return self.what[:80]

    def get_absolute_url(self):
        return reverse("projects:decision_detail", args=[self.project_id, self.pk])

    @property
    def is_open(self):
        return self.status == self.Status.OPEN

    @property
    def is_closed(self):
        return self.status == self.Status.RECORDED


class Position(models.Model):
    """Where one team member stands on a decision, and how it came to be recorded."""

    class Stance(models.TextChoices):
        AGREE = "agree", _("Agree")
        ABSTAIN = "abstain", _("Abstain")
        DISAGREE = "disagree", _("Disagree")
        BLOCK = "block", _("Block")

    class Way(models.TextChoices):
        WEB = "web", _("On the web")
        MEETING = "meeting", _("In the meeting")
        ON_BEHALF = "on_behalf", _("By staff on their behalf")

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="positions")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="decision_positions"
    )
    stance = models.CharField(max_length=10, choices=Stance.choices)
    reason = models.TextField(_("Reason"), blank=True)
    way = models.CharField(max_length=10, choices=Way.choices, default=Way.WEB)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Why staff recorded it for them ("by phone"): required for Way.ON_BEHALF.
    on_behalf_reason = models.CharField(max_length=200, blank=True)
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["person__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "person"], name="one_position_each")
        ]

    def __str__(self):
        return f"{self.person}: {self.get_stance_display()}"


class DecisionView(models.Model):
    """A team member's own view on a decision, in their words."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="views")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="decision_views"
    )
    text = models.TextField(_("Your view"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return gettext("View of %(author)s on %(decision)s") % {
            "author": self.author,
            "decision": self.decision,
        }


class Feedback(models.Model):
    """ "You said, we did": what co-producers said and what the organisation did."""

    class Source(models.TextChoices):
        MEETING = "meeting", _("A meeting")
        SURVEY = "survey", _("A survey")
        CONVERSATION = "conversation", _("A conversation")
        OTHER = "other", _("Something else")

    class Outcome(models.TextChoices):
        OPEN = "open", _("Not answered yet")
        DONE = "done", _("We did it")
        PARTLY = "partly", _("We did some of it")
        COULD_NOT = "could_not", _("We could not, and here is why")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="feedback")
    said = models.TextField(_("What was said"))
    source = models.CharField(max_length=12, choices=Source.choices, default=Source.MEETING)
    said_on = models.DateField(default=timezone.localdate)
    said_by = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="feedback_given"
    )
    anonymous = models.BooleanField(
        default=False, help_text=_("Do not show who said it. They are still told the answer.")
    )
    public = models.BooleanField(
        _("Show on the project's public 'you said, we did' page"), default=False
    )
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.OPEN)
    response = models.TextField(_("What we did"), blank=True)
    responded_on = models.DateField(null=True, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-said_on", "-pk"]

    def __str__(self):
        return self.said[:80]

    @property
    def is_answered(self):
        return self.outcome != self.Outcome.OPEN
