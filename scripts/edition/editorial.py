"""The editorial checks of issue 9, in one call for the validator: quotes against the printed text and the
errata policy (fidelity), proposals' modality and the coverage register (modality), sourcing of the
editor's statements and of the front matter (sourcing)."""

from __future__ import annotations

from . import fidelity, modality, sourcing
from .errors import DataError
from .load import Loaded
from .model import Edition


def check(edition: Edition, loaded: Loaded) -> list[DataError]:
    return fidelity.check(edition, loaded) + modality.check(edition, loaded) + sourcing.check(edition, loaded)
