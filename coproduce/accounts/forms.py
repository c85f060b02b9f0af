from allauth.account import forms as allauth_forms
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.base import forms as mfa_forms
from allauth.mfa.models import Authenticator
from allauth.mfa.webauthn import forms as webauthn_forms
from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from . import display
from .models import Contrast, Font, Role, TextSize, Tint, User


class DisplayPreferencesForm(forms.Form):
    text_size = forms.TypedChoiceField(
        label=_("Text size"),
        choices=TextSize.choices,
        coerce=int,
        widget=forms.RadioSelect,
        initial=TextSize.NORMAL,
    )
    contrast = forms.ChoiceField(
        label=_("Colours"),
        choices=Contrast.choices,
        widget=forms.RadioSelect,
        initial=Contrast.STANDARD,
    )
    wide_spacing = forms.BooleanField(
        label=_("Dyslexia-friendly spacing"),
        required=False,
        help_text=_("More space between lines, letters and words, and shorter lines of text."),
    )
    reduce_motion = forms.BooleanField(
        label=_("Reduce motion"),
        required=False,
        help_text=_("Turns off animation and moving effects."),
    )
    # Not required: a form from before these choices existed keeps the defaults.
    font = forms.ChoiceField(
        label=_("Font"),
        choices=Font.choices,
        widget=forms.RadioSelect,
        initial=Font.STANDARD,
        required=False,
        help_text=_("Some people with dyslexia find one of these fonts easier to read."),
    )
    tint = forms.ChoiceField(
        label=_("Background tint"),
        choices=Tint.choices,
        widget=forms.RadioSelect,
        initial=Tint.NONE,
        required=False,
        help_text=_(
            "A soft colour behind the text, which some people find easier on the eyes. "
            "High contrast colours replace the tint."
        ),
    )

    FIELDS = display.FIELDS

    def clean_font(self):
        return self.cleaned_data["font"] or Font.STANDARD

    def clean_tint(self):
        return self.cleaned_data["tint"] or Tint.NONE


ROLE_CHOICES = [(role.value, role.label) for role in Role]


class RolesField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(choices=ROLE_CHOICES, label=_("Roles"), **kwargs)


class InvitationForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=150, help_text=_("The name they like to be called.")
    )
    email = forms.EmailField(label=_("Email address"), max_length=254)
    roles = RolesField(help_text=_("Choose every role they will hold. A person can hold several."))

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _("Someone already has an account with this email address.")
            )
        return email


class RolesForm(forms.Form):
    roles = RolesField(required=False, help_text=_("Choose every role this person holds."))


class AcceptInvitationForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"), max_length=150, help_text=_("The name you like to be called.")
    )
    password1 = forms.CharField(
        label=_("Create a password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters. A few words together are easy to remember."),
    )
    password2 = forms.CharField(
        label=_("Type the password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email, **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error(
                "password2", "The two passwords are different. Type the same password twice."
            )
        if first:
            try:
                password_validation.validate_password(
                    first, User(email=self.email, name=cleaned.get("name", ""))
                )
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class AccountSearchForm(forms.Form):
    q = forms.CharField(label=_("Name or email"), required=False, max_length=100)
    role = forms.ChoiceField(
        label=_("Role"), required=False, choices=[("", _("Any role")), *ROLE_CHOICES]
    )


class LoginForm(allauth_forms.LoginForm):
    """allauth's sign-in form with our own plain-English labels."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("Email address")
        self.fields["login"].widget.attrs.pop("placeholder", None)
        self.fields["password"].label = _("Password")
        self.fields["password"].widget.attrs.pop("placeholder", None)
        # The page itself links to password reset, next to the form.
        self.fields["password"].help_text = ""


def _label(form: forms.Form, labels: dict[str, object]) -> None:
    """Our own words for allauth's fields, which ship no Welsh; no placeholders."""
    for name, label in labels.items():
        if name in form.fields:
            form.fields[name].label = label
            form.fields[name].widget.attrs.pop("placeholder", None)


class ChangePasswordForm(allauth_forms.ChangePasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _label(
            self,
            {
                "oldpassword": _("Your current password"),
                "password1": _("New password"),
                "password2": _("Type the new password again"),
            },
        )
        # The page links to password reset itself, below the form.
        self.fields["oldpassword"].help_text = ""


class ResetPasswordForm(allauth_forms.ResetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _label(self, {"email": _("Email address")})


class ResetPasswordKeyForm(allauth_forms.ResetPasswordKeyForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _label(
            self, {"password1": _("New password"), "password2": _("Type the new password again")}
        )


class AddEmailForm(allauth_forms.AddEmailForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _label(self, {"email": _("Email address")})


class AuthenticateForm(mfa_forms.AuthenticateForm):
    """The code asked for after the password, in plain English."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        code = self.fields["code"]
        code.label = _("Code")
        code.help_text = _("The 6-digit code your app shows now, or one of your recovery codes.")
        code.widget.attrs.pop("placeholder", None)
        code.widget.attrs.update(spellcheck="false", autocapitalize="off")


class AuthenticateWithPasskeyForm(webauthn_forms.AuthenticateWebAuthnForm):
    """The passkey way through the step after the password, offered only to people
    who have added a passkey."""

    @property
    def has_passkeys(self):
        return Authenticator.objects.filter(
            user=self.user, type=Authenticator.Type.WEBAUTHN
        ).exists()


def passkey_name_field(required):
    return forms.CharField(
        label=_("Name for this passkey"),
        max_length=100,
        required=required,
        help_text=_("To tell your passkeys apart, for example “Work laptop” or “My phone”."),
        error_messages={"required": _("Enter a name for this passkey.")},
    )


class AddPasskeyForm(webauthn_forms.AddWebAuthnForm):
    """Adding a passkey. The browser makes the credential when the person selects the
    button; a form sent without one (Enter pressed in the name box) says what to do."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Optional: allauth names a passkey left without one.
        self.fields["name"] = passkey_name_field(required=False)
        self.fields["passwordless"].label = _("Use it to sign in without your password")
        self.fields["passwordless"].help_text = (
            "Each time, your device asks for your fingerprint, face, PIN or screen lock. "
            "Some security keys cannot do this: if adding one fails, untick this and try again."
        )
        self.initial.setdefault("passwordless", True)
        self.fields["credential"].required = False

    def clean(self):
        try:
            cleaned = super().clean()
        except (ValueError, KeyError) as error:
            # allauth reads the browser's answer with fido2, which raises these for
            # answers it cannot decode (bad base64, missing parts); allauth lets them
            # through as server errors. A forged or broken answer is only a wrong one.
            raise get_mfa_adapter().validation_error("incorrect_code") from error
        if not cleaned.get("credential") and "credential" not in self.errors:
            raise forms.ValidationError(
                _(
                    "The passkey was not created. Select “Create the passkey” and follow the "
                    "steps your browser shows."
                )
            )
        return cleaned


class RenamePasskeyForm(webauthn_forms.EditWebAuthnForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"] = passkey_name_field(required=True)
