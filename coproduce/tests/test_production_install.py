"""The production install's files agree with the app: `.env.example` lists exactly the
settings `settings.py` reads from the environment, each with its meaning and default;
compose passes every one of them to the app, the worker and the scheduler, runs the
schedule and puts Caddy in front; the systemd units do the same without containers.
Read from the files themselves: there is no Docker or systemd to ask."""

import ast
import re
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = ROOT / "coproduce" / "settings.py"
ENV_EXAMPLE = ROOT / ".env.example"
COMPOSE = ROOT / "compose.yaml"
# A setting is "NAME=value", or "# NAME=value" when left at its default.
ENTRY = re.compile(r"^(?:# )?([A-Z][A-Z0-9_]*)=(.*)$")


def _is_environ(node):
    """os.environ"""
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "environ"
        and isinstance(node.value, ast.Name)
        and node.value.id == "os"
    )


def _environment_reads(tree):
    """(key node, enclosing function name or None) for each read of the environment."""
    parents = {child: parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)}

    def function_of(node):
        while node in parents:
            node = parents[node]
            if isinstance(node, ast.FunctionDef):
                return node
        return None

    for node in ast.walk(tree):
        key = None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            func = node.func
            if (func.attr == "get" and _is_environ(func.value)) or (
                func.attr == "getenv" and isinstance(func.value, ast.Name) and func.value.id == "os"
            ):
                key = node.args[0]
        elif isinstance(node, ast.Subscript) and _is_environ(node.value):
            key = node.slice
        if key is not None:
            yield key, function_of(node)


def settings_environment_names():
    """Every environment variable settings.py reads: directly (os.environ.get, os.getenv,
    os.environ[...]), through a helper of its own that takes the name as a parameter
    (env_flag, env_list), and DATABASE_URL through dj_database_url.config()."""
    tree = ast.parse(SETTINGS.read_text())
    names, helpers = set(), set()
    for key, function in _environment_reads(tree):
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            names.add(key.value)
        elif (
            isinstance(key, ast.Name)
            and function is not None
            and key.id in {argument.arg for argument in function.args.args}
        ):
            helpers.add(function.name)
        else:
            raise AssertionError(
                f"settings.py line {key.lineno} reads the environment in a way this test "
                "cannot follow: read it with a constant name or through env_flag/env_list"
            )
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in helpers:
            (first, *_) = node.args
            assert isinstance(first, ast.Constant), f"line {node.lineno}: {func.id}(<not a name>)"
            names.add(first.value)
        if (
            isinstance(func, ast.Attribute)
            and func.attr == "config"
            and isinstance(func.value, ast.Name)
            and func.value.id == "dj_database_url"
        ):
            env = [keyword.value.value for keyword in node.keywords if keyword.arg == "env"]
            names.add(env[0] if env else "DATABASE_URL")
    return names


def env_example_entries():
    """{name: (value, the comment lines just above it)}, failing on a name listed twice."""
    entries, comments = {}, []
    for line in ENV_EXAMPLE.read_text().splitlines():
        if match := ENTRY.match(line):
            name = match.group(1)
            assert name not in entries, f"{name} is listed twice in .env.example"
            entries[name] = (match.group(2), comments)
            comments = []
        elif line.startswith("#"):
            comments.append(line.lstrip("# "))
        else:
            comments = []
    return entries


def compose():
    return yaml.safe_load(COMPOSE.read_text())


def compose_interpolated_names():
    return set(re.findall(r"\$\{([A-Z][A-Z0-9_]*)", COMPOSE.read_text()))


def test_the_helpers_this_test_relies_on_are_found():
    names = settings_environment_names()
    # One of each way of reading: os.environ.get, os.environ[...], env_flag, env_list,
    # dj_database_url.
    assert {"COPRODUCE_SITE_URL", "SECRET_KEY", "COPRODUCE_HTTPS", "ALLOWED_HOSTS"} <= names
    assert "DATABASE_URL" in names


def test_env_example_lists_every_setting_the_app_reads_and_no_other():
    in_settings = settings_environment_names()
    listed = set(env_example_entries())
    # compose.yaml reads a few for itself (its own PostgreSQL's password).
    compose_only = {name for name in listed - in_settings if name in compose_interpolated_names()}
    assert in_settings - listed == set(), "settings.py reads these; add them to .env.example"
    assert listed - in_settings - compose_only == set(), "nothing reads these any more"


def test_each_setting_says_what_it_means_and_its_default():
    for name, (_, comments) in env_example_entries().items():
        meaning = [line for line in comments if line and not line.startswith("Default:")]
        defaults = [line for line in comments if line.startswith("Default:")]
        assert meaning, f".env.example does not say what {name} means"
        assert len(defaults) == 1, f".env.example does not give {name}'s default"


