import re
from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model
from django.core.validators import slug_re
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.lib.forms import DateInput, IdChoiceField, ModelForm
from coproduce.lib.uploads import DOCUMENT_TYPES, IMAGE_TYPES, detect_type
from coproduce.projects.models import Project

from .models import (
    ActivityRate,
    ActivityType,
    Advance,
    BudgetLine,
    Claim,
    ExpenseType,
    LimitChoice,
    LimitPeriod,
    Status,
)

User = get_user_model()
RECEIPT_TYPES = {**IMAGE_TYPES, "application/pdf": DOCUMENT_TYPES["application/pdf"]}
MOST_POUNDS = Decimal("10000")


class PoundsField(forms.DecimalField):
    """Pounds and pence typed by a person ("12.50" or "£12.50"), cleaned to whole pence."""

    def __init__(self, *, most=MOST_POUNDS, **kwargs):
        kwargs.setdefault("max_digits", 9)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"})
        )
        super().__init__(**kwargs)
        self.most = most
        self.error_messages["invalid"] = _("Enter an amount in pounds, for example 12.50.")
        self.error_messages["max_decimal_places"] = _(
            "Enter pence as two numbers, for example 12.50."
        )

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace("£", "").replace(",", "")
        return super().to_python(value)

    def clean(self, value):
        amount = super().clean(value)
        if amount is None:
            return None
        if amount < 0:
            raise forms.ValidationError(_("The amount cannot be less than nothing."))
        if amount > self.most:
            raise forms.ValidationError(
                _("The amount must be £%(most)s or less.") % {"most": f"{self.most:,}"}
            )
        return int(amount * 100)

    def prepare_value(self, value):
        if isinstance(value, int):
            return f"{Decimal(value) / 100:.2f}"
        return value


class ActivityTypeForm(ModelForm):
    class Meta:
        model = ActivityType
        fields = ["name", "slug", "description", "active"]


class ExpenseTypeForm(ModelForm):
    class Meta:
        model = ExpenseType
        fields = ["name", "slug", "description", "section", "active"]


class RateForm(forms.Form):
    unit = forms.ChoiceField(choices=ActivityRate.Unit.choices, widget=forms.RadioSelect)
    amount = PoundsField(
        label=_("Amount in pounds"), help_text=_("For example 25.00."), most=Decimal(2000)
    )
    unit_minutes = forms.IntegerField(
        label=_("For half-day and day rates: the longest time one unit covers, in minutes"),
        required=False,
        min_value=30,
        max_value=1440,
        help_text=_("For example 240 for four hours. Leave empty for hourly rates."),
    )
    starts_on = forms.DateField(label=_("Applies from"), widget=DateInput)
    note = forms.CharField(label=_("Why it changed (optional)"), max_length=300, required=False)

    def clean_amount(self):
        if not self.cleaned_data["amount"]:
            raise forms.ValidationError(_("Enter an amount more than nothing."))
        return self.cleaned_data["amount"]


class RuleForm(forms.Form):
    receipt_over = PoundsField(
        label=_("Receipt needed above this amount, in pounds"),
        help_text=_("Enter 0 if a receipt is always needed."),
        most=Decimal(1000),
    )
    pence_per_mile = forms.IntegerField(
        label=_("Mileage rate in pence per mile (optional)"),
        required=False,
        min_value=1,
        max_value=200,
        help_text=_("Only for travel by car. For example 45."),
    )
    limit = PoundsField(label=_("Most we pay for one item, in pounds (optional)"), required=False)
    starts_on = forms.DateField(label=_("Applies from"), widget=DateInput)
    note = forms.CharField(label=_("Why it changed (optional)"), max_length=300, required=False)


