"""Notification text may go by text message, by post or to a supporter, so it never
holds special-category detail. This plants a person's access passport, lived
experience and equality answers, runs every sender in the app for them, and fails if
any of those values appear in a notification or an email."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from coproduce.notifications.models import Notification
from coproduce.people.models import EqualityMonitoring, LivedExperience
from coproduce.people.tests.samples import fill_in_person

PLANTED = [
    # The access passport and lived experience, as people.tests.samples fills them in.
    "I am Deaf and BSL is my first language",
    "Long meetings tire me out",
    "Vegetarian",
    "Send papers a week before",
    "Long Covid since 2021",
    LivedExperience.DEAF.label,
    LivedExperience.MENTAL_HEALTH.label,
]
EQUALITY = {"ethnicity": "black", "sexuality": "bisexual", "age_band": "35-44"}


def equality_labels():
    return [
        dict(EqualityMonitoring._meta.get_field(name).choices)[value]
        for name, value in EQUALITY.items()
    ]


def run_every_sender(people):
    from coproduce.assessment import actions as assessment
    from coproduce.assessment.tests.factories import open_round
    from coproduce.meetings import actions as meetings
    from coproduce.meetings.models import AccessAnswer, Answer
    from coproduce.meetings.tests.factories import make_meeting
    from coproduce.opportunities import actions as opportunities
    from coproduce.opportunities.tests.factories import make_opportunity
    from coproduce.payments import actions as payments
    from coproduce.payments.tests.factories import make_claim
    from coproduce.projects import actions as projects
    from coproduce.projects.tests.factories import make_project
    from coproduce.site import actions as site

    person, staff, lead = people["coproducer"], people["staff"], people["lead"]
    # Meetings: invitation, change, a free place, reminder, feedback follow-up.
    meeting = make_meeting(organiser=staff, days=1, capacity=1)
    meetings.invite(meeting=meeting, people=[people["board"], person], invited_by=staff)
    meetings.reply(invitation=meeting.invitations.get(person=people["board"]), answer="yes")
    meetings.reply(invitation=meeting.invitations.get(person=person), answer="yes")
    meetings.reply(invitation=meeting.invitations.get(person=people["board"]), answer="no")
    meeting.starts_at += timedelta(hours=1)
    meetings.save_meeting(meeting=meeting, breaks=[])
    meetings.send_reminders(hours=48)
    past = make_meeting(organiser=staff, days=-1)
    meetings.invite(meeting=past, people=[person], invited_by=staff)
    meetings.give_feedback(
        meeting=past,
        person=person,
        anonymous=False,
        access_needs_met=AccessAnswer.NO,
        listened_to=Answer.YES,
        could_say=Answer.PARTLY,
    )
    # Payments: a claim sent, approved; another returned.
    claim = make_claim(claimant=person)
    payments.submit(claim=claim, by=person)
    payments.approve(claim=claim, by=lead)
    other = make_claim(claimant=person, days_ago=4)
    payments.submit(claim=other, by=person)
    payments.return_claim(claim=other, by=lead, reason="Add the date of the meeting.")
    # Projects: an answer to what they said.
    project = make_project(lead=lead, coproducers=[person])
    said = projects.record_feedback(
        project=project, recorded_by=staff, said_by=[person], said="More buses please."
    )
    projects.answer_feedback(
        item=said, outcome="done", response="We asked.", answered_by=lead, build_url=lambda i: "/"
    )
    # The impact log: they are named in a change.
    from coproduce.impact.tests.factories import make_entry

    make_entry(by=staff, project=project, people=[person])
    # Opportunities: the outcome of their interest.
    opportunity = make_opportunity(created_by=lead)
    application = opportunities.express_interest(opportunity=opportunity, person=person)
    opportunities.decide(
        application=application, selected=True, message="Welcome!", decided_by=lead
    )
    # Assessment: an action for a member of staff.
    action = assessment.raise_action(
        created_by=lead,
        round=open_round(lead=lead),
        area="practice",
        what="Offer every paper in Easy Read.",
        owner=staff,
        due_on=timezone.localdate() + timedelta(days=30),
    )
    assessment.add_co_owner(action=action, person=person, by=lead)
    # The public site: a message for the lead.
    site.send_contact_message(
        name=person.name,
        email=person.email,
        topic="general",
        message="Can I join?",
        reply_preference="email",
        inbox_url=lambda contact: "/",
    )


@pytest.mark.django_db(transaction=True)
def test_no_sender_puts_special_category_detail_in_a_message(people):
    person = people["coproducer"]
    fill_in_person(person, staff=people["staff"])
    from coproduce.people import actions as people_actions

    people_actions.save_equality(person=person, data=EQUALITY)
    run_every_sender(people)

    kinds = set(Notification.objects.values_list("kind", flat=True))
    assert {
        "meetings.invitation",
        "meetings.changed",
        "meetings.reminder",
        "meetings.feedback_follow_up",
        "payments.claim_to_approve",
        "payments.claim_changed",
        "projects.you_said_answered",
        "opportunities.decision",
        "assessment.action_owner",
        "assessment.action_co_owner",
        "site.contact",
        "impact.named",
    } <= kinds, kinds
    texts = [
        text for n in Notification.objects.all() for text in (n.subject, n.body, n.easy_read)
    ] + [f"{m.subject}\n{m.body}" for m in mail.outbox]
    assert mail.outbox  # the copies for Robin Helper, the supporter, among them
    assert any("robin.helper@example.org" in m.to for m in mail.outbox)
    for planted in PLANTED + equality_labels():
        leaked = [text for text in texts if planted.lower() in text.lower()]
        assert not leaked, (planted, leaked[:1])
