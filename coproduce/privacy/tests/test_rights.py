"""Download and erasure reach every place a person's data is held.

The walk: every model with a relation to the user model must be registered in
privacy's holdings, and with a person who has data in every one of them, the
download must contain every holding and erasure must leave none of their
personal details anywhere in the database."""

import io
import json
import zipfile
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import models
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.models import Invitation, RoleAssignment
from coproduce.accounts.tests.factories import UserFactory
from coproduce.lib.figures import Period
from coproduce.people import access
from coproduce.people import actions as people_actions
from coproduce.people.models import (
    AccessRequirement,
    EqualityMonitoring,
    ExpressionOfInterest,
    ImportJob,
    ProfileTag,
)
from coproduce.people.tests.samples import fill_in_person
from coproduce.privacy import actions, retention
from coproduce.privacy.holdings import ACCOUNT
from coproduce.privacy.models import DataRequest, ReadLog, RetentionPeriod, one_month_after
from coproduce.privacy.registry import holdings, holdings_by_relation, relations_to_users

pytestmark = pytest.mark.django_db


def test_every_relation_to_a_person_is_registered():
    registered = {(h.model, h.field) for h in holdings_by_relation()}
    missing = sorted(relations_to_users() - registered)
    assert not missing, (
        f"Models that refer to a person but are not in privacy/holdings.py: {missing}"
    )
    stale = sorted(registered - relations_to_users())
    assert not stale, f"Holdings for relations that no longer exist: {stale}"


SECRETS = (
    "Zebedee Quartermain",
    "zebedee.q@example.org",
    "07700 900123",
    "12 Example Street",
    "I am Deaf and BSL",
    "Robin Helper",
    "Chairing meetings",
)


@pytest.fixture
def person_everywhere(people):
    """A person with a row in every holding: about them and done by them."""
    from allauth.mfa.models import Authenticator

    person = UserFactory(
        name="Zebedee Quartermain", email="zebedee.q@example.org", roles=["coproducer", "staff"]
    )
    fill_in_person(person, staff=people["staff"])
    assert {(t.kind, t.value) for t in ProfileTag.objects.filter(profile=person.profile)} >= {
        ("lived_experience", "deaf"),
        ("interest", "transport"),
    }
    # They also acted for someone else, whose details differ from theirs.
    other = UserFactory(name="Other Person", roles=["coproducer"])
    people_actions.save_profile(
        person=other,
        changed_by=person,
        data={"name": other.name, "phone": "0113 000"},
        reason="By phone",
    )
    people_actions.save_passport(
        person=other,
        changed_by=person,
        requirements=["online"],
        own_words="",
        dietary="",
        other_arrangements="",
        sharing="arrangements",
        reason="By phone",
    )
    role = RoleAssignment(user=other, role="finance", granted_by=person)
    role._history_user = person
    role.save()
    Invitation.objects.create(
        email=person.email,
        name=person.name,
        roles=["coproducer"],
        accepted_user=person,
        invited_by=people["administrator"],
    )
    Invitation.objects.create(
        email="someone@example.org", name="Someone", roles=["staff"], invited_by=person
    )
    Invitation.objects.create(
        email=person.email.upper(),
        name="Zebedee Quartermain",
        roles=["staff"],
        invited_by=people["administrator"],
        cancelled_at=timezone.now(),
    )
    Authenticator.objects.create(user=person, type=Authenticator.Type.TOTP, data={"secret": "x"})
    from coproduce.insights import actions as insights_actions

    insights_actions.record_visit(user=person, today=timezone.localdate())
    commentary = insights_actions.write_commentary(
        period=Period(timezone.localdate() - timedelta(days=30), timezone.localdate()),
        text="Zebedee Quartermain says we are paid on time",
        author=person,
        show_name=True,
    )
    commentary.history.update(history_user=person)
    from coproduce.strategy.tests.factories import make_commitment

    # They wrote and own a strategy commitment, and co-write it (its history keeps them).
    make_commitment(by=person, owner=person, co_authors=[person])
    LogEntry.objects.create(
        user=person,
        content_type=ContentType.objects.get_for_model(person),
        object_id=str(other.pk),
        object_repr=str(other),
        action_flag=CHANGE,
        change_message="Changed roles",
    )
    other.name = "Other Renamed"
    other._history_user = person
    other.save()
    # Passports are read by those who work with the person, or who recorded why.
    people_actions.record_passport_reason(
        person=person, viewer=people["lead"], reason="Helping them by phone with a claim"
    )
    access.arrangements_for(person, people["lead"], "Meeting")
    people_actions.record_passport_reason(
        person=other, viewer=person, reason="Helping them by phone with a claim"
    )
    access.arrangements_for(other, person, "Meeting they organise")
    ExpressionOfInterest.objects.create(
        name=person.name, email=person.email, about="Chairing meetings", reviewed_by=person
    )
    ExpressionOfInterest.objects.create(
        name=person.name, email="", phone="07700 900 111", about="No email", account=person
    )
    from coproduce.notifications.models import SignInCard, SignInCode

    soon = timezone.now() + timedelta(days=30)
    for n, (whose, by) in enumerate([(person, other), (other, person)]):
        card = SignInCard(
            person=whose, code_hash=f"hash-{n}", issued_by=by, expires_at=soon, cancelled_by=by
        )
        card._history_user = by
        card.save()
    SignInCode.objects.create(person=person, code_hash="hash", expires_at=soon)
    ImportJob.objects.create(uploaded_by=person, filename="list.csv")
    request = actions.record_request(
        person=person,
        kind=DataRequest.Kind.ERASURE,
        recorded_by=person,
        note="Zebedee Quartermain asked by phone",
    )
    actions.record_request(person=other, kind=DataRequest.Kind.ACCESS, recorded_by=person)
    done = actions.record_request(
        person=other, kind=DataRequest.Kind.ACCESS, recorded_by=people["administrator"]
    )
    actions.complete_request(data_request=done, completed_by=person)
    actions.set_retention_periods(months={"site.contact_messages": 30}, changed_by=person)
    period = RetentionPeriod.objects.get()
    period._history_user = person  # as the request middleware sets it
    period.months = 36
    period.save()
    retention.apply(ran_by=person)
    _in_projects_and_opportunities(person, other, people["staff"])
    _in_meetings(person, other, people["staff"])
    _in_assessment_and_learning(person, other)
    _on_the_public_site(person)
    _in_payments(person, other, people)
    _in_notifications(person, other)
    _in_peer_support(person, other, people)
    _in_the_impact_log(person, other, people["staff"])
    return person, request