class ClaimForm(forms.Form):
    activity_type = IdChoiceField(
        label=_("What did you do?"),
        queryset=ActivityType.objects.filter(active=True),
        empty_label=_("Choose an activity"),
    )
    activity_date = forms.DateField(label=_("Date of the activity"), widget=DateInput)
    hours = forms.IntegerField(label=_("Hours"), min_value=0, max_value=16, required=False)
    minutes = forms.IntegerField(
        label=_("And minutes"),
        min_value=0,
        max_value=59,
        required=False,
        help_text=_("Include time to prepare and read papers if it was part of this activity."),
    )
    project = IdChoiceField(
        label=_("Project (optional)"),
        queryset=Project.objects.all(),
        required=False,
        empty_label=_("No project"),
    )
    description = forms.CharField(
        label=_("What you did, in a few words"),
        max_length=300,
        help_text=_("For example: transport group meeting."),
    )
    skills = forms.CharField(
        label=_("Skills you used or learned (optional)"),
        max_length=300,
        required=False,
        help_text=_("These go on your record and certificate. For example: chairing."),
    )
    payment_choice = forms.ChoiceField(
        label=_("How would you like your fee?"),
        choices=Claim.Choice.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Expenses are always paid back to you. If you get benefits, "
            "read our payment policy first."
        ),
    )
    charity = forms.CharField(
        label=_("Which charity? (if you give your fee)"), max_length=200, required=False
    )
    fee_wanted = PoundsField(
        label=_("Would you like less than the full fee? (optional)"),
        required=False,
        help_text=_("Leave empty for the full fee. Enter an amount in pounds to take less."),
    )
    source = forms.CharField(widget=forms.HiddenInput, required=False, max_length=100)

    def __init__(self, *args, on_behalf=False, **kwargs):
        super().__init__(*args, **kwargs)
        if on_behalf:
            self.fields = {
                "person": IdChoiceField(
                    label=_("Who is the claim for?"),
                    queryset=User.objects.filter(
                        role_assignments__role="coproducer", is_active=True
                    ).distinct(),
                    empty_label=_("Choose a person"),
                ),
                "reason": forms.CharField(
                    label=_("Why are you making the claim for them?"),
                    max_length=300,
                    help_text=_("For example: they asked us by phone."),
                ),
                **self.fields,
            }

    def clean(self):
        data = super().clean()
        total = (data.get("hours") or 0) * 60 + (data.get("minutes") or 0)
        if "hours" in data and "minutes" in data:
            if total <= 0:
                self.add_error("hours", _("Enter how long the activity took."))
            data["total_minutes"] = total
        if data.get("payment_choice") == Claim.Choice.DONATE and not data.get("charity"):
            self.add_error("charity", _("Tell us which charity to give your fee to."))
        day = data.get("activity_date")
        if day and day > timezone.localdate():
            self.add_error("activity_date", _("The date must be today or earlier."))
        return data

    @staticmethod
    def prefill(query, choices):
        """Starting answers from a link (for example "Claim for your time" on a
        meeting): each value is checked, and one that does not fit is left out."""
        initial = {}
        probe = ClaimForm(
            {
                "activity_date": query.get("activity_date", ""),
                "project": query.get("project", ""),
                "description": query.get("description", "")[:300],
                "source": query.get("source", "")[:100],
            }
        )
        probe.is_valid()
        for name in ("activity_date", "project", "description", "source"):
            if (
                name in probe.cleaned_data
                and probe.cleaned_data[name]
                and not probe.has_error(name)
            ):
                initial[name] = probe.cleaned_data[name]
        minutes = query.get("minutes", "")
        if minutes.isdecimal() and 0 < int(minutes) <= 16 * 60:
            initial["hours"], initial["minutes"] = divmod(int(minutes), 60)
        slug = query.get("activity_type", "")
        # Only a slug is looked up: anything else (a NUL byte, which PostgreSQL refuses
        # in a text value) names no activity type.
        is_slug = slug_re.fullmatch(slug) is not None
        found = ActivityType.objects.filter(slug=slug, active=True).first() if is_slug else None
        if found:
            initial["activity_type"] = found
        if choices:
            initial["payment_choice"] = choices
        return initial


