"""Login, logout, password change and per-user display settings."""


from flask import current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from handbook.auth import bp
from handbook.auth import messages as msg
from handbook.auth.account import account_page
from handbook.auth.devices import known_device, remember
from handbook.auth.forms import ChangePasswordForm, LoginForm
from handbook.auth.identifiers import identifier_key
from handbook.auth.passwords import verify_password
from handbook.auth.service import authenticate, change_password, end_session, find_account, start_session
from handbook.auth.textsize import STEPS, parse_step, remember_on_device, text_step
from handbook.conditional import keep_offline
from handbook.extensions import db, limiter
from handbook.security import is_htmx, safe_next


def _account_key() -> str:
    """The account a login attempt is for, whichever of its names and spellings was typed
    (`0912 000 003`, `+84912000003` and the card number share one counter); from a device
    that logged in to it before, that device's own counter (devices.py says why)."""
    typed = request.form.get("username", "")[:120]
    user = find_account(typed)
    if user is None:
        return "login:unknown:" + identifier_key(typed)
    device = known_device(user)
    return f"login:device:{user.id}:{device}" if device else f"login:account:{user.id}"


def _own_account_key() -> str:
    return f"password:{current_user.get_id()}"


def _failed(response) -> bool:
    return response.status_code != 302


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit("5 per minute", key_func=_account_key, methods=["POST"], deduct_when=_failed)
# Per address, only against floods: a whole office or school behind one router logs in at once.
@limiter.limit("300 per minute", methods=["POST"])
def login():
    """Log in with a login name, card number or phone number."""
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = LoginForm()
    error = None
    if form.validate_on_submit():
        user = authenticate(form.username.data, form.password.data)
        if user is not None:
            start_session(user)
            db.session.commit()
            response = redirect(safe_next(request.args.get("next")))
            remember(response, user)
            return response
        error = msg.WRONG_CREDENTIALS
    status = 200 if request.method == "GET" or error is None else 401
    return render_template("auth/login.html", form=form, error=error), status


@bp.post("/logout")
def logout():
    """End this device's session on the server and in the browser."""
    end_session()
    db.session.commit()
    response = redirect(url_for("auth.login", logged_out=1))
    # The browser drops what it kept of this login: its HTTP cache, and the site's storage
    # (drafts, the offline copies and the service worker, which the next page registers
    # again). The page's script has already sent the drafts or been told they would be lost;
    # cookies stay, so the device's sign of an earlier good login (login limits) survives.
    response.headers["Clear-Site-Data"] = '"cache", "storage"'
    return response


@bp.get("/account")
@login_required
@keep_offline  # where logging out is, kept for a member on a shared phone with no signal
def account():
    """The member's own account page."""
    cell, panels = account_page(current_user)
    return render_template("auth/account.html", cell=cell, panels=panels)


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
@limiter.limit("10 per minute", key_func=_own_account_key, methods=["POST"])
def password():
    """Change one's own password; the current one is asked for first."""
    form = ChangePasswordForm(username=current_user.username)
    if form.validate_on_submit():
        if not verify_password(current_user.password_hash, form.current_password.data):
            form.current_password.errors.append(msg.WRONG_CURRENT_PASSWORD)
        else:
            # The member, not the proxy: the new session logs this object in again.
            user = current_user._get_current_object()
            notices = change_password(user, form.new_password.data)
            db.session.commit()
            for notice in notices:
                flash(notice, "info")
            flash(msg.PASSWORD_CHANGED, "success")
            response = redirect(url_for("main.home"))
            remember(response, user)  # the old password's mark has just ended
            return response
    return render_template("auth/password.html", form=form)


@bp.post("/account/font")
@login_required
def font():
    """A−/A+: the page's script has already drawn the new size and kept it on the device; it sends
    the size (`step`) so the account remembers it for a device without one. Without the script,
    `change` moves the size one step from the page's and the answer goes back to the page."""
    step = parse_step(request.form.get("step"))
    by_script = step is not None
    if step is None:
        change = {"up": 1, "down": -1}.get(request.form.get("change"), 0)
        step = min(max(text_step() + change, STEPS.start), STEPS.stop - 1)
    if current_user.font_step != step:
        current_user.font_step = step
        db.session.commit()
    response = ("", 204) if is_htmx() else redirect(safe_next(request.form.get("next")))
    response = current_app.make_response(response)
    if not by_script:
        # The script has written the device's cookie itself, maybe a newer size already (a
        # later tap): an answer to an earlier tap must not set it back.
        remember_on_device(response, step)
    return response


@bp.app_template_global("text_step")
def _text_step() -> int:
    return text_step()
