"""Demo accounts: one per role, all with the same published password."""

from allauth.account.models import EmailAddress

from .models import Role, RoleAssignment, User

DEMO_PASSWORD = "demo-coproduce-2026"  # noqa: S105 (published on purpose, demo only)

DEMO_ACCOUNTS = [
    ("admin@example.org", "Amara Okafor", [Role.ADMINISTRATOR]),
    ("lead@example.org", "Lewis Grant", [Role.LEAD]),
    ("staff@example.org", "Sam Patel", [Role.STAFF]),
    ("finance@example.org", "Fiona Walsh", [Role.FINANCE]),
    ("board@example.org", "Bea Mensah", [Role.BOARD]),
    ("coproducer@example.org", "Chris Doyle", [Role.COPRODUCER]),
    ("coproducer2@example.org", "Jordan Reyes", [Role.COPRODUCER, Role.STAFF]),
    # Chris's personal assistant, who acts for Chris (people/demo.py, meetings/demo.py) and
    # is copied in on Chris's messages (notifications/demo.py).
    ("supporter@example.org", "Robin Doyle", [Role.COPRODUCER]),
]

# What a sign-in shows beyond its roles.
DEMO_NOTES = {
    "coproducer2@example.org": "sees everything in Welsh",
    "supporter@example.org": "supporter acting for Chris Doyle; easy-to-read font on cream",
}

# Jordan chose Welsh: every page and message they get is in Welsh (decision 0038).
DEMO_LANGUAGES = {"coproducer2@example.org": "cy"}

# Robin reads more easily with Atkinson Hyperlegible on cream: the display settings'
# reading choices, as someone who chose them sees every page.
DEMO_DISPLAY = {"supporter@example.org": {"font": "hyperlegible", "tint": "cream"}}

# Staff accounts the self-assessment and learning demos share.
DEMO_STAFF = [
    "Priya Shah",
    "Tom Ellis",
    "Aisha Bello",
    "Gareth Lewis",
    "Mei Chen",
    "Rory Walsh",
]


def demo_staff():
    """Staff accounts for the demo, enough that averages are not hidden."""
    found = []
    for name in DEMO_STAFF:
        email = f"{name.lower().replace(' ', '.')}.staff@example.org"
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email, None, name=name)
            RoleAssignment.objects.create(user=user, role=Role.STAFF)
        found.append(user)
    return found


def load(log):
    for email, name, roles in DEMO_ACCOUNTS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email, DEMO_PASSWORD, name=name)
        chosen = {"language": DEMO_LANGUAGES.get(email, ""), **DEMO_DISPLAY.get(email, {})}
        if any(getattr(user, field) != value for field, value in chosen.items()):
            for field, value in chosen.items():
                setattr(user, field, value)
            user.save(update_fields=list(chosen))
        for role in roles:
            RoleAssignment.objects.get_or_create(user=user, role=role)
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
    log(f"Demo accounts: {len(DEMO_ACCOUNTS)}")


# Sign-ins other apps' demos add as they load, such as a sign-in card's code for the demo
# person with no email (notifications/demo.py): (what to type, what it is).
OTHER_SIGN_INS: list[tuple[str, str]] = []


def add_sign_in(login, description):
    OTHER_SIGN_INS.append((login, description))


def sign_ins():
    return [
        (
            email,
            ", ".join(
                [*(str(Role(role).label) for role in roles), *filter(None, [DEMO_NOTES.get(email)])]
            ),
        )
        for email, _, roles in DEMO_ACCOUNTS
    ] + OTHER_SIGN_INS
