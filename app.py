"""Builds the app for `flask --app app` and gunicorn (`gunicorn app:app`)."""

import gc

from handbook import create_app

app = create_app()
# What a worker loads to serve (modules, the app, its routes and templates: over 100,000 objects)
# lives as long as the worker. Frozen, it is left out of the collector's full passes, which
# walked all of it every few hundred requests: 100-160 ms on the province with the worker's
# requests waiting, the uniform p95 spikes under load (benchmarks/README.md, A seventh pass).
gc.collect()
gc.freeze()
