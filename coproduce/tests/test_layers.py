"""The layers of docs/architecture.md hold: import-linter's contracts (pyproject.toml) are
kept by the code, and are broken by a copy of the code with one forbidden import added."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(where):
    """(exit code, output) of `lint-imports` run on the package found in `where`."""
    result = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(where / "pyproject.toml")],
        cwd=where,
        env={**os.environ, "PYTHONPATH": str(where)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result.returncode, result.stdout + result.stderr


def only_python(folder, names):
    """Leaves out everything but Python files and the folders that hold them."""
    return [
        name
        for name in names
        if name == "__pycache__"
        or not (name.endswith(".py") or os.path.isdir(os.path.join(folder, name)))
    ]


@pytest.fixture
def copy_of_the_code(tmp_path):
    shutil.copytree(ROOT / "coproduce", tmp_path / "coproduce", ignore=only_python)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_code_keeps_every_contract():
    code, output = lint_imports(ROOT)
    assert code == 0, output
    assert "0 broken" in output


def test_the_unchanged_copy_keeps_every_contract(copy_of_the_code):
    """The copy the tests below break is a faithful one."""
    code, output = lint_imports(copy_of_the_code)
    assert code == 0, output


@pytest.mark.parametrize(
    ("module", "source", "contract"),
    [
        # lib is the bottom layer: it imports no app.
        ("lib/reach_up.py", "from coproduce.accounts import models\n", "layers"),
        # privacy sits below people: it reaches people only through what people registers.
        ("privacy/reach_up.py", "from coproduce.people.models import Profile\n", "layers"),
        # Apps on one layer do not import each other.
        ("payments/sideways.py", "from coproduce.opportunities import models\n", "layers"),
        # Nothing imports the bench, at the very top.
        ("projects/reach_up.py", "import coproduce.bench.dataset\n", "layers"),
        # Self-assessment and learning stand apart from the project apps.
        ("learning/sideways.py", "from coproduce.projects import team\n", "learning-apart"),
        ("opportunities/sideways.py", "from coproduce.meetings import models\n", "meetings"),
        # A new app must be placed in a layer.
        ("unplaced/__init__.py", "", "layers"),
    ],
)
def test_a_forbidden_import_breaks_a_contract(copy_of_the_code, module, source, contract):
    path = copy_of_the_code / "coproduce" / module
    path.parent.mkdir(exist_ok=True)
    path.write_text(source)
    code, output = lint_imports(copy_of_the_code)
    assert code == 1, output
    assert "1 broken" in output
    broken = {
        "layers": "Apps import only from the layers below them BROKEN",
        "learning-apart": "Self-assessment and learning stand apart from the project apps BROKEN",
        "meetings": "Opportunities build on projects only, not on meetings BROKEN",
    }[contract]
    assert broken in output
