from django import forms
from django.utils.translation import gettext

from . import kinds
from .models import Channel


class PreferencesForm(forms.Form):
    """One question per kind of message: how should we tell you?"""

    def __init__(self, *args, choosable, current, contact, **kwargs):
        super().__init__(*args, **kwargs)
        self.contact = contact  # {"phone": bool, "address": bool}
        for kind in choosable:
            self.fields[kind.key] = forms.ChoiceField(
                label=kind.label,
                help_text=kind.description,
                choices=Channel.choices,
                initial=current[kind.key],
                widget=forms.RadioSelect,
                error_messages={
                    "required": gettext("Choose how we tell you about: %(kind)s.")
                    % {"kind": kind.label}
                },
            )

    def clean(self):
        cleaned = super().clean()
        for key, channel in list(cleaned.items()):
            label = kinds.get(key).label
            if channel in (Channel.TEXT, Channel.PHONE) and not self.contact["phone"]:
                self.add_error(
                    key,
                    gettext(
                        "%(kind)s: add your phone number to your profile first, or choose "
                        "another way."
                    )
                    % {"kind": label},
                )
            elif channel == Channel.LETTER and not self.contact["address"]:
                self.add_error(
                    key,
                    gettext(
                        "%(kind)s: add your postal address to your profile first, or choose "
                        "another way."
                    )
                    % {"kind": label},
                )
        return cleaned
