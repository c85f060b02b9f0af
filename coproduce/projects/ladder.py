"""The seven rungs of TLAP's ladder of co-production, described in our own
words with the source named. Shipped by migration 0002; the organisation may edit them.
Stored in English; Rung.name_shown and description_shown translate the unedited ones."""

from django.utils.translation import gettext_noop

SOURCE_TITLE = "Think Local Act Personal: Co-production, the ladder of participation (2016)"
SOURCE_URL = (
    "https://www.thinklocalactpersonal.org.uk/Latest/Co-production-The-ladder-of-participation/"
)

RUNGS = [
    (
        1,
        gettext_noop("Coercion"),
        "doing_to",
        gettext_noop("People are made to attend, and what they think makes no difference."),
    ),
    (
        2,
        gettext_noop("Educating"),
        "doing_to",
        gettext_noop("People are helped to understand how a service works, and nothing more."),
    ),
    (
        3,
        gettext_noop("Informing"),
        "doing_for",
        gettext_noop("People are told how things work, what has been decided and why."),
    ),
    (
        4,
        gettext_noop("Consultation"),
        "doing_for",
        gettext_noop(
            "People are asked for their views, in surveys or meetings, but have no power to change the outcome."
        ),
    ),
    (
        5,
        gettext_noop("Engagement"),
        "doing_for",
        gettext_noop(
            "People have more chances to give their views and some influence, as far as those in charge allow."
        ),
    ),
    (
        6,
        gettext_noop("Co-design"),
        "doing_with",
        gettext_noop(
            "People design things together with real influence, but do not take part in seeing them through."
        ),
    ),
    (
        7,
        gettext_noop("Co-production"),
        "doing_with",
        gettext_noop(
            "An equal partnership from design to delivery: people share power and make decisions together."
        ),
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
