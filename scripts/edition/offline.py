"""The offline edition (`make offline`): Material's offline plugin, with its one network need removed.

The plugin loads the iframe-worker shim (which lets search run from file://) from a CDN. Readers of an
offline copy often have no network, and this site loads nothing from other hosts, so the shim is shipped
inside the site instead, from the npm package locked in package-lock.json. Listing a local copy in
`extra.polyfills` is what stops the plugin from adding the CDN address.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from .paths import ROOT

SHIM = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"
SHIM_URI = "assets/javascripts/iframe-worker.js"


def enabled(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def use_local_shim(config: MkDocsConfig) -> None:
    if not enabled(config):
        return
    polyfills = [url for url in config.extra.get("polyfills", []) if "iframe-worker" not in url]
    config.extra["polyfills"] = polyfills + [SHIM_URI]


def add_shim(files: Files, config: MkDocsConfig) -> None:
    if not enabled(config):
        return
    if not SHIM.is_file():
        raise Abort(f"{SHIM} is missing: run `npm ci --ignore-scripts` (make offline does)")
    files.append(File.generated(config, SHIM_URI, abs_src_path=str(SHIM)))
