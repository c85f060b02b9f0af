from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Opportunity(models.Model):
    """A role offered to co-producers, described so anyone can judge if it suits them."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft: only staff can see it")
        OPEN = "open", _("Open for people to say they are interested")
        CLOSED = "closed", _("Closed")

    class Place(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("In person or online: you choose")

    title = models.CharField(max_length=200)
    project = models.ForeignKey(
        "projects.Project",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="opportunities",
        help_text=_("People chosen join this project's team."),
    )
    summary = models.TextField(_("What it involves, in plain English"))
    # The Welsh version, optional (lib.bilingual picks the one for the reader).
    title_cy = models.CharField(_("Title in Welsh"), max_length=200, blank=True)
    summary_cy = models.TextField(_("What it involves, in Welsh"), blank=True)
    easy_read_summary = models.TextField(_("Easy Read summary"), blank=True)
    time_commitment = models.CharField(
        max_length=200, help_text=_("For example: four two-hour meetings between March and May.")
    )
    payment_offered = models.CharField(
        _("Payment and expenses offered"),
        max_length=300,
        help_text=_("What we pay for time, and which expenses we cover."),
    )
    place = models.CharField(max_length=10, choices=Place.choices, default=Place.HYBRID)
    location = models.CharField(_("Where"), max_length=200, blank=True)
    venue_accessibility = models.TextField(
        _("Access at the venue"),
        blank=True,
        help_text=_(
            "Step-free route, accessible toilet, hearing loop, quiet room, parking, transport."
        ),
    )
    topics = models.CharField(
        max_length=300,
        blank=True,
        help_text=_(
            "Words people might search for, separated by commas. For example: housing, transport."
        ),
    )
    places_available = models.PositiveSmallIntegerField(default=1)
    closing_on = models.DateField(_("Closing date"))
    other_ways_to_apply = models.TextField(
        blank=True,
        help_text=_("For example: email us, phone us, or ask someone to tell us for you."),
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["closing_on", "title"]
        verbose_name_plural = "opportunities"
        # The list's order, read from the index rather than sorting every opportunity
        # ever offered on each visit by those who manage them.
        indexes = [
            models.Index(fields=["closing_on", "title", "id"], name="opportunity_closing_order")
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("opportunities:opportunity_detail", args=[self.pk])

    @property
    def is_open(self):
        return self.status == self.Status.OPEN and self.closing_on >= timezone.localdate()


class Application(models.Model):
    """Someone saying they are interested in an opportunity."""

    class Status(models.TextChoices):
        INTERESTED = "interested", _("Interested: waiting for a decision")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        SELECTED = "selected", _("Chosen")
        NOT_SELECTED = "not_selected", _("Not chosen this time")

    class Received(models.TextChoices):
        ONLINE = "online", _("Online, by the person")
        EMAIL = "email", _("By email")
        PHONE = "phone", _("By phone")
        IN_PERSON = "in_person", _("In person or on paper")

    opportunity = models.ForeignKey(
        Opportunity, on_delete=models.CASCADE, related_name="applications"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="applications"
    )
    answers = models.TextField(
        _("Anything you would like us to know"),
        blank=True,
        help_text=_(
            "Optional. For example why it interests you, or what would help you take part."
        ),
    )
    received = models.CharField(max_length=10, choices=Received.choices, default=Received.ONLINE)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    on_behalf_reason = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=14, choices=Status.choices, default=Status.INTERESTED)
    message = models.TextField(_("Message to the person"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "person"], name="one_application_per_person"
            )
        ]

    def __str__(self):
        return f"{self.person} – {self.opportunity}"
