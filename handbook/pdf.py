"""PDFs from our own templates (WeasyPrint): the notebook export and the minutes book.

Built only from the HTML and CSS we render; nothing is fetched from anywhere, so a text a
member typed cannot make the server load a URL.
"""


def _no_fetch(url, *args, **kwargs):
    raise ValueError("external resources are not loaded in exports")


def html_to_pdf(html: str, css: str) -> bytes:
    from weasyprint import CSS, HTML  # heavy import, only when a PDF is asked for

    stylesheet = CSS(string=css, url_fetcher=_no_fetch)
    return HTML(string=html, url_fetcher=_no_fetch).write_pdf(stylesheets=[stylesheet])
