from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import DataRequest

User = get_user_model()


class DataRequestForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address of the person asking"),
        max_length=254,
        error_messages={
            "required": _("Enter the email address of the person asking."),
            "invalid": _("Enter an email address like name@example.org."),
        },
    )
    kind = forms.ChoiceField(
        label=_("What are they asking for?"),
        choices=DataRequest.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what they are asking for.")},
    )
    received_on = forms.DateField(
        label=_("Date we received the request"),
        help_text=_("For example, 27 3 2026 or 2026-03-27."),
        input_formats=["%Y-%m-%d", "%d %m %Y", "%d/%m/%Y", "%d-%m-%Y"],
        error_messages={
            "required": _("Enter the date we received the request."),
            "invalid": _("Enter a real date, for example 27 3 2026."),
        },
    )
    note = forms.CharField(
        label=_("Notes"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean_received_on(self):
        received = self.cleaned_data["received_on"]
        if received > timezone.localdate():
            raise forms.ValidationError(gettext("The date we received it cannot be in the future."))
        if received.year < 2000:
            raise forms.ValidationError(
                gettext("Enter the date we received it, for example 27 3 2026.")
            )
        return received

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        self.person = User.objects.filter(email__iexact=email).first()
        if self.person is None:
            raise forms.ValidationError(gettext("Nobody has an account with this email address."))
        return email


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand this cannot be undone"),
        help_text=_(
            "Their name, contact details and everything they "
            "wrote will be removed. Counts used in reports stay."
        ),
        error_messages={
            "required": _("Tick the box to confirm you understand this cannot be undone.")
        },
    )


class ReadLogSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Whose information (name or email)"), required=False, max_length=100
    )


class RetentionForm(forms.Form):
    """One field per kind of record: how many months to keep it."""

    def __init__(self, schedule, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kept in schedule:
            rule, months = kept.rule, kept.months
            self.fields[rule.key] = forms.IntegerField(
                label=gettext("Keep %(records)s for how many months?") % {"records": rule.records},
                help_text=gettext("Counted from %(counted_from)s. Between 1 and 120.")
                % {"counted_from": rule.counted_from},
                min_value=1,
                max_value=120,
                initial=months,
                widget=forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
                error_messages={
                    "required": gettext("Enter how many months to keep %(records)s.")
                    % {"records": rule.records},
                    "invalid": gettext("Enter a whole number of months, like 12."),
                    "min_value": gettext("Keep records for at least 1 month."),
                    "max_value": gettext("Enter 120 months (10 years) or fewer."),
                },
            )
