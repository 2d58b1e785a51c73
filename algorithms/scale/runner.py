"""The 一张图 check on spatial partitions, run on Dask (a local cluster, an existing cluster, or threads).

1. The plots are scanned in chunks (bounded memory): feature id, bounding box and centroid in the run's one
   measurement CRS.
2. They are ordered along a Hilbert curve and cut into partitions of ``partition_size`` plots; a partition's
   window is the union of its plots' boxes.
3. Each constraint layer is read once, only in the plots' window (pushed down to the driver: a bbox filter,
   i.e. SQL ``&&`` for PostGIS), reprojected and repaired. Each partition gets only the features that touch its
   window, each cut to the window plus a margin (so no cut line can meet a plot); findings stay per constraint
   feature, with the same areas as on one machine.
4. Each worker reads its own plots by feature id, runs :func:`algorithms.checks.check_masterplan` on one core,
   writes its plots and conflicts to partition files and returns rule summaries, conflict counts and only the
   largest conflicts (for the report).
5. The driver appends the partition files to the outputs in partition order while the workers go on, and sums
   the rule summaries. Outputs are written to temporary names and moved into place only when everything worked.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field, replace
from typing import Optional

import numpy as np

from ..crs import measurement_crs
from ..errors import InputError
from .sources import Source, parse_source, redact

__all__ = ["ConstraintInput", "PartitionPlan", "plan_partitions", "check_masterplan_scaled", "ScaledResult"]

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


@dataclass
class PartitionPlan:
    crs: object                          # pyproj CRS of measurement
    fids: list                           # per partition: int64 feature ids
    windows: np.ndarray                  # per partition: (minx, miny, maxx, maxy) in the measurement CRS
    total: int
    bounds: tuple                        # plots' window in the measurement CRS
    scan_seconds: float = 0.0


@dataclass
class ScaledResult:
    result: object                       # CheckResult with ``plots`` = SCJL/WTSL summary frame (not geometries)
    plots_path: str
    conflicts_path: Optional[str]
    n_partitions: int
    workers: int
    timings: dict = field(default_factory=dict)


def _transformer(src_crs, dst_crs):
    from pyproj import Transformer

    return Transformer.from_crs(src_crs, dst_crs, always_xy=True)


def plan_partitions(plots: Source, *, partition_size: int = 25_000, chunk_size: int = 100_000,
                    target_crs=None) -> PartitionPlan:
    """Scan the plots in chunks and cut them into Hilbert-ordered partitions."""
    import geopandas as gpd
    import shapely
    from pyproj import CRS

    if partition_size <= 0 or chunk_size <= 0:
        raise InputError("E_BAD_PARAMETER", name="partition_size", value=partition_size, reason_zh="须大于 0",
                         reason_en="must be > 0")
    t0 = time.perf_counter()
    info = plots.info()
    if not info.get("crs"):
        raise InputError("E_NO_CRS", layer=plots.label)
    own = CRS.from_user_input(info["crs"])
    if target_crs is None:
        b = info.get("total_bounds")
        target_crs = measurement_crs(own, layer=plots.label, bounds=tuple(b) if b is not None else None)
    tr = None if own.equals(target_crs) else _transformer(own, target_crs)

    def measured(b):
        if tr is None or not len(b):
            return b
        xs, ys = tr.transform(np.r_[b[:, 0], b[:, 2], b[:, 0], b[:, 2]], np.r_[b[:, 1], b[:, 3], b[:, 3], b[:, 1]])
        xs, ys = xs.reshape(4, len(b)), ys.reshape(4, len(b))
        return np.column_stack([xs.min(0), ys.min(0), xs.max(0), ys.max(0)])

    fids, boxes = [], []
    indexed = plots.index_boxes() if hasattr(plots, "index_boxes") else None
    if indexed is not None:  # a GeoPackage's R-tree: the boxes without decoding a geometry
        fids.append(indexed[0])
        boxes.append(measured(indexed[1]))
    for chunk in (plots.chunks(chunk_size, columns=[]) if indexed is None else ()):
        geoms = chunk.geometry.values
        ok = ~(shapely.is_missing(np.asarray(geoms)) | shapely.is_empty(np.asarray(geoms)))
        fids.append(np.asarray(chunk.index, dtype=np.int64)[ok])
        boxes.append(measured(shapely.bounds(np.asarray(geoms)[ok])))
    if not fids or sum(len(f) for f in fids) == 0:
        raise InputError("E_EMPTY_LAYER", layer=plots.label)
    fids = np.concatenate(fids)
    boxes = np.vstack(boxes)
    total_bounds = (boxes[:, 0].min(), boxes[:, 1].min(), boxes[:, 2].max(), boxes[:, 3].max())
    centres = gpd.GeoSeries(shapely.points((boxes[:, 0] + boxes[:, 2]) / 2, (boxes[:, 1] + boxes[:, 3]) / 2))
    order = np.argsort(centres.hilbert_distance(total_bounds=total_bounds, level=16).to_numpy(), kind="stable")
    parts, windows = [], []
    for s in range(0, len(order), partition_size):
        idx = order[s:s + partition_size]
        parts.append(np.sort(fids[idx]))
        bb = boxes[idx]
        windows.append((bb[:, 0].min(), bb[:, 1].min(), bb[:, 2].max(), bb[:, 3].max()))
    return PartitionPlan(target_crs, parts, np.asarray(windows, dtype=float), len(fids), tuple(total_bounds),
                         time.perf_counter() - t0)


def _read_constraint(ci: ConstraintInput, mcrs, window):
    """The constraint features in the plots' window, in the measurement CRS, invalid ones repaired."""
    import geopandas as gpd
    import shapely
    from pyproj import CRS

    info = ci.source.info()
    own = CRS.from_user_input(info["crs"]) if info.get("crs") else None
    bbox = window
    if own is not None and not own.equals(mcrs):
        t = _transformer(mcrs, own)
        xs, ys = t.transform([window[0], window[2], window[0], window[2]], [window[1], window[3], window[3], window[1]])
        bbox = (min(xs), min(ys), max(xs), max(ys))
    gdf = ci.source.read(bbox=bbox)
    warnings = []
    if ci.source.is_postgis and ci.source.has_spatial_index() is False:
        warnings.append(f"{ci.source.label}: 没有空间索引，读取较慢（结果不受影响）/ no spatial index: slower, still correct")
    if own is None and len(gdf):
        raise InputError("E_NO_CRS", layer=ci.source.label)
    if len(gdf) == 0:
        return gdf, warnings, info.get("features", 0)
    if gdf.crs is not None and not CRS.from_user_input(gdf.crs).equals(mcrs):
        gdf = gdf.to_crs(mcrs)
    geoms = gdf.geometry.values
    valid = shapely.is_valid(np.asarray(geoms))
    if (~valid).any():
        from ..geometry import polygonal_part

        fixed = np.asarray(geoms, dtype=object).copy()
        fixed[~valid] = [polygonal_part(shapely.make_valid(g)) for g in fixed[~valid]]
        geoms = fixed
    return gpd.GeoDataFrame(gdf.drop(columns="geometry"), geometry=list(geoms), crs=mcrs), warnings, \
        info.get("features", 0)


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


