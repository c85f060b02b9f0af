"""Checking uploaded files: the size, and the type by both the name and the
first bytes, so a renamed file is caught. Meetings, payments and the public
site accept files through these."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext

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


def detect_type(
    upload: UploadedFile[bytes], allowed: dict[str, tuple[str, tuple[bytes, ...]]]
) -> str:
    """The content type of an upload, checked by its name and its first bytes.
    Raises ValidationError in plain English when it is too big or not allowed."""
    limit = settings.COPRODUCE_UPLOAD_MAX_BYTES
    size = upload.size or 0
    if size > limit:
        raise ValidationError(
            gettext("The file must be smaller than %(size)s.") % {"size": filesizeformat(limit)}
        )
    if size == 0:
        raise ValidationError(gettext("The file is empty."))
    name = (upload.name or "").lower()
    extension = "." + name.rsplit(".", 1)[-1] if "." in name else ""
    content_type = EXTENSIONS.get(extension)
    if content_type is None or content_type not in allowed:
        kinds = ", ".join(sorted({ext for ext, ctype in EXTENSIONS.items() if ctype in allowed}))
        raise ValidationError(
            gettext("The file must be one of these types: %(kinds)s.") % {"kinds": kinds}
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    signatures = allowed[content_type][1]
    if content_type == "text/plain":
        try:
            upload.read().decode("utf-8")
        except UnicodeDecodeError as error:
            raise ValidationError(gettext("The text file must be saved as UTF-8 text.")) from error
        finally:
            upload.seek(0)
    elif not any(head.startswith(signature) for signature in signatures):
        raise ValidationError(
            gettext("The file's contents do not match its type. Save it again and choose it again.")
        )
    if content_type == "image/webp" and head[8:12] != b"WEBP":
        raise ValidationError(
            gettext("The file's contents do not match its type. Save it again and choose it again.")
        )
    return content_type


def validate_image(upload: UploadedFile[bytes]) -> str:
    return detect_type(upload, IMAGE_TYPES)


def validate_document(upload: UploadedFile[bytes]) -> str:

    return detect_type(upload, {**IMAGE_TYPES, **DOCUMENT_TYPES})
