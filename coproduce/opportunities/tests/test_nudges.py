"""The opportunity alert: people whose interests match an open opportunity's topics and
who said yes to hearing about opportunities are told once; nobody else is."""

import pytest
from django.core import mail

from coproduce.accounts.tests.factories import UserFactory
from coproduce.notifications.models import Notification
from coproduce.opportunities import actions, nudges
from coproduce.opportunities.matching import interests_of
from coproduce.opportunities.models import Opportunity
from coproduce.opportunities.tests.factories import make_opportunity
from coproduce.people import actions as people_actions

pytestmark = pytest.mark.django_db


def test_topics_match_interests_by_their_words():
    def matched(topics):
        return interests_of(Opportunity(topics=topics))

    assert matched("transport, buses") == {"transport"}
    assert matched("Mental health, benefits advice") == {"health", "employment"}
    assert matched("social care; Arts") == {"social_care", "arts"}
    assert matched("easy read, recruitment, support services") == set()
    assert matched("") == set()


def person(interests, consent=None, roles=("coproducer",)):
    someone = UserFactory(roles=list(roles))
    people_actions.save_profile(person=someone, changed_by=someone, data={"interests": interests})
    for given in [] if consent is None else consent:
        people_actions.record_consent(
            person=someone, recorded_by=someone, purpose="contact", given=given
        )
    return someone


def alerts():
    return {(n.recipient, n.key) for n in Notification.objects.filter(kind="opportunities.alert")}


def test_an_open_opportunity_reaches_matching_people_who_consented_once(
    django_capture_on_commit_callbacks,
):
    transport = make_opportunity(topics="transport, buses")
    housing = make_opportunity(title="Housing panel", topics="housing")
    make_opportunity(title="Draft", topics="transport", status=Opportunity.Status.DRAFT)
    both = person(["transport", "housing"], consent=[True])
    just_transport = person(["transport"], consent=[True])
    never_asked = person(["transport"])
    said_no = person(["transport"], consent=[True, False])  # the newest choice counts
    other_interests = person(["arts"], consent=[True])
    staff = person(["transport"], consent=[True], roles=("staff",))
    applied = person(["transport"], consent=[True])
    actions.express_interest(opportunity=transport, person=applied)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert nudges.send_opportunity_alerts() == 3
    assert alerts() == {
        (both, f"opportunities.alert:{transport.pk}"),
        (both, f"opportunities.alert:{housing.pk}"),
        (just_transport, f"opportunities.alert:{transport.pk}"),
    }
    for nobody in (never_asked, said_no, other_interests, staff, applied):
        assert not Notification.objects.filter(recipient=nobody).exists()
    emails = len(mail.outbox)
    assert emails == 3
    with django_capture_on_commit_callbacks(execute=True):
        assert nudges.send_opportunity_alerts() == 0
        assert nudges.opportunity_alerts.enqueue().return_value == {"told": 0}
    assert len(alerts()) == 3 and len(mail.outbox) == emails
    # Someone who says yes later hears about what is still open.
    people_actions.record_consent(
        person=never_asked, recorded_by=never_asked, purpose="contact", given=True
    )
    assert nudges.send_opportunity_alerts() == 1
