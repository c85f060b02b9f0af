"""Answers to "you said" items: each person who said it is told, on the channel they
chose, when it is answered; nobody else is."""

import pytest
from django.core import mail
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.notifications.models import Delivery, Notification
from coproduce.people import actions as people_actions
from coproduce.projects import actions
from coproduce.projects.tests.factories import make_project

pytestmark = pytest.mark.django_db


def test_the_people_who_said_it_are_told_the_answer_on_their_channel(
    people, django_capture_on_commit_callbacks
):
    by_email, by_text, other = (UserFactory(roles=["coproducer"]) for _ in range(3))
    people_actions.save_profile(
        person=by_text,
        changed_by=by_text,
        data={"contact_methods": ["text"], "phone": "07700 900123"},
    )
    project = make_project(lead=people["staff"], coproducers=[by_email, by_text, other])
    item = actions.record_feedback(
        project=project,
        recorded_by=people["staff"],
        said_by=[by_email, by_text],
        said="The papers came too late to read.",
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        actions.answer_feedback(
            item=item, outcome="done", response="Papers now go out ten days before.",
            answered_by=people["staff"], build_url=lambda item: "/",
        )  # fmt: skip
    told = Notification.objects.filter(kind="projects.you_said_answered")
    assert {n.recipient for n in told} == {by_email, by_text}
    assert {n.url for n in told} == {reverse("projects:you_said_we_did", args=[project.pk])}
    assert [m.to for m in mail.outbox] == [[by_email.email]]  # not by_text: they chose texts
    assert Delivery.objects.get(notification__recipient=by_text).channel == "text"
    assert not Notification.objects.filter(recipient__in=[other, people["staff"]]).exists()
    # What they said is free text that may hold health detail: the message never quotes it.
    assert not any("too late to read" in n.body + n.easy_read for n in told)
    assert "Papers now go out ten days before." in told[0].body
