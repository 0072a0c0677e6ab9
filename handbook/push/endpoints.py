"""Which push endpoint URLs the server may POST to, read by the parser that sends.

The worker POSTs to whatever URL a browser gave us, so a URL that two parsers read
differently is a way in: `https://127.0.0.1\\@fcm.googleapis.com/…` is Google's to
`urllib.parse`, but requests sends it to 127.0.0.1 (urllib3's `parse_url` stops the host at
the backslash). The URL is therefore read by `parse_url`, the one requests (and so
pywebpush) sends with, held to the plain shape push services give out (https, a listed DNS
name, no user info, no port, no backslash, printable ASCII only), and rebuilt from its parts,
so what is stored and what is sent are the same string.
"""

import re
from urllib.parse import urlsplit

MAX_LENGTH = 1000  # the column's size
# Printable ASCII without space: no control character, no tab (urllib.parse drops those
# silently), nothing non-ASCII (an internationalised host is mapped by IDNA rules).
_PLAIN = re.compile(r"[!-~]+")
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
# A DNS name whose last label starts with a letter, so never an IP address.
_HOST = re.compile(rf"(?:{_LABEL}\.)+[a-z][a-z0-9-]*[a-z0-9]")


def clean_endpoint(endpoint: str, hosts: list[str]) -> str | None:
    """The endpoint as the worker will send to it, or None when it is not a plain https URL
    of a push service in `hosts` (each with its subdomains)."""
    if not isinstance(endpoint, str) or len(endpoint) > MAX_LENGTH or not _PLAIN.fullmatch(endpoint):
        return None
    if "\\" in endpoint:
        return None
    # Here, not with the app: urllib3 is ~2 MB that only a subscription or a push needs.
    from urllib3.exceptions import LocationParseError
    from urllib3.util import parse_url

    try:
        url = parse_url(endpoint)
    except LocationParseError:
        return None
    host = url.host or ""
    if url.scheme != "https" or url.auth is not None or url.port is not None or url.fragment is not None:
        return None
    if not _HOST.fullmatch(host) or not any(host == name or host.endswith("." + name) for name in hosts):
        return None
    rebuilt = f"https://{host}{url.path or '/'}" + (f"?{url.query}" if url.query is not None else "")
    # Both parsers must now read the same host: urllib3 for the POST, urllib.parse for the
    # VAPID audience pywebpush would otherwise work out.
    again, split = parse_url(rebuilt), urlsplit(rebuilt)
    if again.host != host or split.hostname != host or split.port is not None or split.username is not None:
        return None
    return rebuilt if len(rebuilt) <= MAX_LENGTH else None


def audience(endpoint: str) -> str:
    """The VAPID `aud` claim: the origin of an endpoint `clean_endpoint` returned."""
    return "/".join(endpoint.split("/", 3)[:3])
