"""The constraint layers of a scaled run (step 3 of :mod:`.runner`): read once, cut per partition.

Each constraint layer is read once, only in the plots' window (pushed down to the driver: a bbox filter, i.e.
SQL ``&&`` for PostGIS), reprojected and repaired; what the run cannot judge (:mod:`.guards`) makes its rule
未检查. Each partition gets only the features that touch its window, each cut to the window plus a margin (so no
cut line can meet a plot); findings stay per constraint feature, with the same areas as on one machine.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import numpy as np

from ..errors import InputError
from .guards import check_constraint_crs, check_constraint_meets
from .partitions import transformer
from .sources import Source, redact

__all__ = ["BUILTIN_KEYS", "ConstraintInput", "read_constraints", "partition_constraints"]

BUILTIN_KEYS = ("ecological_redline", "farmland", "urban_boundary", "zoning")


@dataclass
class ConstraintInput:
    """A constraint layer for a scaled run: where to read it and how to read its fields."""

    source: Source
    key: Optional[str] = None            # one of BUILTIN_KEYS, or None for an "other" rule
    rule: str = "forbid"                 # others: forbid / within / touch
    name: str = ""
    id_field: Optional[str] = None
    name_field: Optional[str] = None
    zone_field: Optional[str] = None
    elsewhere: bool = False              # declared to lie away from the plots: no feature in their window is fine


def read_constraints(constraints, mcrs, window):
    """Read every constraint layer in the plots' ``window``: (per layer ``(input, layer, STRtree, read_error)``,
    notes). An unreadable layer (or one the guards stop) keeps its message as ``read_error``: its rule is 未检查;
    a given but empty layer has no tree: the check says so, as on one machine."""
    import shapely

    cons, notes = [], []
    for ci in constraints:
        try:
            layer, warns, nfeat = _read_constraint(ci, mcrs, window)
            notes.extend(warns)
            if len(layer) == 0 and nfeat == 0:  # given but empty: the check says so, as on one machine
                cons.append((ci, layer, None, None))
                continue
            tree = shapely.STRtree(np.asarray(layer.geometry.values, dtype=object))
            cons.append((ci, layer, tree, None))
        except InputError as err:
            cons.append((ci, None, None, redact(err.message_zh)))
    return cons, notes


def partition_constraints(cons, window) -> list:
    """A partition's constraints, per layer ``(input, layer, read_error, window)``: the features touching ``window``
    (``window`` True: a cut of a bigger layer, empty there means no conflicts), or the unreadable/empty layer."""
    parts = []
    for ci, layer, tree, err in cons:
        if err is not None or tree is None:  # unreadable, or an empty layer: the check reports it
            parts.append((ci, layer, err, False))
        else:
            parts.append((ci, _features_for(window, tree, layer), None, True))
    return parts


def _read_constraint(ci: ConstraintInput, mcrs, window):
    """The constraint features in the plots' window, in the measurement CRS, invalid ones repaired."""
    from pyproj import CRS

    info = ci.source.info()
    own = CRS.from_user_input(info["crs"]) if info.get("crs") else None
    if own is not None:
        check_constraint_crs(ci.source.label, own, mcrs, info.get("total_bounds"))
    bbox = window
    if own is not None and not own.equals(mcrs):
        t = transformer(mcrs, own)
        xs, ys = t.transform([window[0], window[2], window[0], window[2]], [window[1], window[3], window[3], window[1]])
        bbox = (min(xs), min(ys), max(xs), max(ys))
    gdf = ci.source.read(bbox=bbox)
    warnings = []
    if ci.source.is_postgis and ci.source.has_spatial_index() is False:
        warnings.append(f"{ci.source.label}: 没有空间索引，读取较慢（结果不受影响）/ no spatial index: slower, still correct")
    if own is None and len(gdf):
        raise InputError("E_NO_CRS", layer=ci.source.label)
    check_constraint_meets(ci.source.label, info.get("features", 0), len(gdf), ci.elsewhere,
                           extent=_extent_in(info.get("total_bounds"), own, mcrs), window=window)
    if len(gdf) == 0:
        return gdf, warnings, info.get("features", 0)
    if gdf.crs is not None and not CRS.from_user_input(gdf.crs).equals(mcrs):
        gdf = gdf.to_crs(mcrs)
    return _repaired(gdf, mcrs), warnings, info.get("features", 0)


def _repaired(gdf, mcrs):
    """``gdf`` with its invalid geometries made valid (their polygonal part), in ``mcrs``."""
    import geopandas as gpd
    import shapely

    from ..validity import is_valid

    geoms = gdf.geometry.values
    valid = is_valid(np.asarray(geoms), min_size=2)   # jagged 1 000-vertex polygons: GEOS is slow, validity.py
    if (~valid).any():
        from ..geometry import polygonal

        fixed = np.asarray(geoms, dtype=object).copy()
        fixed[~valid] = polygonal(shapely.make_valid(fixed[~valid]))
        geoms = fixed
    return gpd.GeoDataFrame(gdf.drop(columns="geometry"), geometry=list(geoms), crs=mcrs)


def _extent_in(bounds, own, mcrs):
    """A layer's (minx, miny, maxx, maxy) in its CRS ``own`` as a box in ``mcrs`` (its corners moved), or None."""
    if bounds is None or own is None or not np.all(np.isfinite(np.asarray(bounds, dtype=float))):
        return None
    if own.equals(mcrs):
        return tuple(float(v) for v in bounds)
    xs, ys = transformer(own, mcrs).transform([bounds[0], bounds[2], bounds[0], bounds[2]],
                                              [bounds[1], bounds[3], bounds[3], bounds[1]])
    return min(xs), min(ys), max(xs), max(ys)


def _window_margin(window) -> float:
    """Margin around a partition's window: the plots lie inside their boxes' union, reprojected edges may bow
    out a little, so cut constraints well outside it (1% of the window and at least 10 m)."""
    return max(10.0, 0.01 * max(window[2] - window[0], window[3] - window[1]))


def _features_for(window, tree, layer):
    """The constraint features touching ``window`` (attributes and geometry), cut to the window plus a margin."""
    import shapely

    m = _window_margin(window)
    w = (window[0] - m, window[1] - m, window[2] + m, window[3] + m)
    idx = np.sort(tree.query(shapely.box(*w)))
    geoms = np.asarray(layer.geometry.values, dtype=object)[idx]
    b = shapely.bounds(geoms)
    cut = np.flatnonzero((b[:, 0] < w[0]) | (b[:, 1] < w[1]) | (b[:, 2] > w[2]) | (b[:, 3] > w[3]))
    if len(cut):
        from ..checks.overlay import clip_to_boxes

        geoms = geoms.copy()
        geoms[cut] = clip_to_boxes(geoms[cut], np.tile(w, (len(cut), 1)))
    keep = ~shapely.is_empty(geoms)
    sub = layer.iloc[idx[keep]].copy()
    # each partition gets geometry objects of its own: the check prepares them (GEOS caches the prepared
    # geometry on the object), and one object prepared and freed by two threads at once corrupts the heap
    own = shapely.from_wkb(shapely.to_wkb(geoms[keep]))
    sub = sub.set_geometry(list(own), crs=layer.crs) if len(sub) else sub
    return sub
