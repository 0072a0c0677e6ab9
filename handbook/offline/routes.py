"""The worker and manifest at the site root, the offline page, the member's pack list and
the per-document "Tải về để đọc khi không có mạng" toggle."""

import json
from pathlib import Path

from flask import current_app, jsonify, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import delete, select

from handbook.assets import asset_url
from handbook.conditional import account_key, build_stamp, keep_offline
from handbook.extensions import db
from handbook.library.access import get_visible_document_or_404
from handbook.offline import bp
from handbook.offline.models import OfflineMark
from handbook.offline.pack import pack_json
from handbook.security import is_htmx, safe_next

# The app shell: what every page needs, kept by the worker under these content-hashed URLs.
SHELL_ASSETS = ["css/app.css", "vendor/htmx-2.0.11.min.js", "js/app.js", "js/outbox.js", "js/logout.js",
                "js/offline.js", "js/editor.js", "js/library.js", "js/meetings.js", "js/speech.js",
                "img/icon.svg", "img/icon-192.png"]
# Used by the page and the worker alike: the worker gives up on the network after this long
# when it holds a stored copy of the page (a slow network in the meeting hall).
NETWORK_TIMEOUT_MS = 4000
THEME_COLOR = "#b3181e"
BACKGROUND_COLOR = "#faf8f4"


@bp.get("/sw.js")
def service_worker():
    """Our service worker, at the root so its scope is the whole site; its settings first."""
    settings = {
        "build": build_stamp(),
        "shell": [asset_url(name) for name in SHELL_ASSETS] + [url_for("offline.offline_page")],
        "offline": url_for("offline.offline_page"),
        "pack": url_for("offline.pack"),
        "login": url_for("auth.login"),
        "logout": url_for("auth.logout"),
        "timeout": NETWORK_TIMEOUT_MS,
        "icon": asset_url("img/icon-192.png"),  # a push notification's picture (the shell keeps it)
    }
    # One worker, written in parts by what they do (static/js/sw/: setup, shell, accounts,
    # navigation, the pack, messages, logout, Web Push), sent as one script in their order.
    parts = sorted((Path(current_app.static_folder) / "js" / "sw").glob("*.js"))
    code = "".join(part.read_text() for part in parts)
    body = f"self.SOTAY = {json.dumps(settings)};\n{code}"
    # Browsers check the worker for updates at most daily anyway; no-cache makes it at once.
    return current_app.response_class(body, mimetype="text/javascript",
                                      headers={"Cache-Control": "no-cache", "Service-Worker-Allowed": "/"})


@bp.get("/manifest.webmanifest")
def manifest():
    """The web app manifest: installable, opening full screen on the home page."""
    icon = {"type": "image/png"}
    data = {
        "name": "Sổ tay đảng viên điện tử",
        "short_name": "Sổ tay đảng viên",
        "description": "Văn bản, lịch sinh hoạt chi bộ và ghi chép cá nhân — dùng được cả khi mất sóng.",
        "lang": "vi",
        "id": "/",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "orientation": "portrait",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": [
            {**icon, "src": asset_url("img/icon-192.png"), "sizes": "192x192", "purpose": "any"},
            {**icon, "src": asset_url("img/icon-512.png"), "sizes": "512x512", "purpose": "any"},
            {**icon, "src": asset_url("img/icon-maskable-512.png"), "sizes": "512x512", "purpose": "maskable"},
        ],
    }
    return current_app.response_class(json.dumps(data, ensure_ascii=False), mimetype="application/manifest+json",
                                      headers={"Cache-Control": "no-cache"})


@bp.get("/offline")
@keep_offline
def offline_page():
    """Shown by the worker for a page this phone does not hold; lists what it does hold."""
    return render_template("offline/offline.html")


@bp.get("/offline/pack")
def pack():
    """The member's pack: each page to keep on the phone, with its validator."""
    if not current_user.is_authenticated or current_user.must_change_password:
        # The worker takes this as "nobody is logged in here": it forgets what it kept.
        return jsonify({"account": None, "entries": []}), 401
    return jsonify(pack_json(current_user)), 200, {"Cache-Control": "no-store"}


@bp.post("/library/<slug>/offline")
@login_required
def toggle_document(slug: str):
    """Keep this document on the phone for reading without signal (or stop keeping it)."""
    document = get_visible_document_or_404(slug)
    mark = db.session.scalar(select(OfflineMark.id).where(OfflineMark.user_id == current_user.id,
                                                          OfflineMark.document_id == document.id))
    if mark is None:
        db.session.add(OfflineMark(user_id=current_user.id, document_id=document.id))
    else:
        db.session.execute(delete(OfflineMark).where(OfflineMark.id == mark))
    db.session.commit()
    if is_htmx():
        marked = {document.id} if mark is None else set()
        response = current_app.make_response(render_template(
            "offline/_document_toggle.html", document=document, tool={"marked": marked}))
        response.headers["HX-Trigger"] = "sotay:pack-changed"  # the page asks the worker to refresh the pack
        return response
    back = request.form.get("next")
    return redirect(safe_next(back) if back else url_for("library.reader", slug=slug))


@bp.app_template_global()
def offline_account() -> str | None:
    return account_key()
