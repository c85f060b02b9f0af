"""The settings several app servers need come from the environment. Each case loads
the real settings module in a fresh interpreter with the environment given."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.conf import settings

ROOT = Path(settings.BASE_DIR)

SHOW = """
import json
from django.conf import settings
from django.core.files.storage import storages
print(json.dumps({
    "session": settings.SESSION_ENGINE,
    "tasks": settings.TASKS["default"]["BACKEND"],
    "cache": settings.CACHES["default"]["BACKEND"],
    "apps": settings.INSTALLED_APPS,
    "rq": getattr(settings, "RQ_QUEUES", None),
    "conn": [settings.DATABASES["default"]["CONN_MAX_AGE"], settings.DATABASES["default"]["CONN_HEALTH_CHECKS"]],
    "default_storage": type(storages["default"]).__name__,
    "private": [type(storages["private"]).__name__, getattr(storages["private"], "location", None),
                getattr(storages["private"], "default_acl", None), getattr(storages["private"], "bucket_name", None)],
}))
"""


def load_settings(tmp_path, **env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("COPRODUCE_", "REDIS_URL", "DATABASE_URL", "TASK_BACKEND"))
    }
    clean.update(
        DJANGO_SETTINGS_MODULE="coproduce.settings",
        COPRODUCE_VAR_DIR=str(tmp_path),
        SECRET_KEY="settings-test",
        **env,
    )
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + SHOW],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return result


def loaded(tmp_path, **env):
    result = load_settings(tmp_path, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_defaults_need_no_other_service(tmp_path):
    found = loaded(tmp_path)
    assert found["session"] == "django.contrib.sessions.backends.db"
    assert found["tasks"] == "django_tasks_db.DatabaseBackend"
    assert found["cache"].endswith("LocMemCache")
    assert found["default_storage"] == "FileSystemStorage"
    assert "django_rq" not in found["apps"]


def test_postgresql_connections_are_kept_and_checked_before_reuse(tmp_path):
    found = loaded(
        tmp_path, DATABASE_URL="postgres://someone@127.0.0.1:5432/db", CONN_MAX_AGE="120"
    )
    assert found["conn"] == [120, True]


def test_redis_carries_cache_sessions_and_tasks_when_asked(tmp_path):
    found = loaded(
        tmp_path,
        REDIS_URL="redis://127.0.0.1:6379/3",
        COPRODUCE_SESSION_STORE="cache",
        COPRODUCE_TASK_QUEUE="redis",
    )
    assert found["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert found["session"] == "django.contrib.sessions.backends.cache"
    assert found["tasks"] == "django_tasks_rq.RQBackend"
    assert {"django_rq", "django_tasks_rq"} <= set(found["apps"])
    assert found["rq"]["default"]["URL"] == "redis://127.0.0.1:6379/3"


@pytest.mark.parametrize(
    "env, message",
    [
        ({"COPRODUCE_SESSION_STORE": "cache"}, "Sessions in the cache need REDIS_URL"),
        ({"COPRODUCE_TASK_QUEUE": "redis"}, "COPRODUCE_TASK_QUEUE=redis needs REDIS_URL"),
        ({"COPRODUCE_SESSION_STORE": "files"}, "COPRODUCE_SESSION_STORE must be one of"),
        (
            {"COPRODUCE_TASK_QUEUE": "carrier-pigeon"},
            "COPRODUCE_TASK_QUEUE must be database or redis",
        ),
    ],
)
def test_a_set_up_that_would_split_app_servers_refuses_to_start(tmp_path, env, message):
    result = load_settings(tmp_path, **env)
    assert result.returncode != 0
    assert message in result.stderr


def test_uploads_go_to_a_private_bucket_when_one_is_named(tmp_path):
    found = loaded(
        tmp_path,
        COPRODUCE_S3_BUCKET="coproduce-files",
        COPRODUCE_S3_ENDPOINT_URL="http://127.0.0.1:9000",
    )
    assert found["default_storage"] == "S3Storage"
    assert found["private"] == ["S3Storage", "private", "private", "coproduce-files"]


def test_compose_file_runs_app_and_worker_on_postgresql_and_redis():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services = compose["services"]
    assert set(services) >= {"postgres", "redis", "app", "worker", "migrate"}
    for name in ("app", "worker", "migrate"):
        env = services[name]["environment"]
        assert env["DATABASE_URL"].startswith("postgres://coproduce:")
        assert "@postgres:5432/" in env["DATABASE_URL"]
        assert env["REDIS_URL"] == "redis://redis:6379/0"
        assert env["COPRODUCE_TASK_QUEUE"] == "redis"
        assert services[name]["build"] == "."
    assert services["worker"]["command"][:3] == ["python", "manage.py", "rqworker"]
    assert "django_tasks_rq.Job" in services["worker"]["command"]
    assert services["app"]["command"][0] == "gunicorn"
    assert "/health/" in " ".join(services["app"]["healthcheck"]["test"])
    for name in ("app", "worker"):
        depends = services[name]["depends_on"]
        assert depends["migrate"]["condition"] == "service_completed_successfully"
        assert depends["postgres"]["condition"] == "service_healthy"
    named_volumes = set(compose["volumes"])
    for service in services.values():
        for volume in service.get("volumes", []):
            assert volume.split(":")[0] in named_volumes
    assert (ROOT / "Dockerfile").exists()
