"""Debian's Chromium, and the flags every browser the project starts (tests, screenshots, the preview image) runs with."""

# Playwright never downloads a browser here: the machine's own Chromium is the one readers' browsers resemble.
CHROMIUM = "/usr/bin/chromium"
# No sandbox (containers), no GPU, and nothing that reaches the network on its own.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