def _in_peer_support(person, other, people):
    """Supported and supporting, pairing and ending, a check-in, a group they started,
    joined, invited staff to and posted in."""
    from coproduce.peers import actions as peers

    for supporter in (person, other):
        peers.save_offer(
            person=supporter,
            can_offer="Talking before meetings",
            ways=["phone"],
            use_lived_experience=True,
            available=True,
        )
    theirs = peers.pair(
        request=peers.ask_for_support(
            person=person, hoping_for="Company", ways=["phone"], use_lived_experience=True
        ),
        supporter=other,
        by=people["lead"],
    )
    peers.record_check_in(
        pairing=theirs, held_on=timezone.localdate(), how_it_went="well", note="Fine", by=other
    )
    peers.end_pairing(pairing=theirs, by=person, closing_note="Thank you")
    someone = UserFactory(name="Someone Supported", roles=["coproducer"])
    supporting = peers.pair(
        request=peers.ask_for_support(
            person=someone, hoping_for="Help", ways=["phone"], use_lived_experience=False
        ),
        supporter=person,
        by=person,
    )
    peers.record_check_in(
        pairing=supporting, held_on=timezone.localdate(), how_it_went="ok", note="", by=person
    )
    group = peers.start_group(name="Panel", purpose="Peers", by=person)
    peers.add_member(group=group, person=people["staff"], by=person)
    peers.post_notice(group=group, author=person, title="Hello", body="We meet on Friday")


def _in_the_impact_log(person, other, staff):
    """A change they took part in and agreed to be named in, and one they recorded
    naming someone else."""
    from coproduce.impact import actions as impact_actions
    from coproduce.impact.tests.factories import make_entry

    make_entry(by=staff, title="A change they helped make", people=[person], consenting=[person])
    recorded = make_entry(by=person, title="A change they recorded", people=[other])
    impact_actions.save_entry(entry=recorded, by=person, decisions=[], feedback=[], people=[])


