"""Per-unit quantities and capital costs for the feasibility model (万元 unless stated).

A unit (or plot) row yields: its area in 公顷, whether it is already supplied (已供地) or serviced, the
sellable land, the developer's standard-factory floor area, and the capital cost of each outflow category.
Road cost comes from the road corridors: every road is cut into short pieces, each piece is charged to the
nearest unit (vectorised ``STRtree.query_nearest``), at the 万元/公里 rate of its class. Built roads cost nothing.
"""
from __future__ import annotations

from typing import Iterable, Optional

import numpy as np
import pandas as pd
import shapely
from pyproj import CRS

from ..crs import M2_PER_HA, measurement_crs, to_crs
from ..errors import CrsError
from ..planstate import SUPPLIED_VALUES  # GDZT values meaning "already supplied" (one definition, re-exported)
from .params import get
from .rates import class_rates

__all__ = ["to_metres", "unit_areas_ha", "status_mask", "road_lengths_per_unit", "unit_costs", "COST_COLUMNS",
           "SUPPLIED_VALUES", "BUILT_VALUES", "PLAN_RATES", "plan_rates", "plot_far"]

#: values of a road/infrastructure status field meaning "already built"
BUILT_VALUES = ("已建", "已建成", "建成", "现状")
#: capital cost columns of :func:`unit_costs`, in the order of the cash-flow table
COST_COLUMNS = ("land_acquisition", "site_preparation", "roads", "utilities", "public_facilities", "factory")
_PIECE_M = 25.0  # road pieces no longer than this are charged to their nearest unit


def to_metres(gdf, *, layer: str, target: Optional[CRS] = None):
    """``gdf`` in ``target`` or in its own measurement CRS (projected metres); refuses a layer without CRS."""
    if gdf is None:
        return None, target
    if gdf.crs is None:
        raise CrsError("E_NO_CRS", layer=layer)
    if target is None:
        bounds = tuple(gdf.total_bounds) if len(gdf) else None
        target = measurement_crs(CRS.from_user_input(gdf.crs), layer=layer, bounds=bounds)
    return to_crs(gdf, target), target


def unit_areas_ha(units) -> np.ndarray:
    """YDMJ (m²) ÷ 10 000 where given and positive, else the measured geometry area."""
    geom_m2 = units.geometry.area.to_numpy(dtype=float)
    if "YDMJ" in units.columns:
        ydmj = pd.to_numeric(units["YDMJ"], errors="coerce").to_numpy(dtype=float)
        geom_m2 = np.where(np.isfinite(ydmj) & (ydmj > 0), ydmj, geom_m2)
    return geom_m2 / M2_PER_HA


def status_mask(frame, field: Optional[str], values: Iterable) -> np.ndarray:
    """True where ``frame[field]`` is one of ``values`` (strings compared stripped) or a true boolean/1."""
    if not field or frame is None or field not in frame.columns:
        return np.zeros(0 if frame is None else len(frame), dtype=bool)
    col = frame[field]
    wanted = {str(v).strip() for v in values}
    as_text = col.astype(str).str.strip().isin(wanted).to_numpy()
    as_bool = col.map(lambda v: v is True or (isinstance(v, (int, float, np.integer, np.floating))
                                              and not isinstance(v, bool) and v == 1)).to_numpy(dtype=bool)
    return as_text | as_bool


def _pieces(geoms: np.ndarray):
    """Short straight pieces of line geometries (polygons give half their boundary length, i.e. ≈ centre line).

    Returns (midpoints, lengths in m, index of the source geometry).
    """
    geoms = np.asarray(geoms, dtype=object)
    polys = np.isin(shapely.get_type_id(geoms), [3, 6])
    lines = np.where(polys, shapely.boundary(geoms), geoms)
    factor = np.where(polys, 0.5, 1.0)
    lines = shapely.segmentize(lines, _PIECE_M)
    parts, part_src = shapely.get_parts(lines, return_index=True)
    parts_lines = np.isin(shapely.get_type_id(parts), [1, 2])
    parts, part_src = parts[parts_lines], part_src[parts_lines]
    coords, coord_src = shapely.get_coordinates(parts, return_index=True)
    same = coord_src[1:] == coord_src[:-1]
    a, b = coords[:-1][same], coords[1:][same]
    seg_src = part_src[coord_src[:-1][same]]
    mids = shapely.points((a + b) / 2.0)
    lengths = np.hypot(*(b - a).T) * factor[seg_src]
    return mids, lengths, seg_src


def road_lengths_per_unit(units, roads, *, class_field: Optional[str] = None, built: Optional[np.ndarray] = None,
                          length_field: Optional[str] = None) -> pd.DataFrame:
    """Kilometres of not-yet-built road charged to each unit, one column per road class.

    ``length_field`` (m), when given, rescales each road's pieces so that their sum equals it.
    """
    n = len(units)
    if roads is None or len(roads) == 0 or n == 0:
        return pd.DataFrame(index=units.index)
    geoms = roads.geometry.to_numpy()
    keep = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    if built is not None and len(built):
        keep &= ~built
    classes = (roads[class_field].astype(str).str.strip().to_numpy() if class_field and class_field in roads.columns
               else np.full(len(roads), "default", dtype=object))
    mids, lengths, src = _pieces(geoms[keep])
    if length_field and length_field in roads.columns:
        given = pd.to_numeric(roads[length_field], errors="coerce").to_numpy(dtype=float)[keep]
        measured = np.bincount(src, weights=lengths, minlength=int(keep.sum()))
        # a given length is the length (0 included: a sliver of corridor with no centre line); NaN → measured
        scale = np.where(np.isfinite(given) & (given >= 0) & (measured > 0),
                         np.where(np.isfinite(given), given, 0.0) / np.where(measured > 0, measured, 1), 1.0)
        lengths = lengths * scale[src]
    tree = shapely.STRtree(units.geometry.to_numpy())
    _, nearest = tree.query_nearest(mids, return_distance=False, all_matches=False)
    cls = classes[keep][src]
    out = {}
    for c in pd.unique(cls):
        sel = cls == c
        out[str(c)] = np.bincount(nearest[sel], weights=lengths[sel], minlength=n) / 1000.0
    return pd.DataFrame(out, index=units.index)


