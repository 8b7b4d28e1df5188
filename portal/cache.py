"""The shared cache may fail: how long a request waits for it, and how that is logged.

The cache is Redis through django-redis (settings.CACHES) with IGNORE_EXCEPTIONS: when Redis
cannot be reached, times out or refuses a command, a read is a miss and a write is dropped, so
every page is rendered uncached and every change is saved.

A stopped Redis refuses at once, but one that hangs or whose machine is gone costs the socket
timeout on every call, six calls for an uncached plan page (1.5 s). `FailFastRetry`, redis-py's
retry policy for the cache's connections, therefore gives up on Redis for `pause` seconds after
a connection error or timeout: meanwhile every call fails at once, and one call per pause and
process tries again.

django-redis logs each error it ignores at ERROR with its stack trace, one per cache call;
`CacheFailureFilter` makes that one WARNING line without the trace for the first failure, then at
most one a minute while they go on, with the number left out.
"""

import logging
import socket
import time

from redis import exceptions
from redis.backoff import NoBackoff
from redis.retry import Retry

FAILURES = (exceptions.ConnectionError, exceptions.TimeoutError, socket.timeout)


class FailFastRetry(Retry):
    """Never retry; after a failure, fail every call of this process at once for `pause` s."""

    pause = 5.0
    # When Redis last failed in this process. On the class: each connection of the pool gets
    # its own (deep) copy of the policy, and Redis is down for all of them alike.
    failed_at = None

    def __init__(self):
        super().__init__(NoBackoff(), 0)

    def call_with_retry(self, do, fail, *args, **kwargs):
        failed_at = FailFastRetry.failed_at
        if failed_at is not None and time.monotonic() - failed_at < self.pause:
            raise exceptions.ConnectionError(f"Redis failed less than {self.pause:g} s ago")
        try:
            return super().call_with_retry(do, fail, *args, **kwargs)
        except FAILURES:
            FailFastRetry.failed_at = time.monotonic()
            raise


class CacheFailureFilter(logging.Filter):
    """For django-redis's logger (DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS): short and not too often."""

    interval = 60.0  # seconds between two lines about the same outage

    def __init__(self, name=""):
        super().__init__(name)
        self._last_line = None
        self._left_out = 0

    def filter(self, record):
        now = time.monotonic()
        if self._last_line is not None and now - self._last_line < self.interval:
            self._left_out += 1
            return False
        error = record.exc_info[1] if record.exc_info else None
        # django-redis raises ConnectionInterrupted from the redis-py error that says why.
        cause = getattr(error, "__cause__", None) or error
        reason = f"{type(cause).__name__}: {cause}" if cause else record.getMessage()
        left_out = f" ({self._left_out} more since the last message)" if self._left_out else ""
        self._last_line, self._left_out = now, 0
        line = logging.makeLogRecord(record.__dict__)
        line.levelno, line.levelname = logging.WARNING, logging.getLevelName(logging.WARNING)
        line.msg = "Cache unavailable, serving without it: %s%s"
        line.args = (reason, left_out)
        line.exc_info = line.exc_text = line.stack_info = None
        return line
