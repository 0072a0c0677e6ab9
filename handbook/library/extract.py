"""Plain text out of an uploaded file (.docx, .pdf with a text layer, .txt, .md), in NFC.

A file is bounded by what it unpacks to, not only by its size: a .docx is a zip whose parts
are checked (count and uncompressed size, as the zip declares them; Python's zipfile never
inflates a part past its declared size) before anything parses it, a PDF's pages are counted
before any is read, and the text taken out is capped as it is gathered. The figures these
ceilings give (time and memory of the largest accepted import) are in benchmarks/README.md.
"""

import io
import unicodedata
import zipfile

from handbook.domain import DomainError
from handbook.library import messages as msg

MAX_BYTES = 10 * 1024 * 1024
EXTENSIONS = ("docx", "pdf", "txt", "md")
MAX_DOCX_PARTS = 500
MAX_DOCX_UNPACKED = 40 * 1024 * 1024  # every part together: python-docx holds them all in memory
MAX_DOCX_XML = 16 * 1024 * 1024  # one XML part (the body): parsing time grows with it
MAX_PDF_PAGES = 1000
MAX_TEXT_CHARS = 2_000_000  # about 700 printed pages: the longest party documents are far shorter


class ImportError_(DomainError):
    """A file we refuse, with the Vietnamese message shown to the person importing it."""


MSG_TOO_BIG = msg.TOO_BIG.format(megabytes=MAX_BYTES // (1024 * 1024))
MSG_DOCX_UNPACKED = msg.DOCX_UNPACKED.format(megabytes=MAX_DOCX_UNPACKED // (1024 * 1024))
MSG_DOCX_PARTS = msg.DOCX_PARTS.format(count=MAX_DOCX_PARTS)
MSG_PDF_PAGES = msg.PDF_PAGES.format(count=MAX_PDF_PAGES)
MSG_TOO_MUCH_TEXT = msg.TOO_MUCH_TEXT.format(chars=f"{MAX_TEXT_CHARS:,}".replace(",", "."))


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
    if len(text) > MAX_TEXT_CHARS:
        raise ImportError_(MSG_TOO_MUCH_TEXT)
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    if not text.strip():
        raise ImportError_(msg.NO_TEXT_LAYER if ext == "pdf" else msg.EMPTY)
    return text


def _plain(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportError_(msg.NOT_UTF8) from None


def check_docx_parts(data: bytes) -> None:
    """Refuses a .docx whose parts are too many or unpack too large, before it is parsed."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = archive.infolist()
    if len(parts) > MAX_DOCX_PARTS:
        raise ImportError_(MSG_DOCX_PARTS)
    if sum(p.file_size for p in parts) > MAX_DOCX_UNPACKED or any(
            p.file_size > MAX_DOCX_XML for p in parts if p.filename.lower().endswith((".xml", ".rels"))):
        raise ImportError_(MSG_DOCX_UNPACKED)


def _docx(data: bytes) -> str:
    from docx import Document as Docx

    check_docx_parts(data)
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
        if len(pdf) > MAX_PDF_PAGES:
            raise ImportError_(MSG_PDF_PAGES)
        pages, size = [], 0
        for page in pdf:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
            size += len(pages[-1])
            if size > MAX_TEXT_CHARS:
                raise ImportError_(MSG_TOO_MUCH_TEXT)
        return "\n".join(pages)
    finally:
        pdf.close()
