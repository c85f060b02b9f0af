"""What `make run` and `make test` need from the machine, checked before anything is
installed so a missing or old tool gets one clear sentence instead of a late traceback.

    python3 scripts/prerequisites.py tools     Python and Node.js new enough
    python3 scripts/prerequisites.py pdf-libs  Pango for PDF reports (installed when root)

Standard library only, and no syntax newer than Python 3.6, so that an old Python can
still run it far enough to say it is too old. The minimum versions are read from
pyproject.toml and package-lock.json, never written here.
"""

import ctypes
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# WeasyPrint opens these with dlopen; so does this check, so it needs no `ldconfig` on PATH.
PANGO_LIBRARIES = ("libpango-1.0.so.0", "libpangoft2-1.0.so.0")
PANGO_PACKAGES = ("libpango-1.0-0", "libpangoft2-1.0-0", "fonts-dejavu-core")


def version_tuple(text):
    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])


def dotted(version):
    return ".".join(str(part) for part in version)


def minimum_python(pyproject=ROOT / "pyproject.toml"):
    match = re.search(r'^requires-python\s*=\s*">=\s*([\d.]+)"', pyproject.read_text(), re.M)
    return version_tuple(match.group(1))


def lowest_accepted(node_range):
    """The lowest version a package.json `engines.node` range accepts, e.g. 20.19.0 for
    ">=20.19.0" and 14.17.0 for "^14.17.0 || >=16"."""
    bounds = []
    for alternative in node_range.split("||"):
        numbers = re.search(r"\d+(\.\d+){0,2}", alternative)
        if numbers:
            version = version_tuple(numbers.group(0))
            bounds.append(version + (0,) * (3 - len(version)))
    return min(bounds) if bounds else (0, 0, 0)


def minimum_node(lock=ROOT / "package-lock.json"):
    """The newest of the minimums that the installed (not optional) npm packages declare."""
    packages = json.loads(lock.read_text()).get("packages", {})
    needs = [
        lowest_accepted(package["engines"]["node"])
        for package in packages.values()
        if not package.get("optional") and "node" in package.get("engines", {})
    ]
    return max(needs) if needs else (0, 0, 0)


def installed_node():
    try:
        output = subprocess.run(
            ["node", "--version"], stdout=subprocess.PIPE, universal_newlines=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    return version_tuple(output)


def check_tools():
    problems = []
    python_needed = minimum_python()
    if sys.version_info[:3] < python_needed:
        problems.append(
            "Coproduce needs Python {} or newer; {} is {}. Install a newer Python and run "
            "make again with it, for example: make PYTHON=python3.12 run".format(
                dotted(python_needed), sys.executable, dotted(sys.version_info[:3])
            )
        )
    node_needed = minimum_node()
    node = installed_node()
    if node is None:
        problems.append(
            "Building the styles needs Node.js {} or newer, and `node` is not on PATH. "
            "Install a current LTS release of Node.js and run make again.".format(
                dotted(node_needed)
            )
        )
    elif node < node_needed:
        problems.append(
            "Building the styles needs Node.js {} or newer (the sass compiler says so); "
            "this machine has {}. Install a current LTS release of Node.js and run make "
            "again.".format(dotted(node_needed), dotted(node))
        )
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


def pango_present():
    for name in PANGO_LIBRARIES:
        try:
            ctypes.CDLL(name)
        except OSError:
            return False
    return True


def check_pdf_libs():
    if pango_present():
        return 0
    install = ["apt-get", "install", "-y", "-qq", *PANGO_PACKAGES]
    if os.geteuid() == 0:
        print("Installing Pango for PDF reports")
        environment = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        for command in (["apt-get", "update", "-qq"], install):
            if subprocess.run(command, env=environment, stdout=subprocess.DEVNULL).returncode:
                break
        if pango_present():
            return 0
        print(
            "Could not install Pango ({}): PDF downloads need it.".format(" ".join(PANGO_PACKAGES))
        )
        return 1
    print(
        "PDF reports (certificates, the board report) need Pango, which is not installed.\n"
        "Install it, then run make again:\n\n"
        "    sudo apt-get install {}\n".format(" ".join(PANGO_PACKAGES)),
        file=sys.stderr,
    )
    return 1


CHECKS = {"tools": check_tools, "pdf-libs": check_pdf_libs}


def main(arguments):
    if len(arguments) != 1 or arguments[0] not in CHECKS:
        print("usage: prerequisites.py {}".format("|".join(CHECKS)), file=sys.stderr)
        return 2
    return CHECKS[arguments[0]]()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
