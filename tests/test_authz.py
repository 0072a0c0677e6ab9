"""Every route × every role: who gets what. Walks app.url_map, so a new route without
an expectation fails here until its rule is written in tests/routes/<feature>.py."""

import pkgutil
from importlib import import_module

import pytest

import tests.routes
from tests.routes import ROLES, Rule


def all_rules() -> dict[tuple[str, str], Rule]:
    rules = {}
    for info in pkgutil.iter_modules(tests.routes.__path__):
        module = import_module(f"tests.routes.{info.name}")
        for rule in module.RULES:
            rules[(rule.endpoint, rule.method)] = rule
    return rules


RULES = all_rules()


def test_every_route_has_an_expectation(app):
    missing = []
    for url_rule in app.url_map.iter_rules():
        if url_rule.endpoint == "static":
            continue
        for method in url_rule.methods - {"HEAD", "OPTIONS"}:
            if (url_rule.endpoint, method) not in RULES:
                missing.append(f"{method} {url_rule.rule} ({url_rule.endpoint})")
    assert missing == [], "write a rule in tests/routes/ for: " + ", ".join(missing)


CASES = [(rule, role) for rule in RULES.values() for role in ROLES]


@pytest.mark.parametrize("rule,role", CASES, ids=[f"{r.method}-{r.endpoint}-{role}" for r, role in CASES])
def test_route_answers_each_role_as_expected(client, auth, world, rule, role):
    if role != "anonymous":
        auth.login(ROLES[role])
    url = rule.url(world)
    response = client.open(url, method=rule.method, data=rule.data(world) if rule.data else None)
    expected = rule.expect[role]
    assert response.status_code == expected, f"{rule.method} {url} as {role}: {response.status_code} ≠ {expected}"
