"""Crash and fault tests run real child processes; they need POSIX (fork, SIGKILL, rlimits)."""

from __future__ import annotations

import os

import pytest

if os.name != "posix":  # pragma: no cover - Windows
    collect_ignore_glob = ["test_*.py"]


@pytest.fixture(scope="module")
def writer_servers():
    """Two fork servers, so that two databases can be crashed side by side (2 cores)."""
    from tests.reliability.helpers import WriterServer

    servers = [WriterServer(), WriterServer()]
    yield servers
    for server in servers:
        server.close()
