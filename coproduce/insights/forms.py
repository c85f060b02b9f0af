"""Forms of the co-producers' view: a preset period (their figures are always the
stored ones, so dates of one's own are not offered) and a commentary for the board."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .models import BoardCommentary
from .periods import PeriodForm

PRESETS = [(value, label) for value, label in PeriodForm.PRESETS if value != "custom"]


class PresetForm(PeriodForm):
    """A preset period only; anything else asked for is the last 12 months."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = PRESETS
        self.fields["period"].help_text = ""
        del self.fields["start"], self.fields["end"]


class CommentaryForm(forms.Form):
    period = forms.ChoiceField(
        label=_("The period your commentary is about"),
        choices=PRESETS,
        widget=forms.RadioSelect,
        initial="12m",
    )
    text = forms.CharField(
        label=_("Your commentary"),
        max_length=BoardCommentary.LONGEST,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Write your commentary.")},
        help_text=format_lazy(
            _(
                "What co-producers think of these figures and what should change. Up to {} characters."
            ),
            BoardCommentary.LONGEST,
        ),
    )
    show_name = forms.BooleanField(
        label=_("Show my name with this commentary in the board report"),
        required=False,
        help_text=_("If you leave this unticked, the report says “A co-producer”."),
    )
