"""Demo co-producers: about forty made-up people with varied access needs and
preferences, plus profiles for the demo sign-ins. Safe to run again.

One of them has just joined: the other apps' demo data leave them out
(`involved_coproducers`), so the demo staff account works with everyone else
but not with them, and is refused their access passport; the demo lead has
recorded a reason to read it today, which shows in the read log."""

from datetime import timedelta

from django.utils import timezone

from coproduce.accounts.models import Role, RoleAssignment, User

from . import access, actions, consent
from .models import Authority, Profile

# name, pronouns, lived experience, interests, access requirements, in their own words,
# formats, contact methods, sharing choice
PEOPLE = [
    (
        "Aisha Rahman",
        "she/her",
        ["deaf"],
        ["health", "transport"],
        ["bsl", "captions"],
        "BSL is my first language. Please book interpreters, not just captions.",
        ["bsl"],
        ["email", "text"],
        "full",
    ),
    (
        "Ben Carter",
        "he/him",
        ["physical"],
        ["housing"],
        ["step_free", "accessible_toilet", "pa_attends"],
        "I use a power chair and my PA comes with me.",
        ["standard"],
        ["email"],
        "arrangements",
    ),
    (
        "Chloe Nwosu",
        "she/her",
        ["learning"],
        ["employment", "arts"],
        ["easy_read", "extra_time", "pa_attends"],
        "Easy Read papers a week before help me get ready.",
        ["easy_read"],
        ["phone", "post"],
        "full",
    ),
    (
        "Dev Sharma",
        "he/him",
        ["blind"],
        ["digital", "research"],
        ["screen_reader", "travel"],
        "I use a screen reader. Word documents work better than PDFs.",
        ["standard", "braille"],
        ["email"],
        "full",
    ),
    (
        "Erin Walsh",
        "they/them",
        ["neurodivergent", "mental_health"],
        ["education"],
        ["quiet_room", "breaks"],
        "Loud rooms overwhelm me. A quiet room and breaks every hour help.",
        ["standard"],
        ["email", "text"],
        "arrangements",
    ),
    (
        "Farid Haddad",
        "he/him",
        ["long_term"],
        ["health"],
        ["online", "breaks"],
        "I have ME. Online meetings of under an hour are best.",
        ["standard"],
        ["email"],
        "arrangements",
    ),
    (
        "Grace Osei",
        "she/her",
        ["carer"],
        ["social_care"],
        ["online", "welsh"],
        "I care for my son, so evenings online work best. Welsh is my first language.",
        ["standard"],
        ["text"],
        "full",
    ),
    (
        "Harry Lin",
        "he/him",
        ["deaf"],
        ["transport"],
        ["hearing_loop", "captions"],
        "I wear hearing aids. A working loop makes all the difference.",
        ["standard"],
        ["email"],
        "arrangements",
    ),
    (
        "Imani Brooks",
        "she/her",
        ["physical", "long_term"],
        ["housing", "social_care"],
        ["step_free", "breaks", "dietary"],
        "I tire easily and need a chair with arms.",
        ["large_print"],
        ["phone"],
        "arrangements",
    ),
    (
        "Jack Murphy",
        "he/him",
        ["mental_health"],
        ["employment"],
        ["extra_time"],
        "Please send questions before the meeting so I can think about them.",
        ["standard"],
        ["email"],
        "none",
    ),
]
FIRST = [
    "Kemi",
    "Liam",
    "Maya",
    "Noah",
    "Olu",
    "Priya",
    "Quinn",
    "Rosa",
    "Sami",
    "Tom",
    "Uma",
    "Vik",
    "Wendy",
    "Xander",
    "Yasmin",
    "Zoe",
    "Adam",
    "Bea",
    "Cal",
    "Dina",
    "Eli",
    "Fay",
    "Gus",
    "Hana",
    "Ike",
    "Jo",
    "Kai",
    "Lola",
    "Milo",
    "Nia",
]
LAST = [
    "Adeyemi",
    "Bell",
    "Chen",
    "Davies",
    "Evans",
    "Fraser",
    "Gill",
    "Hughes",
    "Iqbal",
    "Jones",
    "Khan",
    "Lewis",
    "Morris",
    "Nolan",
    "Owen",
    "Price",
    "Quigley",
    "Reid",
    "Singh",
    "Taylor",
]
NEWCOMER = (
    "Nadia Kowalski",
    "she/her",
    ["physical", "long_term"],
    ["transport"],
    ["step_free", "breaks", "online"],
    "I use a walking frame and get tired after an hour.",
    ["large_print"],
    ["phone"],
    "arrangements",
)
NEWCOMER_EMAIL = "nadia.kowalski@example.org"
NEWCOMER_REASON = "Helping Nadia by phone to fill in her first travel claim"
DEMO_SIGN_INS = {
    "coproducer@example.org": PEOPLE[0][1:],
    "coproducer2@example.org": PEOPLE[4][1:],
}


