"""The seven rungs of TLAP's ladder of co-production, described in our own
words with the source named. Shipped by migration 0002; the organisation may edit them."""

SOURCE_TITLE = "Think Local Act Personal: Co-production, the ladder of participation (2016)"
SOURCE_URL = (
    "https://www.thinklocalactpersonal.org.uk/Latest/Co-production-The-ladder-of-participation/"
)

RUNGS = [
    (
        1,
        "Coercion",
        "doing_to",
        "People are made to attend, and what they think makes no difference.",
    ),
    (
        2,
        "Educating",
        "doing_to",
        "People are helped to understand how a service works, and nothing more.",
    ),
    (
        3,
        "Informing",
        "doing_for",
        "People are told how things work, what has been decided and why.",
    ),
    (
        4,
        "Consultation",
        "doing_for",
        "People are asked for their views, in surveys or meetings, but have no power to change the outcome.",
    ),
    (
        5,
        "Engagement",
        "doing_for",
        "People have more chances to give their views and some influence, as far as those in charge allow.",
    ),
    (
        6,
        "Co-design",
        "doing_with",
        "People design things together with real influence, but do not take part in seeing them through.",
    ),
    (
        7,
        "Co-production",
        "doing_with",
        "An equal partnership from design to delivery: people share power and make decisions together.",
    ),
]


def load_default_rungs(Rung):  # noqa: N803 (a model class, possibly historical)
    """Adds any missing rung; leaves edited ones alone."""
    for number, name, group, description in RUNGS:
        Rung.objects.get_or_create(
            number=number,
            defaults={
                "name": name,
                "group": group,
                "description": description,
                "source_title": SOURCE_TITLE,
                "source_url": SOURCE_URL,
            },
        )
