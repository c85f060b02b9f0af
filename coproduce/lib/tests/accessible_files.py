"""Small files made in tests for the accessibility checks on uploads: a PDF with or
without tags, language, title and text, and a Word file with the paragraphs given."""

import io
import zipfile

import pikepdf

TEXT_PAGE = b"BT /F1 12 Tf 72 720 Td (Papers for the meeting) Tj ET"
PICTURE_PAGE = b"q 100 0 0 100 72 600 cm /Im1 Do Q"


def make_pdf(*, tagged=True, lang="en-GB", title="Agenda", content=TEXT_PAGE):
    pdf = pikepdf.new()
    font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
        )
    )
    picture = pikepdf.Stream(pdf, b"\x00" * 3)
    picture.Type = pikepdf.Name.XObject
    picture.Subtype = pikepdf.Name.Image
    picture.Width = picture.Height = 1
    picture.ColorSpace = pikepdf.Name.DeviceRGB
    picture.BitsPerComponent = 8
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        MediaBox=[0, 0, 595, 842],
        Resources=pikepdf.Dictionary(
            Font=pikepdf.Dictionary(F1=font), XObject=pikepdf.Dictionary(Im1=picture)
        ),
        Contents=pikepdf.Stream(pdf, content),
    )
    pdf.pages.append(pikepdf.Page(page))
    if tagged:
        pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
        pdf.Root.StructTreeRoot = pdf.make_indirect(
            pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot)
        )
    if lang:
        pdf.Root.Lang = pikepdf.String(lang)
    if title:
        pdf.docinfo["/Title"] = title
    out = io.BytesIO()
    pdf.save(out)
    out.seek(0)
    return out


def make_docx(body_paragraphs):
    """A Word file with the given paragraphs of document.xml, and styles naming Heading 1."""
    word = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/styles.xml",
            f'<w:styles {word}><w:style w:styleId="Heading1"><w:name w:val="heading 1"/>'
            f'</w:style><w:style w:styleId="Big"><w:name w:val="Big"/></w:style></w:styles>',
        )
        archive.writestr(
            "word/document.xml",
            f"<w:document {word}><w:body>{body_paragraphs}</w:body></w:document>",
        )
    out.seek(0)
    return out


def styled(style):
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>Text</w:t></w:r></w:p>'
