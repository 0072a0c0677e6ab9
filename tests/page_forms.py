"""The forms of an HTML page as a browser would send them: where each posts, its fields' first
values, and which fields hold integers (a number input, a digit value, a list of numbered choices)."""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

DIGITS = re.compile(r"-?\d+")


@dataclass
class PageForm:
    method: str
    target: str  # the path it posts to ("" for the page's own address)
    values: dict[str, str] = field(default_factory=dict)
    integers: set[str] = field(default_factory=set)
    _options: dict[str, list[str]] = field(default_factory=dict)


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[PageForm] = []
        self.loose = PageForm("get", "")  # fields outside any form (filters driven by htmx)
        self.current: PageForm | None = None
        self.select: str | None = None

    def _form(self) -> PageForm:
        return self.current or self.loose

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "form":
            target = a.get("hx-post") or a.get("action") or a.get("hx-get") or ""
            method = "post" if a.get("hx-post") or a.get("method", "").lower() == "post" else "get"
            self.current = PageForm(method, urlsplit(target).path)
            self.forms.append(self.current)
        elif tag in ("input", "textarea", "select", "button") and a.get("name"):
            form, name = self._form(), a["name"]
            kind = a.get("type", "text").lower()
            if tag == "select":
                self.select = name
                form._options.setdefault(name, [])
                return
            if kind in ("checkbox", "radio") and "checked" not in a and name in form.values:
                value = None
            else:
                value = a.get("value", "")
            if kind == "number" or (kind in ("hidden", "radio") and DIGITS.fullmatch(a.get("value", ""))):
                form.integers.add(name)
            if value is not None and tag != "button" and (name not in form.values or "checked" in a):
                form.values[name] = value
        elif tag == "option" and self.select:
            form = self._form()
            value = a.get("value", "")
            form._options[self.select].append(value)
            if "selected" in a or self.select not in form.values:
                form.values[self.select] = value

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None
        elif tag == "select":
            self.select = None


def forms_on(html: str) -> list[PageForm]:
    reader = _Reader()
    reader.feed(html)
    forms = [*reader.forms, reader.loose]
    for form in forms:
        for name, options in form._options.items():
            numbered = [o for o in options if o]
            if numbered and all(DIGITS.fullmatch(o) for o in numbered):
                form.integers.add(name)
    return forms