def _in_notifications(person, other):
    """Messages reach them through the other apps' actions above; here, a choice of theirs,
    a call staff made to them, and a call they made to someone else as staff."""
    from coproduce.notifications.models import ContactTask, Delivery, Notification, Preference

    Preference.objects.create(user=person, kind="meetings.reminder", channel="digest")
    for about, by in ((person, None), (other, person)):
        notification = Notification.objects.create(
            recipient=about, kind="meetings.reminder", subject="Reminder", body="On Tuesday."
        )
        delivery = Delivery.objects.create(notification=notification, channel="phone")
        ContactTask.objects.create(
            delivery=delivery,
            person=about,
            method="phone",
            reason="They asked for a phone call.",
            claimed_by=by,
            outcome_by=by,
            outcome="reached",
            notes="Reached them at home.",
        )


def _in_payments(person, other, people):
    """Claims they made (one with a receipt, one paid), entered for someone else
    and decided; rates they set; batches they made and paid; their bank details."""
    from coproduce.payments import actions as payment_actions
    from coproduce.payments.tests.factories import (
        LONG_AGO,
        make_activity_type,
        make_claim,
        make_expense_type,
        receipt_file,
    )

    make_activity_type(by=person)
    expense_type = make_expense_type(by=person)
    theirs = make_claim(claimant=person, skills="Chairing meetings")
    payment_actions.add_expense(
        claim=theirs,
        expense_type=expense_type,
        description="Taxi to 12 Example Street",
        amount_pence=300,
        receipt=receipt_file("taxi.png"),
        receipt_type="image/png",
    )
    payment_actions.submit(claim=theirs, by=person)
    payment_actions.return_claim(
        claim=theirs, by=people["lead"], reason="Zebedee Quartermain, please add the date"
    )
    for_other = make_claim(claimant=other, entered_by=person, days_ago=4)
    payment_actions.submit(claim=for_other, by=person)
    decided = make_claim(claimant=people["coproducer"], days_ago=5)
    payment_actions.submit(claim=decided, by=people["coproducer"])
    payment_actions.approve(claim=decided, by=person)
    batch = payment_actions.create_batch(claims=[decided], by=person)
    payment_actions.mark_batch_paid(batch=batch, by=person)
    paid = make_claim(claimant=person, days_ago=6)
    payment_actions.submit(claim=paid, by=person)
    payment_actions.approve(claim=paid, by=people["lead"])
    theirs_paid = payment_actions.create_batch(claims=[paid], by=people["finance"])
    payment_actions.mark_batch_paid(batch=theirs_paid, by=people["finance"])
    payment_actions.save_bank_details(
        person=person,
        account_name="Zebedee Quartermain",
        sort_code="30-94-57",
        account_number="12345678",
    )
    # Their wish to be warned at a limit, a limit they set, their own advance squared
    # with its receipt, and someone else's advance they approved.
    payment_actions.set_payment_protection(person=person, warn=True)
    payment_actions.set_payment_limit(
        period="year", amount_pence=100000, source="A rule", starts_on=LONG_AGO, by=person
    )
    advance = payment_actions.request_advance(
        person=person,
        expense_type=expense_type,
        description="Train to 12 Example Street",
        amount_pence=2340,
        needed_on=timezone.localdate(),
        paid_to="supplier",
        supplier="Zebedee's Taxis",
    )
    payment_actions.refuse_advance(advance=advance, by=people["lead"], reason="Zebedee, ask again")
    own = payment_actions.request_advance(
        person=person,
        expense_type=expense_type,
        description="Bus",
        amount_pence=500,
        needed_on=timezone.localdate(),
    )
    payment_actions.approve_advance(advance=own, by=people["lead"])
    payment_actions.pay_advance(advance=own, by=people["finance"])
    payment_actions.reconcile_advance(
        advance=own,
        by=person,
        spent_pence=480,
        receipt=receipt_file("bus.png"),
        receipt_type="image/png",
    )
    decided_advance = payment_actions.request_advance(
        person=people["coproducer"],
        expense_type=expense_type,
        description="Taxi",
        amount_pence=900,
        needed_on=timezone.localdate(),
    )
    payment_actions.approve_advance(advance=decided_advance, by=person)