#: when the outputs go to files, the driver keeps in memory only the largest conflicts of each rule (for the
#: report's tables) and the plot geometries of the largest ones (for its maps): memory stays bounded
REPORT_ROWS = 200
REPORT_MAPS = 50


def _largest_conflicts(conf):
    if conf is None or len(conf) == 0:
        return conf
    return conf.sort_values("CTMJ", ascending=False, kind="stable").groupby("GZBH", sort=False).head(REPORT_ROWS)


def _check_partition(plots: Source, fids, mcrs_wkt, constraint_parts, params, out_path, conf_path=None):
    """Worker: read the partition's plots, check them against the constraint features it got, and either return
    the checked plots and conflicts (``out_path`` None) or write them to partition files (no spatial index: the
    outputs they are appended to fill theirs) and return only counts and the largest conflicts.

    ``constraint_parts``: per constraint ``(input, layer, read_error, window)``; ``window`` tells that the layer
    is this partition's cut of a bigger one (empty there means no conflicts, not an empty layer)."""
    from pyproj import CRS

    from ..checks.masterplan import ConstraintSpec, check_masterplan

    mcrs = CRS.from_wkt(mcrs_wkt)
    gdf = plots.read(fids=fids)
    if gdf.crs is None:
        raise InputError("E_NO_CRS", layer=plots.label)
    if not CRS.from_user_input(gdf.crs).equals(mcrs):
        gdf = gdf.to_crs(mcrs)
    kwargs, others = {}, []
    for ci, layer, read_error, window in constraint_parts:
        spec = ConstraintSpec(layer=layer, rule=ci.rule, name=ci.name, id_field=ci.id_field,
                              name_field=ci.name_field, zone_field=ci.zone_field, read_error=read_error,
                              window=window)
        if ci.key:
            kwargs[ci.key] = spec
        else:
            others.append(spec)
    from ..threads import THREADS

    token = THREADS.set(1)  # one core per worker (thread or process): no threads inside the partition
    try:
        res = check_masterplan(gdf, others=others, **kwargs, **params)
    finally:
        THREADS.reset(token)
    res.plots.index = gdf.index
    conf = res.conflicts
    out = {"area": float(res.plots.geometry.area.sum()), "rules": res.rules, "parameters": res.parameters,
           "n": len(gdf), "conflict_counts": conf["GZBH"].value_counts().to_dict() if len(conf) else {},
           # conflicts are rows of the CONFLICTS layer; their findings need not travel
           "findings": [f for f in res.findings if not f.extra.get("conflict")]}
    if out_path is None:
        out["plots"], out["conflicts"] = res.plots, conf
        return out
    no_index = {"SPATIAL_INDEX": "NO"}
    res.plots.to_file(out_path, driver="GPKG", engine="pyogrio", layer="plots", layer_options=no_index)
    if conf_path is not None and len(conf):
        conf.to_file(conf_path, driver="GPKG", engine="pyogrio", layer="conflicts", layer_options=no_index)
    out["conflicts"] = _largest_conflicts(conf)
    code = params.get("code_field", "DKBH")
    light = res.plots[[code, "SCJL", "WTSL", "geometry"]].copy()
    mapped = set(out["conflicts"].nlargest(REPORT_MAPS, "CTMJ")["DKBH"]) if len(conf) else set()
    light.loc[~light[code].isin(mapped), "geometry"] = None  # geometry only where the report may draw a map
    out["status"] = light
    return out


