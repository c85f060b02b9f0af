"""Welsh and English: every string people read is marked for translation, every marked
string has a Welsh translation, and no catalogue is out of date (decision 0038).

When one of these fails: mark the text ({% translate %} in templates, gettext in Python),
run `make messages`, and translate the new entries in the catalogue it names."""

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

import coproduce

PACKAGE = Path(coproduce.__file__).parent
ROOT = PACKAGE.parent
sys.path.insert(0, str(ROOT / "scripts"))
import messages  # noqa: E402  (scripts/messages.py: the one list of catalogues)

# Words that are the same in every language: the product's name.
SAME_IN_EVERY_LANGUAGE = {"Coproduce"}
NOT_INTERFACE = {"tests", "migrations", "management", "bench"}
# One catalogue per app, and one for the shared templates (coproduce/templates).
ROOTS = messages.catalogue_roots(ROOT)
ROOT_IDS = [root.name for root in ROOTS]


def catalogues() -> list[Path]:
    return [
        root / "locale" / "cy" / "LC_MESSAGES" / "django.po"
        for root in messages.catalogue_roots(ROOT)
        if (root / "locale" / "cy" / "LC_MESSAGES" / "django.po").exists()
    ]


def placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"%\([a-z_0-9]+\)[sd]|%[sd]|\{[a-z_0-9]*\}", text))


# --- every catalogue complete -----------------------------------------------------------


def test_there_are_welsh_catalogues():
    assert len(catalogues()) >= 10


@pytest.mark.parametrize("path", catalogues(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_message_is_translated_into_welsh(path):
    catalogue = polib.pofile(str(path))
    problems = []
    for entry in catalogue:
        if entry.obsolete:
            continue
        if entry.fuzzy:
            problems.append(f"fuzzy (check and remove the flag): {entry.msgid!r}")
        elif not entry.translated():
            problems.append(f"not translated: {entry.msgid!r}")
        else:
            wanted = placeholders(entry.msgid)
            given = [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())
            for text in given:
                if placeholders(text) != wanted and not entry.msgid_plural:
                    problems.append(f"placeholders differ: {entry.msgid!r} -> {text!r}")
    assert not problems, f"{path}:\n" + "\n".join(problems)


def test_welsh_plural_forms_follow_welsh_grammar():
    for path in catalogues():
        header = polib.pofile(str(path)).metadata.get("Plural-Forms", "")
        assert header.startswith("nplurals=4;"), f"{path}: {header!r}"


# --- no catalogue out of date ------------------------------------------------------------


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    """The catalogues as `make messages` would write them now, made in a copy."""
    if shutil.which("xgettext") is None:
        pytest.fail("GNU gettext is needed: apt-get install gettext (make test installs it)")
    copy = tmp_path_factory.mktemp("repository")
    shutil.copy(ROOT / "manage.py", copy / "manage.py")
    shutil.copytree(
        PACKAGE,
        copy / "coproduce",
        ignore=shutil.ignore_patterns("static", "__pycache__", "*.mo", "node_modules"),
    )
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "messages.py"), "--root", str(copy)], check=True
    )
    return copy


def entries(path: Path) -> set[tuple[str | None, str, str]]:
    if not path.exists():
        return set()
    return {
        (entry.msgctxt, entry.msgid, entry.msgid_plural)
        for entry in polib.pofile(str(path))
        if not entry.obsolete
    }


@pytest.mark.parametrize("root", ROOTS, ids=ROOT_IDS)
def test_no_catalogue_is_out_of_date(regenerated, root):
    relative = root.relative_to(ROOT) / "locale" / "cy" / "LC_MESSAGES" / "django.po"
    committed, wanted = entries(ROOT / relative), entries(regenerated / relative)
    stale = [f"not in the catalogue: {entry[1]!r}" for entry in sorted(wanted - committed, key=str)]
    stale += [f"no longer used: {entry[1]!r}" for entry in sorted(committed - wanted, key=str)]
    assert not stale, f"{relative}: run `make messages` and translate:\n" + "\n".join(stale[:60])


# --- every template string marked --------------------------------------------------------

STRIPPED = [
    re.compile(r"{% comment %}.*?{% endcomment %}", re.S),
    re.compile(r"{#.*?#}", re.S),
    re.compile(r"{% blocktranslate.*?{% endblocktranslate %}", re.S),
    re.compile(r"<script\b.*?</script>", re.S),
    re.compile(r"<style\b.*?</style>", re.S),
    # A passage in a language of its own (lang="cy" on "Cymraeg") is meant as written.
    re.compile(r"<(\w+)\b[^>]*\blang=\"[^\"]+\"[^>]*>.*?</\1>", re.S),
    re.compile(r"{%.*?%}", re.S),
    re.compile(r"{{.*?}}", re.S),
    re.compile(r"<!--.*?-->", re.S),
]
TEXT_ATTRIBUTES = re.compile(
    r"\b(?:alt|title|placeholder|aria-label|aria-description|data-still-signed-in)=\"([^\"]*)\""
)
TAG = re.compile(r"<[^>]*>", re.S)
ENTITY = re.compile(r"&[#a-z0-9]+;")


def templates(root: Path) -> list[Path]:
    """The templates whose strings go into `root`'s catalogue."""
    patterns = (
        ("**/*.html", "**/*.txt")
        if root.name == "templates"
        else ("templates/**/*.html", "templates/**/*.txt")
    )
    return sorted(
        path
        for pattern in patterns
        for path in root.glob(pattern)
        if not NOT_INTERFACE.intersection(path.relative_to(PACKAGE).parts)
    )


