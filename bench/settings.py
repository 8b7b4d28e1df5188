"""Settings for the load benchmark: the production settings (DEBUG off, everything else read from
the environment bench/load.py sets), with these changes a benchmark needs:

- ROOT_URLCONF adds /bench/trivial/, the ceiling every page is compared with;
- STATIC_ROOT is the run's own temporary directory, filled by collectstatic (with a storage
  that skips JS source-map comments: see bench/storage.py);
- CACHES: BENCH_CACHE=none gives the dummy cache (every page rendered: "uncached"); otherwise
  Redis at REDIS_URL under the run's own key prefix, or per-process memory without REDIS_URL.
"""

import os
from pathlib import Path

from portal.settings import *  # noqa: F403
from portal.settings import REDIS_URL

ROOT_URLCONF = "bench.urls"
STATIC_ROOT = Path(os.environ["BENCH_STATIC_ROOT"])
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "bench.storage.BenchStaticFilesStorage"},
}

if os.environ.get("BENCH_CACHE") == "none":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
elif REDIS_URL:
    # Production's Redis cache (portal/settings.py), under the run's own prefix.
    CACHES = {
        "default": {
            **CACHES["default"],  # noqa: F405
            "KEY_PREFIX": os.environ["BENCH_CACHE_PREFIX"],
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
