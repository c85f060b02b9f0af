"""The accessibility checks on uploads, on small files made here: a tagged PDF with a
language, a title and text passes; take each away and that problem is named."""

import io

import pytest

from coproduce.lib import file_access
from coproduce.lib.tests.accessible_files import PICTURE_PAGE, make_docx, make_pdf, styled


def test_a_tagged_pdf_with_a_language_title_and_text_has_no_problems():
    assert file_access.check(make_pdf(), file_access.PDF) == []


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"tagged": False}, "pdf_untagged"),
        ({"lang": ""}, "pdf_no_language"),
        ({"title": ""}, "pdf_no_title"),
        ({"content": PICTURE_PAGE}, "pdf_no_text"),
    ],
)
def test_each_missing_part_of_a_pdf_is_named(changes, problem):
    assert file_access.check(make_pdf(**changes), file_access.PDF) == [problem]


def test_a_damaged_pdf_is_not_refused_or_flagged():
    upload = io.BytesIO(b"%PDF-1.7 not really")
    assert file_access.check(upload, file_access.PDF) == []
    assert upload.tell() == 0


def test_a_word_file_with_a_heading_style_passes_and_one_without_is_flagged():
    assert file_access.check(make_docx(styled("Heading1") + styled("Big")), file_access.DOCX) == []
    assert file_access.check(make_docx(styled("Big")), file_access.DOCX) == ["docx_no_headings"]


def test_an_outline_level_counts_as_a_heading():
    outlined = '<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>Text</w:t></w:r></w:p>'
    assert file_access.check(make_docx(outlined), file_access.DOCX) == []


def test_a_picture_needs_a_description():
    picture = io.BytesIO(b"\x89PNG\r\n\x1a\n")
    assert file_access.check(picture, "image/png") == ["image_no_description"]
    assert file_access.check(picture, "image/png", "A map of the room") == []
