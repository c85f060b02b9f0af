"""What can be checked about an uploaded file's accessibility without opening anything
outside it: a PDF's tags, language, title and text, a Word file's headings, a picture's
description. Each problem found is a code; `PROBLEMS` says it in plain words. Uploads are
never refused for these: the person uploading is told, and the record keeps the codes."""

from __future__ import annotations

import re
import zipfile
from typing import IO, BinaryIO, cast
from xml.etree import ElementTree

import pikepdf
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
IMAGES = {"image/png", "image/jpeg", "image/gif", "image/webp"}

# Each problem in plain words; the code is also the section of the help page that says
# how to fix it.
PROBLEMS: dict[str, Promise] = {
    "pdf_untagged": _(
        "The PDF has no tags. Screen readers cannot tell its headings, lists and tables apart."
    ),
    "pdf_no_language": _("The PDF does not say what language it is in."),
    "pdf_no_title": _("The PDF has no title."),
    "pdf_no_text": _(
        "The PDF is only pictures of pages. Screen readers cannot read it, and people cannot "
        "make the text bigger."
    ),
    "docx_no_headings": _(
        "The Word file has no headings. People who use screen readers cannot find their way "
        "around it."
    ),
    "image_no_description": _("The picture has no description for people who cannot see it."),
}

# Enough to find text or headings in any real paper, and a bound on a hostile file.
MAX_PAGES = 50
MAX_XML_BYTES = 20 * 1024 * 1024
TEXT_OPERATORS = {"Tj", "TJ", "'", '"'}
WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def check(upload: IO[bytes], content_type: str, description: str = "") -> list[str]:
    """The codes of the problems found in `upload` (rewound afterwards). `description` is
    the text given with it, which for a picture is what someone who cannot see it gets."""
    try:
        if content_type == PDF:
            return _pdf_problems(upload)
        if content_type == DOCX:
            return _docx_problems(upload)
        if content_type in IMAGES:
            return [] if description.strip() else ["image_no_description"]
        return []
    finally:
        upload.seek(0)


def _pdf_problems(upload: IO[bytes]) -> list[str]:
    upload.seek(0)
    try:
        pdf = pikepdf.open(cast("BinaryIO", upload))
    except (pikepdf.PdfError, pikepdf.PasswordError, ValueError):
        # Damaged or locked: nothing can be checked, and the upload is never refused for it.
        return []
    with pdf:
        root = pdf.Root
        problems = []
        mark_info = root.get("/MarkInfo")
        marked = isinstance(mark_info, pikepdf.Dictionary) and bool(mark_info.get("/Marked"))
        if "/StructTreeRoot" not in root and not marked:
            problems.append("pdf_untagged")
        if not str(root.get("/Lang", "")).strip():
            problems.append("pdf_no_language")
        if not _pdf_title(pdf):
            problems.append("pdf_no_title")
        if not any(_shows_text(page.obj) for page in list(pdf.pages)[:MAX_PAGES]):
            problems.append("pdf_no_text")
        return problems


def _pdf_title(pdf: pikepdf.Pdf) -> str:
    title = str(pdf.docinfo.get("/Title", "")).strip() if "/Info" in pdf.trailer else ""
    if title:
        return title
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as metadata:
        return str(metadata.get("dc:title", "")).strip()


def _shows_text(content: pikepdf.Object, depth: int = 0) -> bool:
    """Whether a page (or a form drawn on it, one level down) draws any text."""
    try:
        instructions = pikepdf.parse_content_stream(content)
    except pikepdf.PdfError:
        return False
    for instruction in instructions:
        if (
            isinstance(instruction, pikepdf.ContentStreamInstruction)
            and str(instruction.operator) in TEXT_OPERATORS
            and any(
                str(operand).strip() or isinstance(operand, pikepdf.Array)
                for operand in instruction.operands
            )
        ):
            return True
    if depth > 0:
        return False
    resources = content.get("/Resources")
    objects = resources.get("/XObject") if isinstance(resources, pikepdf.Dictionary) else None
    if not isinstance(objects, pikepdf.Dictionary):
        return False
    return any(
        isinstance(item, pikepdf.Stream)
        and item.get("/Subtype") == pikepdf.Name.Form
        and _shows_text(item, depth + 1)
        for item in objects.values()
    )


def _docx_problems(upload: IO[bytes]) -> list[str]:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            document = _read_xml(archive, "word/document.xml")
            styles = _read_xml(archive, "word/styles.xml")
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, ValueError):
        return []
    if document is None:
        return []
    heading_styles = set()
    if styles is not None:
        for style in styles.iter(f"{WORD}style"):
            name = style.find(f"{WORD}name")
            name_value = name.get(f"{WORD}val", "") if name is not None else ""
            if re.match(r"(heading \d|title)$", name_value, re.IGNORECASE) or (
                style.find(f"{WORD}pPr/{WORD}outlineLvl") is not None
            ):
                heading_styles.add(style.get(f"{WORD}styleId", ""))
    for paragraph_style in document.iter(f"{WORD}pStyle"):
        style_id = paragraph_style.get(f"{WORD}val", "")
        if style_id in heading_styles or re.match(r"heading\d", style_id, re.IGNORECASE):
            return []
    if next(document.iter(f"{WORD}outlineLvl"), None) is not None:
        return []
    return ["docx_no_headings"]


def _read_xml(archive: zipfile.ZipFile, name: str) -> ElementTree.Element | None:
    """A part of the Word file, read no further than MAX_XML_BYTES. ElementTree never
    fetches external entities, and Python's expat refuses entity expansion attacks."""
    try:
        with archive.open(name) as part:
            data = part.read(MAX_XML_BYTES + 1)
    except KeyError:
        return None
    if len(data) > MAX_XML_BYTES:
        raise ValueError("too large to check")
    return ElementTree.fromstring(data)  # noqa: S314 (see the docstring)
