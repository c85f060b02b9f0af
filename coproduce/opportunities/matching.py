"""Which interests an opportunity matches, from the topics staff give it.

A person's interests are the fixed list in `people.models.Interest`; an opportunity's
topics are words staff choose ("transport, buses"). A topic matches an interest when one
of its words is a word of the interest's name ("Transport", "Work and benefits") or of its
code, so "mental health" matches "Health services" and "benefits advice" matches "Work
and benefits". Used for the opportunity alert (opportunities.nudges) and anywhere else
that shows people opportunities for their interests."""

import re

from coproduce.people.models import Interest

# Words too common to say what an opportunity is about.
NOT_TOPICS = {"and", "inclusion", "services", "support"}


def _words(text):
    return set(re.findall(r"[a-z]+", text.lower())) - NOT_TOPICS


INTEREST_WORDS = {
    interest.value: _words(interest.label) | _words(interest.value.replace("_", " "))
    for interest in Interest
}


def interests_of(opportunity):
    """The interest codes the opportunity's topics match, as a set."""
    words = _words(opportunity.topics)
    return {code for code, interest_words in INTEREST_WORDS.items() if words & interest_words}
