"""Demo opportunities, open and closed, with people interested and some chosen, and
alerts to people whose interests match who have not said they are interested yet."""

from datetime import timedelta

from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.people.demo import involved_coproducers
from coproduce.projects.models import Project

from . import actions, nudges
from .models import Opportunity

OPPORTUNITIES = [
    ("Co-chair the transport group", "Accessible transport to day centres", 21, "open", 2),
    (
        "Peer researcher: hospital discharge",
        "Hospital discharge experiences survey",
        -10,
        "closed",
        3,
    ),
    ("Review our Easy Read letters", "Easy Read letters project", 10, "open", 4),
    ("Join the interview panel for a new director", None, 30, "open", 1),
]
# Welsh versions of some titles; the others show in English with a note to Welsh readers.
WELSH_TITLES = {
    "Co-chair the transport group": "Cyd-gadeirio'r grŵp trafnidiaeth",
    "Review our Easy Read letters": "Adolygu ein llythyrau Hawdd eu Deall",
}


def load(log):
    if Opportunity.objects.exists():
        log(f"Demo opportunities: {Opportunity.objects.count()} (already there)")
        return
    staff = User.objects.get(email="staff@example.org")
    # Not the newcomer: nobody works with them yet (see people/demo.py).
    coproducers = list(involved_coproducers().order_by("email"))
    today = timezone.localdate()
    for title, project_title, closes_in, status, places in OPPORTUNITIES:
        opportunity = Opportunity.objects.create(
            title=title,
            project=Project.objects.filter(title=project_title).first(),
            summary=f"{title}. You will work alongside staff as an equal partner, and your "
            "experience will shape what we decide.",
            title_cy=WELSH_TITLES.get(title, ""),
            summary_cy=f"{WELSH_TITLES[title]}. Byddwch yn gweithio ochr yn ochr â staff fel "
            "partner cyfartal, a bydd eich profiad yn llywio'r hyn rydym yn ei benderfynu."
            if title in WELSH_TITLES
            else "",
            easy_read_summary="We want your help.\nWe will pay you for your time.\nTell us if you want to take part.",
            time_commitment="Four two-hour sessions over three months",
            payment_offered="£25 an hour. We pay travel, and costs for a personal assistant or carer.",
            place=Opportunity.Place.HYBRID,
            location="Community hall, Station Road, or online",
            venue_accessibility="Step-free entrance, accessible toilet, hearing loop, quiet room, "
            "blue badge parking. The number 12 bus stops outside.",
            topics="transport, research, easy read, recruitment",
            places_available=places,
            closing_on=today + timedelta(days=max(closes_in, 1)),
            other_ways_to_apply="Email or phone us, or ask someone to tell us for you.",
            status=Opportunity.Status.OPEN,
            created_by=staff,
        )
        for person in coproducers:
            actions.express_interest(opportunity=opportunity, person=person, answers="")
        if status == "closed":
            for application in opportunity.applications.all()[:places]:
                actions.decide(application=application, selected=True, message="", decided_by=staff)
            Opportunity.objects.filter(pk=opportunity.pk).update(
                status=Opportunity.Status.CLOSED, closing_on=today + timedelta(days=closes_in)
            )
    log(f"Demo opportunities: {len(OPPORTUNITIES)}")
    # What the scheduled job would have sent by now (the worker sends the messages).
    log(f"Demo nudges: {nudges.send_opportunity_alerts()} told about opportunities")