def _on_the_public_site(person):
    """Rows on the public site about the person and done by them, each also
    saved once more with them as the history user; a message and a spotlight
    story sent from their address."""
    from coproduce.site.models import (
        AccessibilityCheck,
        AccessibilityStatement,
        CaseStudy,
        ContactMessage,
        FeaturedPerson,
        SitePage,
        Spotlight,
        SpotlightFile,
        Update,
    )

    def saved_by_them(instance):
        instance._history_user = person
        instance.save()
        return instance

    Update.objects.create(title="News", slug="news", body="Text", author=person)
    story = CaseStudy.objects.create(title="Story", slug="story", body="Text", author=person)
    saved_by_them(
        FeaturedPerson(
            case_study=story, name="Zebedee Quartermain", account=person, appearance="named"
        )
    )
    saved_by_them(
        ContactMessage(
            name="A visitor",
            email="visitor@example.org",
            topic="other",
            message="Hi",
            handled_by=person,
        )
    )
    saved_by_them(
        Spotlight(
            organisation="Another DPO",
            contact_name="Sam",
            contact_email="sam@example.org",
            title="Our story",
            story="We did it",
            what_worked="Listening",
            what_learned="Time",
            consent_to_publish=True,
            moderated_by=person,
        )
    )
    saved_by_them(SitePage(key="home", body="Hello", easy_read="Hello", updated_by=person))
    fields = {
        f.name: "Text"
        for f in AccessibilityStatement._meta.concrete_fields
        if f.get_internal_type() == "TextField"
    }
    saved_by_them(AccessibilityStatement(updated_by=person, **fields))
    AccessibilityCheck.objects.create(
        checked_on=timezone.localdate(), pages_checked=10, problems_found=0, recorded_by=person
    )
    message = ContactMessage.objects.create(
        name="Zebedee Quartermain",
        email=person.email,
        topic="access",
        message="I am Deaf and BSL is my language: is there an interpreter?",
    )
    message.notes = "Ring 07700 900123"
    message.save()
    story = Spotlight.objects.create(
        organisation="Their group",
        contact_name="Zebedee Quartermain",
        contact_email=person.email.upper(),
        title="How we did it",
        story="Together",
        what_worked="Time",
        what_learned="Patience",
        consent_to_publish=True,
    )
    SpotlightFile.objects.create(
        spotlight=story,
        file=ContentFile(b"photo", name="photo.png"),
        original_name="Our group.png",
        content_type="image/png",
        size=5,
    )


def _in_meetings(person, other, staff):
    """Invited, coming, helped by the checklist, attending and giving feedback;
    and, as staff, organising a meeting for someone else."""
    from datetime import timedelta

    from coproduce.meetings import actions as meeting_actions
    from coproduce.meetings import checklist
    from coproduce.meetings.models import CalendarFeed, Invitation
    from coproduce.meetings.tests.factories import make_meeting, pdf

    theirs = make_meeting(organiser=person, title="Meeting they organise")
    (invitation,) = meeting_actions.invite(meeting=theirs, people=[other], invited_by=person)
    meeting_actions.reply(
        invitation=invitation, answer=Invitation.Reply.YES, recorded_by=person, reason="Phoned"
    )
    meeting_actions.add_material(
        meeting=theirs,
        kind="agenda",
        title="Agenda",
        sent_on=timezone.localdate(),
        upload=pdf(),
        content_type="application/pdf",
        uploaded_by=person,
    )
    meeting = make_meeting(organiser=staff, title="Meeting they go to")
    meeting_actions.invite(meeting=meeting, people=[person, other], invited_by=staff)
    mine = meeting.invitations.get(person=person)
    meeting_actions.reply(invitation=mine, answer=Invitation.Reply.YES)
    # They support `other`, and reply for them, coming too; `other` lets them act, and
    # they let `other` act for them, then withdraw it.
    theirs_to_use = people_actions.grant_authority(
        person=other, email=person.email, powers=["reply_to_invitations"]
    )
    meeting_actions.reply_as_supporter(
        authority=theirs_to_use,
        invitation=meeting.invitations.get(person=other),
        answer=Invitation.Reply.YES,
        coming_too=True,
    )
    given = people_actions.grant_authority(
        person=person, email=other.email, powers=["reply_to_invitations"]
    )
    meeting_actions.reply_as_supporter(
        authority=given, invitation=mine, answer=Invitation.Reply.YES, coming_too=False
    )
    people_actions.withdraw_authority(person=person, authority_pk=given.pk)
    checklist.sync(meeting, staff)
    item = meeting.arrangements.first()
    meeting_actions.update_arrangement(
        item=item, owner=person, status="done", due_on=item.due_on, note=""
    )
    CalendarFeed.objects.create(person=person, token=CalendarFeed.new_token())
    past = make_meeting(organiser=staff, title="Meeting they went to")
    meeting_actions.invite(meeting=past, people=[person, other], invited_by=staff)
    past.invitations.update(reply=Invitation.Reply.YES)
    past.starts_at = timezone.now() - timedelta(days=2)
    past.save(update_fields=["starts_at"])
    meeting_actions.record_attendance(
        meeting=past, minutes_by_person={person: 90, other: 60}, recorded_by=person
    )
    feedback = meeting_actions.give_feedback(
        meeting=past,
        person=person,
        anonymous=False,
        access_needs_met="no",
        listened_to="yes",
        could_say="yes",
        anything_else="Zebedee Quartermain needed a loop",
    )
    meeting_actions.follow_up(feedback=feedback, note="Loop booked", done_by=person)


