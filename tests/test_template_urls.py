"""Templates build the app's addresses with `url_for`, so a page moved or renamed in one
feature cannot leave another feature's links pointing at nothing."""

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# A path written out in a template: an attribute value (href, action, src, hx-get, data-…) or a
# Jinja string starting with "/" and a letter. Protocol-relative "//" is not ours to build.
HARD_CODED = re.compile(r"""(?:=\s*["']|\{\{[^}]*["'])/(?=[A-Za-z{])""")

# Leftovers, each with its reason; a template leaves this list when it builds the address.
EXCEPTIONS: dict[str, str] = {}


def _hard_coded() -> dict[str, list[str]]:
    found = {}
    for path in sorted(TEMPLATES.rglob("*.html")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if HARD_CODED.search(line):
                found.setdefault(str(path.relative_to(TEMPLATES)), []).append(f"{number}: {line.strip()[:120]}")
    return found


def test_templates_build_the_apps_addresses_with_url_for():
    found = _hard_coded()
    unexpected = {name: lines for name, lines in found.items()
                  if name not in EXCEPTIONS or not all(EXCEPTIONS[name] in line for line in lines)}
    assert unexpected == {}


def test_each_exception_still_holds():
    """An exception whose template was fixed is dropped from the list, not kept as a loophole."""
    found = _hard_coded()
    assert [name for name in EXCEPTIONS if name not in found] == []


def test_the_scan_sees_a_hard_coded_path():
    assert HARD_CODED.search('<a href="/library/{{ slug }}">')
    assert HARD_CODED.search("""<form hx-post='/meetings/3/vote'>""")
    assert HARD_CODED.search("""{{ link('/notes') }}""")
    assert not HARD_CODED.search("""<a href="{{ url_for('library.reader', slug=slug) }}">""")
    assert not HARD_CODED.search('<a href="https://example.org/x">')
