"""Debian's nginx on loopback, serving a published folder with the repository's server block
(deploy/nginx/lee2025.conf): for tests/test_nginx.py and `make lighthouse`.

Only the lines the server block marks EDIT are changed: the address (127.0.0.1 and a free port chosen now),
the server name, the root, and the paths of the included files. nginx runs in the foreground from a
temporary prefix with its own pid file, logs and temporary folders, and is stopped by its process id.
Started as root, its workers run as nginx's default unprivileged user, so the folder must be readable by all.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from .paths import ROOT

SERVER_BLOCK = ROOT / "deploy" / "nginx" / "lee2025.conf"
NGINX = "/usr/sbin/nginx"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
# The server block's example deployment: the site's path and the root that holds it.
EXAMPLE_PATH = "/lee2025/"
EXAMPLE_ROOT = "/srv/www"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_block(root: Path, port: int, path: str = EXAMPLE_PATH) -> str:
    """The repository's server block with its EDIT lines set for this machine."""
    text = SERVER_BLOCK.read_text(encoding="utf-8")
    replaced = {
        r"listen 80;": f"listen 127.0.0.1:{port};",
        r"server_name example.org;": "server_name 127.0.0.1;",
        rf"root {EXAMPLE_ROOT};": f"root {root};",
    }
    for pattern, value in replaced.items():
        text, count = re.subn(re.escape(pattern), value, text)
        if count != 1:
            raise ValueError(f"{SERVER_BLOCK}: expected one '{pattern}' line, found {count}")
    text = text.replace(f"{EXAMPLE_ROOT}{EXAMPLE_PATH}", f"{root}{path}").replace(EXAMPLE_PATH, path)
    return text


def main_config(prefix: Path, server_conf: Path) -> str:
    modules = f"load_module {BROTLI_MODULE};\n" if BROTLI_MODULE.exists() else ""
    temp = "\n".join(
        f"    {kind}_temp_path {prefix}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        f"{modules}daemon off;\nworker_processes 1;\npid {prefix}/nginx.pid;\nerror_log {prefix}/error.log warn;\n"
        "events { worker_connections 128; }\n"
        "http {\n    include /etc/nginx/mime.types;\n    default_type application/octet-stream;\n"
        f"    access_log off;\n{temp}\n    include {server_conf};\n}}\n"
    )


@contextlib.contextmanager
def serve(folder: Path, path: str = EXAMPLE_PATH) -> Iterator[str]:
    """Serve `folder` at http://127.0.0.1:PORT{path}; yields that base URL."""
    if not Path(NGINX).exists():
        raise FileNotFoundError(f"{NGINX} is missing: run `make nginx-deps` (Debian's nginx)")
    prefix = Path(tempfile.mkdtemp(prefix="edition-nginx-"))
    # nginx maps the URL path to root + path, so the folder is linked in at that path under a fresh root.
    root = prefix / "root"
    (root / path.strip("/")).parent.mkdir(parents=True, exist_ok=True)
    (root / path.strip("/")).symlink_to(folder.resolve(), target_is_directory=True)
    for where in (prefix, root):
        os.chmod(where, 0o755)
    port = free_port()
    server_conf = prefix / "server.conf"
    server_conf.write_text(server_block(root, port, path), encoding="utf-8")
    (prefix / "nginx.conf").write_text(main_config(prefix, server_conf), encoding="utf-8")
    process = subprocess.Popen(
        [NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf")], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        _wait_for(port, process, prefix)
        yield f"http://127.0.0.1:{port}{path}"
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stderr:
            process.stderr.close()
        shutil.rmtree(prefix, ignore_errors=True)


def _wait_for(port: int, process: subprocess.Popen, prefix: Path) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log = (prefix / "error.log").read_text(errors="replace") if (prefix / "error.log").exists() else ""
            said = process.stderr.read().decode(errors="replace") if process.stderr else ""
            raise RuntimeError(f"nginx exited with {process.returncode}: {said} {log}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return
        time.sleep(0.05)
    raise TimeoutError(f"nginx did not answer on port {port}")
