"""Turning what staff and visitors type into safe HTML, and checking uploads.

Markdown keeps the editor simple and accessible (a plain text box works with
every screen reader and voice control). Whatever the Markdown produces is then
cleaned with nh3, so no script, event handler or style can reach a page."""

import markdown
import nh3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

# Headings start at h2: the page title is the only h1. Pictures come through the
# picture field, where a description is required, so <img> is not allowed here.
ALLOWED_TAGS = {
    "p", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "blockquote",
    "code", "pre", "br", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
# Classes GOV.UK Frontend needs so the text looks like the rest of the site.
GOVUK_CLASSES = {
    "<p>": '<p class="govuk-body">',
    "<h2>": '<h2 class="govuk-heading-m">',
    "<h3>": '<h3 class="govuk-heading-s">',
    "<h4>": '<h4 class="govuk-heading-s">',
    "<ul>": '<ul class="govuk-list govuk-list--bullet">',
    "<ol>": '<ol class="govuk-list govuk-list--number">',
    "<a ": '<a class="govuk-link" ',
    "<blockquote>": '<blockquote class="govuk-inset-text">',
}

MARKDOWN_HELP = (
    "Write in plain text. A blank line starts a new paragraph. "
    "Start a line with ## for a heading, or with - for a list. "
    "For a link, write [the words to click](https://example.org)."
)


def clean_html(html):
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


def render_markdown(text):
    """Markdown to clean HTML with GOV.UK classes. Raw HTML in the text is escaped or removed."""
    if not text:
        return ""
    html = markdown.markdown(
        text, extensions=["toc", "sane_lists"], extension_configs={"toc": {"baselevel": 2}}
    )
    html = clean_html(html)
    for plain, styled in GOVUK_CLASSES.items():
        html = html.replace(plain, styled)
    return html


def plain_text(text, limit=None):
    """Markdown as plain text, for feeds, search and summaries."""
    text = nh3.clean(markdown.markdown(text or ""), tags=set()).strip()
    if limit and len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return text


# Each accepted type with the bytes its files start with, so a renamed file is caught.
IMAGE_TYPES = {
    "image/png": (".png", (b"\x89PNG\r\n\x1a\n",)),
    "image/jpeg": (".jpg", (b"\xff\xd8\xff",)),
    "image/gif": (".gif", (b"GIF87a", b"GIF89a")),
    "image/webp": (".webp", (b"RIFF",)),
}
DOCUMENT_TYPES = {
    "application/pdf": (".pdf", (b"%PDF-",)),
    # Word, OpenDocument: zip containers
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (
        ".docx",
        (b"PK\x03\x04",),
    ),
    "application/vnd.oasis.opendocument.text": (".odt", (b"PK\x03\x04",)),
    "text/plain": (".txt", ()),
}
EXTENSIONS = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".txt": "text/plain",
}


def detect_type(upload, allowed):
    """The content type of an upload, checked by its name and its first bytes.
    Raises ValidationError in plain English when it is too big or not allowed."""
    limit = settings.COPRODUCE_UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(f"The file must be smaller than {filesizeformat(limit)}.")
    if upload.size == 0:
        raise ValidationError("The file is empty.")
    name = (upload.name or "").lower()
    extension = "." + name.rsplit(".", 1)[-1] if "." in name else ""
    content_type = EXTENSIONS.get(extension)
    if content_type not in allowed:
        kinds = ", ".join(sorted({ext for ext, ctype in EXTENSIONS.items() if ctype in allowed}))
        raise ValidationError(f"The file must be one of these types: {kinds}.")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    signatures = allowed[content_type][1]
    if content_type == "text/plain":
        try:
            upload.read().decode("utf-8")
        except UnicodeDecodeError as error:
            raise ValidationError("The text file must be saved as UTF-8 text.") from error
        finally:
            upload.seek(0)
    elif not any(head.startswith(signature) for signature in signatures):
        raise ValidationError(
            "The file's contents do not match its type. Save it again and choose it again."
        )
    if content_type == "image/webp" and head[8:12] != b"WEBP":
        raise ValidationError(
            "The file's contents do not match its type. Save it again and choose it again."
        )
    return content_type


def validate_image(upload):
    return detect_type(upload, IMAGE_TYPES)


def validate_document(upload):
    return detect_type(upload, {**IMAGE_TYPES, **DOCUMENT_TYPES})
