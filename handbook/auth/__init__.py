"""Logging in, the account page, and the rules of who may do what."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

from handbook.auth import hooks, routes  # noqa: E402,F401
