"""Sending pushes: one job per notification, each device tried once with a short timeout.

pywebpush encrypts (RFC 8291, aes128gcm) and signs (VAPID); the job runs in the worker, so a
push service that is slow or down delays nobody's request. A device the service reports gone
(404, 410) is forgotten; any other failure is logged and that device skipped — the in-app
notification is already saved, and a retry would send the others twice.
"""

import json

import requests
import structlog
from flask import current_app
from pywebpush import WebPushException, webpush
from sqlalchemy import select

from handbook.extensions import db
from handbook.push import keys
from handbook.push import messages as msg
from handbook.push.models import PushSubscription

GONE = (404, 410)
TTL_SECONDS = 12 * 60 * 60  # a phone that is off for the night still gets the morning's reminder
log = structlog.get_logger("handbook.push")


def payload(kind: str, message: str, url: str) -> str:
    """What the service worker shows: built from the in-app notification's text, which names a
    meeting and its time, never a note."""
    return json.dumps({"title": msg.TITLE, "body": message, "url": url, "tag": f"{kind}:{url}"}, ensure_ascii=False)


def send_to_users(user_ids: list[int], data: str) -> int:
    """The job: the payload to every device of these members; returns how many took it."""
    if not keys.configured() or not user_ids:
        return 0
    subscriptions = db.session.scalars(select(PushSubscription).where(PushSubscription.user_id.in_(user_ids)))
    signer = keys.signer()
    delivered = 0
    for subscription in subscriptions:
        delivered += _send_one(subscription, data, signer)
    return delivered


def _send_one(subscription: PushSubscription, data: str, signer) -> int:
    cfg = current_app.config
    info = {"endpoint": subscription.endpoint, "keys": {"p256dh": subscription.p256dh, "auth": subscription.auth}}
    try:
        webpush(info, data=data, vapid_private_key=signer, vapid_claims={"sub": cfg["VAPID_SUBJECT"]},
                timeout=cfg["PUSH_TIMEOUT_SECONDS"], ttl=TTL_SECONDS)
        return 1
    except WebPushException as error:
        status = error.response.status_code if error.response is not None else None
        if status in GONE:
            db.session.delete(subscription)
            log.info("push.gone", subscription=subscription.id, status=status)
        else:
            log.warning("push.failed", subscription=subscription.id, status=status)
    except (requests.RequestException, ValueError) as error:  # timeout, refused, a malformed key
        log.warning("push.failed", subscription=subscription.id, error=type(error).__name__)
    return 0
