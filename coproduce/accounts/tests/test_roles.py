import pytest
from django.urls import reverse

from coproduce.accounts.models import RoleAssignment

pytestmark = pytest.mark.django_db


def test_administrator_changes_roles_and_the_change_is_kept(client_as, people):
    client = client_as("administrator")
    staff = people["staff"]
    response = client.post(
        reverse("accounts:account_detail", args=[staff.pk]), {"roles": ["staff", "lead"]}
    )
    assert response.status_code == 302
    assert set(staff.role_assignments.values_list("role", flat=True)) == {"staff", "lead"}
    client.post(reverse("accounts:account_detail", args=[staff.pk]), {"roles": ["lead"]})
    history = RoleAssignment.history.filter(user_id=staff.pk)
    assert {(h.role, h.history_type) for h in history} >= {("lead", "+"), ("staff", "-")}
    assert all(
        h.history_user_id == people["administrator"].pk for h in history if h.history_type == "-"
    )
    page = client.get(reverse("accounts:account_detail", args=[staff.pk])).content.decode()
    assert "Removed: Staff member" in page


def test_the_last_administrator_cannot_be_removed(client_as, people):
    admin = people["administrator"]
    response = client_as("administrator").post(
        reverse("accounts:account_detail", args=[admin.pk]), {"roles": ["staff"]}
    )
    assert response.status_code == 200
    assert "last administrator" in response.content.decode()
    assert admin.role_assignments.filter(role="administrator").exists()


def test_administrator_role_can_move_when_there_is_another(client_as, people):
    client = client_as("administrator")
    lead = people["lead"]
    client.post(
        reverse("accounts:account_detail", args=[lead.pk]), {"roles": ["lead", "administrator"]}
    )
    admin = people["administrator"]
    client.post(reverse("accounts:account_detail", args=[admin.pk]), {"roles": ["staff"]})
    assert not admin.role_assignments.filter(role="administrator").exists()


def test_stop_and_restore_sign_in(client_as, people):
    client = client_as("administrator")
    staff = people["staff"]
    client.post(reverse("accounts:set_active", args=[staff.pk]), {"active": "0"})
    staff.refresh_from_db()
    assert not staff.is_active
    client.post(reverse("accounts:set_active", args=[staff.pk]), {"active": "1"})
    staff.refresh_from_db()
    assert staff.is_active


def test_cannot_stop_yourself_signing_in(client_as, people):
    admin = people["administrator"]
    response = client_as("administrator").post(
        reverse("accounts:set_active", args=[admin.pk]), {"active": "0"}, follow=True
    )
    admin.refresh_from_db()
    assert admin.is_active
    assert "cannot deactivate your own account" in response.content.decode()


def test_account_list_search_and_filter(client_as, people):
    client = client_as("administrator")
    html = client.get(reverse("accounts:account_list"), {"role": "finance"}).content.decode()
    assert people["finance"].email in html
    assert people["board"].email not in html
    html = client.get(reverse("accounts:account_list"), {"q": "test board"}).content.decode()
    assert people["board"].email in html and people["finance"].email not in html


def test_account_list_queries_do_not_grow_with_accounts(client_as):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from coproduce.accounts.tests.factories import UserFactory

    client = client_as("administrator")
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("accounts:account_list"))
    UserFactory.create_batch(40, roles=["coproducer", "staff"])
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("accounts:account_list"))
    assert len(many) == len(few)


def test_roles_a_page_prefetched_are_not_read_again(people, django_assert_num_queries):
    from coproduce.accounts.models import User

    staff = User.objects.prefetch_related("role_assignments").get(pk=people["staff"].pk)
    with django_assert_num_queries(0):
        assert staff.has_role("staff") and not staff.has_role("lead")
    lead = User.objects.get(pk=people["lead"].pk)
    with django_assert_num_queries(1):  # not prefetched: read once
        assert lead.role_set == {"lead"} and lead.has_role("lead")


@pytest.mark.django_db(transaction=True)
def test_a_role_taken_away_counts_from_the_next_request(client, people):
    """Each person's roles are kept between requests (User.role_set), never past a
    committed change: staff who lose the role lose its pages at once."""
    staff = people["staff"]
    client.force_login(staff)
    assert client.get(reverse("people:person_list")).status_code == 200
    assert client.get(reverse("people:person_list")).status_code == 200  # kept
    RoleAssignment.objects.filter(user=staff, role="staff").delete()
    assert client.get(reverse("people:person_list")).status_code == 403
