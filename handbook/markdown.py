"""Markdown to safe HTML: one pipeline (markdown-it renders, nh3 sanitises) in named profiles.

- "note": a member's own notebook, CommonMark without raw HTML; a line break typed with Enter
  stays a line break (members write line by line, not in paragraphs); links are nofollow.
- "agenda": what a secretary writes under an agenda item: bold, italics, lists and links only.

Raw HTML never gets through: markdown-it escapes it, and nh3 is the second fence, keeping only
the profile's tags. Templates use `{{ text|markdown("agenda") }}`.
"""

from dataclasses import dataclass

import nh3
from flask import Flask
from markdown_it import MarkdownIt
from markupsafe import Markup


@dataclass(frozen=True)
class Profile:
    parser: MarkdownIt
    tags: set[str] | None  # None: nh3's own safe set
    attributes: dict[str, set[str]] | None
    link_rel: str


PROFILES = {
    "note": Profile(MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False,
                                              "breaks": True}),
                    tags=None, attributes=None, link_rel="noopener noreferrer nofollow"),
    "agenda": Profile(MarkdownIt("zero").enable(["emphasis", "list", "link", "newline"]),
                      tags={"p", "em", "strong", "ul", "ol", "li", "a", "br"}, attributes={"a": {"href"}},
                      link_rel="noopener noreferrer"),
}


def render(text: str | None, profile: str) -> Markup:
    chosen = PROFILES[profile]
    options = {"link_rel": chosen.link_rel}
    if chosen.tags is not None:
        options["tags"] = chosen.tags
    if chosen.attributes is not None:
        options["attributes"] = chosen.attributes
    return Markup(nh3.clean(chosen.parser.render(text or ""), **options))  # noqa: S704 - nh3 has sanitised it


def register(app: Flask) -> None:
    app.add_template_filter(render, "markdown")
