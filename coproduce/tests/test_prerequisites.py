"""scripts/prerequisites.py, which `make run` and `make test` call before installing
anything: a too-old Node.js or Python gets one clear sentence, and Pango is found without
`ldconfig` on PATH (a non-root Debian user does not have /sbin there)."""

import json
import os
import subprocess
import sys
from importlib.util import module_from_spec, spec_from_file_location
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "prerequisites.py"


def load_script():
    spec = spec_from_file_location("prerequisites", SCRIPT)
    module = module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_script(check, path):
    return subprocess.run(
        [sys.executable, str(SCRIPT), check],
        env={**os.environ, "PATH": path},
        capture_output=True,
        text=True,
    )


def fake_node(folder, version):
    node = folder / "node"
    node.write_text(f"#!/bin/sh\necho {version}\n")
    node.chmod(0o755)
    return folder


def test_the_node_minimum_is_the_strictest_engine_in_package_lock():
    script = load_script()
    packages = json.loads((ROOT / "package-lock.json").read_text())["packages"]
    sass = packages["node_modules/sass"]["engines"]["node"]
    assert script.minimum_node() >= script.lowest_accepted(sass)
    assert script.lowest_accepted("^14.17.0 || >=16") == (14, 17, 0)
    assert script.lowest_accepted(">= 4.2.0") == (4, 2, 0)


def test_the_python_minimum_comes_from_pyproject():
    assert load_script().minimum_python() == (3, 11)


def test_an_old_node_is_named_with_the_version_needed(tmp_path):
    script = load_script()
    needed = ".".join(str(part) for part in script.minimum_node())
    result = run_script("tools", str(fake_node(tmp_path, "v18.20.4")))
    assert result.returncode == 1
    assert f"needs Node.js {needed} or newer" in result.stderr
    assert "this machine has 18.20.4" in result.stderr


def test_a_new_enough_node_passes(tmp_path):
    result = run_script("tools", str(fake_node(tmp_path, "v24.11.1")))
    assert result.returncode == 0, result.stderr


def test_no_node_at_all_is_said_plainly(tmp_path):
    result = run_script("tools", str(tmp_path))
    assert result.returncode == 1
    assert "`node` is not on PATH" in result.stderr


def test_an_old_python_is_named_with_the_version_needed(monkeypatch, capsys):
    script = load_script()
    monkeypatch.setattr(script.sys, "version_info", (3, 9, 2, "final", 0))
    monkeypatch.setattr(script, "installed_node", lambda: script.minimum_node())
    assert script.check_tools() == 1
    assert "needs Python 3.11 or newer" in capsys.readouterr().err


def test_pango_is_found_without_ldconfig_on_path(tmp_path):
    """This machine has Pango (WeasyPrint's tests need it); a PATH with no ldconfig on it,
    as a non-root Debian user has, must still find it."""
    empty = tmp_path / "bin"
    empty.mkdir()
    result = run_script("pdf-libs", str(empty))
    assert result.returncode == 0, result.stdout + result.stderr


class Finished:
    returncode = 0


@pytest.fixture
def no_pango(monkeypatch):
    """Pango missing, and every command the script would start recorded instead of run."""
    script = load_script()
    monkeypatch.setattr(script, "PANGO_LIBRARIES", ("libcoproduce-not-installed.so.0",))
    commands = []
    monkeypatch.setattr(
        script.subprocess, "run", lambda command, **kwargs: commands.append(command) or Finished()
    )
    return script, commands


def test_without_root_missing_pango_says_what_to_install_and_installs_nothing(
    no_pango, monkeypatch, capsys
):
    script, commands = no_pango
    monkeypatch.setattr(script.os, "geteuid", lambda: 1000)
    assert script.check_pdf_libs() == 1
    assert (
        "sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core"
        in capsys.readouterr().err
    )
    assert commands == []


def test_as_root_missing_pango_is_installed_with_apt(no_pango, monkeypatch):
    script, commands = no_pango
    monkeypatch.setattr(script.os, "geteuid", lambda: 0)
    script.check_pdf_libs()
    assert commands[-1][:2] == ["apt-get", "install"]
    assert "libpangoft2-1.0-0" in commands[-1]


def test_the_docker_image_builds_assets_on_a_node_new_enough():
    dockerfile = (ROOT / "Dockerfile").read_text()
    major = int(dockerfile.split("FROM node:")[1].split("-")[0])
    assert major >= load_script().minimum_node()[0]
