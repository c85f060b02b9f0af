"""Webhooks: delivered to a receiver on 127.0.0.1, signed, retried after a failure with
a longer wait each time, and never sent twice for one event."""

import hashlib
import hmac
import json
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from coproduce.api import actions, tasks
from coproduce.api.models import WebhookDelivery
from coproduce.lib import events

pytestmark = pytest.mark.django_db


class Receiver:
    """An HTTP server on 127.0.0.1 that keeps what it is sent and answers with the next
    status in `answers` (200 once they run out)."""

    def __init__(self, answers=()):
        self.received = []
        self.answers = list(answers)
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append((dict(self.headers), body))
                status = receiver.answers.pop(0) if receiver.answers else 200
                self.send_response(status)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hooks"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    made = []

    def make(answers=()):
        made.append(Receiver(answers))
        return made[-1]

    yield make
    for one in made:
        one.close()


@pytest.fixture
def endpoint_for(people, settings):
    settings.DEBUG = True  # http://127.0.0.1 is allowed only in DEBUG and tests

    def make(url, chosen=(events.CLAIM_PAID,)):
        return actions.register_webhook(by=people["administrator"], url=url, events=chosen)

    return make


def emit_now(name, object_id, occurrence, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        events.emit(name, object_id=object_id, occurrence=occurrence)


def test_a_delivery_is_sent_signed_and_only_with_ids(
    receiver, endpoint_for, django_capture_on_commit_callbacks
):
    listening = receiver()
    endpoint, secret = endpoint_for(listening.url)
    emit_now(events.CLAIM_PAID, 41, "paid", django_capture_on_commit_callbacks)
    assert len(listening.received) == 1
    headers, body = listening.received[0]
    assert json.loads(body).keys() == {"delivery", "event", "id", "occurred"}
    assert json.loads(body)["id"] == 41 and json.loads(body)["event"] == "claim.paid"
    stamp, signed = headers["Coproduce-Signature"].split(",")
    timestamp = stamp.removeprefix("t=")
    expected = hmac.new(
        secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256
    ).hexdigest()
    assert signed == f"v1={expected}"
    delivery = WebhookDelivery.objects.get()
    assert delivery.outcome == "delivered" and delivery.attempts == 1


def test_an_event_is_never_delivered_twice(
    receiver, endpoint_for, django_capture_on_commit_callbacks
):
    listening = receiver()
    endpoint_for(listening.url)
    for _ in range(3):
        emit_now(events.CLAIM_PAID, 7, "paid", django_capture_on_commit_callbacks)
    tasks.retry_webhooks.enqueue()
    assert len(listening.received) == 1
    assert WebhookDelivery.objects.count() == 1


def test_a_failed_delivery_is_retried_after_a_growing_wait(
    receiver, endpoint_for, django_capture_on_commit_callbacks
):
    listening = receiver(answers=[500, 503])
    endpoint_for(listening.url)
    emit_now(events.CLAIM_PAID, 9, "paid", django_capture_on_commit_callbacks)
    delivery = WebhookDelivery.objects.get()
    assert (delivery.outcome, delivery.attempts, delivery.last_status) == ("waiting", 1, 500)
    first_wait = delivery.next_attempt_at - timezone.now()
    assert timedelta(seconds=50) < first_wait <= timedelta(minutes=1)
    # Not due yet: the retry job leaves it.
    assert tasks.retry_webhooks.enqueue().return_value == 0
    WebhookDelivery.objects.update(next_attempt_at=timezone.now())
    tasks.retry_webhooks.enqueue()
    delivery.refresh_from_db()
    assert (delivery.attempts, delivery.last_status) == (2, 503)
    assert delivery.next_attempt_at - timezone.now() > timedelta(minutes=4)
    WebhookDelivery.objects.update(next_attempt_at=timezone.now())
    tasks.retry_webhooks.enqueue()
    delivery.refresh_from_db()
    assert (delivery.outcome, delivery.attempts) == ("delivered", 3)
    assert len(listening.received) == 3


def test_a_delivery_that_keeps_failing_stops(endpoint_for, django_capture_on_commit_callbacks):
    # Nothing listens on this port: the connection is refused every time.
    endpoint_for("http://127.0.0.1:9/hooks")
    emit_now(events.CLAIM_PAID, 3, "paid", django_capture_on_commit_callbacks)
    for _ in range(len(actions.RETRY_WAITS)):
        WebhookDelivery.objects.update(next_attempt_at=timezone.now())
        tasks.retry_webhooks.enqueue()
    delivery = WebhookDelivery.objects.get()
    assert delivery.outcome == "failed" and delivery.last_error
    assert delivery.attempts == len(actions.RETRY_WAITS) + 1


def test_only_endpoints_that_chose_the_event_are_told(
    receiver, endpoint_for, django_capture_on_commit_callbacks
):
    paid, meetings = receiver(), receiver()
    endpoint_for(paid.url, [events.CLAIM_PAID])
    endpoint_for(meetings.url, [events.MEETING_CHANGED])
    emit_now(events.MEETING_CHANGED, 5, "a", django_capture_on_commit_callbacks)
    assert len(paid.received) == 0 and len(meetings.received) == 1


def test_paying_a_batch_tells_about_the_batch_and_each_claim(
    people, receiver, endpoint_for, django_capture_on_commit_callbacks
):
    from coproduce.payments import actions as payments
    from coproduce.payments.tests.factories import make_claim

    listening = receiver()
    endpoint_for(listening.url, [events.CLAIM_PAID, events.BATCH_PAID])
    claim = make_claim(claimant=people["coproducer"])
    payments.submit(claim=claim, by=people["coproducer"])
    payments.approve(claim=claim, by=people["lead"])
    batch = payments.create_batch(claims=[claim], by=people["finance"])
    with django_capture_on_commit_callbacks(execute=True):
        payments.mark_batch_paid(batch=batch, by=people["finance"])
    told = sorted(
        (json.loads(body)["event"], json.loads(body)["id"]) for _, body in listening.received
    )
    assert told == [("batch.paid", batch.pk), ("claim.paid", claim.pk)]


@override_settings(DEBUG=False)
def test_only_https_addresses_outside_tests(people):
    with pytest.raises(ValidationError):
        actions.register_webhook(
            by=people["administrator"], url="http://127.0.0.1:8000/", events=["claim.paid"]
        )
    with pytest.raises(ValidationError):
        actions.register_webhook(
            by=people["administrator"], url="http://example.org/", events=["claim.paid"]
        )
    endpoint, secret = actions.register_webhook(
        by=people["administrator"], url="https://example.org/", events=["claim.paid"]
    )
    assert endpoint.secret and len(secret) == 64 and secret not in endpoint.secret


def test_an_administrator_adds_a_webhook_and_sees_its_secret_once(client_as, people):
    client = client_as("administrator")
    response = client.post(
        reverse("api:webhook_create"),
        {"url": "https://finance.example.org/hooks", "events": ["claim.approved"]},
    )
    assert response.status_code == 200
    secret = response.context["secret"]
    assert secret in response.content.decode()
    assert secret not in client.get(reverse("api:webhook_list")).content.decode()
