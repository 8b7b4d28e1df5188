"""What a developer or operator sees on the console: no library banners, no line twice."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]

SCRIPT = """
import logging
import django
django.setup()
logging.getLogger("django.tasks").info("Task id=merke state=RUNNING")
"""


@pytest.fixture(scope="module")
def console():
    """Start-up and one task log record of a development process (DEBUG=1, as `make run`)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(DJANGO_SETTINGS_MODULE="portal.settings", DEBUG="1", LOG_LEVEL="INFO")
    completed = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout + completed.stderr


def test_no_axes_start_up_banner(console):
    assert "AXES" not in console


def test_a_task_log_line_is_printed_once(console):
    assert console.count("Task id=merke state=RUNNING") == 1
