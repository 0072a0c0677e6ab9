"""Subscribe and unsubscribe this device (JSON from push.js, with the CSRF token as a header),
and stop another of the member's devices from the account page (a lost phone)."""

from flask import flash, jsonify, redirect, request, url_for
from flask_login import current_user, login_required

from handbook.extensions import db
from handbook.push import bp, keys
from handbook.push import messages as msg
from handbook.push.access import get_own_device_or_404
from handbook.push.subscriptions import SubscriptionError, parse, subscribe, unsubscribe


@bp.post("/push/subscribe")
@login_required
def subscribe_device():
    """Remember this browser's push endpoint for the signed-in member."""
    if not keys.configured():
        return jsonify(error=msg.NOT_CONFIGURED), 404
    try:
        endpoint, p256dh, auth = parse(request.get_json(silent=True))
        subscribe(current_user, endpoint, p256dh, auth, request.user_agent.string or "")
    except SubscriptionError:
        db.session.rollback()
        return jsonify(error=msg.BAD_SUBSCRIPTION), 422
    db.session.commit()
    return jsonify(message=msg.SUBSCRIBED)


@bp.post("/push/unsubscribe")
@login_required
def unsubscribe_device():
    """Forget this browser's endpoint (only the member's own)."""
    data = request.get_json(silent=True)
    endpoint = data.get("endpoint") if isinstance(data, dict) else None
    if not isinstance(endpoint, str) or not endpoint:
        return jsonify(error=msg.BAD_SUBSCRIPTION), 422
    unsubscribe(current_user, endpoint)
    db.session.commit()
    return jsonify(message=msg.UNSUBSCRIBED)


@bp.post("/push/devices/<int:device_id>/delete")
@login_required
def delete_device(device_id):
    """Stop pushes to one of the member's devices, this one or another."""
    db.session.delete(get_own_device_or_404(device_id))
    db.session.commit()
    flash(msg.DEVICE_REMOVED, "success")
    return redirect(url_for("auth.account"))