# A literal shown when a value is empty or a yes/no: {{ x|default:"Not given" }} needs
# {{ x|default:_("Not given") }}.
FILTER_LITERAL = re.compile(r"\|(?:default|default_if_none|yesno):\"([^\"]*[A-Za-z]{2,}[^\"]*)\"")


def unmarked_text(source: str) -> list[str]:
    literals = FILTER_LITERAL.findall(source)
    for pattern in STRIPPED:
        source = pattern.sub(" ", source)
    found = [*literals, *TEXT_ATTRIBUTES.findall(source)]
    found += TAG.split(source)
    words = []
    for text in found:
        text = ENTITY.sub(" ", text).strip()
        if re.search(r"[A-Za-z]{2,}", text) and text not in SAME_IN_EVERY_LANGUAGE:
            words.append(" ".join(text.split())[:80])
    return words


def test_the_template_check_finds_unmarked_text():
    assert unmarked_text('<p class="x">Hello there</p>') == ["Hello there"]
    assert unmarked_text('<img alt="A chart">') == ["A chart"]
    assert unmarked_text("<p>{% translate 'Hello' %} {{ name }}</p>") == []
    assert unmarked_text('<button lang="cy">Cymraeg</button>') == []
    assert unmarked_text("{% blocktranslate %}Hi {{ n }}{% endblocktranslate %}") == []
    assert unmarked_text('<td>{{ x|default:"Not known" }}</td>') == ["Not known"]
    assert unmarked_text('<td>{{ x|default:_("Not known") }}</td>') == []


@pytest.mark.parametrize("root", ROOTS, ids=ROOT_IDS)
def test_every_template_string_is_marked_for_translation(root):
    problems = [
        f"{path.relative_to(PACKAGE)}: {text!r}"
        for path in templates(root)
        for text in unmarked_text(path.read_text())
    ]
    assert not problems, f"{len(problems)} unmarked:\n" + "\n".join(problems[:60])


# --- every Python string people read marked ----------------------------------------------

TEXT_KEYWORDS = {"label", "help_text", "verbose_name", "verbose_name_plural", "empty_label"}
MESSAGE_CALLS = {"success", "info", "warning", "error", "add_message"}


def python_modules(root: Path) -> list[Path]:
    return sorted(
        path
        for path in root.glob("**/*.py")
        if not NOT_INTERFACE.intersection(path.relative_to(PACKAGE).parts)
        and path.name not in {"demo.py", "settings.py", "settings_test.py"}
        and not path.name.endswith("_demo.py")
    )


def is_plain_text(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and bool(re.search(r"[A-Za-z]{2,}", node.value))
    ) or isinstance(node, ast.JoinedStr)


def unmarked_python(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            for keyword in node.keywords:
                if keyword.arg in TEXT_KEYWORDS and is_plain_text(keyword.value):
                    found.append(f"line {keyword.value.lineno}: {keyword.arg}=")
            text_arg = 1 if name in MESSAGE_CALLS and name != "add_message" else None
            if name == "add_message":
                text_arg = 2
            if name == "ValidationError":
                text_arg = 0
            if (
                text_arg is not None
                and len(node.args) > text_arg
                and is_plain_text(node.args[text_arg])
            ):
                found.append(f"line {node.lineno}: {name}(...)")
            # A field's first argument is its label: models.CharField("Name", ...).
            if (
                name.endswith("Field")
                and node.args
                and is_plain_text(node.args[0])
                and isinstance(node.func, ast.Attribute)
            ):
                found.append(f"line {node.lineno}: {name}(label)")
        # A ModelForm's Meta: labels = {"field": "Label"}, help_texts = {...}.
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and getattr(node.targets[0], "id", "") in {"labels", "help_texts"}
            and isinstance(node.value, ast.Dict)
        ):
            for value in node.value.values:
                if is_plain_text(value):
                    found.append(f"line {value.lineno}: {node.targets[0].id}")
        if isinstance(node, ast.ClassDef) and any(
            getattr(base, "attr", getattr(base, "id", "")).endswith("Choices")
            for base in node.bases
        ):
            for item in node.body:
                if (
                    isinstance(item, ast.Assign)
                    and isinstance(item.value, ast.Tuple)
                    and item.value.elts
                    and is_plain_text(item.value.elts[-1])
                ):
                    found.append(f"line {item.lineno}: choice {item.targets[0].id}")
    return found


def test_the_python_check_finds_unmarked_text():
    source = (
        "class Colour(models.TextChoices):\n    RED = 'red', 'Red'\n"
        "name = models.CharField('Name', help_text='Your name')\n"
        "messages.success(request, 'Saved.')\n"
        "raise ValidationError('Too long')\n"
        "ok = forms.CharField(label=_('Name'))\n"
        "labels = {'what': 'What', 'ok': _('Fine')}\n"
    )
    assert len(unmarked_python(source)) == 6


@pytest.mark.parametrize("root", ROOTS, ids=ROOT_IDS)
def test_every_python_string_people_read_is_marked_for_translation(root):
    problems = [
        f"{path.relative_to(PACKAGE)} {problem}"
        for path in python_modules(root)
        for problem in unmarked_python(path.read_text())
    ]
    assert not problems, f"{len(problems)} unmarked:\n" + "\n".join(problems[:80])
