"""A supporter drafts a claim for the person who let them help with claims: the claim and
its payment are the person's, the supporter never sees their bank details, and the
supporter has no hold on it once drafted or once the power is withdrawn."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.notifications.models import Notification
from coproduce.payments import actions
from coproduce.payments.models import Claim, Status
from coproduce.payments.tests.factories import make_activity_type
from coproduce.people import actions as people_actions
from coproduce.people.models import ActionBySupporter
from coproduce.privacy.models import ReadLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def helping(people):
    person = people["coproducer"]
    robin = UserFactory(email="robin.pa@example.org", name="Robin PA", roles=["coproducer"])
    authority = people_actions.grant_authority(
        person=person, email=robin.email, powers=["help_with_claims"]
    )
    actions.save_bank_details(
        person=person, account_name="C DOYLE", sort_code="11-22-33", account_number="12345678"
    )
    return person, robin, authority


def claim_form(activity_type):
    return {
        "activity_type": activity_type.pk,
        "activity_date": (timezone.localdate() - datetime.timedelta(days=2)).isoformat(),
        "hours": "2",
        "minutes": "0",
        "description": "Transport forum",
        "payment_choice": "bank",
    }


def test_a_supporter_drafts_a_claim_that_is_the_persons_and_they_are_told(client, helping, people):
    person, robin, authority = helping
    activity_type = make_activity_type(by=people["lead"])
    client.force_login(robin)
    url = reverse("payments:claim_for", args=[authority.pk])
    page = client.get(url).content.decode()
    assert f"Draft a claim for {person.name}" in page
    response = client.post(url, claim_form(activity_type), follow=True)
    assert response.status_code == 200
    claim = Claim.objects.get()
    assert (claim.claimant, claim.entered_by, claim.status) == (person, robin, Status.DRAFT)
    done = ActionBySupporter.objects.get()
    assert (done.person, done.acted_by) == (person, robin)
    assert done.what.startswith("Drafted a claim for you")
    assert Notification.objects.filter(recipient=person, kind="people.supporter_acted").exists()
    # The supporter has no lasting hold on the claim; the person checks and sends it.
    assert client.get(claim.get_absolute_url()).status_code == 403
    assert client.post(reverse("payments:claim_submit", args=[claim.pk])).status_code == 403
    client.force_login(person)
    assert client.get(claim.get_absolute_url()).status_code == 200
    assert actions.submit(claim=claim, by=person)
    # Nobody who entered it approves it: the lead does, as for any claim.
    assert not robin.has_perm("payments.approve_claim", claim)
    assert people["lead"].has_perm("payments.approve_claim", Claim.objects.get())


def test_the_supporter_never_sees_the_persons_bank_details(client, helping, people):
    person, robin, authority = helping
    activity_type = make_activity_type(by=people["lead"])
    reads = ReadLog.objects.count()
    client.force_login(robin)
    url = reverse("payments:claim_for", args=[authority.pk])
    pages = [client.get(url), client.post(url, claim_form(activity_type), follow=True)]
    pages.append(client.get(reverse("people:supporting")))
    for response in pages:
        text = response.content.decode()
        assert response.status_code == 200
        for secret in ("12345678", "5678", "11-22-33", "C DOYLE"):
            assert secret not in text
    assert ReadLog.objects.count() == reads


def test_without_the_power_or_once_withdrawn_the_supporter_is_refused(client, helping, people):
    person, robin, authority = helping
    activity_type = make_activity_type(by=people["lead"])
    meetings_only = people_actions.grant_authority(
        person=people["coproducer_staff"], email=robin.email, powers=["reply_to_invitations"]
    )
    client.force_login(robin)
    url = reverse("payments:claim_for", args=[meetings_only.pk])
    assert client.post(url, claim_form(activity_type)).status_code == 403
    people_actions.withdraw_authority(person=person, authority_pk=authority.pk)
    url = reverse("payments:claim_for", args=[authority.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, claim_form(activity_type)).status_code == 403
    with pytest.raises(PermissionDenied):
        actions.draft_claim_as_supporter(
            authority=authority,
            activity_type=activity_type,
            activity_date=timezone.localdate(),
            minutes=60,
            description="After withdrawal",
            payment_choice="bank",
        )
    # Someone else, whatever their role, cannot use the authority.
    for role in ("lead", "staff", "administrator", "finance"):
        client.force_login(people[role])
        assert client.get(url).status_code == 403
    assert not Claim.objects.exists()


def test_staff_who_enter_a_claim_for_someone_still_see_it(people):
    """The narrower `entered_it` keeps what staff could do before."""
    from coproduce.payments.tests.factories import make_claim

    claim = make_claim(claimant=people["coproducer"], entered_by=people["staff"], reason="Phone")
    assert people["staff"].has_perm("payments.view_claim", claim)
    assert people["staff"].has_perm("payments.change_claim", claim)
