"""The shared cache may fail: how its failures are logged.

The cache is Redis through django-redis (settings.CACHES) with IGNORE_EXCEPTIONS: when Redis
cannot be reached, times out or refuses a command, a read is a miss and a write is dropped, so
every page is rendered uncached and every change is saved. django-redis logs each such error
at ERROR with its stack trace, one per cache call (several per request); `CacheFailureFilter`
makes that one WARNING line without the trace for the first failure, then at most one a
minute while they go on, with the number left out.
"""

import logging
import time


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
