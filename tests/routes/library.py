"""Library routes: reader, marks, import (committee admins), study assignments."""

from tests.library_factories import import_text, long_document, regulation_text
from tests.routes import Rule, expect, fixed

READER = "/library/08-qdi-tw"


def _cell1_page_2(world):
    """The second page of a long document only cell 1 (and the committees above it) may read."""
    return f"/library/{long_document(slug='quy-dinh-chi-bo-1', org=world['cell1']).slug}/trang/2"

def _cell1_original(world):
    """The uploaded file of a document only cell 1 (and the committees above it) may read."""
    document = import_text(regulation_text(3, number="7-QĐ/CB"), org_id=world["cell1"].id)
    return f"/library/{document.slug}/ban-goc"


RULES = [
    Rule("library.original", "GET", _cell1_original, expect(other_member=404)),
    Rule("library.index", "GET", fixed("/library?type=Quy+định&year=2018&status=active"), expect()),
    Rule("library.reader", "GET", fixed(READER), expect()),
    Rule("library.reader_page", "GET", _cell1_page_2, expect(other_member=404)),
    Rule("library.position", "POST", fixed(READER + "/position"), expect(member=204),
         data=lambda w: {"anchor": "dieu-3"}),
    Rule("library.bookmark", "POST", fixed(READER + "/bookmark/dieu-3"), expect(member=302)),
    Rule("library.studied", "POST", fixed(READER + "/studied"), expect(member=302)),
    Rule("library.import_form", "GET", fixed("/library/import"), expect(member=404, admin=200)),
    Rule("library.import_form", "POST", fixed("/library/import"), expect(member=404, admin=200),
         data=lambda w: {"number": "1-QĐ/ĐUK"}),
    Rule("library.edit", "GET", fixed(READER + "/edit"), expect(member=404, admin=200)),
    Rule("library.edit", "POST", fixed(READER + "/edit"), expect(member=404, admin=200),
         data=lambda w: {"number": "", "doc_type": "Quy định"}),
    Rule("library.assign", "GET", fixed(READER + "/study"), expect(member=404, secretary=200, admin=200)),
    Rule("library.assign", "POST", fixed(READER + "/study"), expect(member=404, secretary=200, admin=200),
         data=lambda w: {"org_id": "", "due_on": ""}),
]
