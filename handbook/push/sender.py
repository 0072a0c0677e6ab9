"""Sending pushes: one job per notification, each device tried once with a short timeout.

pywebpush encrypts (RFC 8291, aes128gcm) and signs (VAPID); the job runs in the worker, so a
push service that is slow or down delays nobody's request. A device the service reports gone
(404, 410) is forgotten; any other failure, whatever raised it, is logged (by the row's id,
never its address) and that device skipped — the in-app notification is already saved, and a
retry would send the others twice. Every endpoint is checked again as it is sent to (rows
kept before the check existed, hosts taken off PUSH_SERVICE_HOSTS since).
"""

import json

import structlog
from flask import current_app
from sqlalchemy import select

from handbook.extensions import db
from handbook.push import keys
from handbook.push import messages as msg
from handbook.push.endpoints import audience, clean_endpoint
from handbook.push.models import PushSubscription

GONE = (404, 410)
TTL_SECONDS = 12 * 60 * 60  # a phone that is off for the night still gets the morning's reminder
log = structlog.get_logger("handbook.push")


def payload(kind: str, message: str, url: str) -> str:
    """What the service worker shows: built from the in-app notification's text, which names a
    meeting and its time, never a note."""
    return json.dumps({"title": msg.TITLE, "body": message, "url": url, "tag": f"{kind}:{url}"}, ensure_ascii=False)


def open_session():
    """One HTTP session per job: the devices on one push service share its connection. No
    redirect is followed, so an answer cannot send the POST to an address we did not check."""
    import requests  # here, in the job that sends: a web worker never needs it

    session = requests.Session()
    session.max_redirects = 0
    return session


def send_to_users(user_ids: list[int], data: str) -> int:
    """The job: the payload to every device of these members; returns how many took it."""
    if not keys.configured() or not user_ids:
        return 0
    subscriptions = list(db.session.scalars(select(PushSubscription).where(PushSubscription.user_id.in_(user_ids))))
    signer = keys.signer()
    delivered = 0
    with open_session() as session:
        for subscription in subscriptions:
            delivered += _send_one(subscription, data, signer, session)
    return delivered


def _send_one(subscription: PushSubscription, data: str, signer, session) -> int:
    # Imported here, in the job worker that sends: pywebpush (with aiohttp) is ~23 MB that every
    # web worker would otherwise hold for nothing (benchmarks/README.md, Fourth round: memory).
    from pywebpush import WebPushException, webpush

    cfg = current_app.config
    endpoint = clean_endpoint(subscription.endpoint, cfg["PUSH_SERVICE_HOSTS"])
    if endpoint is None:
        log.warning("push.refused", subscription=subscription.id)
        return 0
    info = {"endpoint": endpoint, "keys": {"p256dh": subscription.p256dh, "auth": subscription.auth}}
    claims = {"sub": cfg["VAPID_SUBJECT"], "aud": audience(endpoint)}
    try:
        webpush(info, data=data, vapid_private_key=signer, vapid_claims=claims,
                timeout=cfg["PUSH_TIMEOUT_SECONDS"], ttl=TTL_SECONDS, requests_session=session)
        return 1
    except WebPushException as error:
        status = error.response.status_code if error.response is not None else None
        if status in GONE:
            db.session.delete(subscription)
            log.info("push.gone", subscription=subscription.id, status=status)
        else:
            log.warning("push.failed", subscription=subscription.id, status=status)
    except Exception as error:  # noqa: BLE001 - one device's failure, whatever it is, never stops the others
        # Only the exception's name: its message may hold the device's address.
        log.warning("push.failed", subscription=subscription.id, error=type(error).__name__)
    return 0
