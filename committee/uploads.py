"""Uploaded files (evidence, meeting documents): what is accepted, checked three ways
(docs/security.md item 18).

A file is accepted when its size is within the limit, its extension is on the allowlist, and
its first bytes are those of the format the extension claims. The type stored (and later sent
with the download) is the one the content proved, never the browser's.
"""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

type Upload = UploadedFile[bytes]

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_EVIDENCE_FILES = 5

OOXML = "application/vnd.openxmlformats-officedocument"
#: extension → (content type, how the content proves it)
ALLOWED = {
    "pdf": ("application/pdf", "pdf"),
    "png": ("image/png", "png"),
    "jpg": ("image/jpeg", "jpeg"),
    "jpeg": ("image/jpeg", "jpeg"),
    "docx": (f"{OOXML}.wordprocessingml.document", "docx"),
    "xlsx": (f"{OOXML}.spreadsheetml.sheet", "xlsx"),
    "pptx": (f"{OOXML}.presentationml.presentation", "pptx"),
    "odt": ("application/vnd.oasis.opendocument.text", "odt"),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", "ods"),
    "txt": ("text/plain", "text"),
    "csv": ("text/csv", "text"),
}

#: The member of an OOXML/OpenDocument zip archive that tells which application it belongs to.
ZIP_MARKERS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
OPENDOCUMENT_MIMETYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}


@dataclass(frozen=True)
class CheckedFile:
    upload: Upload
    original_name: str
    content_type: str
    size: int
    sha256: str


def _head(upload: Upload, size: int = 4096) -> bytes:
    upload.seek(0)
    head: bytes = upload.read(size)
    upload.seek(0)
    return head


def _is_zip_of(upload: Upload, kind: str) -> bool:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if kind in ZIP_MARKERS:
                return ZIP_MARKERS[kind] in names
            return (
                "mimetype" in names
                and archive.read("mimetype").strip() == OPENDOCUMENT_MIMETYPES[kind]
            )
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return False
    finally:
        upload.seek(0)


def _is_text(upload: Upload) -> bool:
    upload.seek(0)
    try:
        data = upload.read()
        if b"\x00" in data:
            return False
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    finally:
        upload.seek(0)
    return True


def content_matches(upload: Upload, proof: str, extension: str) -> bool:
    head = _head(upload)
    match proof:
        case "pdf":
            return head.startswith(b"%PDF-")
        case "png":
            return head.startswith(b"\x89PNG\r\n\x1a\n")
        case "jpeg":
            return head.startswith(b"\xff\xd8\xff")
        case "docx" | "xlsx" | "pptx" | "odt" | "ods":
            return head.startswith(b"PK\x03\x04") and _is_zip_of(upload, extension)
        case "text":
            return _is_text(upload)
    return False


def check_upload(upload: Upload, *, max_bytes: int = MAX_UPLOAD_BYTES) -> CheckedFile:
    """The upload with its proven type, or a ``ValidationError`` saying what is wrong."""
    name = PurePath(str(upload.name or "")).name[:255]
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    size = upload.size or 0
    if size == 0:
        raise ValidationError(_("The file “%(name)s” is empty.") % {"name": name}, code="empty")
    if size > max_bytes:
        raise ValidationError(
            _("The file “%(name)s” is larger than %(limit)s.")
            % {"name": name, "limit": filesizeformat(max_bytes)},
            code="too_large",
        )
    if extension not in ALLOWED:
        raise ValidationError(
            _("Files of this kind are not accepted. Accepted: %(kinds)s.")
            % {"kinds": ", ".join(sorted(ALLOWED))},
            code="extension",
        )
    content_type, proof = ALLOWED[extension]
    if not content_matches(upload, proof, extension):
        raise ValidationError(
            _("The content of “%(name)s” is not a %(kind)s file.")
            % {"name": name, "kind": extension.upper()},
            code="content",
        )
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return CheckedFile(upload, name, content_type, size, digest.hexdigest())
