from datetime import datetime, time, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coproduce.lib import events
from coproduce.lib.forms import DateInput

from .models import ORGANISATION_SCOPES, Scope

# A year at most: a forgotten token stops working on its own.
LONGEST = timedelta(days=366)
DEFAULT_DAYS = 90


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("Say what will use it, so you know it later. For example: council reporting."),
    )
    scopes = forms.MultipleChoiceField(
        label=_("What it may read"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose only what the other system needs."),
    )
    expires_on = forms.DateField(
        label=_("Stops working on"),
        widget=DateInput,
        help_text=_("At most a year from today."),
    )

    def __init__(self, *args, scopes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scopes"].choices = [(scope, Scope(scope).label) for scope in scopes]
        if not self.is_bound:
            self.initial.setdefault(
                "expires_on", timezone.localdate() + timedelta(days=DEFAULT_DAYS)
            )

    def clean_expires_on(self):
        day = self.cleaned_data["expires_on"]
        today = timezone.localdate()
        if day <= today:
            raise forms.ValidationError(gettext("Choose a date after today."))
        if day > today + LONGEST:
            raise forms.ValidationError(gettext("Choose a date at most a year from today."))
        return day

    def expires_at(self):
        zone = timezone.get_current_timezone()
        return datetime.combine(self.cleaned_data["expires_on"], time.min, tzinfo=zone)


def organisation_form(*args, **kwargs):
    return TokenForm(*args, scopes=[scope.value for scope in ORGANISATION_SCOPES], **kwargs)


# What each event means, for the people choosing them; the names stay English in the API.
EVENT_LABELS = {
    events.CLAIM_APPROVED: _("A claim is approved"),
    events.CLAIM_PAID: _("A claim is paid"),
    events.BATCH_PAID: _("A payment batch is paid"),
    events.MEETING_CHANGED: _("A meeting is arranged or changed"),
    events.DECISION_CLOSED: _("A decision closes"),
    events.YOU_SAID_ANSWERED: _("A “you said” item is answered"),
}


class WebhookForm(forms.Form):
    url = forms.URLField(
        label=_("Address"),
        max_length=500,
        assume_scheme="https",
        help_text=_("Must start https://. We send a POST request here."),
    )
    events = forms.MultipleChoiceField(
        label=_("What to tell it about"),
        widget=forms.CheckboxSelectMultiple,
        choices=list(EVENT_LABELS.items()),
        help_text=_("Each message holds only what happened, the record's number and when."),
    )
