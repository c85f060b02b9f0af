"""Plain English, measured: sentence length and Flesch reading ease of our own interface
text, that is every string marked for translation in the templates and the code (the
English the Welsh catalogues are made from), never what people or the demo wrote.
`manage.py plain_english` reports it; `coproduce/tests/test_plain_english.py` holds it
to the targets below (decision 0044)."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

# Interface text: 90% of paragraphs at most 25 words a sentence on average, and 90% of
# texts (a template, or a module's strings) at a reading ease of 60 or more. Easy Read:
# 15 words and 70.
TARGETS = {
    False: {"words_per_sentence": 25, "reading_ease": 60, "share": 0.9},
    True: {"words_per_sentence": 15, "reading_ease": 70, "share": 0.9},
}
# Shorter strings are labels, buttons and headings: too short to be prose.
MIN_WORDS = 6
# Reading ease is a measure of a passage: a text shorter than this is not scored on it.
MIN_TEXT_WORDS = 30
# A placeholder stands for a name or a number: one short word.
PLACEHOLDER = "Sam"
TRANSLATING = {
    "_",
    "gettext",
    "gettext_lazy",
    "ngettext",
    "ngettext_lazy",
    "pgettext",
    "pgettext_lazy",
    "npgettext",
    "npgettext_lazy",
}
NOT_INTERFACE = {"tests", "migrations", "management", "bench", "locale", "static"}


@dataclass(frozen=True)
class Paragraph:
    text: str
    source: str  # the template or module
    easy_read: bool
    group: str = ""  # the text it belongs to: a template, or a module's string by name


@dataclass(frozen=True)
class Measure:
    words: int
    sentences: int
    syllables: int

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def reading_ease(self) -> float:
        """Flesch reading ease: 100 is very easy, 60 to 70 plain English, under 30 hard."""
        if not self.words:
            return 100.0
        return 206.835 - 1.015 * self.words_per_sentence - 84.6 * self.syllables / self.words


def sentences(text: str) -> list[str]:
    return [part for part in re.split(r"(?<=[.!?])\s+|\n+", text.strip()) if words(part)]


def words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*", text)


def syllables(word: str) -> int:
    """An estimate good enough for a reading-ease score: groups of vowels, less a silent
    final e or -ed; a number counts as one."""
    letters = re.sub(r"[^a-z]", "", word.lower())
    if len(letters) <= 3:
        return 1
    letters = re.sub(r"(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$", "", letters)
    letters = re.sub(r"^y", "", letters)
    return max(1, len(re.findall(r"[aeiouy]{1,2}", letters)))


def measure(text: str) -> Measure:
    found = words(text)
    return Measure(
        words=len(found),
        sentences=len(sentences(text)),
        syllables=sum(syllables(word) for word in found),
    )


def short_enough(paragraph: Paragraph) -> bool:
    target = TARGETS[paragraph.easy_read]["words_per_sentence"]
    return measure(paragraph.text).words_per_sentence <= target


def combined(paragraphs: list[Paragraph]) -> Measure:
    found = [measure(paragraph.text) for paragraph in paragraphs]
    return Measure(
        words=sum(item.words for item in found),
        sentences=sum(item.sentences for item in found),
        syllables=sum(item.syllables for item in found),
    )


def texts(paragraphs: list[Paragraph]) -> dict[str, list[Paragraph]]:
    """The paragraphs of each text long enough to score for reading ease."""
    grouped: dict[str, list[Paragraph]] = {}
    for paragraph in paragraphs:
        grouped.setdefault(paragraph.group or paragraph.source, []).append(paragraph)
    return {
        name: members
        for name, members in grouped.items()
        if combined(members).words >= MIN_TEXT_WORDS
    }


# ---- finding the interface text -------------------------------------------------------


def _plain(text: str) -> str:
    """The words a reader sees: placeholders as a short word, no markup."""
    text = re.sub(r"\{\{.*?\}\}|%\(\w+\)[sd]|%[sd]|\{\w*\}", PLACEHOLDER, text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)  # a Markdown link's words
    return text.replace("**", "").replace("&nbsp;", " ")


def paragraphs_of(text: str, source: str, easy_read: bool, group: str = "") -> list[Paragraph]:
    """A string's paragraphs: blocks between blank lines, each list item on its own;
    headings left out."""
    found = []
    for block in re.split(r"\n\s*\n", _plain(text)):
        items = re.split(r"\n\s*(?:[-*]|\d+\.)\s+", "\n" + block.strip())
        for item in items:
            lines = [line for line in item.splitlines() if not line.lstrip().startswith("#")]
            joined = " ".join(" ".join(lines).split())
            if len(words(joined)) >= MIN_WORDS:
                found.append(Paragraph(joined, source, easy_read, group or source))
    return found


TRANSLATE_TAG = re.compile(r"""\{%\s*(?:translate|trans)\s+(?P<q>["'])(?P<text>.*?)(?P=q)""")
BLOCK_TAG = re.compile(
    r"\{%\s*(?:blocktranslate|blocktrans)\b(?P<options>[^%]*)%\}(?P<text>.*?)"
    r"\{%\s*(?:plural|endblocktranslate|endblocktrans)\s*%\}",
    re.DOTALL,
)


def template_strings(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    found = [match["text"] for match in TRANSLATE_TAG.finditer(source)]
    for match in BLOCK_TAG.finditer(source):
        text = match["text"]
        found.append(" ".join(text.split()) if "trimmed" in match["options"] else text)
    return found


def python_strings(path: Path) -> list[tuple[str, str]]:
    """Each marked string in a module, with the name it is assigned to (or "")."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    named: dict[ast.AST, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            name = next((target.id for target in targets if isinstance(target, ast.Name)), "")
            named.update((inner, name) for inner in ast.walk(node.value))
    found = [(text, named.get(node, "")) for node in ast.walk(tree) for text in _marked(node)]
    return list(dict.fromkeys(found))


def _marked(node: ast.AST) -> list[str]:
    if not isinstance(node, ast.Call):
        return []
    name = getattr(node.func, "id", getattr(node.func, "attr", ""))
    if name not in TRANSLATING:
        return []
    position = 1 if name.startswith(("pgettext", "npgettext")) else 0
    if len(node.args) > position:
        argument = node.args[position]
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
            return [argument.value]
    return []


def _is_interface(path: Path, package: Path) -> bool:
    return not NOT_INTERFACE.intersection(path.relative_to(package).parts)


def interface_paragraphs(package: Path) -> list[Paragraph]:
    """Every paragraph of our own interface text in the package, in a fixed order. Easy
    Read: the templates named for it and the strings assigned to a name ending EASY_READ."""
    found: list[Paragraph] = []
    root = package.parent
    for path in sorted(package.rglob("*.html")) + sorted(package.rglob("*.txt")):
        if _is_interface(path, package):
            easy_read = "easy_read" in path.name
            source = str(path.relative_to(root))
            for text in template_strings(path):
                found.extend(paragraphs_of(text, source, easy_read))
    for path in sorted(package.rglob("*.py")):
        if _is_interface(path, package):
            source = str(path.relative_to(root))
            for text, name in python_strings(path):
                easy_read = name.upper().endswith("EASY_READ")
                group = f"{source}:{name}" if name.isupper() else source
                found.extend(paragraphs_of(text, source, easy_read, group))
    return list(dict.fromkeys(found))


@dataclass(frozen=True)
class Summary:
    paragraphs: int
    short_sentences: float  # share of paragraphs meeting the sentence-length target
    texts: int
    easy_enough: float  # share of texts meeting the reading-ease target
    words_per_sentence: float  # over all the text
    reading_ease: float  # over all the text


def summarise(paragraphs: list[Paragraph], easy_read: bool) -> Summary:
    chosen = [paragraph for paragraph in paragraphs if paragraph.easy_read == easy_read]
    scored = texts(chosen)
    target = TARGETS[easy_read]["reading_ease"]
    total = combined(chosen)
    return Summary(
        paragraphs=len(chosen),
        short_sentences=sum(map(short_enough, chosen)) / len(chosen) if chosen else 1.0,
        texts=len(scored),
        easy_enough=(
            sum(combined(members).reading_ease >= target for members in scored.values())
            / len(scored)
            if scored
            else 1.0
        ),
        words_per_sentence=total.words_per_sentence,
        reading_ease=total.reading_ease,
    )


def longest(paragraphs: list[Paragraph], count: int) -> list[Paragraph]:
    """The paragraphs over their sentence-length target, longest sentences first."""
    over = [paragraph for paragraph in paragraphs if not short_enough(paragraph)]
    return sorted(over, key=lambda p: measure(p.text).words_per_sentence, reverse=True)[:count]


def hardest(paragraphs: list[Paragraph], count: int) -> list[tuple[str, float]]:
    """The texts under their reading-ease target, hardest first, with their scores."""
    scores = []
    for name, members in texts(paragraphs).items():
        ease = combined(members).reading_ease
        if ease < TARGETS[members[0].easy_read]["reading_ease"]:
            scores.append((name, ease))
    return sorted(scores, key=lambda item: item[1])[:count]
