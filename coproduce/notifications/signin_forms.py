from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.people.contact_details import mobile_number


class CardCodeForm(forms.Form):
    code = forms.CharField(
        label=_("The code on your sign-in card"),
        max_length=20,
        help_text=_("It has 10 letters and numbers, like ABCDE-23456."),
        error_messages={"required": _("Enter the code on your sign-in card.")},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "spellcheck": "false",
                "autocapitalize": "characters",
            }
        ),
    )


class MobileNumberForm(forms.Form):
    number = forms.CharField(
        label=_("Your mobile phone number"),
        max_length=40,
        help_text=_("The number we have for you, like 07700 900 982."),
        error_messages={"required": _("Enter your mobile phone number.")},
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )

    def clean_number(self):
        return mobile_number(self.cleaned_data["number"])


class TextCodeForm(forms.Form):
    code = forms.CharField(
        label=_("The code in the text message"),
        max_length=12,
        help_text=_("6 numbers, like 123456."),
        error_messages={"required": _("Enter the 6-number code from the text message.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class CancelCardForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you cancelling this card?"),
        max_length=300,
        help_text=_("For example, they lost it. They can see this reason."),
        error_messages={"required": _("Say why you are cancelling the card.")},
    )
