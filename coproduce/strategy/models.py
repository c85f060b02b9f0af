"""The organisation's co-production strategy: its commitments, each with an owner, a
date and, where one fits, a dashboard figure and a target, judged against the figure's
real history (decision 0040). The lead writes them, with the co-producers they name as
co-authors."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Direction(models.TextChoices):
    AT_LEAST = "at_least", _("At least the target")
    AT_MOST = "at_most", _("At most the target")


class CommitmentQuerySet(models.QuerySet):
    def public(self):
        return self.filter(public=True)

    def measured(self):
        """Commitments with a figure and a target, which can be on track or not."""
        return self.exclude(figure_key="").filter(target__isnull=False)


class Commitment(models.Model):
    text = models.CharField(
        _("What we commit to"),
        max_length=300,
        help_text=_("For example: 70% of projects involve co-producers from the start."),
    )
    text_cy = models.CharField(_("What we commit to, in Welsh"), max_length=300, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="strategy_commitments",
        verbose_name=_("Owner"),
    )
    due_on = models.DateField(_("By when"))
    figure_key = models.CharField(
        _("Dashboard figure that measures it"), max_length=100, blank=True
    )
    target = models.DecimalField(
        _("Target"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    direction = models.CharField(
        _("The figure should be"), max_length=10, choices=Direction.choices, blank=True
    )
    public = models.BooleanField(_("Show it on the public site"), default=False)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    objects = CommitmentQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.text

    def get_absolute_url(self):
        return reverse("strategy:commitment_list") + f"#commitment-{self.pk}"


class CoAuthor(models.Model):
    """A co-producer the lead named to write a commitment with them: they may change it."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="co_authors")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="strategy_co_authored"
    )
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["added_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["commitment", "person"], name="one_co_author_each")
        ]

    def __str__(self):
        return f"{self.person} co-writes {self.commitment}"