def _in_assessment_and_learning(person, other):
    """Answers, actions and training: theirs, and what they did for others."""
    from datetime import timedelta

    from coproduce.assessment import actions as assessment_actions
    from coproduce.assessment.tests.factories import STAFF, answer_all, open_round
    from coproduce.learning import actions as learning_actions
    from coproduce.learning.models import Module

    round_ = open_round(lead=person, title="Round they opened")
    answer_all(round_, person, STAFF, 4, comment="Zebedee Quartermain thinks we listen")
    action = assessment_actions.raise_action(
        created_by=person,
        round=round_,
        area="culture",
        what="Share the plan",
        owner=person,
        due_on=timezone.localdate() + timedelta(days=30),
    )
    assessment_actions.update_action(
        action=action, status="in_progress", note="Started", author=person
    )
    assessment_actions.add_co_owner(action=action, person=person, by=person)
    assessment_actions.comment_on_action(
        action=action, text="Zebedee Quartermain will ask the group", author=person
    )
    # As the request middleware sets it, for the histories' "who made the change".
    action.co_owners.model.history.update(history_user=person)
    action.comments.model.history.update(history_user=person)
    module = Module.objects.create(
        title="Module they added", description="About", content="Text", created_by=person
    )
    learning_actions.record_completion(
        module=module,
        person=person,
        completed_on=timezone.localdate(),
        reflection="I am Deaf and BSL is my language; captions helped",
        recorded_by=person,
    )
    learning_actions.record_completion(
        module=module,
        person=other,
        completed_on=timezone.localdate(),
        reflection="",
        recorded_by=person,
    )


def _in_projects_and_opportunities(person, other, staff):
    from coproduce.opportunities import actions as opportunity_actions
    from coproduce.opportunities.tests.factories import make_opportunity
    from coproduce.projects import actions as project_actions
    from coproduce.projects.tests.factories import make_project

    theirs = make_project(lead=person, coproducers=[other], title="Project they lead")
    project = make_project(lead=staff, coproducers=[person], title="Project they are on")
    decision = project_actions.record_decision(
        project=project, recorded_by=person, present=[person], what="Meet monthly", why="Rest"
    )
    project_actions.add_decision_view(
        decision=decision, author=person, text="Zebedee Quartermain thinks monthly is right"
    )
    for on, voter, way in [(project, person, "web"), (theirs, other, "on_behalf")]:
        proposal = project_actions.open_decision(
            project=on,
            opened_by=on.lead,
            what="Meet fortnightly",
            why="Momentum",
            closes_on=timezone.localdate(),
        )
        project_actions.record_position(
            decision=proposal,
            person=voter,
            stance="agree",
            reason="Fortnightly suits my energy",
            recorded_by=person,
            way=way,
            on_behalf_reason="by phone" if way == "on_behalf" else "",
        )
    item = project_actions.record_feedback(
        project=project, recorded_by=person, said_by=[person], said="More breaks"
    )
    project_actions.answer_feedback(
        item=item,
        outcome="done",
        response="Breaks every hour",
        answered_by=person,
        build_url=lambda item: "/",
    )
    opportunity = make_opportunity(created_by=person, project=theirs)
    opportunity_actions.express_interest(
        opportunity=opportunity, person=person, answers="Zebedee Quartermain, 07700 900123"
    )
    opportunity_actions.express_interest(
        opportunity=opportunity,
        person=other,
        recorded_by=person,
        reason="By phone",
        received="phone",
    )
    from coproduce.api import actions as api_actions

    later = timezone.now() + timedelta(days=30)
    token, _ = api_actions.create_personal_token(
        person=person, name="My calendar", scopes=["own_data"], expires_at=later
    )
    api_actions.revoke_token(token=token, by=person)
    api_actions.create_organisation_token(
        by=person, name="Council reporting", scopes=["figures"], expires_at=later
    )
    api_actions.register_webhook(by=person, url="https://example.org/hooks", events=["claim.paid"])
    from coproduce.budgets import actions as budget_actions
    from coproduce.budgets.tests.factories import support_service
    from coproduce.payments.tests.factories import make_activity_type

    reading = make_activity_type(slug="reading-papers")
    budget_actions.add_planned_line(
        month=date(2026, 5, 1), project=theirs, activity_type=None,
        description="Interpreters", amount=Decimal("400.00"), by=person,
    )  # fmt: skip
    budget_actions.add_planned_activity(
        on=date(2026, 6, 1), project=theirs, activity_type=reading, description="Reading",
        people=4, minutes=90, by=person,
    )  # fmt: skip
    budget_actions.add_support_rate(
        service=support_service("bsl-interpreter"), starts_on=date(2026, 4, 1),
        amount=Decimal("60.00"), note="New contract", by=person,
    )  # fmt: skip
    estimate = budget_actions.create_estimate(
        title="Bid for transport work", purpose="", project=theirs, by=person
    )
    budget_actions.cost_activity(
        estimate=estimate, activity_type=reading, people=3, sessions=2, minutes=60,
        on=timezone.localdate(),
    )  # fmt: skip
    budget_actions.adopt_estimate(estimate=estimate, project=theirs, by=person)


