"""Foundation routes: home, health, login, account."""

from tests.routes import Rule, expect, fixed

RULES = [
    Rule("main.home", "GET", fixed("/"), expect()),
    Rule("main.healthz", "GET", fixed("/healthz"), expect(anonymous=200)),
    # From the test client's loopback address: allowed (tests/test_operations.py refuses others).
    Rule("metrics", "GET", fixed("/metrics"), expect(anonymous=200)),
    Rule("auth.login", "GET", fixed("/login"), expect(anonymous=200, member=302)),
    Rule("auth.login", "POST", fixed("/login"), expect(anonymous=401, member=302),
         data=lambda w: {"username": "dangvien", "password": "wrong-password"}),
    Rule("auth.logout", "POST", fixed("/logout"), expect(anonymous=302, member=302)),
    Rule("auth.account", "GET", fixed("/account"), expect()),
    Rule("auth.password", "GET", fixed("/account/password"), expect()),
    Rule("auth.password", "POST", fixed("/account/password"), expect(),
         data=lambda w: {"current_password": "wrong", "new_password": "x", "confirm": "y"}),
    Rule("auth.font", "POST", fixed("/account/font"), expect(member=302), data=lambda w: {"change": "up"}),
    Rule("library.index", "GET", fixed("/library"), expect()),
    Rule("search.index", "GET", fixed("/search?q=x"), expect()),
    Rule("meetings.index", "GET", fixed("/meetings"), expect()),
]
