import pytest
from django.core.exceptions import PermissionDenied

from coproduce.accounts.tests.factories import UserFactory
from coproduce.people import actions
from coproduce.people.equality import answer_counts
from coproduce.privacy.models import ReadLog

pytestmark = pytest.mark.django_db


def test_only_the_lead_gets_counts_small_ones_hidden_and_the_read_logged(people):
    for answer in ["asian"] * 6 + ["white", "mixed"]:
        actions.save_equality(person=UserFactory(), data={"ethnicity": answer})
    counts = dict(answer_counts(people["lead"], "ethnicity", "Reach report"))
    assert counts["Asian or Asian British"] == 6
    assert counts["White"] is None  # one person: too few to show
    assert counts["Mixed or multiple ethnic groups"] is None
    log = ReadLog.objects.get()
    assert (log.viewer, log.subject, log.what) == (people["lead"], None, "equality")
    for role in ("staff", "administrator", "finance", "board", "coproducer"):
        with pytest.raises(PermissionDenied):
            answer_counts(people[role], "ethnicity", "Curious")


def test_a_lone_small_count_takes_the_next_smallest_with_it(people):
    for answer in ["asian"] * 6 + ["black"] * 9 + ["white"]:
        actions.save_equality(person=UserFactory(), data={"ethnicity": answer})
    counts = dict(answer_counts(people["lead"], "ethnicity", "Reach report"))
    # White (1) is hidden; so is Asian (6), or White could be worked out from the rest.
    assert counts["White"] is None and counts["Asian or Asian British"] is None
    assert counts["Black, Black British, Caribbean or African"] == 9
