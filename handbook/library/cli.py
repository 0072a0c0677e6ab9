"""`flask --app app import-document FILE --number … --type … --issuer … --date …` and
`flask --app app load-starter-documents` (the 2026 starter set, metadata and summaries)."""

import os
from datetime import datetime

import click

from handbook.domain import DomainError
from handbook.extensions import db
from handbook.library import bp
from handbook.library import messages as msg
from handbook.library.importer import ImportRequest, import_document
from handbook.library.starter import load_starter


@bp.cli.command("import-document")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--number", default="", help="Số hiệu, e.g. 08-QĐi/TW (read from the header if omitted).")
@click.option("--type", "doc_type", default="", help="Loại văn bản, e.g. 'Quy định'.")
@click.option("--issuer", default="", help="Cơ quan ban hành.")
@click.option("--date", "issued", default="", help="Ngày ban hành, DD/MM/YYYY or YYYY-MM-DD.")
@click.option("--title", default="", help="Trích yếu.")
@click.option("--replace", "on_duplicate", flag_value="replace", help="Update the document with this number.")
@click.option("--new-version", "on_duplicate", flag_value="version", help="Import as a new version.")
def import_document_command(path, number, doc_type, issuer, issued, title, on_duplicate):
    """Import a .docx, .pdf, .txt or .md document into the library."""
    issued_on = None
    if issued:
        for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
            try:
                issued_on = datetime.strptime(issued, fmt).date()
                break
            except ValueError:
                continue
        else:
            raise click.ClickException(msg.BAD_DATE)
    with open(path, "rb") as fh:
        data = fh.read()
    req = ImportRequest(filename=os.path.basename(path), data=data, number=number, doc_type=doc_type,
                        issuer=issuer, issued_on=issued_on, title=title, on_duplicate=on_duplicate or "")
    try:
        document = import_document(req)
    except DomainError as error:
        raise click.ClickException(error.message) from None
    db.session.commit()
    articles = sum(1 for s in document.sections if s.level == "dieu")
    click.echo(msg.IMPORTED_CLI.format(number=document.number, sections=len(document.sections), articles=articles,
                                       slug=document.slug))


@bp.cli.command("load-starter-documents")
def load_starter_command():
    """Add the starter documents a 2026 library holds first, or bring them up to date."""
    result = load_starter()
    db.session.commit()
    click.echo(msg.STARTER_LOADED.format(added=len(result.added), updated=len(result.updated),
                                         unchanged=len(result.unchanged)))
    if result.with_text:
        click.echo(msg.STARTER_WITH_TEXT.format(numbers=", ".join(result.with_text)))
