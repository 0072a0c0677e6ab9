"""No page repeats an id, so every label points at its own field (and htmx swaps the element it
means): every GET route of tests/routes, opened as a role it serves."""

import re
from collections import Counter

import pytest

from tests.routes import ROLES
from tests.test_authz import RULES

PREFERENCE = ("secretary", "member", "admin")
PAGES = sorted((r for r in RULES.values() if r.method == "GET"), key=lambda r: r.endpoint)


@pytest.mark.parametrize("rule", PAGES, ids=[r.endpoint for r in PAGES])
def test_no_page_repeats_an_id(client, auth, world, rule):
    role = next((role for role in PREFERENCE if rule.expect[role] == 200), None)
    if role is None:
        pytest.skip("no role opens this page")
    auth.login(ROLES[role])
    response = client.get(rule.url(world))
    if "html" not in response.content_type:
        return
    ids = Counter(re.findall(r'\sid="([^"]+)"', response.get_data(as_text=True)))
    assert {name: n for name, n in ids.items() if n > 1} == {}


def test_an_organisation_above_cells_names_its_two_name_fields_apart(client, auth, world):
    """Its page holds both "create a child" and "rename": each label points at its own box."""
    auth.login("capuy")
    html = client.get(f"/admin/orgs/{world['base'].id}").get_data(as_text=True)
    ids = Counter(re.findall(r'\sid="([^"]+)"', html))
    assert {name: n for name, n in ids.items() if n > 1} == {}
    assert 'for="new-name"' in html and 'for="name"' in html
