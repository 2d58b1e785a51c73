"""What a scaled run refuses to check, so that a rule is 未检查 rather than silently passed (issue 15's rules, as the
Processing algorithm applies them on one machine):

* coordinates that cannot belong to the constraint layer's CRS (:func:`algorithms.crs.check_coordinates`);
* a layer on another datum than the plots whose transformation is a ballpark one or worse than
  :data:`algorithms.datum.ACCURACY_LIMIT_M` — on one machine its conflicts near the boundary become 需核实; the
  partitions cannot mark them, so the rule is not checked and the message says what to do;
* a layer whose features all lie outside the plots' window (usually a CRS slip) unless declared to lie elsewhere.

Each raises :class:`~algorithms.errors.InputError`; :func:`.constraints.read_constraints` turns it into the rule's
未检查 reason.
"""
from __future__ import annotations

from ..crs import check_coordinates
from ..datum import datum_shift
from ..errors import InputError

__all__ = ["check_constraint_crs", "check_constraint_meets"]


def check_constraint_crs(label: str, own, mcrs, bounds) -> None:
    """Stop a constraint layer whose coordinates cannot be in ``own`` or whose datum shift to ``mcrs`` is uncertain."""
    if bounds is not None:
        check_coordinates(own, tuple(bounds), layer=label)
    shift = datum_shift(own, mcrs, tuple(bounds) if bounds is not None else None)
    if shift is not None and shift.uncertain:
        acc_zh, acc_en = shift.accuracy_text()
        raise InputError("E_SCALE_DATUM", layer=label, source=shift.source, target=shift.target,
                         accuracy_zh=acc_zh, accuracy_en=acc_en)


def check_constraint_meets(label: str, n_features: int, n_in_window: int, elsewhere: bool, *, extent=None,
                           window=None) -> None:
    """Stop a layer whose extent does not meet the plots' window (the rule the one-machine check applies; ``extent``
    in the window's CRS), or — extent unknown — none of whose features is in the window, unless the user said it
    lies elsewhere."""
    if elsewhere or not n_features or n_in_window:
        return
    if extent is not None and window is not None and extent[0] <= window[2] and window[0] <= extent[2] \
            and extent[1] <= window[3] and window[1] <= extent[3]:
        return
    raise InputError("E_SCALE_APART", layer=label)
