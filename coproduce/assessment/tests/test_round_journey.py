from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.assessment import actions, results
from coproduce.assessment.models import Action, Framework, Response, Round
from coproduce.assessment.tests.factories import COPRODUCER, STAFF, answer_all, open_round

pytestmark = pytest.mark.django_db


def test_the_scie_jigsaw_ships_with_four_to_six_statements_an_area_and_its_source():
    framework = Framework.objects.get()
    assert "scie.org.uk" in framework.source_url and framework.source_title
    per_area = {}
    for statement in framework.statements.all():
        per_area[statement.area] = per_area.get(statement.area, 0) + 1
    assert set(per_area) == {"culture", "structure", "practice", "review"}
    assert all(4 <= n <= 6 for n in per_area.values()), per_area


def test_lead_opens_a_round_and_a_past_closing_date_is_refused(client_as, people):
    client = client_as("lead")
    framework = Framework.objects.get()
    url = reverse("assessment:round_create")
    yesterday = timezone.localdate() - timedelta(days=1)
    response = client.post(
        url, {"framework": framework.pk, "title": "Spring", "closes_on": yesterday.isoformat()}
    )
    assert response.status_code == 200
    assert "The last day to answer must be today or later." in response.content.decode()
    response = client.post(url, {"framework": framework.pk, "title": "Spring", "closes_on": "x"})
    assert response.status_code == 200 and not Round.objects.exists()
    closes = timezone.localdate() + timedelta(days=21)
    response = client.post(
        url, {"framework": framework.pk, "title": "Spring", "closes_on": closes.isoformat()}
    )
    round_ = Round.objects.get()
    assert response.status_code == 302 and response["Location"] == round_.get_absolute_url()
    assert round_.opened_by == people["lead"] and round_.is_open


def _post_answers(client, round_, perspective, score, button):
    data = {button: "1"}
    for statement in round_.framework.statements.all():
        if score is not None:
            data[f"score_{statement.pk}"] = str(score)
        data[f"comment_{statement.pk}"] = ""
    return client.post(
        reverse("assessment:answer", args=[round_.pk, perspective]), data, follow=False
    )


