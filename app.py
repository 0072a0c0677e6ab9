"""Builds the app for `flask --app app` and gunicorn (`gunicorn app:app`)."""

from handbook import create_app

app = create_app()