class ExpenseForm(forms.Form):
    expense_type = IdChoiceField(
        label=_("Type of expense"),
        queryset=ExpenseType.objects.filter(active=True),
        empty_label=_("Choose a type"),
        error_messages={"required": _("Choose the type of expense.")},
    )
    description = forms.CharField(
        label=_("What it was for"),
        max_length=300,
        help_text=_("For example: taxi from home."),
        error_messages={"required": _("Say what the expense was for.")},
    )
    amount = PoundsField(
        label=_("Amount in pounds"), required=False, help_text=_("For example 12.50.")
    )
    miles = forms.DecimalField(
        label=_("Miles (for travel by car only)"),
        required=False,
        min_value=Decimal("0.1"),
        max_value=1000,
        max_digits=6,
        decimal_places=1,
    )
    receipt = forms.FileField(
        label=_("Receipt (photo or PDF)"),
        required=False,
        help_text=_(
            "A photo (JPEG, PNG, GIF or WebP) or a PDF, smaller than 5 MB. "
            "Only you, the person approving and finance can see it."
        ),
    )

    def clean_receipt(self):
        upload = self.cleaned_data.get("receipt")
        if not upload:
            return None
        self.cleaned_data["receipt_type"] = detect_type(upload, RECEIPT_TYPES)
        return upload


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("What needs to change?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_("The person sees this. Be clear and kind."),
    )


