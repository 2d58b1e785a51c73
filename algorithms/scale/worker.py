"""What a worker of a scaled run does with one partition (step 4 of :mod:`.runner`).

It reads its own plots by feature id, runs :func:`algorithms.checks.check_masterplan` on one core, writes its plots
and conflicts to partition files, appends them to the outputs under the run's lock (:mod:`.outputs`) and returns
rule summaries, conflict counts and only the largest conflicts (for the report). Writing is a worker's work, so
it grows with the workers and the driver stays free. Dask pickles :func:`_check_partition` by its module path:
it stays at this module's top level.
"""
from __future__ import annotations

import os
from typing import Optional

import numpy as np

from ..errors import InputError
from .outputs import append_gpkg, append_pg, output_lock
from .sources import Source

__all__ = ["REPORT_ROWS", "REPORT_MAPS", "largest_conflicts"]

#: when the outputs go to files, the driver keeps in memory only the largest conflicts of each rule (for the
#: report's tables) and the plot geometries of the largest ones (for its maps): memory stays bounded
REPORT_ROWS = 200
REPORT_MAPS = 50


def largest_conflicts(conf):
    """The ``REPORT_ROWS`` largest conflicts (CTMJ) of each rule."""
    if conf is None or len(conf) == 0:
        return conf
    return conf.sort_values("CTMJ", ascending=False, kind="stable").groupby("GZBH", sort=False).head(REPORT_ROWS)


def _check_partition(plots: Source, fids, mcrs_wkt, constraint_parts, params, out_path, conf_path=None,
                     sink: Optional[dict] = None):
    """Worker: read the partition's plots, check them against the constraint features it got, and either return
    the checked plots and conflicts (``out_path`` None) or write them to partition files, append those to the
    run's outputs (``sink``: the outputs' temporary paths and the run's lock; :func:`.outputs.append_gpkg`) and
    return only counts and the largest conflicts. Writing the outputs is part of a worker's work: it grows with
    the workers, and the driver stays free.

    ``constraint_parts``: per constraint ``(input, layer, read_error, window)``; ``window`` tells that the layer
    is this partition's cut of a bigger one (empty there means no conflicts, not an empty layer)."""
    gdf = _read_plots(plots, fids, mcrs_wkt)
    res = _check_on_one_core(gdf, constraint_parts, params)
    res.plots.index = gdf.index
    conf = res.conflicts
    out = {"area": float(res.plots.geometry.area.sum()), "rules": res.rules, "parameters": res.parameters,
           "n": len(gdf), "conflict_counts": conf["GZBH"].value_counts().to_dict() if len(conf) else {},
           # conflicts are rows of the CONFLICTS layer; their findings need not travel
           "findings": [f for f in res.findings if not f.extra.get("conflict")]}
    if out_path is None:
        out["plots"], out["conflicts"] = res.plots, conf
        return out
    frames = {"plots": res.plots}
    if conf_path is not None and len(conf):
        frames["conflicts"] = conf
    _deliver(sink, frames, {"plots": out_path, "conflicts": conf_path})
    out["conflicts"] = largest_conflicts(conf)
    out["status"] = _report_status(res.plots, out["conflicts"], params.get("code_field", "DKBH"), len(conf))
    return out


def _read_plots(plots: Source, fids, mcrs_wkt):
    """The partition's plots by feature id, in the measurement CRS."""
    from pyproj import CRS

    mcrs = CRS.from_wkt(mcrs_wkt)
    gdf = plots.read(fids=fids)
    if gdf.crs is None:
        raise InputError("E_NO_CRS", layer=plots.label)
    if not CRS.from_user_input(gdf.crs).equals(mcrs):
        gdf = gdf.to_crs(mcrs)
    return gdf


def _check_on_one_core(gdf, constraint_parts, params):
    """:func:`check_masterplan` of the plots ``gdf`` against the partition's constraints, on one thread."""
    from ..checks.masterplan import ConstraintSpec, check_masterplan
    from ..threads import THREADS

    kwargs, others = {}, []
    for ci, layer, read_error, window in constraint_parts:
        spec = ConstraintSpec(layer=layer, rule=ci.rule, name=ci.name, id_field=ci.id_field,
                              name_field=ci.name_field, zone_field=ci.zone_field, read_error=read_error,
                              window=window)
        if ci.key:
            kwargs[ci.key] = spec
        else:
            others.append(spec)
    token = THREADS.set(1)  # one core per worker (thread or process): no threads inside the partition
    try:
        return check_masterplan(gdf, others=others, **kwargs, **params)
    finally:
        THREADS.reset(token)


def _report_status(plots, largest, code: str, n_conflicts: int):
    """The plots' code and status for the report, with a geometry only where the report may draw a map (the
    plots of the ``REPORT_MAPS`` largest conflicts)."""
    light = plots[[code, "SCJL", "WTSL", "geometry"]].copy()
    mapped = set(largest.nlargest(REPORT_MAPS, "CTMJ")["DKBH"]) if n_conflicts else set()
    light.loc[~light[code].isin(mapped), "geometry"] = None
    return light


def _deliver(sink: dict, frames: dict, part_paths: dict) -> None:
    """Worker: write this partition's plots and conflicts to partition files (outside the lock), then append
    them to the run's outputs one writer at a time (the run's lock): a GeoPackage by :func:`.outputs.append_gpkg`,
    a PostGIS table by GDAL (COPY). A run that has ended (its folder of partition files is gone: cancelled or
    failed) gets nothing written."""
    import shapely

    files, bounds = {}, {}
    for key, frame in frames.items():
        # one geometry type for every partition; no spatial index in the partition files (a GeoPackage output's
        # R-tree gets the rows' boxes directly, PostGIS keeps its GiST index itself)
        frame.to_file(part_paths[key], driver="GPKG", engine="pyogrio", layer=key, geometry_type="MultiPolygon",
                      promote_to_multi=True, layer_options={"SPATIAL_INDEX": "NO"})
        files[key], bounds[key] = part_paths[key], shapely.bounds(np.asarray(frame.geometry.values))
    with output_lock(sink):
        if not os.path.isdir(sink["tmpdir"]):
            return
        for key, part in files.items():
            if isinstance(sink[key], str):
                append_gpkg(sink[key], part, key, bounds[key])
            else:
                append_pg(sink[key], part, key)
            os.unlink(part)
