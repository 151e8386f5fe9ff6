"""`make serve` answers while the data is broken: the last good site, with the report over it.

A real `mkdocs serve` on a free port, on a copy of the minimal edition; every request must answer within
REQUEST_SECONDS (before, a data error held every request until the data was fixed).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from edition.paths import ROOT
from edition.serving import BANNER_ID

pytestmark = pytest.mark.slow

MINIMAL = Path(__file__).parent / "fixtures" / "minimal"
# MkDocs holds a request while a rebuild runs (a few seconds, much longer on a busy machine), never longer:
# before, a data error held every request until the data was fixed.
REQUEST_SECONDS = 60
WAIT_SECONDS = 180
BROKEN = ("proposals.yml", "area: supply-chain-stability", "area: nowhere")
REPORTED = "data/proposals.yml:6:11: proposals[0].area: expected the id of a cooperation area"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def edit(data: Path, file: str, old: str, new: str) -> None:
    path = data / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def get(url: str) -> tuple[int, str]:
    """One request, which must answer in time (a timeout fails the test)."""
    try:
        with urllib.request.urlopen(url, timeout=REQUEST_SECONDS) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def wait_for(url: str, wanted, what: str) -> str:
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        status, body = get(url)
        if status == 200 and wanted(body):
            return body
        if time.monotonic() > deadline:
            raise AssertionError(f"{url} never showed {what}; last answer {status}: {body[:300]}")
        time.sleep(0.3)


class Server:
    def __init__(self, data: Path, log: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log = log
        env = dict(os.environ, EDITION_DATA=str(data), NO_MKDOCS_2_WARNING="1")
        with log.open("w") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{self.port}"],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )

    def ready(self) -> None:
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log.read_text()
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.3)
        raise AssertionError("mkdocs serve never listened:\n" + self.log.read_text())

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def data(tmp_path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(MINIMAL, copy)
    return copy


def test_broken_data_keeps_the_last_good_site_and_shows_the_error(data, tmp_path):
    server = Server(data, tmp_path / "serve.log")
    try:
        server.ready()
        page = server.url + "proposals/stockpile/"
        assert BANNER_ID not in wait_for(page, lambda body: "Stockpile" in body, "the proposal")
        edit(data, *BROKEN)
        body = wait_for(page, lambda body: BANNER_ID in body, "the error banner")
        assert "<h1" in body and "Stockpile" in body, "the last good page is still served"
        assert REPORTED in body
        status, home = get(server.url)
        assert status == 200 and BANNER_ID in home
        assert REPORTED in server.log.read_text(), "the terminal shows the report too"
        edit(data, BROKEN[0], BROKEN[2], BROKEN[1])
        wait_for(page, lambda body: BANNER_ID not in body and "Stockpile" in body, "the fixed site")
    finally:
        server.stop()
    assert "Traceback" not in server.log.read_text()


def test_data_broken_at_start_serves_the_report_until_fixed(data, tmp_path):
    edit(data, *BROKEN)
    server = Server(data, tmp_path / "serve.log")
    try:
        server.ready()
        body = wait_for(server.url, lambda body: REPORTED in body, "the report")
        assert "The data has errors" in body and BANNER_ID not in body, "the error page, with no banner over it"
        edit(data, BROKEN[0], BROKEN[2], BROKEN[1])
        wait_for(
            server.url + "proposals/stockpile/",
            lambda body: BANNER_ID not in body and "Stockpile" in body,
            "the site once fixed",
        )
    finally:
        server.stop()
    assert "Traceback" not in server.log.read_text()