def app_services():
    """The services that run the app's code: each needs every setting."""
    services = compose()["services"]
    return {
        name: service
        for name, service in services.items()
        if service.get("image") == "coproduce:local"
    }


def env_files(service):
    return [
        entry if isinstance(entry, str) else entry["path"] for entry in service.get("env_file", [])
    ]


def test_compose_passes_every_setting_to_the_app_worker_and_scheduler():
    services = app_services()
    commands = {name: " ".join(service.get("command", [])) for name, service in services.items()}
    assert "gunicorn" in commands["app"]
    assert "rqworker" in commands["worker"]
    assert any("run_schedule" in command for command in commands.values()), (
        "nothing runs the schedule"
    )
    entries = env_example_entries()
    for name, service in services.items():
        assert ".env" in env_files(service), f"{name} does not read .env"
        # A missing .env must not stop compose: SECRET_KEY's own check says what to do.
        assert all(
            entry.get("required") is False
            for entry in service["env_file"]
            if isinstance(entry, dict)
        )
        environment = service.get("environment", {})
        for setting in set(entries) & set(environment):
            value = str(environment[setting])
            # Either .env's value passes through, or compose sets its own on purpose
            # and .env.example says so.
            if f"${{{setting}" not in value:
                assert "compose sets this itself" in " ".join(entries[setting][1]), (
                    f"compose's {name} overrides {setting} from .env without saying so"
                )


def test_compose_puts_caddy_in_front_with_https_and_compression():
    services = compose()["services"]
    (proxy,) = [
        service for service in services.values() if service.get("image", "").startswith("caddy")
    ]
    assert {"80:80", "443:443"} <= set(proxy["ports"])
    (config,) = proxy["configs"]
    assert config["target"] == "/etc/caddy/Caddyfile"
    assert compose()["configs"][config["source"]]["file"] == "./deploy/Caddyfile"
    assert proxy["environment"]["CADDY_UPSTREAM"] == "app:8000"
    caddyfile = (ROOT / "deploy" / "Caddyfile").read_text()
    assert "{$COPRODUCE_SITE_URL" in caddyfile  # the same address the app's emails use
    assert re.search(r"^\s*encode zstd gzip$", caddyfile, re.MULTILINE)
    assert "reverse_proxy {$CADDY_UPSTREAM:127.0.0.1:8000}" in caddyfile
    # The app trusts the proxy's X-Forwarded-* headers by default in compose.
    assert "${COPRODUCE_BEHIND_PROXY:-1}" in str(app_services()["app"]["environment"])


def test_the_systemd_units_read_the_settings_and_run_web_worker_and_scheduler():
    units = {
        path.stem: path.read_text() for path in (ROOT / "deploy" / "systemd").glob("*.service")
    }
    expected = {
        "coproduce-web": "gunicorn coproduce.wsgi --bind 127.0.0.1:8000",
        "coproduce-worker": "manage.py db_worker",
        "coproduce-scheduler": "manage.py run_schedule",
    }
    assert set(units) == set(expected)
    for name, command in expected.items():
        unit = units[name]
        assert "EnvironmentFile=/etc/coproduce/coproduce.env" in unit, name
        assert "User=coproduce" in unit, name
        (exec_start,) = re.findall(r"^ExecStart=(.+)$", unit, re.MULTILINE)
        assert command in exec_start, name


@pytest.mark.django_db
def test_composes_health_check_asks_as_a_host_the_app_accepts(client, settings, monkeypatch):
    """With a real ALLOWED_HOSTS, a check that asks for 127.0.0.1 gets 400 for ever, the
    app never counts as healthy, and the proxy that waits for it never starts."""
    settings.ALLOWED_HOSTS = ["coproduce.example.org"]
    monkeypatch.setenv("ALLOWED_HOSTS", "coproduce.example.org")
    asked = []
    monkeypatch.setattr(urllib.request, "urlopen", lambda request, timeout: asked.append(request))
    command = app_services()["app"]["healthcheck"]["test"]
    assert command[:3] == ["CMD", "python", "-c"]
    exec(command[3], {})  # noqa: S102  (our own compose file's one line of Python)
    (request,) = asked
    if isinstance(request, str):
        request = urllib.request.Request(request)  # noqa: S310  (never opened)
    url = urllib.parse.urlsplit(request.full_url)
    assert (url.hostname, url.port, url.path) == ("127.0.0.1", 8000, "/health/")
    host = request.get_header("Host") or url.netloc
    assert client.get(url.path, HTTP_HOST=host).status_code == 200
