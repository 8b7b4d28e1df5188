"""gunicorn settings shared by production (docs/deployment.md) and the load benchmark (bench/).

Run as `gunicorn -c gunicorn.conf.py portal.wsgi:application ...`; everything else (bind, workers,
threads) stays on the command line.
"""

import gc

# Requests a worker serves before it stops tracking what it has loaded (Django's URLs, templates,
# translations and the like, which live as long as the worker).
WARM_UP_REQUESTS = 50


def post_request(worker, req, environ, resp):
    """After the warm-up, one collection, then freeze what survived.

    A worker holds some 130,000 long-lived objects. Python's full collection walks all of them
    (60 ms on the benchmark machine) every few hundred requests, and the requests waiting behind
    it are the slowest percent. Frozen objects are left out of every later collection; freed
    objects are still freed by reference counting.
    """
    if worker.nr >= WARM_UP_REQUESTS and not getattr(worker, "gc_frozen", False):
        worker.gc_frozen = True  # (with threads, two may get here; freezing twice does no harm)
        gc.collect()
        gc.freeze()
