"""A local HTTP server run in a thread for as long as a measurement needs it (the phone and search benchmarks)."""

from __future__ import annotations

import contextlib
import http.server
import threading
from collections.abc import Iterator


@contextlib.contextmanager
def running(server: http.server.HTTPServer) -> Iterator[str]:
    """The server's base URL while it serves from a thread; stopped and closed afterwards."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