class _Appender:
    """Appends partition GeoPackages to one output layer, in order, while the workers go on; the layer's spatial
    index is filled as rows arrive (on 1M plots this overlaps the check, where building it at the end cost
    ~10 s of serial time).

    With GDAL's own Python bindings the rows are copied inside GDAL (no decoding into Python); without them,
    through pyogrio."""

    def __init__(self, path: str, layer: str):
        self.path, self.layer, self.n = path, layer, 0

    def append(self, part: str) -> None:
        try:
            from osgeo import gdal
        except ImportError:  # pragma: no cover - Debian's python3-gdal is part of the set-up
            import geopandas as gpd

            gpd.read_file(part, layer=self.layer, engine="pyogrio").to_file(
                self.path, layer=self.layer, driver="GPKG", engine="pyogrio", append=self.n > 0)
            self.n += 1
            return
        opts = {"format": "GPKG", "layerName": self.layer}
        if self.n:
            opts["accessMode"] = "append"
        if gdal.VectorTranslate(self.path, part, **opts) is None:
            raise InputError("E_WRITE", path=self.path, reason=gdal.GetLastErrorMsg() or "GDAL VectorTranslate")
        self.n += 1

    def finish(self, empty=None) -> None:
        """With nothing appended, write ``empty`` (a frame with the layer's columns)."""
        if self.n == 0 and empty is not None:
            empty.to_file(self.path, layer=self.layer, driver="GPKG", engine="pyogrio")


def _merge_rules(parts):
    merged = {}
    for rules in parts:
        for r in rules:
            m = merged.get(r.rule_id)
            if m is None:
                merged[r.rule_id] = replace(r, notes=list(r.notes))
                continue
            m.n_plots += r.n_plots
            m.n_errors += r.n_errors
            m.n_warnings += r.n_warnings
            m.area += r.area
            if r.status == "not_checked" and m.status != "not_checked":
                m.status, m.reason = r.status, r.reason
            m.notes.extend(n for n in r.notes if n not in m.notes)
    return list(merged.values())


