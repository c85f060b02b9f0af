"""The whole organisation's involvement budget: what the lead and finance plan for a
financial year (budget lines and planned activities, beside the planned meetings),
the access support the costing tool prices, and estimates for new work or a bid.

Money here is exact: Decimal pounds with a currency, never a float. Rates stay data
(payments' dated activity rates, and the dated support rates below); a planned cost is
worked out from the rate in force on its own day whenever it is shown."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

CURRENCY = "GBP"
PENNY = Decimal("0.01")


def money(amount):
    """Decimal pounds to two places: "£1,234.50", "-£3.00"."""
    amount = Decimal(amount).quantize(PENNY)
    sign = "-" if amount < 0 else ""
    return f"{sign}£{abs(amount):,.2f}"


def from_pence(pence):
    return (Decimal(pence or 0) / 100).quantize(PENNY)


class Currency(models.TextChoices):
    GBP = "GBP", _("Pounds sterling (GBP)")


class PlannedLine(models.Model):
    """An amount the lead or finance plan to spend in one month of a financial year:
    for a project or the whole organisation, for an activity type or other costs."""

    month = models.DateField(_("Month"), help_text=_("The first day of the month it is for."))
    project = models.ForeignKey(
        "projects.Project",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="planned_lines",
    )
    activity_type = models.ForeignKey(
        "payments.ActivityType",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    description = models.CharField(_("What it is for"), max_length=200)
    amount = models.DecimalField(_("Amount"), max_digits=12, decimal_places=2)
    currency = models.CharField(max_length=3, choices=Currency.choices, default=Currency.GBP)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["month", "pk"]
        indexes = [models.Index(fields=["month"], name="planned_line_month")]

    def __str__(self):
        return f"{self.description}: {money(self.amount)}"


class PlannedActivity(models.Model):
    """An activity planned outside a meeting (reading papers, a workshop series): so many
    people, each giving so much time on a day, costed at the rate in force that day."""

    on = models.DateField(_("Date"))
    project = models.ForeignKey(
        "projects.Project",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="planned_activities",
    )
    activity_type = models.ForeignKey(
        "payments.ActivityType", on_delete=models.PROTECT, related_name="+"
    )
    description = models.CharField(_("What it is"), max_length=200)
    people = models.PositiveIntegerField(_("People expected"))
    minutes = models.PositiveIntegerField(_("Time each person gives, in minutes"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["on", "pk"]
        indexes = [models.Index(fields=["on"], name="planned_activity_on")]

    def __str__(self):
        return self.description


class SupportService(models.Model):
    """Access support the organisation buys, priced by the costing tool: a BSL
    interpreter, a live captioner, Easy Read production."""

    class Unit(models.TextChoices):
        HOUR = "hour", _("Per hour")
        DAY = "day", _("Per day")
        PAGE = "page", _("Per page")
        DOCUMENT = "document", _("Per document")

    name = models.CharField(_("Name"), max_length=100)
    slug = models.SlugField(max_length=50, unique=True)
    unit = models.CharField(_("Priced"), max_length=10, choices=Unit.choices)
    active = models.BooleanField(_("Offered now"), default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def in_force(self, day):
        """The rate that applied on `day`: the newest one starting on or before it."""
        return self.history.filter(starts_on__lte=day).order_by("-starts_on", "-pk").first()


class SupportRate(models.Model):
    """A support service's price from a date on; never edited, only followed by a newer one."""

    service = models.ForeignKey(SupportService, on_delete=models.CASCADE, related_name="history")
    starts_on = models.DateField(_("Applies from"))
    amount = models.DecimalField(_("Price"), max_digits=10, decimal_places=2)
    currency = models.CharField(max_length=3, choices=Currency.choices, default=Currency.GBP)
    note = models.CharField(_("Why it changed"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-starts_on", "-pk"]

    def __str__(self):
        return f"{money(self.amount)} {self.service.get_unit_display().lower()}"


class Estimate(models.Model):
    """The costing tool's estimate for a new piece of work or a funding bid."""

    title = models.CharField(_("What the estimate is for"), max_length=200)
    purpose = models.CharField(
        _("Why it is needed"),
        max_length=300,
        blank=True,
        help_text=_("For example: a bid to a funder, or a new piece of work."),
    )
    project = models.ForeignKey(
        "projects.Project",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="estimates",
    )
    currency = models.CharField(max_length=3, choices=Currency.choices, default=Currency.GBP)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    # Set when the estimate became its project's budget; it is then kept as it was.
    adopted_at = models.DateTimeField(null=True, blank=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("budgets:estimate_detail", args=[self.pk])

    @property
    def total(self):
        return sum((line.total for line in self.lines.all()), Decimal("0.00"))


class EstimateLine(models.Model):
    """One itemised cost: quantity × unit cost, at the rate in force when it was added."""

    class Kind(models.TextChoices):
        ACTIVITY = "activity", _("People's time: activities and meetings")
        EXPENSE = "expense", _("Expenses")
        SUPPORT = "support", _("Access support")

    estimate = models.ForeignKey(Estimate, on_delete=models.CASCADE, related_name="lines")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    activity_type = models.ForeignKey(
        "payments.ActivityType", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    expense_type = models.ForeignKey(
        "payments.ExpenseType", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    service = models.ForeignKey(
        SupportService, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    description = models.CharField(max_length=300)
    quantity = models.DecimalField(max_digits=8, decimal_places=2)
    unit_cost = models.DecimalField(max_digits=10, decimal_places=2)
    # The day the rate used came into force, shown beside the line.
    rate_from = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["kind", "pk"]

    def __str__(self):
        return self.description

    @property
    def total(self):
        return (self.quantity * self.unit_cost).quantize(PENNY)


class KeptSummary(models.Model):
    """A financial year's plan, committed and actual as the budget page shows them,
    worked out ahead of time so the page reads one row (decision 0046). `data` is
    planning.Summary.to_data(): exact amounts as text, never floats."""

    year_start = models.DateField(unique=True)
    data = models.JSONField()
    computed_at = models.DateTimeField()
    refresh_asked_at = models.DateTimeField(null=True, blank=True)
    # How many project lines it has, so the page needs no count of them (decision 0016).
    project_line_count = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"Involvement budget from {self.year_start} as of {self.computed_at}"


class KeptProjectLine(models.Model):
    """One project's plan, committed and actual in a kept summary, in the page's order,
    so the page reads only the lines it shows. `project_pk` is None for the whole
    organisation's line; the title is kept as it was when worked out."""

    kept = models.ForeignKey(KeptSummary, on_delete=models.CASCADE, related_name="project_lines")
    position = models.PositiveIntegerField()
    project_pk = models.PositiveBigIntegerField(null=True)
    title = models.CharField(max_length=200, blank=True)
    plan = models.DecimalField(max_digits=14, decimal_places=2)
    committed = models.DecimalField(max_digits=14, decimal_places=2)
    actual = models.DecimalField(max_digits=14, decimal_places=2)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kept", "position"], name="one_kept_line_a_position")
        ]

    def __str__(self):
        return f"{self.title or 'Whole organisation'} in {self.kept}"
