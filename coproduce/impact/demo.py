"""Demo impact log: four changes, inside and outside the organisation, linked to a
demo project's decisions and "you said" items. Chris (the demo co-producer) agreed to be
named on one, has not chosen yet on another (it is on his Today), and Jordan has not
chosen on a third, so the public page shows some names and not others."""

from datetime import timedelta

from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.projects.models import Project

from . import actions
from .models import ImpactEntry, Where

# title, what changed, where, area, days ago, evidence, (said starts with), published,
# [(email, consent: True / False / None not chosen)]
ENTRIES = [
    (
        "Meeting papers now go out a week ahead",
        "Co-producers told us papers arriving the night before shut them out of the "
        "discussion. Every meeting's papers now go out seven days before, in the format "
        "each person asked for.",
        Where.INSIDE,
        "practice",
        60,
        "The meetings procedure, changed in the spring; papers sent on time at every "
        "meeting since.",
        "Papers arrived",
        True,
        [("coproducer@example.org", True)],
    ),
    (
        "Travel paid within five working days",
        "People said waiting a month for travel money stopped them coming. Finance changed "
        "the payment run so travel is paid within five working days.",
        Where.INSIDE,
        "structure",
        45,
        "Finance procedure update and the dashboard's time-to-payment figure.",
        "Please pay travel",
        True,
        [("coproducer2@example.org", None)],
    ),
    (
        "Evidence to the council's scrutiny committee on direct payments",
        "Co-producers wrote and gave evidence to the council's adult social care scrutiny "
        "committee. The committee asked the council to rewrite its direct payments guide "
        "with Disabled people.",
        Where.OUTSIDE,
        "review",
        30,
        "The committee's published minutes and its recommendation to the cabinet member.",
        "",
        True,
        [("coproducer@example.org", True), ("coproducer2@example.org", False)],
    ),
    (
        "Commissioners agree to co-produce the short breaks specification",
        "After hearing from co-producers, the commissioning team agreed that the next short "
        "breaks specification will be written with people who use short breaks.",
        Where.OUTSIDE,
        "culture",
        10,
        "Letter from the head of commissioning.",
        "",
        False,
        [("coproducer@example.org", None)],
    ),
]


def load(log):
    if ImpactEntry.objects.exists():
        log(f"Demo impact log: {ImpactEntry.objects.count()} entries (already there)")
        return
    project = Project.objects.filter(title="Redesigning the direct payments guide").first()
    if project is None:
        log("Demo impact log: skipped (no demo projects)")
        return
    staff = User.objects.get(email="staff@example.org")
    today = timezone.localdate()
    decision = project.decisions.order_by("decided_on", "pk").first()
    for title, what, where, area, days, evidence, said, published, named in ENTRIES:
        people = {email: User.objects.get(email=email) for email, _ in named}
        entry = actions.save_entry(
            entry=ImpactEntry(
                title=title,
                what_changed=what,
                where=where,
                area=area,
                changed_on=today - timedelta(days=days),
                evidence=evidence,
                project=project,
            ),
            by=staff,
            decisions=[decision] if decision and where == Where.OUTSIDE else [],
            feedback=list(project.feedback.filter(said__startswith=said)[:1]) if said else [],
            people=people.values(),
        )
        for email, consent in named:
            if consent is not None:
                actions.choose_consent(mention=entry.named.get(person=people[email]), given=consent)
        if published:
            actions.publish_entry(entry=entry, by=staff)
    log(f"Demo impact log: {len(ENTRIES)} entries")
