"""Made-up equality answers for the demo co-producers, so the dashboard's reach
figures have something to count (and to hide when groups are small)."""

import itertools

from coproduce.accounts.models import Role, User
from coproduce.people import actions
from coproduce.people.models import EqualityMonitoring

AGES = ["25-34", "35-44", "45-54", "55-64", "35-44", "prefer_not"]
ETHNICITIES = ["white", "white", "black", "asian", "white", "mixed", "black"]
GENDERS = ["woman", "man", "woman", "non_binary", "man", "woman"]


def load(log):
    if EqualityMonitoring.objects.exists():
        log("Demo equality answers: already there")
        return
    people = User.objects.filter(role_assignments__role=Role.COPRODUCER).order_by("pk")
    answers = zip(
        itertools.cycle(AGES), itertools.cycle(ETHNICITIES), itertools.cycle(GENDERS), strict=False
    )
    added = 0
    for person, (age, ethnicity, gender) in zip(people, answers, strict=False):
        actions.save_equality(
            person=person,
            data={"age_band": age, "ethnicity": ethnicity, "gender": gender, "disabled": "yes"},
        )
        added += 1
    log(f"Demo equality answers: {added} co-producers")
