"""Plain text out of an uploaded file (.docx, .pdf with a text layer, .txt, .md), in NFC."""

import io
import unicodedata

from handbook.domain import DomainError
from handbook.library import messages as msg

MAX_BYTES = 10 * 1024 * 1024
EXTENSIONS = ("docx", "pdf", "txt", "md")


class ImportError_(DomainError):
    """A file we refuse, with the Vietnamese message shown to the person importing it."""


MSG_TOO_BIG = msg.TOO_BIG.format(megabytes=MAX_BYTES // (1024 * 1024))


def extension_of(filename: str) -> str:
    return filename.rsplit(".", 1)[-1].lower() if "." in filename else ""


def extract_text(filename: str, data: bytes) -> str:
    """The document's text with one paragraph per line; raises ImportError_ on bad input."""
    ext = extension_of(filename)
    if ext not in EXTENSIONS:
        raise ImportError_(msg.WRONG_TYPE)
    if len(data) > MAX_BYTES:
        raise ImportError_(MSG_TOO_BIG)
    if not data.strip():
        raise ImportError_(msg.EMPTY)
    try:
        if ext == "docx":
            text = _docx(data)
        elif ext == "pdf":
            text = pdf_text(data)
        else:
            text = _plain(data)
    except ImportError_:
        raise
    except Exception as error:  # a corrupt file must give a message, never a 500
        raise ImportError_(msg.UNREADABLE) from error
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    if not text.strip():
        raise ImportError_(msg.NO_TEXT_LAYER if ext == "pdf" else msg.EMPTY)
    return text


def _plain(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportError_(msg.NOT_UTF8) from None


def _docx(data: bytes) -> str:
    from docx import Document as Docx

    doc = Docx(io.BytesIO(data))
    # Headers (số hiệu, ngày) often sit in a two-column table above the body.
    header = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return "\n".join(header + [p.text for p in doc.paragraphs])


def pdf_text(data: bytes) -> str:
    """The text layer of every page (also used by tests that read the PDFs we export)."""
    # pypdfium2 keeps Vietnamese syllables whole where some extractors split them
    # around combining marks; NFC normalisation afterwards recomposes the rest.
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        pages = []
        for page in pdf:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(pages)
    finally:
        pdf.close()
