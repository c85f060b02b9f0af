"""Ids from query strings: anything that is not a sensible whole number is
ignored, so no page fails on a typed or doctored address."""

import pytest
from django.urls import reverse

from coproduce.lib.views import id_param


@pytest.mark.parametrize(
    "value, expected",
    [("12", 12), (" 7 ", 7), ("", None), (None, None), ("²", None), ("-3", None),
     ("1.5", None), ("9" * 40, None), ("abc", None), ("٣", None), ("1e3", None),
     (str(2**63 - 1), 2**63 - 1), (str(2**63), None)],
)  # fmt: skip
def test_only_plain_whole_numbers_are_ids(value, expected):
    assert id_param(value) == expected


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["²", "9" * 40, "-1", "x"])
def test_pages_taking_an_id_ignore_nonsense(client_as, value):
    client = client_as("staff")
    assert client.get(reverse("meetings:meeting_list"), {"project": value}).status_code == 200
    assert client.get(reverse("meetings:meeting_create"), {"project": value}).status_code == 200
    lead = client_as("lead")
    assert lead.get(reverse("assessment:action_create"), {"round": value}).status_code == 200
