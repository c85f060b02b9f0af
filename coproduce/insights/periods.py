"""The period a dashboard or report covers: a preset or dates the person chooses."""

from datetime import date, timedelta

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coproduce.lib.figures import Period
from coproduce.lib.forms import DateInput

EARLIEST = date(2000, 1, 1)


def months_back(day, months):
    month = day.month - months
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    for day_number in (day.day, 30, 29, 28):
        try:
            return date(year, month, day_number)
        except ValueError:
            continue
    raise ValueError(day)


def financial_year_start(day):
    """UK financial years start on 1 April."""
    return date(day.year if day.month >= 4 else day.year - 1, 4, 1)


def preset_period(preset, today=None):
    today = today or timezone.localdate()
    if preset == "3m":
        return Period(months_back(today, 3) + timedelta(days=1), today)
    if preset == "this_fy":
        return Period(financial_year_start(today), today)
    if preset == "last_fy":
        start = financial_year_start(today)
        return Period(date(start.year - 1, 4, 1), start - timedelta(days=1))
    return Period(months_back(today, 12) + timedelta(days=1), today)


class PeriodForm(forms.Form):
    PRESETS = [
        ("3m", _("Last 3 months")),
        ("12m", _("Last 12 months")),
        ("this_fy", _("This financial year (from 1 April)")),
        ("last_fy", _("Last financial year")),
        ("custom", _("Dates I choose")),
    ]
    period = forms.ChoiceField(
        label=_("Period"),
        choices=PRESETS,
        widget=forms.RadioSelect,
        initial="12m",
        # The group's hint, so a screen reader reads it with the choices.
        help_text=_("Fill in “From” and “To” only for dates you choose."),
    )
    start = forms.DateField(label=_("From"), required=False, widget=DateInput)
    end = forms.DateField(label=_("To"), required=False, widget=DateInput)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("period") != "custom":
            return cleaned
        start, end = cleaned.get("start"), cleaned.get("end")
        if start is None and "start" not in self.errors:
            self.add_error("start", gettext("Enter the first day of the period."))
        if end is None and "end" not in self.errors:
            self.add_error("end", gettext("Enter the last day of the period."))
        if start and end:
            if start > end:
                self.add_error(
                    "end", gettext("The last day must be the same as or after the first day.")
                )
            elif start < EARLIEST:
                self.add_error(
                    "start",
                    gettext("The first day must be in %(year)s or later.")
                    % {"year": EARLIEST.year},
                )
            elif end > timezone.localdate() + timedelta(days=366):
                self.add_error("end", gettext("The last day must be within a year from today."))
        return cleaned

    def preset(self):
        """The preset asked for ("12m" when the form is empty or wrong); None for dates
        the person chose."""
        if not self.is_bound or not self.is_valid():
            return "12m"
        chosen = self.cleaned_data["period"]
        return None if chosen == "custom" else chosen

    def chosen(self):
        """The period asked for; the last 12 months when the form is empty or wrong."""
        if not self.is_bound or not self.is_valid():
            return preset_period("12m")
        if self.cleaned_data["period"] == "custom":
            return Period(self.cleaned_data["start"], self.cleaned_data["end"])
        return preset_period(self.cleaned_data["period"])


def period_words(period):
    return gettext("%(start)s to %(end)s") % {
        "start": date_format(period.start, "j F Y"),
        "end": date_format(period.end, "j F Y"),
    }
