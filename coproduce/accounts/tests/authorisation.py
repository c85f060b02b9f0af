from coproduce.tests.authorisation import (
    LOGIN,
    NOT_FOUND,
    OK,
    POST_ONLY,
    REDIRECT,
    Row,
    custom,
    everyone,
    only,
    signed_in,
    visitors_only,
)


def sample_objects(people):
    from coproduce.accounts.models import Invitation

    invitation = Invitation.objects.create(
        email="invited@example.org", name="Invited person", roles=["coproducer"]
    )
    return {"invitation": invitation}


def post_only_for_admin():
    return only("administrator", status=POST_ONLY, crawl=False)


ROWS = {
    # Our own pages
    "accounts:home": signed_in(),
    "accounts:display_settings": everyone(),
    "accounts:extend_session": everyone(POST_ONLY, crawl=False),
    "accounts:language": everyone(POST_ONLY, crawl=False),
    "accounts:accept_invitation": everyone(kwargs=lambda f: {"token": f["invitation"].token}),
    "accounts:account_list": only("administrator"),
    "accounts:invite": only("administrator"),
    "accounts:account_detail": only(
        "administrator", kwargs=lambda f: {"pk": f["people"]["staff"].pk}
    ),
    "accounts:set_active": Row(
        post_only_for_admin().expect, kwargs=lambda f: {"pk": f["people"]["staff"].pk}, crawl=False
    ),
    "accounts:resend_invitation": Row(
        post_only_for_admin().expect, kwargs=lambda f: {"pk": f["invitation"].pk}, crawl=False
    ),
    "accounts:cancel_invitation": Row(
        post_only_for_admin().expect, kwargs=lambda f: {"pk": f["invitation"].pk}, crawl=False
    ),
    # django-allauth: sign-in, password, email and two-factor pages
    "account_login": visitors_only(),
    "account_logout": custom(REDIRECT, OK),
    "account_inactive": everyone(),
    "account_signup": visitors_only(notes="Shows that accounts are by invitation only."),
    "account_reauthenticate": signed_in(),
    "account_request_reauthentication_code": signed_in(),
    "account_confirm_reauthentication_code": signed_in(REDIRECT, crawl=False),
    "account_email": signed_in(),
    "account_email_verification_sent": everyone(),
    "account_change_password": signed_in(),
    "account_set_password": signed_in(REDIRECT),
    "account_reset_password": everyone(),
    "account_confirm_login_code": signed_in(
        REDIRECT, crawl=False, notes="Only during sign-in by code."
    ),
    "account_confirm_email": everyone(kwargs=lambda f: {"key": "not-a-real-key"}),
    "account_reset_password_from_key_done": everyone(),
    "account_reset_password_from_key": everyone(
        kwargs=lambda f: {"uidb36": "1", "key": "not-a-real-key"}
    ),
    "account_reset_password_done": everyone(),
    "mfa_index": signed_in(),
    "mfa_authenticate": signed_in(REDIRECT, crawl=False, notes="Only during sign-in."),
    "mfa_reauthenticate": signed_in(
        REDIRECT, notes="Without an authenticator, goes to password check."
    ),
    "mfa_activate_totp": signed_in(REDIRECT, notes="Asks for the password again first."),
    "mfa_deactivate_totp": signed_in(NOT_FOUND, notes="Nothing to turn off until TOTP is set up."),
    "mfa_view_recovery_codes": signed_in(NOT_FOUND, notes="No codes until TOTP is set up."),
    "mfa_generate_recovery_codes": signed_in(REDIRECT, notes="Asks for the password again first."),
    "mfa_download_recovery_codes": signed_in(NOT_FOUND, crawl=False),
    # Passkeys (WebAuthn). Adding, renaming and removing one ask for the password again
    # first; test_passkeys_in_the_browser checks those pages with axe.
    "mfa_list_webauthn": signed_in(),
    "mfa_add_webauthn": signed_in(REDIRECT, notes="Asks for the password again first."),
    "mfa_reauthenticate_webauthn": signed_in(
        REDIRECT, notes="Without a passkey, goes to the password check."
    ),
    "mfa_edit_webauthn": signed_in(
        REDIRECT, kwargs=lambda f: {"pk": 1}, crawl=False, notes="Asks for the password first."
    ),
    "mfa_remove_webauthn": signed_in(
        REDIRECT, kwargs=lambda f: {"pk": 1}, crawl=False, notes="Asks for the password first."
    ),
    "mfa_login_webauthn": custom(
        LOGIN,
        REDIRECT,
        crawl=False,
        notes="The sign-in page's script fetches the passkey request here; a visit goes to "
        "the sign-in page, or home when signed in.",
    ),
}
