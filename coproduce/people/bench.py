"""People for the benchmark: mostly co-producers, some staff and leads, with profiles,
tags, access passports and equality answers in realistic proportions."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.db.models import Max
from django.utils import timezone

from coproduce.accounts.models import Role, RoleAssignment, User
from coproduce.lib.generation import Loading, days_ago, random_choice_fields, scaled

from .models import (
    AccessPassport,
    AccessRequirement,
    EqualityMonitoring,
    Interest,
    LivedExperience,
    Profile,
    ProfileTag,
    Requirement,
)

FIRST = [
    "Ada",
    "Ben",
    "Chloe",
    "Dev",
    "Esme",
    "Farah",
    "Gus",
    "Hana",
    "Idris",
    "Jo",
    "Kofi",
    "Lena",
    "Mo",
    "Nia",
    "Owen",
    "Priya",
    "Rhys",
    "Sam",
    "Tariq",
    "Zoe",
]
LAST = [
    "Ahmed",
    "Brown",
    "Clarke",
    "Davies",
    "Evans",
    "Fox",
    "Green",
    "Hughes",
    "Iqbal",
    "Jones",
    "Khan",
    "Lewis",
    "Patel",
    "Roberts",
    "Smith",
    "Taylor",
    "Walsh",
]


def generate(scale, rng, log):
    count = scaled(20_000, scale, minimum=200)
    before = User.objects.aggregate(last=Max("pk"))["last"] or 0
    now = timezone.now()
    with Loading(log) as load:
        people = load.table(User, ["email", "name", "password", "date_joined"], expected=count)
        for n in range(count):
            people.add(
                (
                    f"person{before + n}@bench.example.org",
                    f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                    "!",  # unusable: cannot sign in; the bench accounts can
                    now - timedelta(days=rng.randint(0, 2000)),
                )
            )
    users = list(User.objects.filter(pk__gt=before).values_list("pk", "email"))
    preferences = [value for value, _ in Profile._meta.get_field("payment_preference").flatchoices]
    with Loading(log) as load:
        roles = load.table(RoleAssignment, ["user_id", "role"], expected=count)
        addresses = load.table(
            EmailAddress, ["user_id", "email", "verified", "primary"], expected=count
        )
        profiles = load.table(
            Profile, ["user_id", "last_involved", "payment_preference"], expected=count
        )
        for user_id, email in users:
            roll = rng.random()
            role = Role.COPRODUCER if roll < 0.86 else Role.STAFF if roll < 0.97 else Role.LEAD
            roles.add((user_id, role))
            addresses.add((user_id, email, True, True))
            profiles.add(
                (
                    user_id,
                    days_ago(rng, 900) if rng.random() < 0.7 else None,
                    rng.choice(preferences) if preferences else "",
                )
            )
    lived = [value for value, _ in LivedExperience.choices]
    interests = [value for value, _ in Interest.choices]
    with Loading(log) as load:
        tags = load.table(ProfileTag, ["profile_id", "kind", "value"], expected=count * 7 // 2)
        passports = load.table(AccessPassport, ["user_id"], expected=count * 45 // 100)
        equality = load.table(
            EqualityMonitoring,
            ["user_id", *random_choice_fields(EqualityMonitoring, rng)],
            expected=count * 6 // 10,
        )
        for profile_id in Profile.objects.filter(user_id__gt=before).values_list("pk", flat=True):
            for value in rng.sample(lived, rng.randint(0, 3)):
                tags.add((profile_id, "lived_experience", value))
            for value in rng.sample(interests, rng.randint(0, 4)):
                tags.add((profile_id, "interest", value))
        for user_id, _ in users:
            if rng.random() < 0.45:
                passports.add((user_id,))
            if rng.random() < 0.6:
                answers = random_choice_fields(EqualityMonitoring, rng)
                equality.add((user_id, *answers.values()))
    codes = [value for value, _ in Requirement.choices]
    with Loading(log) as load:
        requirements = load.table(AccessRequirement, ["passport_id", "code"])
        for passport_id in AccessPassport.objects.filter(user_id__gt=before).values_list(
            "pk", flat=True
        ):
            for code in rng.sample(codes, rng.randint(1, 4)):
                requirements.add((passport_id, code))
    log(f"    {len(users)} people, {tags.count} tags, {requirements.count} access requirements")
