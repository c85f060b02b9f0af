"""People for the benchmark: mostly co-producers, some staff and leads, with profiles,
tags, access passports and equality answers in realistic proportions."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.db.models import Max
from django.utils import timezone

from coproduce.accounts.models import Role, RoleAssignment, User
from coproduce.lib.generation import bulk, days_ago, random_choice_fields, scaled

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
    bulk(
        User,
        [
            User(
                email=f"person{before + n}@bench.example.org",
                name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                password="!",  # noqa: S106 (unusable: cannot sign in; the bench accounts can)
                date_joined=now - timedelta(days=rng.randint(0, 2000)),
            )
            for n in range(count)
        ],
    )
    users = list(User.objects.filter(pk__gt=before).only("pk", "email"))
    roles, addresses, profiles = [], [], []
    for user in users:
        roll = rng.random()
        role = Role.COPRODUCER if roll < 0.86 else Role.STAFF if roll < 0.97 else Role.LEAD
        roles.append(RoleAssignment(user=user, role=role))
        addresses.append(EmailAddress(user=user, email=user.email, verified=True, primary=True))
        profiles.append(
            Profile(
                user=user,
                last_involved=days_ago(rng, 900) if rng.random() < 0.7 else None,
                payment_preference=random_choice_fields(Profile, rng).get("payment_preference", ""),
            )
        )
    bulk(RoleAssignment, roles)
    bulk(EmailAddress, addresses)
    bulk(Profile, profiles)
    lived = [value for value, _ in LivedExperience.choices]
    interests = [value for value, _ in Interest.choices]
    tags = []
    for profile in Profile.objects.filter(user_id__gt=before).only("pk"):
        for value in rng.sample(lived, rng.randint(0, 3)):
            tags.append(ProfileTag(profile_id=profile.pk, kind="lived_experience", value=value))
        for value in rng.sample(interests, rng.randint(0, 4)):
            tags.append(ProfileTag(profile_id=profile.pk, kind="interest", value=value))
    bulk(ProfileTag, tags)
    passports = [AccessPassport(user=user) for user in users if rng.random() < 0.45]
    bulk(AccessPassport, passports)
    codes = [value for value, _ in Requirement.choices]
    requirements = [
        AccessRequirement(passport_id=passport.pk, code=code)
        for passport in AccessPassport.objects.filter(user_id__gt=before).only("pk")
        for code in rng.sample(codes, rng.randint(1, 4))
    ]
    bulk(AccessRequirement, requirements)
    bulk(
        EqualityMonitoring,
        [
            EqualityMonitoring(user=user, **random_choice_fields(EqualityMonitoring, rng))
            for user in users
            if rng.random() < 0.6
        ],
    )
    log(f"    {len(users)} people, {len(tags)} tags, {len(requirements)} access requirements")
