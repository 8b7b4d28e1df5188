"""Test overrides: a fast password hasher, an in-memory cache and e-mail outbox, a media folder
per test process."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("DEBUG", "1")

from portal.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Client.login() authenticates without a request, which django-axes refuses; the lockout tests
# in tests/security switch it on.
AXES_ENABLED = False
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}

# Files (stored PDFs) go to a folder of this test process's own: two processes (pytest-xdist) never
# share one, and var/media keeps only what `make run` made.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="portal-test-media-"))
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
