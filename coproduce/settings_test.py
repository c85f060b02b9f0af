"""Test settings: the real settings with a queue that runs tasks at once and a
fast password hasher. Everything else is as deployed."""

import tempfile

from coproduce.settings import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
COPRODUCE_REQUIRE_MFA = False
# Tests read static files from their sources; test_static.py checks the
# production build (hashed names, compressed files, rewritten module imports).
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploads made by tests go to a throw-away folder.
STORAGES["private"] = {  # noqa: F405
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": tempfile.mkdtemp(prefix="coproduce-test-private-")},
}
# Tests never reach GOV.UK Notify: the ones that send start a fake Notify on 127.0.0.1
# (coproduce/notifications/tests/fake_notify.py) and point these at it.
NOTIFY_API_KEY = ""
NOTIFY_BASE_URL = ""
