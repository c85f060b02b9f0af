"""The impact log: what changed because people took part, inside the organisation (a
service redesigned, a policy changed) or outside it (evidence given to a council, a
commissioner's decision), with the evidence, the decisions and "you said" items it came
from, and the people involved, each of whom decides for themselves whether their name is
shown in public."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coproduce.lib.figures import AREAS
from coproduce.lib.storage import private_storage


class Where(models.TextChoices):
    INSIDE = "inside", _("Inside the organisation")
    OUTSIDE = "outside", _("Outside the organisation")


# SCIE's whole-system model, the same four areas the dashboard is laid out by.
AREA_CHOICES = list(AREAS.items())


class ImpactEntryQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


class ImpactEntry(models.Model):
    title = models.CharField(_("What changed, in a few words"), max_length=150)
    what_changed = models.TextField(
        _("What changed, and because of whom"),
        help_text=_("Say what is different now and how people taking part made it happen."),
    )
    where = models.CharField(
        _("Where it changed"), max_length=10, choices=Where.choices, default=Where.INSIDE
    )
    area = models.CharField(
        _("Which part of the organisation it changed"),
        max_length=10,
        choices=AREA_CHOICES,
        help_text=_(
            "The four areas of SCIE's whole-system model of co-production: culture, "
            "structure, practice and review."
        ),
    )
    changed_on = models.DateField(_("When it changed"), default=timezone.localdate)
    project = models.ForeignKey(
        "projects.Project",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="impact_entries",
    )
    # `to=` by name: a first positional string reads as a label to the translation check.
    decisions = models.ManyToManyField(
        to="projects.Decision",
        blank=True,
        related_name="impact_entries",
        verbose_name=_("Decisions it came from"),
    )
    feedback = models.ManyToManyField(
        to="projects.Feedback",
        blank=True,
        related_name="impact_entries",
        verbose_name=_("What people said that it answers"),
    )
    evidence = models.TextField(
        _("Evidence"),
        blank=True,
        help_text=_(
            "What shows it changed: a report, minutes, a letter, a web address. "
            "Do not write about anyone's health or access needs here."
        ),
    )
    evidence_file = models.FileField(
        _("A file that shows it"), upload_to="impact/%Y/", storage=private_storage, blank=True
    )
    evidence_file_name = models.CharField(max_length=255, blank=True, editable=False)
    evidence_file_type = models.CharField(max_length=100, blank=True, editable=False)
    published = models.BooleanField(_("Shown on the public impact page"), default=False)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    objects = ImpactEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-changed_on", "-pk"]
        verbose_name_plural = "impact entries"
        indexes = [models.Index(fields=["published", "-changed_on"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("impact:entry_detail", args=[self.pk])

    def get_public_url(self):
        return reverse("impact:public_detail", args=[self.pk])


class ImpactPerson(models.Model):
    """Someone who took part in a change. Their name is shown in public only while they
    themselves agree; nobody else can agree for them here."""

    entry = models.ForeignKey(ImpactEntry, on_delete=models.CASCADE, related_name="named")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="impact_mentions"
    )
    added_at = models.DateTimeField(default=timezone.now)
    consent_to_be_named = models.BooleanField(_("Agrees to be named in public"), default=False)
    # None: they have not chosen yet.
    consent_changed_at = models.DateTimeField(null=True, blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["person__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "person"], name="one_mention_per_entry")
        ]

    def __str__(self):
        return f"{self.person} in {self.entry}"
