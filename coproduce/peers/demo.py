"""Demo peer support: Chris (the demo co-producer) is supported by Jordan (the second
demo co-producer), with check-ins; Jordan also supports someone who is due a check-in;
the newcomer is waiting for a peer supporter, so the lead has someone to pair; and
Chris started a lived-experience panel with a notice, which the demo staff member was
invited to. Safe to run again."""

from datetime import timedelta

from django.utils import timezone

from coproduce.accounts.models import User

from . import actions
from .models import CheckIn, Pairing, PeerGroup

OFFERS = [
    (
        "coproducer2@example.org",
        "I have been on three project teams. I can help you get ready for meetings and "
        "explain how claiming works.",
        ["phone", "video", "in_person"],
    ),
    (
        "aisha.rahman@example.org",
        "I am happy to meet before your first meeting, by text or video.",
        ["messages", "video"],
    ),
    (
        "ben.carter@example.org",
        "Someone to talk to about taking part when you are worried about benefits.",
        ["phone", "email"],
    ),
]


def _offer(email, can_offer, ways):
    person = User.objects.filter(email=email).first()
    if person is None:
        return None
    actions.save_offer(
        person=person,
        can_offer=can_offer,
        ways=ways,
        use_lived_experience=True,
        available=True,
    )
    return person


def _pair(person, supporter, lead, days_ago, hoping_for, check_ins):
    request = actions.ask_for_support(
        person=person, hoping_for=hoping_for, ways=["phone", "video"], use_lived_experience=True
    )
    pairing = actions.pair(request=request, supporter=supporter, by=lead)
    today = timezone.localdate()
    Pairing.objects.filter(pk=pairing.pk).update(
        started_at=timezone.now() - timedelta(days=days_ago)
    )
    for ago, how, note in check_ins:
        actions.record_check_in(
            pairing=pairing,
            held_on=today - timedelta(days=ago),
            how_it_went=how,
            note=note,
            by=supporter,
        )
    return pairing


def load(log):
    if Pairing.objects.exists() or PeerGroup.objects.exists():
        log(f"Demo peer support: {Pairing.objects.count()} pairings (already there)")
        return
    lead = User.objects.get(email="lead@example.org")
    chris = User.objects.get(email="coproducer@example.org")
    supporters = [_offer(*offer) for offer in OFFERS]
    jordan = supporters[0]
    _pair(
        chris,
        jordan,
        lead,
        45,
        "Someone to talk to before my first project meeting.",
        [
            (40, CheckIn.HowItWent.WELL, "We talked through the agenda together."),
            (12, CheckIn.HowItWent.OK, ""),
        ],
    )
    other = User.objects.filter(email="dev.sharma@example.org").first()
    if other is not None:
        _pair(
            other,
            jordan,
            lead,
            60,
            "Help with my first claim for travel.",
            [(50, CheckIn.HowItWent.WELL, "")],
        )
    newcomer = User.objects.filter(email="nadia.kowalski@example.org").first()
    if newcomer is not None:
        actions.ask_for_support(
            person=newcomer,
            hoping_for="I am new and would like someone to phone before meetings.",
            ways=["phone"],
            use_lived_experience=True,
        )
    panel = actions.start_group(
        name="Lived experience panel",
        purpose="Co-producers with lived experience of social care, meeting as peers to "
        "agree what we want to say to the organisation.",
        by=chris,
    )
    for person in [jordan, *User.objects.filter(email="aisha.rahman@example.org")]:
        actions.add_member(group=panel, person=person, by=chris)
    staff = User.objects.filter(email="staff@example.org").first()
    if staff is not None:
        actions.add_member(group=panel, person=staff, by=chris)
    actions.post_notice(
        group=panel,
        author=chris,
        title="Next get-together",
        body="We meet on the first Tuesday of the month. Bring anything you want the panel "
        "to raise. Sam from the staff team will join for the last half hour.",
    )
    log("Demo peer support: 2 pairings with check-ins, 1 waiting, 1 peer group")
