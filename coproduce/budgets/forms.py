from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.lib.forms import DateInput, IdChoiceField
from coproduce.payments.models import ActivityType, ExpenseType
from coproduce.projects.models import Project

from .models import SupportService
from .planning import FinancialYear

MONEY = {"inputmode": "decimal", "spellcheck": "false", "class": "govuk-input--width-10"}
NUMBER = {"inputmode": "decimal", "spellcheck": "false", "class": "govuk-input--width-5"}


class PoundsField(forms.DecimalField):
    """Pounds and pence as typed ("250", "£1,250.50"): exact, never a float. Whether the
    amount is sensible is the action's check, so every way in gets the same error."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 14)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("widget", forms.TextInput(attrs=MONEY))
        super().__init__(**kwargs)
        self.error_messages["invalid"] = _("Enter an amount in pounds, for example 250.00.")
        self.error_messages["max_decimal_places"] = _(
            "Enter pence as two numbers, for example 250.50."
        )
        self.error_messages["max_digits"] = _("Enter a smaller amount.")
        self.error_messages["max_whole_digits"] = _("Enter a smaller amount.")

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace("£", "").replace(",", "")
        return super().to_python(value)


def _years():
    this = FinancialYear.containing(timezone.localdate()).start.year
    return [
        (str(year), FinancialYear.starting_in(year).label) for year in range(this + 1, this - 6, -1)
    ]


class YearForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Financial year"), coerce=int, choices=_years)


def _projects():
    return Project.objects.order_by("title")


class PlannedLineForm(forms.Form):
    month = forms.DateField(
        label=_("Month"),
        widget=DateInput,
        help_text=_("Any day in the month the money is planned for."),
    )
    project = IdChoiceField(
        label=_("Project"),
        queryset=Project.objects.none(),
        required=False,
        empty_label=_("The whole organisation"),
    )
    activity_type = IdChoiceField(
        label=_("Activity"),
        queryset=ActivityType.objects.none(),
        required=False,
        empty_label=_("Other costs"),
    )
    description = forms.CharField(label=_("What it is for"), max_length=200)
    amount = PoundsField(label=_("Amount in pounds"), help_text=_("For example 1200.00."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = _projects()
        self.fields["activity_type"].queryset = ActivityType.objects.order_by("name")


class PlannedActivityForm(forms.Form):
    on = forms.DateField(label=_("Date"), widget=DateInput)
    project = IdChoiceField(
        label=_("Project"),
        queryset=Project.objects.none(),
        required=False,
        empty_label=_("The whole organisation"),
    )
    activity_type = IdChoiceField(label=_("Activity"), queryset=ActivityType.objects.none())
    description = forms.CharField(label=_("What it is"), max_length=200)
    people = forms.IntegerField(
        label=_("People expected"), min_value=1, max_value=10000, widget=forms.TextInput(NUMBER)
    )
    hours = forms.DecimalField(
        label=_("Hours each person gives"),
        min_value=Decimal("0.25"),
        max_value=Decimal("16"),
        decimal_places=2,
        widget=forms.TextInput(NUMBER),
        help_text=_("For example 2.5 for two and a half hours."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = _projects()
        self.fields["activity_type"].queryset = ActivityType.objects.order_by("name")


class SupportRateForm(forms.Form):
    service = IdChoiceField(label=_("Access support"), queryset=SupportService.objects.none())
    starts_on = forms.DateField(label=_("Applies from"), widget=DateInput)
    amount = PoundsField(
        label=_("Price in pounds"), help_text=_("For each unit, for example 45.00.")
    )
    note = forms.CharField(label=_("Why it changed"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = SupportService.objects.order_by("name")


class EstimateForm(forms.Form):
    title = forms.CharField(label=_("What the estimate is for"), max_length=200)
    purpose = forms.CharField(
        label=_("Why it is needed"),
        max_length=300,
        required=False,
        help_text=_("For example: a bid to a funder, or a new piece of work."),
    )
    project = IdChoiceField(label=_("Project"), queryset=Project.objects.none(), required=False)

    def __init__(self, *args, projects, may_leave_empty, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["project"]
        field.queryset = projects.order_by("title")
        field.required = not may_leave_empty
        field.empty_label = _("No project yet (a funding bid)") if may_leave_empty else None


class ActivityLineForm(forms.Form):
    prefix = "activity"
    activity_type = IdChoiceField(
        label=_("Activity or meeting"), queryset=ActivityType.objects.none()
    )
    people = forms.IntegerField(
        label=_("People"), min_value=1, max_value=1000, widget=forms.TextInput(NUMBER)
    )
    sessions = forms.IntegerField(
        label=_("Sessions or meetings"), min_value=1, max_value=1000, widget=forms.TextInput(NUMBER)
    )
    hours = forms.DecimalField(
        label=_("Hours each session"),
        min_value=Decimal("0.25"),
        max_value=Decimal("16"),
        decimal_places=2,
        widget=forms.TextInput(NUMBER),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity_type"].queryset = ActivityType.objects.filter(active=True)


class ExpenseLineForm(forms.Form):
    prefix = "expense"
    expense_type = IdChoiceField(label=_("Expense"), queryset=ExpenseType.objects.none())
    count = forms.DecimalField(
        label=_("How many"),
        min_value=Decimal("1"),
        max_value=Decimal("10000"),
        decimal_places=0,
        widget=forms.TextInput(NUMBER),
        help_text=_("For example 12 journeys."),
    )
    amount_each = PoundsField(label=_("Amount each, in pounds"), required=False)
    miles_each = forms.DecimalField(
        label=_("Or, for travel by car: miles each"),
        min_value=Decimal("0.1"),
        max_value=Decimal("2000"),
        decimal_places=1,
        required=False,
        widget=forms.TextInput(NUMBER),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expense_type"].queryset = ExpenseType.objects.filter(active=True)


class SupportLineForm(forms.Form):
    prefix = "support"
    service = IdChoiceField(label=_("Access support"), queryset=SupportService.objects.none())
    units = forms.DecimalField(
        label=_("How many hours, days, pages or documents"),
        min_value=Decimal("0.25"),
        max_value=Decimal("10000"),
        decimal_places=2,
        widget=forms.TextInput(NUMBER),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = SupportService.objects.filter(active=True)


class AdoptForm(forms.Form):
    project = IdChoiceField(label=_("Project"), queryset=Project.objects.none())

    def __init__(self, *args, projects, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = projects.order_by("title")
