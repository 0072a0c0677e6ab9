"""A push service of our own for the tests: an HTTP server on loopback that keeps what it is sent
and answers by path (/ok/…: 201, /gone/…: 410, /broken/…: 500, /slow/…: too late), and the
browser's side of a subscription, whose private key decrypts what arrived (RFC 8291).

Devices get endpoints as a real push service gives them (https://push.test/…, no port), which the
app accepts with PUSH_SERVICE_HOSTS=["push.test"]; `session()` is the HTTP session the sender
then uses (in place of `handbook.push.sender.open_session`), delivering them to the loopback
server.
"""

import base64
import json
import os
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import http_ece
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

SLOW_SECONDS = 3  # longer than the tests' PUSH_TIMEOUT_SECONDS
HOST = "push.test"  # reserved for tests (RFC 2606): never a real push service


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@dataclass
class Received:
    path: str
    headers: dict  # names in lower case
    body: bytes


@dataclass
class Device:
    """What a browser holds for one subscription: its key pair and authentication secret."""

    endpoint: str
    private_key: ec.EllipticCurvePrivateKey = field(default_factory=lambda: ec.generate_private_key(ec.SECP256R1()))
    auth: bytes = field(default_factory=lambda: os.urandom(16))

    def subscription(self) -> dict:
        """As PushSubscription.toJSON() gives it to our page script."""
        public = self.private_key.public_key().public_bytes(serialization.Encoding.X962,
                                                            serialization.PublicFormat.UncompressedPoint)
        return {"endpoint": self.endpoint, "keys": {"p256dh": b64url(public), "auth": b64url(self.auth)}}

    def decrypt(self, received: Received) -> dict:
        assert received.headers.get("content-encoding") == "aes128gcm"
        plain = http_ece.decrypt(received.body, private_key=self.private_key, auth_secret=self.auth,
                                 version="aes128gcm")
        return json.loads(plain.decode("utf-8"))


class _ToLoopback(requests.adapters.HTTPAdapter):
    def __init__(self, loopback: str):
        super().__init__()
        self.loopback = loopback

    def send(self, request, **kwargs):
        request.url = self.loopback + request.path_url
        return super().send(request, **kwargs)


class PushService:
    def __init__(self):
        self.received: list[Received] = []
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - the name http.server calls
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                service.received.append(Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body))
                kind = self.path.split("/")[1]
                if kind == "slow":
                    time.sleep(SLOW_SECONDS)
                status = {"ok": 201, "slow": 201, "gone": 410, "broken": 500}.get(kind, 404)
                try:
                    self.send_response(status)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                except (BrokenPipeError, ConnectionResetError):  # the sender gave up waiting
                    pass

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"https://{HOST}"

    @property
    def loopback(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def device(self, kind: str, name: str) -> Device:
        return Device(f"{self.base}/{kind}/{name}")

    def to(self, device: Device) -> list[Received]:
        return [r for r in self.received if f"{self.base}{r.path}" == device.endpoint]

    def session(self) -> requests.Session:
        """Like the sender's own session (no redirect followed), but what is sent to push.test
        reaches this server."""
        session = requests.Session()
        session.max_redirects = 0
        session.mount(f"{self.base}/", _ToLoopback(self.loopback))
        return session

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
