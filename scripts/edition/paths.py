"""Where the project's folders are, found from this file so commands work from any directory."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Tests and the benchmark build other editions (fixtures, synthetic 50x data) by pointing this elsewhere.
DATA_DIR = Path(os.environ.get("EDITION_DATA", ROOT / "data"))
