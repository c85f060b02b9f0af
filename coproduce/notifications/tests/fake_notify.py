"""A small stand-in for GOV.UK Notify on 127.0.0.1, so tests send real requests through
the official client and never reach the outside network.

It checks each request's JSON Web Token against the API key the way Notify does, takes
POSTs to /v2/notifications/sms and /v2/notifications/letter, records them, and can be
told to fail the next few requests."""

import base64
import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from notifications_python_client.authentication import decode_jwt_token, get_token_issuer
from notifications_python_client.errors import TokenError

SERVICE_ID = "6f0cdb3a-5a5e-4c3e-9d2c-8a3f1b2e4c5d"
SECRET = "0b7c8e4a-9d1f-4e2b-8c3a-5f6e7d8c9b0a"
API_KEY = f"coproduce_test-{SERVICE_ID}-{SECRET}"


class FakeNotify:
    def __init__(self):
        self.received = []  # [{"path": ..., "json": ...}] for each request Notify accepted
        self.refused = []  # the same for each request it answered with an error
        self._failures = []  # status codes to answer the next requests with
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self):
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self):
        self._thread.start()
        return self

    def stop(self):
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def fail_next(self, count, status=500):
        """Answers the next `count` requests with `status` instead of accepting them."""
        with self._lock:
            self._failures.extend([status] * count)

    def texts(self):
        return [r["json"] for r in self.received if r["path"] == "/v2/notifications/sms"]

    def letters(self):
        return [r["json"] for r in self.received if r["path"] == "/v2/notifications/letter"]

    def _answer(self, path, headers, body):
        """(status, JSON answer) for one request."""
        problem = _authorisation_problem(headers.get("Authorization", ""))
        if problem:
            return 403, _errors(403, "AuthError", problem)
        with self._lock:
            status = self._failures.pop(0) if self._failures else None
        if status:
            return status, _errors(status, "Exception", "Internal server error")
        try:
            data = json.loads(body or b"{}")
        except ValueError:
            return 400, _errors(400, "BadRequestError", "Invalid JSON supplied in POST data")
        if path == "/v2/notifications/sms":
            problem = _sms_problem(data)
        elif path == "/v2/notifications/letter":
            problem = _letter_problem(data)
        else:
            return 404, _errors(404, "NotFound", "The requested URL was not found")
        if problem:
            return 400, _errors(400, "ValidationError", problem)
        notification_id = str(uuid.uuid4())
        with self._lock:
            self.received.append({"path": path, "json": data, "id": notification_id})
        return 201, {"id": notification_id, "reference": data.get("reference")}

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                status, answer = fake._answer(self.path, self.headers, body)
                if status >= 400:
                    with fake._lock:
                        fake.refused.append({"path": self.path, "status": status})
                content = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)

            def log_message(self, format, *args):
                pass  # keep test output quiet

        return Handler


def _errors(status, kind, message):
    return {"status_code": status, "errors": [{"error": kind, "message": message}]}


def _authorisation_problem(header):
    scheme, _, token = header.partition(" ")
    if scheme != "Bearer" or not token:
        return "Unauthorized: authentication token must be provided"
    try:
        if get_token_issuer(token) != SERVICE_ID:
            return "Invalid token: service not found"
        decode_jwt_token(token, SECRET)
    except TokenError as error:
        return error.message
    return ""


def _sms_problem(data):
    if not data.get("template_id"):
        return "template_id is a required property"
    number = str(data.get("phone_number", ""))
    if not number.startswith("+") and not number.startswith("0"):
        return "phone_number Not a valid number"
    if not data.get("reference"):
        # Notify allows no reference; Coproduce always sends one, so the fake insists.
        return "reference is required by these tests"
    return ""


def _letter_problem(data):
    if not data.get("reference"):
        return "reference is a required property"
    try:
        pdf = base64.b64decode(data.get("content", ""), validate=True)
    except ValueError:
        return "content is not a valid base64 string"
    if not pdf.startswith(b"%PDF"):
        return "Letter content is not a valid PDF"
    return ""
