"""Whatever is typed into the account forms, the answer is a page, never a server error."""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coproduce.accounts.models import Invitation

pytestmark = pytest.mark.django_db

any_text = st.one_of(
    st.text(max_size=300), st.sampled_from(["", " ", "a@b.c", "x" * 5000, "\x00", "<script>"])
)
any_roles = st.lists(
    st.one_of(st.sampled_from(["staff", "lead", "coproducer"]), st.text(max_size=20)), max_size=4
)


@given(name=any_text, email=any_text, roles=any_roles)
@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_invite_form(people, name, email, roles):
    client = Client()
    client.force_login(people["administrator"])
    response = client.post(
        reverse("accounts:invite"), {"name": name, "email": email, "roles": roles}
    )
    assert response.status_code in (200, 302)


@given(name=any_text, first=any_text, second=any_text)
@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_accept_invitation_form(db, name, first, second):
    invitation, _ = Invitation.objects.get_or_create(
        email="h@example.org", defaults={"name": "H", "roles": ["coproducer"]}
    )
    response = Client().post(
        reverse("accounts:accept_invitation", args=[invitation.token]),
        {"name": name, "password1": first, "password2": second},
    )
    assert response.status_code in (200, 302, 410)


@given(q=any_text, role=any_text, page=any_text)
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_account_search(people, q, role, page):
    client = Client()
    client.force_login(people["administrator"])
    response = client.get(reverse("accounts:account_list"), {"q": q, "role": role, "page": page})
    assert response.status_code == 200