def _fill(user, index, details):
    pronouns, lived, interests, requirements, words, formats, contact, sharing = details
    actions.save_profile(
        person=user,
        changed_by=user,
        data={
            "name": user.name,
            "pronouns": pronouns,
            "phone": f"07700 900{index:03d}",
            "contact_methods": contact,
            "formats": formats,
            "lived_experience": lived,
            "interests": interests,
            "best_times": ["Mornings", "Afternoons", "Evenings"][index % 3],
            "availability": ["Weekdays", "Tuesdays and Thursdays", "Weekends"][index % 3],
            "skills": [
                "Chairing meetings",
                "Peer support",
                "Writing Easy Read",
                "Research interviews",
            ][index % 4],
            "payment_preference": ["bank", "voucher", "decline", "donate", "bank"][index % 5],
        },
    )
    actions.save_passport(
        person=user,
        changed_by=user,
        requirements=requirements,
        own_words=words,
        dietary="Vegetarian" if "dietary" in requirements else "",
        other_arrangements="",
        sharing=sharing,
    )
    actions.record_consent(
        person=user, recorded_by=user, purpose=consent.CONTACT, given=index % 7 != 0
    )
    Profile.objects.filter(user=user).update(
        last_involved=None if index % 6 == 0 else timezone.localdate() - timedelta(days=index * 23)
    )


def _variant(index):
    base = PEOPLE[index % len(PEOPLE)]
    return base[1:]


def involved_coproducers():
    """The co-producers the other apps' demo data put on teams, invite and select:
    everyone but the newcomer, and Chris's personal assistant, who comes as a supporter."""
    return User.objects.filter(role_assignments__role=Role.COPRODUCER).exclude(
        email__in=[NEWCOMER_EMAIL, SUPPORTER_EMAIL]
    )


def _add_newcomer(log):
    if User.objects.filter(email=NEWCOMER_EMAIL).exists():
        return
    newcomer = User.objects.create_user(NEWCOMER_EMAIL, None, name=NEWCOMER[0])
    RoleAssignment.objects.create(user=newcomer, role=Role.COPRODUCER)
    _fill(newcomer, len(PEOPLE) + len(DEMO_SIGN_INS), NEWCOMER[1:])
    Profile.objects.filter(user=newcomer).update(last_involved=None)
    lead = User.objects.get(email="lead@example.org")
    actions.record_passport_reason(person=newcomer, viewer=lead, reason=NEWCOMER_REASON)
    access.arrangements_for(newcomer, lead, "Opened their access passport page")
    log(f"Demo newcomer nobody works with yet: {newcomer.name} (the lead recorded a reason)")


SUPPORTER_EMAIL = "supporter@example.org"


def _add_supporter_acting(log):
    """Robin, Chris's personal assistant, may reply to Chris's invitations and see Chris's
    meetings (the reply Robin makes is in meetings/demo.py)."""
    chris = User.objects.get(email="coproducer@example.org")
    if Authority.objects.current().filter(person=chris).exists():
        return
    authority = actions.grant_authority(
        person=chris,
        email=SUPPORTER_EMAIL,
        powers=["reply_to_invitations", "see_meetings_and_papers"],
    )
    log(f"Demo supporter: {authority.supporter} may act for {chris}")


def load(log):
    _add_newcomer(log)
    _add_supporter_acting(log)
    added = 0
    for email, details in DEMO_SIGN_INS.items():
        user = User.objects.filter(email=email).first()
        if user and not Profile.objects.filter(user=user).exists():
            _fill(user, len(PEOPLE) + added, details)
            added += 1
    for index in range(40):
        if index < len(PEOPLE):
            name, details = PEOPLE[index][0], PEOPLE[index][1:]
        else:
            name = f"{FIRST[index % len(FIRST)]} {LAST[index % len(LAST)]}"
            details = _variant(index)
        email = f"{name.lower().replace(' ', '.')}@example.org"
        if User.objects.filter(email=email).exists():
            continue
        user = User.objects.create_user(email, None, name=name)
        RoleAssignment.objects.create(user=user, role=Role.COPRODUCER)
        _fill(user, index, details)
        added += 1
    log(f"Demo co-producers with profiles and access passports: {added} added")