#: per-plot rates read from the plan's controls, each with the parameter used where a plot has none:
#: column -> (control field, parameter, Chinese name, class-table key); 万元/公顷 (per year for output and tax)
PLAN_RATES = {"tax_rate": ("DJSS", "revenues.tax_per_ha_year", "地均税收", "tax_per_ha_year"),
              "output_rate": ("CCQD", "targets.output_per_ha_year", "产出强度", "output_per_ha_year")}


def plan_rates(units, params: dict, classes: Optional[pd.DataFrame] = None) -> pd.DataFrame:
    """Per row: the plot's own 地均税收 / 产出强度 control (万元/公顷) where it has one, else its land-use class's rate
    (``land_use`` table), else the general parameter.

    Columns ``tax_rate``, ``output_rate`` and ``tax_rate_from_plan`` / ``output_rate_from_plan`` (bool): the plan is
    the one source of these rates; the parameter file only fills what the plan does not have.
    """
    classes = classes if classes is not None else class_rates(units, params)
    out = pd.DataFrame(index=units.index)
    for col, (fld, _, _, key) in PLAN_RATES.items():
        own = (pd.to_numeric(units[fld], errors="coerce").to_numpy(dtype=float) if fld in units.columns
               else np.full(len(units), np.nan))
        has = np.isfinite(own) & (own >= 0)
        out[col] = np.where(has, own, classes[key].to_numpy(float))
        out[f"{col}_from_plan"] = has
    return out


def plot_far(units, classes: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The floor-area ratio of each row: the plot's 容积率下限 RJLXX (its floor area JRJZMJ = RJLXX × YDMJ) where it
    has one, else its class's ``factory_far``; and whether it came from the plot."""
    own = (pd.to_numeric(units["RJLXX"], errors="coerce").to_numpy(dtype=float) if "RJLXX" in units.columns
           else np.full(len(units), np.nan))
    has = np.isfinite(own) & (own > 0)
    return np.where(has, own, classes["factory_far"].to_numpy(float)), has


def unit_costs(units, *, params: dict, supplied: Optional[np.ndarray] = None, serviced: Optional[np.ndarray] = None,
               road_km: Optional[pd.DataFrame] = None) -> pd.DataFrame:
    """Quantities and capital costs per unit (万元), index = ``units.index``.

    Columns: ``area_ha``, ``supplied``, ``serviced``, ``sell_ha`` (land still to supply), ``factory_ha``
    (land on which the developer builds standard factories: its class's share), ``far`` (the plot's RJLXX, else the
    class's), ``factory_m2`` (their floor area = factory_ha × FAR), ``road_km``, then :data:`COST_COLUMNS` and
    ``investment`` (their sum), the class rates (:func:`.rates.class_rates`) and the plan rates (:func:`plan_rates`).
    Already supplied land needs no acquisition, servicing, utilities or factory and is not sold again;
    serviced land (七通一平 done) needs no site preparation or utilities.
    """
    n = len(units)
    ha = unit_areas_ha(units)
    supplied = np.zeros(n, bool) if supplied is None or len(supplied) == 0 else np.asarray(supplied, bool)
    serviced = np.zeros(n, bool) if serviced is None or len(serviced) == 0 else np.asarray(serviced, bool)
    serviced = serviced | supplied
    c = lambda k: float(get(params, f"costs.{k}"))  # noqa: E731
    classes = class_rates(units, params)
    far, far_own = plot_far(units, classes)
    open_ha = np.where(supplied, 0.0, ha)
    factory_ha = open_ha * classes["developer_factory_share"].to_numpy(float)
    factory_m2 = factory_ha * M2_PER_HA * far
    df = pd.DataFrame({"area_ha": ha, "supplied": supplied, "serviced": serviced,
                       "sell_ha": open_ha - factory_ha, "factory_ha": factory_ha, "far": far, "far_from_plan": far_own,
                       "factory_m2": factory_m2}, index=units.index)
    rates = get(params, "costs.roads_per_km")
    road_cost = np.zeros(n)
    road_total = np.zeros(n)
    if road_km is not None and len(road_km.columns):
        for cls in road_km.columns:
            rate = float(rates.get(cls, rates.get("default", 0.0)))
            km = road_km[cls].to_numpy(dtype=float)
            road_cost += km * rate
            road_total += km
    df["road_km"] = road_total
    df["land_acquisition"] = open_ha * c("land_acquisition_per_ha")
    df["site_preparation"] = np.where(serviced, 0.0, ha) * c("site_preparation_per_ha")
    df["roads"] = road_cost
    df["utilities"] = np.where(serviced, 0.0, ha) * c("utilities_per_ha")
    df["public_facilities"] = open_ha * c("public_facilities_per_ha")
    df["factory"] = factory_m2 * classes["factory_cost_per_m2"].to_numpy(float)
    df["investment"] = df[list(COST_COLUMNS)].sum(axis=1)
    rate_cols = classes.drop(columns=["tax_per_ha_year", "output_per_ha_year"])
    return pd.concat([df, rate_cols, plan_rates(units, params, classes)], axis=1)
