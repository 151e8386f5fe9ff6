"""`make serve` while the data is broken: the last good site stays served, with the errors shown over it.

MkDocs' dev server holds every request until a rebuild succeeds, so a data error used to hang the
browser until the data was fixed. Here a rebuild that stops on a data error counts as done: the server
answers at once with the last good pages (a data error stops the build before MkDocs empties the site
folder), each page carries a banner with the report, and the terminal shows it. The next good rebuild
removes the banner and reloads the browser, as any rebuild does. Any other stop of a rebuild (a strict-mode
warning, say) is shown the same way.

MkDocs loads the hooks file again at each rebuild; the state lives in this module, which stays loaded.
"""

from __future__ import annotations

import html
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType
from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer

BANNER_ID = "edition-data-errors"


class _State:
    serving = False  # `mkdocs serve`, as opposed to a build
    report: str | None = None  # the current data errors, if the last check failed
    good_build = False  # whether this process has built the site from good data


STATE = _State()


def on_startup(command: str) -> None:
    STATE.serving = command == "serve"


def data_ok() -> None:
    STATE.report = None


def data_broken(report: str) -> bool:
    """Record a failed check. True if the server has a good site to keep showing (stop this build);
    False at the first build of `mkdocs serve`, which has none yet and builds an error page instead."""
    STATE.report = report
    if STATE.serving:
        # Printed, not logged: in strict mode MkDocs counts logged errors and would stop the error page too.
        print(
            f"ERROR    -  The data has errors; the site shows them until they are fixed:\n{report}",
            file=sys.stderr,
            flush=True,
        )
    return not STATE.serving or STATE.good_build


def built() -> None:
    if STATE.report is None:
        STATE.good_build = True


def error_page(report: str) -> str:
    """The page served while there is no good build yet: the report, as text."""
    return "\n".join(
        [
            "# The data has errors",
            "",
            '<p>Nothing could be built from <code>data/</code>. Fix the errors below and save: this page '
            "reloads with the site.</p>",
            "",
            f'<pre style="white-space:pre-wrap">{html.escape(report)}</pre>',
            "",
        ]
    )


def on_serve(server: LiveReloadServer, data_dir: Path) -> LiveReloadServer:
    """Make the dev server keep answering through data errors, and watch the data folder in use."""
    server.builder = _tolerant(server.builder)
    app = server.get_app()
    if app is None:  # LiveReloadServer sets its app when it is made
        raise RuntimeError("the dev server has no WSGI app to wrap")
    server.set_app(_with_banner(app))
    server.watch(str(data_dir))
    return server


def _tolerant(builder: Callable[..., None]) -> Callable[..., None]:
    def build(*args: object, **kwargs: object) -> None:
        try:
            builder(*args, **kwargs)
        except Abort as abort:
            if STATE.report is None:
                # Not the data's (a strict-mode warning, say): shown the same way rather than left to hang.
                STATE.report = str(abort).strip() or "The build stopped."
                print(f"ERROR    -  {STATE.report}", file=sys.stderr, flush=True)
            # A data error stops the build before the site folder is emptied: the last good site is still
            # in place, and the server answers with it, under the banner.

    return build


def banner(report: str) -> bytes:
    return (
        f'<div id="{BANNER_ID}" role="alert" style="position:sticky;top:0;z-index:1000;margin:0;'
        "padding:.8rem 1rem;background:#8b0000;color:#fff;font:14px/1.45 monospace;white-space:pre-wrap;"
        'max-height:45vh;overflow:auto">'
        "The data has errors, so this is the last good build. Fix them and save: the page reloads.\n\n"
        f"{html.escape(report)}</div>"
    ).encode()


def _with_banner(app: WSGIApplication) -> WSGIApplication:
    """A WSGI wrapper that puts the banner at the top of every HTML page while the data is broken."""

    def wrapped(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        report = STATE.report
        if report is None or not STATE.good_build:  # no good site yet: the error page says it all
            return app(environ, start_response)
        captured: dict[str, tuple[str, list[tuple[str, str]]]] = {}

        def capture(
            status: str,
            headers: list[tuple[str, str]],
            exc_info: tuple[type[BaseException], BaseException, TracebackType] | tuple[None, None, None] | None = None,
            /,
        ) -> Callable[[bytes], object]:
            captured["response"] = (status, headers)
            return lambda data: None

        body = b"".join(app(environ, capture))
        status, headers = captured["response"]
        content_type = next((value for name, value in headers if name.lower() == "content-type"), "")
        if content_type.startswith("text/html"):
            body = _insert_after_body_tag(body, banner(report))
            headers = [(name, value) for name, value in headers if name.lower() != "content-length"]
            headers.append(("Content-Length", str(len(body))))
        start_response(status, headers)
        return [body]

    return wrapped


def _insert_after_body_tag(page: bytes, insert: bytes) -> bytes:
    start = page.find(b"<body")
    end = page.find(b">", start) if start != -1 else -1
    if end == -1:
        return insert + page
    return page[: end + 1] + insert + page[end + 1 :]
