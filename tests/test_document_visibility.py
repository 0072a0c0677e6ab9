"""Who may read a restricted document is one rule (handbook.library.access): the reader, the
notebook's section notes, library search and the agenda builder's links all answer alike."""

import pytest
from sqlalchemy import select

from handbook.extensions import db
from handbook.library.access import cell_documents_clause, cell_section
from handbook.library.models import Document
from tests import notes_factories as nf

# Where a document is published -> who may read it (the demo: cell 1 and cell 2 sit under the
# base organisation, under the bloc whose committee admin is capuy; bithu leads cell 1).
READERS = {
    None: {"dangvien", "dangvien3", "bithu", "capuy"},
    "bloc": {"dangvien", "dangvien3", "bithu", "capuy"},
    "base": {"dangvien", "dangvien3", "bithu", "capuy"},
    "cell1": {"dangvien", "bithu", "capuy"},
    "cell2": {"dangvien3", "capuy"},
    "elsewhere": set(),
}


@pytest.mark.parametrize("placement", list(READERS))
def test_reader_note_and_search_agree_on_who_reads_a_document(client, auth, world, make, placement):
    org = make.org("Đảng bộ khác", kind="bloc") if placement == "elsewhere" else world.get(placement)
    section = nf.section(org=org)
    slug, anchor = section.document.slug, section.anchor
    for username in ("dangvien", "dangvien3", "bithu", "capuy"):
        auth.login(username)
        reads = username in READERS[placement]
        expected = 200 if reads else 404
        assert client.get(f"/library/{slug}").status_code == expected, (placement, username)
        assert client.get(f"/library/{slug}/sections/{anchor}/note").status_code == expected, (placement, username)
        found = client.get("/search?q=dang+vien+phai+guong+mau").get_data(as_text=True)
        assert (f"/library/{slug}#{anchor}" in found) == reads, (placement, username)
        auth.logout()


def test_an_agenda_links_only_what_every_member_of_the_cell_reads(world, make):
    placed = {name: nf.section(org=world[name] if name else None)
              for name in (None, "bloc", "base", "cell1", "cell2")}
    cell1 = world["cell1"]
    linkable = set(db.session.scalars(select(Document.id).where(cell_documents_clause(cell1))))
    for name, section in placed.items():
        expected = name != "cell2"
        assert (section.document_id in linkable) == expected, name
        assert (cell_section(cell1, str(section.id)) is not None) == expected, name
    assert cell_section(cell1, "not-a-number") is None
