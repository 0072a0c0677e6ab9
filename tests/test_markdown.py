"""One Markdown pipeline, two named profiles: what each keeps, and that no raw HTML gets through."""

from handbook.markdown import render

SAMPLE = ("## Việc của tôi\n\n**Đậm**, *nghiêng*, [liên kết](https://example.org)\n\n"
          "- một\n- hai\n\n<script>x()</script>")


def test_note_profile_keeps_headings_and_marks_links_nofollow():
    html = render(SAMPLE, "note")
    assert "<h2>Việc của tôi</h2>" in html and "<strong>Đậm</strong>" in html and "<li>một</li>" in html
    assert 'rel="noopener noreferrer nofollow"' in html
    assert "<script" not in html


def test_agenda_profile_keeps_only_emphasis_lists_and_links():
    html = render(SAMPLE, "agenda")
    assert "<h2>" not in html and "## Việc của tôi" in html
    assert "<strong>Đậm</strong>" in html and "<em>nghiêng</em>" in html and "<li>hai</li>" in html
    assert '<a href="https://example.org" rel="noopener noreferrer">liên kết</a>' in html
    assert "<script" not in html


def test_nothing_renders_as_nothing():
    assert render(None, "note") == "" and render("", "agenda") == ""