def _client(scheduler, workers):
    """(dask compute kwargs, client or None, worker count)."""
    if scheduler in ("sync", "synchronous"):
        return {"scheduler": "synchronous"}, None, 1
    if scheduler == "threads":
        n = workers or os.cpu_count() or 1
        return {"scheduler": "threads", "num_workers": n}, None, n
    from distributed import Client, LocalCluster

    if scheduler in (None, "local", "processes"):
        n = workers or os.cpu_count() or 1
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
        return {}, client, n
    client = Client(scheduler)
    return {}, client, len(client.scheduler_info().get("workers", {})) or 1


def _compute(tasks, client, compute_kw, n_workers, progress, on_result=None):
    """Run the partition tasks, reporting progress per partition and stopping when the user cancels.

    ``on_result(k, result)`` is called in partition order as soon as partitions 0…k are all done (the driver
    merges their files while the workers go on)."""
    import dask

    results = [None] * len(tasks)
    state = {"done": 0, "next": 0}

    def deliver(k, r):
        results[k] = r
        state["done"] += 1
        while state["next"] < len(tasks) and results[state["next"]] is not None:
            if on_result is not None:
                on_result(state["next"], results[state["next"]])
            state["next"] += 1
        if progress is not None:
            progress(15 + 75 * state["done"] / len(tasks), f"分区 / partition {state['done']}/{len(tasks)}")

    if client is not None:
        from distributed import as_completed

        futures = client.compute(tasks)
        index = {f.key: k for k, f in enumerate(futures)}
        try:
            for fut in as_completed(futures):
                deliver(index[fut.key], fut.result())
        except BaseException:
            client.cancel(futures)
            raise
        return results
    step = max(1, n_workers)
    for s in range(0, len(tasks), step):  # small batches: cancellation is looked at between them
        for k, r in enumerate(dask.compute(*tasks[s:s + step], **compute_kw)):
            deliver(s + k, r)
    return results