class BankDetailsForm(forms.Form):
    account_name = forms.CharField(
        label=_("Name on the account"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    sort_code = forms.CharField(
        label=_("Sort code"),
        max_length=12,
        help_text=_("Six numbers, for example 30-94-57."),
        widget=forms.TextInput(
            attrs={
                "inputmode": "numeric",
                "autocomplete": "off",
                "spellcheck": "false",
                "class": "govuk-input--width-5",
            }
        ),
    )
    account_number = forms.CharField(
        label=_("Account number"),
        max_length=12,
        help_text=_("Eight numbers."),
        widget=forms.TextInput(
            attrs={
                "inputmode": "numeric",
                "autocomplete": "off",
                "spellcheck": "false",
                "class": "govuk-input--width-10",
            }
        ),
    )

    def clean_sort_code(self):
        digits = re.sub(r"[\s-]", "", self.cleaned_data["sort_code"])
        if not re.fullmatch(r"\d{6}", digits):
            raise forms.ValidationError(_("Enter a sort code of six numbers, like 30-94-57."))
        return f"{digits[:2]}-{digits[2:4]}-{digits[4:]}"

    def clean_account_number(self):
        digits = re.sub(r"[\s-]", "", self.cleaned_data["account_number"])
        if not re.fullmatch(r"\d{6,8}", digits):
            raise forms.ValidationError(_("Enter an account number of 6 to 8 numbers."))
        return digits.zfill(8)


class BudgetLineForm(ModelForm):
    unit_cost = PoundsField(label=_("Unit cost in pounds"), help_text=_("For example 25.00."))

    class Meta:
        model = BudgetLine
        fields = ["section", "description", "quantity", "notes"]
        labels = {
            "section": _("Section"),
            "description": _("Description"),
            "quantity": _("Quantity"),
            "notes": _("Notes"),
        }
        help_texts = {"quantity": _("For example: 8 people × 6 meetings = 48.")}

    def clean_quantity(self):
        quantity = self.cleaned_data["quantity"]
        if quantity <= 0 or quantity > 10000:
            raise forms.ValidationError(_("Enter a quantity more than 0 and up to 10,000."))
        return quantity


class ClaimFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", "All")] + Status.choices, required=False
    )
    paid_from = forms.DateField(label=_("Paid from"), required=False, widget=DateInput)
    paid_to = forms.DateField(label=_("Paid to"), required=False, widget=DateInput)


class BatchUpToForm(forms.Form):
    up_to = forms.DateField(
        label=_("Approved on or before"),
        widget=DateInput,
        help_text=_(
            "Every claim approved up to the end of this day and not in a batch yet, on every page."
        ),
    )


class CertificateForm(forms.Form):
    name_organisation = forms.TypedChoiceField(
        label=_("Should your certificate name our organisation?"),
        choices=[("no", "No, leave the organisation's name out"), ("yes", "Yes, name it")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        initial="no",
        help_text=_(
            "Our name says we are run by Disabled people. Someone reading it may guess "
            "you are Disabled, so it is your choice."
        ),
    )


class LimitForm(forms.Form):
    period = forms.ChoiceField(
        label=_("Over what time?"), choices=LimitPeriod.choices, widget=forms.RadioSelect
    )
    amount = PoundsField(
        label=_("Amount in pounds (optional)"),
        required=False,
        most=Decimal(100_000),
        help_text=_(
            "People who ask to be warned are told before a claim takes their fees above "
            "this. Leave it empty to end the limit from the date below."
        ),
    )
    source = forms.CharField(
        label=_("Where this amount comes from"),
        max_length=300,
        required=False,
        help_text=_("For example: the permitted work limit for 2026 to 2027, from GOV.UK."),
    )
    starts_on = forms.DateField(label=_("Applies from"), widget=DateInput)
    note = forms.CharField(label=_("Why it changed (optional)"), max_length=300, required=False)

    def clean(self):
        data = super().clean()
        if data.get("amount") == 0:
            self.add_error("amount", _("Enter an amount more than nothing, or leave it empty."))
        if data.get("amount") and not data.get("source", "").strip():
            self.add_error(
                "source", _("Say where the amount comes from, for example the benefit rule.")
            )
        return data


class ProtectionForm(forms.Form):
    warn = forms.TypedChoiceField(
        label=_("Would you like us to warn you before your fees go over a limit?"),
        choices=[
            ("yes", _("Yes, warn me before I send a claim that goes over")),
            ("no", _("No, do not warn me")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )


class LimitChoiceForm(forms.Form):
    choice = forms.ChoiceField(
        label=_("What would you like to do?"),
        choices=LimitChoice.choices,
        widget=forms.RadioSelect,
    )
    fee_wanted = PoundsField(
        label=_("If you take less: how much would you like, in pounds? (optional)"),
        required=False,
        help_text=_("Leave it empty and we take the most that keeps you under the limit."),
    )
    charity = forms.CharField(
        label=_("If you give the fee to a charity: which charity?"),
        max_length=200,
        required=False,
    )


class AdvanceForm(forms.Form):
    expense_type = IdChoiceField(
        label=_("What is it for?"),
        queryset=ExpenseType.objects.filter(active=True),
        empty_label=_("Choose a kind of expense"),
    )
    description = forms.CharField(
        label=_("What you need it for, in a few words"),
        max_length=300,
        help_text=_("For example: return train fare to Cardiff for the steering group."),
    )
    needed_on = forms.DateField(label=_("The day you need it for"), widget=DateInput)
    amount = PoundsField(label=_("How much, in pounds"), most=Decimal(2000))
    paid_to = forms.ChoiceField(
        label=_("Who should we pay?"), choices=Advance.PaidTo.choices, widget=forms.RadioSelect
    )
    supplier = forms.CharField(
        label=_("If we pay a supplier: their name"),
        max_length=200,
        required=False,
        help_text=_("For example: City Taxis. Finance will contact them."),
    )
    project = IdChoiceField(
        label=_("Project (optional)"),
        queryset=Project.objects.all(),
        required=False,
        empty_label=_("No project"),
    )


class ReconcileForm(forms.Form):
    spent = PoundsField(label=_("What it really cost, in pounds"), most=Decimal(2000))
    receipt = forms.FileField(
        label=_("Receipt (photo or PDF)"),
        help_text=_(
            "A photo (JPEG, PNG, GIF or WebP) or a PDF, smaller than 5 MB. "
            "Only you, the person approving and finance can see it."
        ),
    )

    def clean_receipt(self):
        upload = self.cleaned_data.get("receipt")
        self.cleaned_data["receipt_type"] = detect_type(upload, RECEIPT_TYPES)
        return upload


class RefuseForm(forms.Form):
    reason = forms.CharField(
        label=_("Why not?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("The person sees this. Say what they can do instead."),
    )
