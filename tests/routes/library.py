"""Library routes: reader, marks, import (committee admins), study assignments."""

from tests.routes import Rule, expect, fixed

READER = "/library/08-qdi-tw"

RULES = [
    Rule("library.index", "GET", fixed("/library?type=Quy+định&year=2018&status=active"), expect()),
    Rule("library.reader", "GET", fixed(READER), expect()),
    Rule("library.position", "POST", fixed(READER + "/position"), expect(member=204),
         data=lambda w: {"anchor": "dieu-3"}),
    Rule("library.bookmark", "POST", fixed(READER + "/bookmark/dieu-3"), expect(member=302)),
    Rule("library.studied", "POST", fixed(READER + "/studied"), expect(member=302)),
    Rule("library.import_form", "GET", fixed("/library/import"), expect(member=404, admin=200)),
    Rule("library.import_form", "POST", fixed("/library/import"), expect(member=404, admin=200),
         data=lambda w: {"number": "1-QĐ/ĐUK"}),
    Rule("library.assign", "GET", fixed(READER + "/study"), expect(member=404, secretary=200, admin=200)),
    Rule("library.assign", "POST", fixed(READER + "/study"), expect(member=404, secretary=200, admin=200),
         data=lambda w: {"org_id": "", "due_on": ""}),
]