def test_the_download_holds_every_holding(person_everywhere, people):
    person, _ = person_everywhere
    content = actions.export_zip(
        person=person, requested_by=people["administrator"], reason="SAR 1"
    )
    archive = zipfile.ZipFile(io.BytesIO(content))
    names = archive.namelist()
    assert "data.json" in names and "summary.html" in names
    data = json.loads(archive.read("data.json"))["sections"]
    empty = [h.section for h in holdings() if not data.get(h.section)]
    assert not empty, (
        f"Holdings with nothing in the download (add test data or fix the export): {empty}"
    )
    csvs = [name for name in names if name.startswith("csv/")]
    assert len(csvs) == len(holdings()) + 1  # one per holding, plus the account
    summary = archive.read("summary.html").decode()
    assert "I am Deaf and BSL" in summary and "<h1>Your data from Coproduce</h1>" in summary
    assert ReadLog.objects.filter(
        subject=person, viewer=people["administrator"], what="all_data"
    ).exists()


# What a person's data can be held in: text, lists and files.
PLANTABLE = (models.CharField, models.TextField, models.JSONField, models.FileField)


def _download_holdings():
    return [ACCOUNT, *holdings()]


def _personal_fields(holding, registered):
    """(path, model field) for every text, list and file field of an about-them
    record and of the rows in its parts; fails for a relation below the record
    that the holding neither exports (`parts`) nor withholds with a reason."""
    model = holding.model_class()
    for model_field in model._meta.concrete_fields:
        if model_field.name == holding.field:
            continue  # what finds the person: their account, or their email address
        if isinstance(model_field, PLANTABLE) and model_field.name not in holding.withheld:
            yield model_field.name, model_field, None
    for relation in model._meta.related_objects:
        name = relation.get_accessor_name()
        below = (relation.related_model._meta.label, relation.field.name)
        if relation.many_to_many or below in registered or name in holding.withheld:
            continue  # rows with their own holding, or left out for the reason given
        assert name in holding.parts, (
            f"{holding.model}.{name} holds rows below '{holding.section}': add it to the "
            "holding's parts and export them, or to withheld with the reason"
        )
        for model_field in relation.related_model._meta.concrete_fields:
            path = f"{name}__{model_field.name}"
            if isinstance(model_field, PLANTABLE) and path not in holding.withheld:
                yield path, model_field, relation


class Markers:
    """Values found nowhere else: four characters, or one rare one for a tiny field."""

    def __init__(self):
        self.count = 0

    def next(self, model_field):
        self.count += 1
        if model_field.max_length and model_field.max_length < 4:
            return chr(0xA640 + self.count)
        return f"¤{self.count:03d}"


