"""The ceiling of Flask itself: one route answering "ok", served by the same server as the app."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def ok():
    return "ok", 200, {"Content-Type": "text/plain; charset=utf-8"}