def test_staff_save_and_come_back_then_send_their_answers(client_as, people):
    round_ = open_round(lead=people["lead"])
    client = client_as("staff")
    first = round_.framework.statements.first()
    url = reverse("assessment:answer", args=[round_.pk, "staff"])
    # Save with only one answer and a comment: kept as a draft.
    response = client.post(
        url, {"save": "1", f"score_{first.pk}": "4", f"comment_{first.pk}": "Mostly true"}
    )
    assert response.status_code == 302
    saved = Response.objects.get(person=people["staff"])
    assert saved.submitted_at is None and saved.perspective == STAFF
    page = client.get(url).content.decode()
    assert "Mostly true" in page and 'value="4" checked' in page
    # Sending with gaps is refused, with a message per missing statement.
    response = client.post(url, {"submit": "1", f"score_{first.pk}": "4"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Choose a score for statement 2" in body and "govuk-error-summary" in body
    # A score off the scale is refused, not a server error.
    response = client.post(url, {"submit": "1", f"score_{first.pk}": "9"})
    assert response.status_code == 200
    response = _post_answers(client, round_, "staff", 3, "submit")
    assert response.status_code == 302
    saved.refresh_from_db()
    assert saved.submitted_at is not None
    assert saved.answers.filter(score=3).count() == round_.framework.statements.count()


def test_people_answer_only_from_their_own_perspective(client_as, people):
    round_ = open_round(lead=people["lead"])
    assert _post_answers(client_as("coproducer"), round_, "staff", 3, "submit").status_code == 403
    assert _post_answers(client_as("staff"), round_, "coproducer", 3, "submit").status_code == 403
    both = client_as("coproducer_staff")
    assert _post_answers(both, round_, "staff", 4, "submit").status_code == 302
    assert _post_answers(both, round_, "coproducer", 2, "submit").status_code == 302
    assert Response.objects.filter(person=people["coproducer_staff"]).count() == 2
    assert client_as("staff").get(
        reverse("assessment:answer", args=[round_.pk, "nonsense"])
    ).status_code in (403, 404)


def test_a_closed_round_takes_no_more_answers(client_as, people):
    round_ = open_round(lead=people["lead"])
    client_as("lead").post(reverse("assessment:round_close", args=[round_.pk]))
    round_.refresh_from_db()
    assert round_.closed
    response = _post_answers(client_as("staff"), round_, "staff", 3, "submit")
    assert response.status_code == 302 and not Response.objects.exists()


def _crowd(round_, perspective, scores, n=5):
    role = "staff" if perspective == STAFF else "coproducer"
    for number in range(n):
        answer_all(
            round_,
            UserFactory(roles=[role]),
            perspective,
            scores,
            comment=f"{role} comment {number}" if number == 0 else "",
        )


def test_lead_sees_staff_and_coproducer_scores_side_by_side_with_the_gap(client_as, people):
    round_ = open_round(lead=people["lead"])
    _crowd(round_, STAFF, {"culture": 4, "structure": 4, "practice": 5, "review": 3})
    _crowd(round_, COPRODUCER, {"culture": 2, "structure": 3, "practice": 5, "review": 4})
    scores = results.area_scores([round_.pk])[round_.pk]
    assert (scores["culture"].staff, scores["culture"].coproducer) == (4, 2)
    assert scores["culture"].gap == -2 and scores["review"].gap == 1
    assert scores["practice"].gap_words == "Staff and co-producers agree."
    page = client_as("lead").get(round_.get_absolute_url()).content.decode()
    assert "Co-producers scored 2.0 lower than staff." in page
    assert "A co-producer said: coproducer comment 0" in page
    assert "Raise an action" in page
    # A draft does not count.
    answer_all(round_, UserFactory(roles=["staff"]), STAFF, 1, submit=False)
    assert results.area_scores([round_.pk])[round_.pk]["culture"].staff == 4


def test_an_average_from_fewer_people_than_the_floor_is_hidden(client_as, people):
    round_ = open_round(lead=people["lead"])
    _crowd(round_, STAFF, 4)
    _crowd(round_, COPRODUCER, 1, n=4)
    scores = results.area_scores([round_.pk])[round_.pk]["culture"]
    assert scores.staff == 4 and scores.coproducer is None and scores.gap is None
    assert scores.coproducer_people is None
    page = client_as("lead").get(round_.get_absolute_url()).content.decode()
    assert "fewer than 5 co-producers" in page


def test_results_compare_with_earlier_rounds_in_constant_queries(
    client_as, people, django_assert_max_num_queries
):
    client = client_as("lead")
    earlier = open_round(lead=people["lead"], title="Autumn round")
    Round.objects.filter(pk=earlier.pk).update(opened_on=timezone.localdate() - timedelta(days=200))
    _crowd(earlier, STAFF, 3)
    _crowd(earlier, COPRODUCER, 1)
    latest = open_round(lead=people["lead"], title="Spring round")
    _crowd(latest, STAFF, 4)
    _crowd(latest, COPRODUCER, 2)
    client.get(latest.get_absolute_url())
    cache.clear()  # each visit counted at its dearest (tests/query_counts.py)
    with django_assert_max_num_queries(20) as few:
        page = client.get(latest.get_absolute_url()).content.decode()
    assert "Autumn round" in page and "Staff 3.0, co-producers 1.0" in page
    _crowd(latest, STAFF, 4, n=20)
    cache.clear()
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(latest.get_absolute_url())


def test_lead_raises_an_action_the_owner_records_progress_and_overdue_is_flagged(
    client_as, people, django_capture_on_commit_callbacks
):
    round_ = open_round(lead=people["lead"])
    client = client_as("lead")
    url = reverse("assessment:action_create") + f"?round={round_.pk}&area=practice"
    assert 'value="practice" checked' in client.get(url).content.decode()
    past = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = client.post(url, {"area": "practice", "what": "Easy Read", "due_on": past})
    assert "The due date must be today or later." in response.content.decode()
    due = (timezone.localdate() + timedelta(days=10)).isoformat()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                "area": "practice",
                "what": "Offer every paper in Easy Read",
                "owner": people["staff"].pk,
                "due_on": due,
            },
        )
    action = Action.objects.get()
    assert response["Location"] == action.get_absolute_url()
    assert action.round == round_ and action.created_by == people["lead"]
    assert [m.to for m in mail.outbox] == [[people["staff"].email]]
    # The owner records progress; a no-change, no-note update is refused.
    owner = client_as("staff")
    response = owner.post(action.get_absolute_url(), {"status": "open", "note": ""})
    assert "Write what has happened" in response.content.decode()
    owner.post(action.get_absolute_url(), {"status": "in_progress", "note": "Found a supplier"})
    action.refresh_from_db()
    assert action.status == "in_progress"
    assert "Found a supplier" in action.notes.last().text
    # Someone else on the staff can read it but not record progress.
    assert (
        client_as("finance")
        .post(action.get_absolute_url(), {"status": "done", "note": "x"})
        .status_code
        == 403
    )
    # Overdue once the due date passes and it is not done.
    Action.objects.filter(pk=action.pk).update(due_on=timezone.localdate() - timedelta(days=2))
    page = client_as("lead").get(reverse("assessment:action_list")).content.decode()
    assert "Overdue" in page and "1 overdue" in page
    actions.update_action(
        action=Action.objects.get(), status="done", note="", author=people["staff"]
    )
    page = client_as("lead").get(reverse("assessment:action_list") + "?status=all").content
    assert b"Overdue</strong>" not in page


def test_a_statement_most_people_left_blank_does_not_show_one_persons_score(people):
    """Five staff sent answers, then four cleared one statement: its average
    would be the fifth person's own score, so it is hidden, and so is nothing else."""
    round_ = open_round(lead=people["lead"])
    staff = [UserFactory(roles=["staff"]) for _ in range(5)]
    for person in staff:
        answer_all(round_, person, STAFF, 4)
    cleared = round_.framework.statements.first()
    for person in staff[1:]:
        actions.save_answers(
            round_=round_,
            person=person,
            perspective=STAFF,
            answers={cleared: (None, "")},
            submit=False,
        )
    by_statement = dict(results.statement_scores(round_))
    assert by_statement[cleared].staff is None
    others = [scores.staff for statement, scores in by_statement.items() if statement != cleared]
    assert others and all(score == 4 for score in others)