def _plant(holding, person, path, model_field, relation, markers):
    """Writes a distinct marker into `path` of each row the holding keeps for the
    person (distinct, so unique constraints hold); returns what the download must show."""
    records = holding.model_class()._default_manager.filter(
        pk__in=holding.queryset(person).values("pk")
    )
    rows = list(
        relation.related_model._default_manager.filter(**{f"{relation.field.name}__in": records})
        if relation
        else records
    )
    assert rows, f"Nothing in '{holding.section}' to put {path} in: add test data"
    name, planted = model_field.name, []
    for row in rows:
        marker = markers.next(model_field)
        if isinstance(model_field, models.FileField):
            value = model_field.storage.save(f"planted/{marker}.txt", ContentFile(marker.encode()))
        elif name in holding.encrypted:
            clear = holding.cipher.decrypt(getattr(row, name))
            assert clear, f"{holding.model}.{name} cannot be read to plant values in"
            sealed = {key: f"{marker}-{key}" for key in clear}
            value = holding.cipher.encrypt(sealed)
            planted += sealed.values()  # each value inside, in clear
            marker = None
        elif isinstance(model_field, models.JSONField):
            value = [marker]
        else:
            value = marker
        type(row)._default_manager.filter(pk=row.pk).update(**{name: value})
        if marker:
            planted.append(marker)
    return planted


def test_the_download_holds_every_personal_field_and_file(person_everywhere, people, client):
    """A distinct value in every personal field and file the registry knows of,
    found in the person's own download; a new field, part or holding fails here
    until it is exported or withheld with a reason."""
    person, _ = person_everywhere
    registered = {(h.model, h.field) for h in holdings()}
    planted, markers = [], Markers()
    by_email = {
        h: list(h.queryset(person).values_list("pk", flat=True)) for h in holdings() if h.select
    }
    for holding in _download_holdings():
        if not holding.about_them:
            continue
        for path, model_field, relation in _personal_fields(holding, registered):
            for marker in _plant(holding, person, path, model_field, relation, markers):
                planted.append((f"{holding.section}: {path}", marker, model_field))
    person.refresh_from_db()
    for holding, pks in by_email.items():  # still sent from their (now planted) address
        holding.model_class().objects.filter(pk__in=pks).update(**{holding.field: person.email})
    client.force_login(person)
    response = client.post(reverse("privacy:my_data"), {"action": "download"})
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    data = archive.read("data.json").decode()
    summary = archive.read("summary.html").decode()
    names = archive.namelist()
    index = archive.read("files/index.csv").decode() if "files/index.csv" in names else ""
    files = {name: archive.read(name) for name in names if name.startswith("files/")}
    missing = []
    for where, marker, model_field in planted:
        if isinstance(model_field, models.FileField):
            copies = [name for name, content in files.items() if content == marker.encode()]
            found = bool(copies) and all(name in index for name in copies)
        else:
            found = marker in data and marker in summary
        if not found:
            missing.append(where)
    assert not missing, f"Personal data missing from the download: {sorted(set(missing))}"
    assert ReadLog.objects.filter(
        subject=person, viewer=person, what=ReadLog.What.BANK_DETAILS
    ).exists()  # their bank details left in clear: they can see that it happened


def test_a_download_for_a_request_reads_bank_details_in_the_administrators_name(
    person_everywhere, people
):
    person, _ = person_everywhere
    content = actions.export_zip(
        person=person, requested_by=people["administrator"], reason="Subject access request 7"
    )
    data = json.loads(zipfile.ZipFile(io.BytesIO(content)).read("data.json"))
    assert data["sections"]["Your bank details"][0]["account_number"] == "12345678"
    assert ReadLog.objects.filter(
        subject=person,
        viewer=people["administrator"],
        what=ReadLog.What.BANK_DETAILS,
        reason="Subject access request 7",
    ).exists()


def _text_values():
    """Every text held anywhere, as (model, value)."""
    for model in apps.get_models():
        text_fields = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField | models.JSONField)
        ]
        if not text_fields:
            continue
        for row in model._default_manager.values_list(*text_fields):
            for value in row:
                if value:
                    yield model._meta.label, str(value)


def test_erasure_leaves_no_personal_detail_anywhere_and_keeps_counts(person_everywhere, people):
    person, request = person_everywhere
    before = {
        "requirements": AccessRequirement.objects.count(),
        "equality": EqualityMonitoring.objects.count(),
        "reads": ReadLog.objects.count(),
    }
    found_before = {secret for _, value in _text_values() for secret in SECRETS if secret in value}
    assert found_before == set(SECRETS)  # the test data really holds each detail
    actions.erase_person(person=person, erased_by=people["administrator"], data_request=request)
    leftovers = sorted(
        {
            (label, secret)
            for label, value in _text_values()
            for secret in SECRETS
            if secret in value
        }
    )
    assert not leftovers, f"Personal details left after erasure: {leftovers}"
    person.refresh_from_db()
    assert not person.is_active and not person.has_usable_password()
    assert AccessRequirement.objects.count() == before["requirements"]
    assert EqualityMonitoring.objects.count() == before["equality"]
    assert ReadLog.objects.count() >= before["reads"]
    request.refresh_from_db()
    assert request.completed_at is not None


