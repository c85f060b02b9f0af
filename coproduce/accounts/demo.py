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
DEMO_NOTES = {"supporter@example.org": "supporter acting for Chris Doyle"}

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
        for role in roles:
            RoleAssignment.objects.get_or_create(user=user, role=role)
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
    log(f"Demo accounts: {len(DEMO_ACCOUNTS)}")


def sign_ins():
    return [
        (
            email,
            ", ".join(
                [*(str(Role(role).label) for role in roles), *filter(None, [DEMO_NOTES.get(email)])]
            ),
        )
        for email, _, roles in DEMO_ACCOUNTS
    ]
