"""The SCIE whole-system model ("jigsaw") as statements, in our own words.
Source: SCIE Guide 51, Co-production in social care: what it is and how to do it.
The text is stored in English and shown translated (`gettext(statement.text)`)."""

from django.utils.translation import gettext_noop

SCIE = {
    "name": gettext_noop("SCIE whole-system model (the jigsaw)"),
    "description": gettext_noop(
        "Four areas an organisation changes together so co-production runs through "
        "everything it does: culture, structure, practice and review. Statements written "
        "in our own words from SCIE's recommendations."
    ),
    "source_title": gettext_noop(
        "SCIE Guide 51: Co-production in social care – what it is and how to do it"
    ),
    "source_url": "https://www.scie.org.uk/publications/guides/guide51/how-to-do-coproduction/",
    "statements": [
        (
            "culture",
            gettext_noop("Everyone here shares one understanding of what co-production means."),
        ),
        (
            "culture",
            gettext_noop("We have agreed principles for how we co-produce, and we use them."),
        ),
        ("culture", gettext_noop("Senior leaders and the board visibly back co-production.")),
        (
            "culture",
            gettext_noop(
                "We weigh up risks sensibly instead of using them as a reason not to try."
            ),
        ),
        (
            "culture",
            gettext_noop(
                "We see our job as making things possible with people, not doing things to them."
            ),
        ),
        (
            "structure",
            gettext_noop("Disabled people are involved from the very start of a piece of work."),
        ),
        (
            "structure",
            gettext_noop("People who take part are paid or rewarded fairly and on time."),
        ),
        (
            "structure",
            gettext_noop("There is a budget that covers the real costs of co-production."),
        ),
        (
            "structure",
            gettext_noop("We tell people how decisions are made and what happened to their ideas."),
        ),
        ("structure", gettext_noop("We build on groups and networks that already exist.")),
        (
            "practice",
            gettext_noop("Meetings, papers and places are accessible to everyone who takes part."),
        ),
        (
            "practice",
            gettext_noop("Everyone gets the information they need to take part in decisions."),
        ),
        (
            "practice",
            gettext_noop("Staff are trained in co-production and have time to do it well."),
        ),
        (
            "practice",
            gettext_noop(
                "People with lived experience can meet on their own as well as with staff."
            ),
        ),
        (
            "practice",
            gettext_noop("We support people to build skills and confidence to take part."),
        ),
        (
            "review",
            gettext_noop(
                "We check how well co-production is working, together with Disabled people."
            ),
        ),
        (
            "review",
            gettext_noop("We measure what matters to the people involved, not just what is easy."),
        ),
        (
            "review",
            gettext_noop("We regularly look again at our aims and principles for co-production."),
        ),
        ("review", gettext_noop("We show what changed because people took part.")),
    ],
}


def load_scie(Framework, Statement):  # noqa: N803 (model classes, possibly historical)
    framework, created = Framework.objects.get_or_create(
        name=SCIE["name"],
        defaults={k: SCIE[k] for k in ("description", "source_title", "source_url")},
    )
    if created:
        Statement.objects.bulk_create(
            Statement(framework=framework, area=area, order=number, text=text)
            for number, (area, text) in enumerate(SCIE["statements"], start=1)
        )
    return framework
