from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.lib.forms import DateInput, IdChoiceField, ModelForm

from .models import Application, Opportunity

User = get_user_model()


class OpportunityForm(ModelForm):
    class Meta:
        model = Opportunity
        fields = [
            "title",
            "project",
            "summary",
            "easy_read_summary",
            "time_commitment",
            "payment_offered",
            "place",
            "location",
            "venue_accessibility",
            "topics",
            "places_available",
            "closing_on",
            "other_ways_to_apply",
            "status",
            "title_cy",
            "summary_cy",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "summary_cy": forms.Textarea(attrs={"rows": 4}),
            "easy_read_summary": forms.Textarea(attrs={"rows": 4}),
            "venue_accessibility": forms.Textarea(attrs={"rows": 3}),
            "other_ways_to_apply": forms.Textarea(attrs={"rows": 3}),
            "place": forms.RadioSelect,
            "status": forms.RadioSelect,
            "closing_on": DateInput,
        }

    def clean_closing_on(self):
        closing = self.cleaned_data["closing_on"]
        unchanged = self.instance.pk and self.instance.closing_on == closing
        if closing < timezone.localdate() and not unchanged:
            raise forms.ValidationError(_("The closing date must be today or later."))
        return closing

    def clean_places_available(self):
        places = self.cleaned_data["places_available"]
        if places < 1:
            raise forms.ValidationError(_("There must be at least one place."))
        return places


class ExpressInterestForm(ModelForm):
    class Meta:
        model = Application
        fields = ["answers"]
        widgets = {"answers": forms.Textarea(attrs={"rows": 4})}


class OnBehalfForm(forms.Form):
    person = IdChoiceField(
        queryset=User.objects.none(),
        label=_("Who is interested"),
        help_text=_("Only co-producers are listed."),
    )
    received = forms.ChoiceField(
        label=_("How they told us"),
        choices=[c for c in Application.Received.choices if c[0] != Application.Received.ONLINE],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Why you are recording it for them"),
        max_length=300,
        help_text=_("For example: they phoned and asked me to."),
    )
    answers = forms.CharField(
        label=_("Anything they would like us to know"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = User.objects.filter(
            is_active=True, role_assignments__role="coproducer"
        ).order_by("name")


class DecisionForm(forms.Form):
    selected = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("yes", _("Choose them")), ("no", _("Do not choose them this time"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label=_("A message to them (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("We send a kind, plain-English email either way. Add anything personal here."),
    )


class OpportunitySearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        help_text=_("A word such as housing or transport."),
    )
    place = forms.ChoiceField(
        label=_("In person or online"),
        required=False,
        choices=[("", _("Any")), *Opportunity.Place.choices],
    )
    # For those who manage opportunities: the ones still to fill, or the ones that
    # have closed. Everyone else sees only open ones.
    show = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[("", _("Open and drafts")), ("closed", _("Closed"))],
    )
