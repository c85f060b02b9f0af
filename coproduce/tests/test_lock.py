"""requirements.lock is what `make run`, `make test`, CI and the Docker image install from:
every dependency pyproject names must be pinned there, at a version pyproject allows, and
the file must not carry one machine's package index into everyone else's install."""

import tomllib
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]


def pyproject_requirements():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = [Requirement(line) for line in project["dependencies"]]
    for extra in project["optional-dependencies"].values():
        requirements += [Requirement(line) for line in extra]
    return requirements


def lock_lines():
    return (ROOT / "requirements.lock").read_text().splitlines()


def locked_versions():
    pins = {}
    for line in lock_lines():
        if line and not line.startswith((" ", "#")):
            name, version = line.split("==")
            pins[canonicalize_name(name)] = Version(version)
    return pins


def requirements_of_extras(requirement):
    """What `name[extra]` adds, read from the installed distribution's metadata."""
    if not requirement.extras:
        return []
    added = []
    for line in distribution(requirement.name).requires or []:
        inner = Requirement(line)
        if (
            inner.marker
            and any(inner.marker.evaluate({"extra": extra}) for extra in requirement.extras)
            and not inner.marker.evaluate({"extra": ""})
        ):
            added.append(inner)
    return added


def test_every_pyproject_dependency_is_pinned_at_an_allowed_version():
    pins = locked_versions()
    problems = []
    for requirement in pyproject_requirements():
        for needed in [requirement, *requirements_of_extras(requirement)]:
            pinned = pins.get(canonicalize_name(needed.name))
            if pinned is None:
                problems.append(f"{needed} is not in requirements.lock")
            elif not needed.specifier.contains(pinned, prereleases=True):
                problems.append(f"{needed} does not allow the locked {pinned}")
    assert not problems, "Run `make lock`:\n" + "\n".join(problems)


def test_the_lock_names_no_index_find_links_or_host():
    options = [line for line in lock_lines() if line.lstrip().startswith("-")]
    addresses = [line for line in lock_lines() if "://" in line or "/opt/" in line]
    assert not options and not addresses, options + addresses


def test_the_installed_packages_are_the_locked_versions():
    """`make test` reinstalls when the lock changes, so the suite runs on the pinned set."""
    different = []
    for name, version in locked_versions().items():
        try:
            installed = Version(distribution(name).version)
        except PackageNotFoundError:
            continue  # an extra this machine has not installed, e.g. bench
        if installed != version:
            different.append(f"{name}: locked {version}, installed {installed}")
    assert not different, different


def test_every_install_of_the_app_uses_the_lock():
    """`make run`, `make test` (and so CI), `make bench` and the Docker image."""
    installs = [
        line
        for name in ("Makefile", "Dockerfile")
        for line in (ROOT / name).read_text().splitlines()
        if "pip install" in line and "-e " in line
    ]
    assert len(installs) >= 3
    assert all("-c requirements.lock" in line for line in installs), installs
