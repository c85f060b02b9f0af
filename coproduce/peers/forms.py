from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coproduce.accounts.models import Role, User
from coproduce.lib.forms import DateInput, IdChoiceField, ModelForm

from .models import CheckIn, GroupNotice, PeerGroup, Way

WAYS_HELP = _("Choose all that work for you. We match people who can meet in the same way.")


class OfferForm(forms.Form):
    can_offer = forms.CharField(
        label=_("What you can offer"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "For example, how you found your feet here, or help getting ready for meetings."
        ),
    )
    ways = forms.MultipleChoiceField(
        label=_("Ways you can meet and talk"),
        choices=Way.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=WAYS_HELP,
    )
    use_lived_experience = forms.BooleanField(
        label=_("Use my lived experience to find a good match"),
        required=False,
        help_text=_(
            "The co-production lead will only see that you share lived experience "
            "with someone, never which, and only if they said yes too."
        ),
    )
    available = forms.BooleanField(
        label=_("I can take someone on now"),
        required=False,
        initial=True,
        help_text=_("Untick this to pause. Anyone you support now stays paired with you."),
    )


class AskForm(forms.Form):
    hoping_for = forms.CharField(
        label=_("What you hope a peer supporter can help with"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example, someone to talk to before your first meeting."),
    )
    ways = forms.MultipleChoiceField(
        label=_("Ways you would like to meet and talk"),
        choices=Way.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=WAYS_HELP,
    )
    use_lived_experience = forms.BooleanField(
        label=_("Use my lived experience to find a good match"),
        required=False,
        help_text=_(
            "The co-production lead will only see that you share lived experience "
            "with someone, never which, and only if they said yes too."
        ),
    )


class PairForm(forms.Form):
    supporter = forms.TypedChoiceField(
        label=_("Peer supporter"), coerce=int, widget=forms.RadioSelect, choices=()
    )

    def __init__(self, *args, suggestions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supporter"].choices = [
            (s.offer.person_id, str(s.offer.person)) for s in suggestions
        ]


class CheckInForm(ModelForm):
    class Meta:
        model = CheckIn
        fields = ["held_on", "how_it_went", "note"]
        widgets = {
            "held_on": DateInput,
            "how_it_went": forms.RadioSelect,
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["how_it_went"].choices = CheckIn.HowItWent.choices  # no empty radio

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if held_on > timezone.localdate():
            raise forms.ValidationError(gettext("The date you talked must be today or earlier."))
        return held_on


class EndPairingForm(forms.Form):
    closing_note = forms.CharField(
        label=_("A short closing note"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "For example, a thank-you, or what you will take away. The other person "
            "will read it. You do not need to give a reason."
        ),
    )


class GroupForm(ModelForm):
    class Meta:
        model = PeerGroup
        fields = ["name", "purpose"]
        widgets = {"purpose": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"name": _("For example, Lived experience panel.")}


class NoticeForm(ModelForm):
    class Meta:
        model = GroupNotice
        fields = ["title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 4})}


class AddMemberForm(forms.Form):
    person = IdChoiceField(
        queryset=User.objects.none(),
        label=_("Person to add"),
        help_text=_(
            "Co-producers join as members. Staff join as invited guests: they can "
            "read and post, but cannot add anyone."
        ),
    )

    def __init__(self, *args, group, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["person"]
        field.queryset = (
            User.objects.filter(
                is_active=True,
                role_assignments__role__in=[
                    Role.COPRODUCER,
                    Role.LEAD,
                    Role.STAFF,
                    Role.ADMINISTRATOR,
                    Role.FINANCE,
                ],
            )
            .exclude(peer_group_memberships__group=group)
            .distinct()
            .order_by("name", "email")
        )
        field.empty_label = gettext("Choose a person")


class LinkMeetingForm(forms.Form):
    meeting = IdChoiceField(queryset=None, label=_("Meeting"))

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings
        self.fields["meeting"].empty_label = gettext("Choose a meeting")