def test_a_person_downloads_their_own_data_and_can_ask_for_erasure(client_as, people):
    fill_in_person(people["coproducer"], staff=people["staff"])
    client = client_as("coproducer")
    response = client.post(reverse("privacy:my_data"), {"action": "download"})
    assert response["Content-Type"] == "application/zip"
    assert "summary.html" in zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert not ReadLog.objects.filter(
        what="all_data"
    ).exists()  # their own download is not someone else's read
    client.post(reverse("privacy:my_data"), {"action": "erase"})
    request = DataRequest.objects.get(person=people["coproducer"])
    assert request.kind == "erasure" and request.completed_at is None


def test_administrator_erases_through_a_request_only_after_confirming(client_as, people):
    fill_in_person(people["coproducer"], staff=people["staff"])
    request = actions.record_request(
        person=people["coproducer"], kind="erasure", recorded_by=people["coproducer"]
    )
    client = client_as("administrator")
    url = reverse("privacy:request_detail", args=[request.pk])
    response = client.post(url, {"action": "erase"})
    assert b"Tick the box to confirm" in response.content
    client.post(url, {"action": "erase", "confirm": "on"})
    people["coproducer"].refresh_from_db()
    assert people["coproducer"].name == "Removed person"


def test_requests_are_due_one_month_later(client_as, people):
    from datetime import datetime

    assert one_month_after(datetime(2026, 1, 31)).isoformat() == "2026-02-28"
    assert one_month_after(datetime(2026, 12, 5)).isoformat() == "2027-01-05"
    response = client_as("administrator").post(
        reverse("privacy:request_new"),
        {"email": people["coproducer"].email, "kind": "access", "received_on": "2026-03-27"},
    )
    assert response.status_code == 302
    assert DataRequest.objects.get().due_on.isoformat() == "2026-04-27"
    response = client_as("administrator").post(
        reverse("privacy:request_new"),
        {"email": "nobody@example.org", "kind": "access", "received_on": "31 2 2026"},
    )
    assert b"Nobody has an account with this email address." in response.content
    assert b"Enter a real date" in response.content


def test_the_lead_finds_reads_of_one_person_from_their_page(client_as, people):
    from coproduce.projects.tests.factories import make_project

    person = fill_in_person(people["coproducer"], staff=people["staff"])
    other = fill_in_person(
        UserFactory(name="Other Person", roles=["coproducer"]), staff=people["staff"]
    )
    make_project(lead=people["staff"], coproducers=[person, other])  # staff work with both
    access.arrangements_for(person, people["staff"], "Planning the workshop")
    access.arrangements_for(other, people["staff"], "Planning the bus trip")
    client = client_as("lead")
    page = client.get(reverse("people:person_detail", args=[person.pk])).content.decode()
    assert f"/privacy/reads/?q={person.email.replace('@', '%40')}" in page
    log = client.get(reverse("privacy:read_log"), {"q": person.email}).content.decode()
    assert "Planning the workshop" in log and "Planning the bus trip" not in log
    assert client_as("staff").get(reverse("privacy:read_log")).status_code == 403


def test_whole_records_leave_only_for_an_open_access_request(client_as, people):
    client = client_as("administrator")
    erasure = actions.record_request(
        person=people["coproducer"],
        kind=DataRequest.Kind.ERASURE,
        recorded_by=people["administrator"],
    )
    response = client.post(
        reverse("privacy:request_detail", args=[erasure.pk]), {"action": "download"}
    )
    assert response["Content-Type"].startswith("text/html")
    access_request = actions.record_request(
        person=people["coproducer"],
        kind=DataRequest.Kind.ACCESS,
        recorded_by=people["administrator"],
    )
    response = client.post(
        reverse("privacy:request_detail", args=[access_request.pk]), {"action": "download"}
    )
    assert response["Content-Type"] == "application/zip"


def test_a_request_cannot_be_received_in_the_future(client_as, people):
    response = client_as("administrator").post(
        reverse("privacy:request_new"),
        {"email": people["coproducer"].email, "kind": "access", "received_on": "9999-12-31"},
    )
    assert response.status_code == 200
    assert "cannot be in the future" in response.content.decode()