def check_masterplan_scaled(plots, constraints, *, out_plots: Optional[str], out_conflicts: Optional[str] = None,
                            code_field: str = "DKBH", landuse_field: str = "YDYHFLDM", tolerance: float = 1.0,
                            dem: Optional[str] = None, slope_limit: float = 25.0, zoning_table=None,
                            partition_size: int = 25_000, chunk_size: int = 100_000, scheduler="local",
                            workers: Optional[int] = None, progress=None,
                            engine_options: Optional[dict] = None) -> ScaledResult:
    """Run the 一张图 check over partitions on Dask; write the plots (and conflicts) GeoPackages whole or not at all.

    ``out_plots=None`` keeps the checked plots in memory (``result.plots``), as the Processing algorithm does.
    """
    import dask
    import geopandas as gpd
    import pandas as pd
    import shapely

    from ..checks.result import CheckResult
    from ..plan import atomic_output

    from .sources import FrameSource

    if isinstance(plots, str):
        plots = parse_source(plots)
    elif not isinstance(plots, (Source, FrameSource)):
        plots = FrameSource(plots)
    timings = {}
    plan = plan_partitions(plots, partition_size=partition_size, chunk_size=chunk_size)
    timings["scan"] = plan.scan_seconds
    if progress is not None:
        progress(10, f"{plan.total} 地块，{len(plan.fids)} 个分区 / plots, partitions")
    t0 = time.perf_counter()
    cons, notes = [], []
    for ci in constraints:
        try:
            layer, warns, nfeat = _read_constraint(ci, plan.crs, plan.bounds)
            notes.extend(warns)
            if len(layer) == 0 and nfeat == 0:  # given but empty: the check says so, as on one machine
                cons.append((ci, layer, None, None))
                continue
            tree = shapely.STRtree(np.asarray(layer.geometry.values, dtype=object))
            cons.append((ci, layer, tree, None))
        except InputError as err:
            cons.append((ci, None, None, redact(err.message_zh)))
    timings["constraints"] = time.perf_counter() - t0
    params = {"code_field": code_field, "landuse_field": landuse_field, "tolerance": tolerance, "dem": dem,
              "slope_limit": slope_limit, "zoning_table": zoning_table}
    params.update(engine_options or {})  # further check_masterplan options (e.g. default_landuse)
    tmpdir = tempfile.mkdtemp(prefix="zutuan-scale-",
                              dir=(os.path.dirname(os.path.abspath(out_plots)) or ".") if out_plots else None)
    compute_kw, client, n_workers = _client(scheduler, workers)
    outputs = contextlib.ExitStack()  # outputs are written under temporary names, moved into place at the end
    try:
        plots_out = conf_out = None
        if out_plots:  # the folders are checked before the long run, not after it
            plots_out = _Appender(outputs.enter_context(atomic_output(out_plots)), "plots")
            if out_conflicts:
                conf_out = _Appender(outputs.enter_context(atomic_output(out_conflicts)), "conflicts")
        tasks = []
        for k, (fids, window) in enumerate(zip(plan.fids, plan.windows)):
            parts = []
            for ci, layer, tree, err in cons:
                if err is not None or tree is None:  # unreadable, or an empty layer: the check reports it
                    parts.append((ci, layer, err, False))
                else:
                    parts.append((ci, _features_for(window, tree, layer), None, True))
            part_path = os.path.join(tmpdir, f"part_{k:05d}.gpkg") if out_plots else None
            conf_path = os.path.join(tmpdir, f"conf_{k:05d}.gpkg") if conf_out else None
            tasks.append(dask.delayed(_check_partition)(plots, fids, plan.crs.to_wkt(), parts, params, part_path,
                                                        conf_path))

        def merge(k, _result):  # partition k and all before it are done: append its files, in order
            for app, name in ((plots_out, "part"), (conf_out, "conf")):
                path = os.path.join(tmpdir, f"{name}_{k:05d}.gpkg")
                if app is not None and os.path.exists(path):
                    app.append(path)
                    os.unlink(path)

        t0 = time.perf_counter()
        results = _compute(tasks, client, compute_kw, n_workers, progress, on_result=merge if out_plots else None)
        timings["check"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        merged_plots = None
        conflicts = pd.concat([r["conflicts"] for r in results], ignore_index=True) if results else None
        if conflicts is not None:
            conflicts = gpd.GeoDataFrame(conflicts, geometry="geometry", crs=plan.crs)
        if out_plots:
            plots_out.finish()
            if conf_out is not None:
                conf_out.finish(empty=conflicts.iloc[0:0] if conflicts is not None else None)
            conflicts = _largest_conflicts(conflicts)
            outputs.close()
        else:
            merged_plots = gpd.GeoDataFrame(pd.concat([r["plots"] for r in results]), crs=plan.crs).sort_index()
            if out_conflicts and conflicts is not None:
                with atomic_output(out_conflicts) as tmp_c:
                    conflicts.to_file(tmp_c, layer="conflicts", driver="GPKG", engine="pyogrio")
        timings["merge"] = time.perf_counter() - t0
    except BaseException:
        outputs.__exit__(*sys.exc_info())  # no output left as if complete
        raise
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)
        if client is not None:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None:
                cluster.close()
    status = (gpd.GeoDataFrame(pd.concat([r["status"] for r in results], ignore_index=True), geometry="geometry",
                               crs=plan.crs) if out_plots else None)
    findings = [f for r in results for f in r["findings"]]
    seen, uniq_findings = set(), []
    for f in findings:  # the same not-checked / repair note comes back from every partition once
        key = (f.rule_id, f.code, f.message) if f.code is None else id(f)
        if key in seen:
            continue
        seen.add(key)
        uniq_findings.append(f)
    rules = _merge_rules([r["rules"] for r in results])
    inputs = {"地块 / plots": f"{plots.label}（{plan.total} 个要素 / features）"}
    for ci, *_rest, err in cons:
        inputs[ci.name or ci.key or "?"] = ci.source.label + (f"（无法读取 / unreadable: {err}）" if err else "")
    parameters = dict(results[0]["parameters"]) if results else {}
    parameters.update({"分区数 / partitions": len(plan.fids), "分区大小 / partition size": partition_size,
                       "工作进程 / workers": n_workers, "调度器 / scheduler": redact(str(scheduler))})
    result = CheckResult("checkmasterplan", "国土空间总体规划“一张图”符合性审查报告",
                         merged_plots if merged_plots is not None else status, conflicts,
                         uniq_findings, rules, parameters, inputs, plan.crs, code_field)
    result.notes = notes
    if out_plots:
        counts = {}
        for r in results:
            for rule_id, n in r["conflict_counts"].items():
                counts[rule_id] = counts.get(rule_id, 0) + int(n)
        result.conflict_counts = counts
    result.total_area = float(sum(r["area"] for r in results))
    if progress is not None:
        progress(100, "完成 / done")
    return ScaledResult(result, out_plots, out_conflicts, len(plan.fids), n_workers, timings)
