import pytest

from .fake_notify import API_KEY, FakeNotify

SMS_TEMPLATE_ID = "5a1c7e62-0d0e-4f7a-9b8e-2c3d4e5f6a7b"


@pytest.fixture
def fake_notify(settings):
    """GOV.UK Notify on 127.0.0.1, with the settings pointing at it."""
    server = FakeNotify().start()
    settings.NOTIFY_API_KEY = API_KEY
    settings.NOTIFY_BASE_URL = server.url
    settings.NOTIFY_SMS_TEMPLATE_ID = SMS_TEMPLATE_ID
    yield server
    server.stop()
