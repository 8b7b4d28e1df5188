"""gunicorn.conf.py: a worker stops tracking its long-lived objects after the warm-up, once."""

import gc
import importlib.util
from pathlib import Path
from types import SimpleNamespace

import pytest

CONF = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"


@pytest.fixture
def conf():
    spec = importlib.util.spec_from_file_location("gunicorn_conf", CONF)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    gc.unfreeze()
    yield module
    gc.unfreeze()


def test_nothing_is_frozen_during_the_warm_up(conf):
    conf.post_request(SimpleNamespace(nr=conf.WARM_UP_REQUESTS - 1), None, {}, None)
    assert gc.get_freeze_count() == 0


def test_objects_are_frozen_after_the_warm_up(conf):
    worker = SimpleNamespace(nr=conf.WARM_UP_REQUESTS)
    conf.post_request(worker, None, {}, None)
    assert gc.get_freeze_count() > 0
    assert worker.gc_frozen


def test_a_worker_freezes_once(conf, monkeypatch):
    worker = SimpleNamespace(nr=conf.WARM_UP_REQUESTS)
    conf.post_request(worker, None, {}, None)
    calls = []
    monkeypatch.setattr(gc, "freeze", lambda: calls.append(1))
    worker.nr += 10
    conf.post_request(worker, None, {}, None)
    assert calls == []
