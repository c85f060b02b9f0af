"""Realistic records for one person, used by the authorisation table, the crawl
and the rights tests."""

from coproduce.people import actions
from coproduce.people.models import Sharing


def fill_in_person(person, *, staff):
    """Profile, support network, passport, consent and equality answers, as a
    co-producer would fill them in, plus one change made for them by staff."""
    actions.save_profile(
        person=person,
        changed_by=person,
        data={
            "name": person.name,
            "pronouns": "they/them",
            "phone": "07700 900123",
            "address": "12 Example Street\nLeeds\nLS1 1AA",
            "contact_methods": ["email", "text"],
            "formats": ["easy_read", "large_print"],
            "best_times": "Weekday mornings",
            "lived_experience": ["deaf", "mental_health"],
            "lived_experience_other": "Long Covid since 2021",
            "interests": ["transport", "housing"],
            "skills": "Chairing meetings; BSL; writing Easy Read",
            "availability": "Tuesday and Thursday afternoons",
            "payment_preference": "bank",
            "emergency_contact_name": "Pat Example",
            "emergency_contact_phone": "07700 900456",
        },
    )
    actions.add_supporter(
        person=person,
        data={
            "name": "Robin Helper",
            "relationship": "pa",
            "email": "robin.helper@example.org",
            "phone": "",
            "copy_in": True,
            "copy_topics": ["meetings", "payments"],
        },
    )
    actions.save_passport(
        person=person,
        changed_by=person,
        requirements=["bsl", "captions", "breaks", "quiet_room", "step_free"],
        own_words="I am Deaf and BSL is my first language. "
        "Long meetings tire me out, so I need breaks.",
        dietary="Vegetarian",
        other_arrangements="Send papers a week before, please.",
        sharing=Sharing.ARRANGEMENTS,
    )
    actions.record_consent(person=person, recorded_by=person, purpose="contact", given=True)
    actions.record_consent(person=person, recorded_by=person, purpose="photos", given=False)
    actions.record_consent(
        person=person,
        recorded_by=staff,
        purpose="case_studies",
        given=True,
        reason="Agreed on the phone on 3 March",
    )
    actions.save_equality(
        person=person,
        data={
            "age_band": "35-44",
            "disabled": "yes",
            "ethnicity": "black",
            "gender": "prefer_not",
            "trans": "yes",
            "sexuality": "bisexual",
            "religion": "none",
            "carer": "no",
        },
    )
    actions.save_profile(
        person=person,
        changed_by=staff,
        data={"availability": "Tuesday afternoons only"},
        reason="They phoned to say Thursdays no longer work",
    )
    return person
