"""The 一张图 check on spatial partitions, run on Dask (a local cluster, an existing cluster, or threads): the driver.

1. The plots are scanned in chunks (bounded memory): feature id and bounding box in the run's one measurement
   CRS (:mod:`.partitions`).
2. They are ordered along a Hilbert curve and cut into partitions of ``partition_size`` plots; a partition's
   window is the union of its plots' boxes (:mod:`.partitions`).
3. Each constraint layer is read once, only in the plots' window (pushed down to the driver: a bbox filter,
   i.e. SQL ``&&`` for PostGIS), reprojected and repaired. Each partition gets only the features that touch its
   window, each cut to the window plus a margin (so no cut line can meet a plot); findings stay per constraint
   feature, with the same areas as on one machine (:mod:`.constraints`).
4. Each worker reads its own plots by feature id, runs :func:`algorithms.checks.check_masterplan` on one core,
   writes its plots and conflicts to partition files, appends them to the outputs under the run's lock
   (:func:`.outputs.append_gpkg`: SQLite copies the rows, the R-tree gets their boxes; no geometry is decoded
   again) and returns rule summaries, conflict counts and only the largest conflicts (for the report)
   (:mod:`.worker`). Writing is a worker's work, so it grows with the workers and the driver stays free.
5. The driver (this module) sums the rule summaries. Outputs are written to temporary names and moved into place
   only when everything worked (:mod:`.outputs`). The cluster (:mod:`.cluster`) starts while the driver scans
   the plots and reads the constraint layers, and each partition is submitted as soon as its constraint
   features are cut.

The plugin, the command line and the tests import the run's names from here.
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

from .cluster import close_started, run_tasks, shutdown, start_client
from .constraints import BUILTIN_KEYS, ConstraintInput, partition_constraints, read_constraints
from .constraints import _features_for, _read_constraint  # noqa: F401 - re-exported (tests)
from .outputs import append_gpkg, driver_lock, forget_lock, open_output, write_whole
from .partitions import PartitionPlan, plan_partitions
from .sources import FrameSource, Source, parse_source, redact
from .worker import REPORT_MAPS, REPORT_ROWS, _check_partition, largest_conflicts

__all__ = ["ConstraintInput", "PartitionPlan", "plan_partitions", "check_masterplan_scaled", "ScaledResult",
           "BUILTIN_KEYS", "REPORT_ROWS", "REPORT_MAPS", "append_gpkg"]


@dataclass
class ScaledResult:
    result: object                       # CheckResult with ``plots`` = SCJL/WTSL summary frame (not geometries)
    plots_path: str
    conflicts_path: Optional[str]
    n_partitions: int
    workers: int
    timings: dict = field(default_factory=dict)


@dataclass
class _Run:
    """What the steps of one run share."""

    plots: object                        # Source or FrameSource
    out_plots: Optional[str]
    out_conflicts: Optional[str]
    params: dict                         # check_masterplan's options
    progress: object = None
    timings: dict = field(default_factory=dict)
    plan: Optional[PartitionPlan] = None
    cons: list = field(default_factory=list)   # per constraint (input, layer, STRtree, read error)
    notes: list = field(default_factory=list)
    tmpdir: Optional[str] = None         # the partition files


def check_masterplan_scaled(plots, constraints, *, out_plots: Optional[str], out_conflicts: Optional[str] = None,
                            code_field: str = "DKBH", landuse_field: str = "YDYHFLDM", tolerance: float = 1.0,
                            dem: Optional[str] = None, slope_limit: float = 25.0, zoning_table=None,
                            partition_size: int = 25_000, chunk_size: int = 100_000, scheduler="local",
                            workers: Optional[int] = None, progress=None,
                            engine_options: Optional[dict] = None) -> ScaledResult:
    """Run the 一张图 check over partitions on Dask; write the plots (and conflicts) GeoPackages whole or not at all.

    ``out_plots=None`` keeps the checked plots in memory (``result.plots``), as the Processing algorithm does.
    """
    params = {"code_field": code_field, "landuse_field": landuse_field, "tolerance": tolerance, "dem": dem,
              "slope_limit": slope_limit, "zoning_table": zoning_table}
    params.update(engine_options or {})  # further check_masterplan options (e.g. default_landuse)
    run = _Run(_as_source(plots), out_plots, out_conflicts, params, progress)
    cluster = _prepare(run, constraints, scheduler=scheduler, workers=workers, partition_size=partition_size,
                       chunk_size=chunk_size)
    n_workers = cluster[2]
    results, conflicts, merged = _check(run, cluster, scheduler)
    result = _result(run, results, conflicts, merged, code_field,
                     {"分区数 / partitions": len(run.plan.fids), "分区大小 / partition size": partition_size,
                      "工作进程 / workers": n_workers, "调度器 / scheduler": redact(str(scheduler))})
    if progress is not None:
        progress(100, "完成 / done")
    return ScaledResult(result, out_plots, out_conflicts, len(run.plan.fids), n_workers, run.timings)


def _as_source(plots):
    """A source string, a Source or a GeoDataFrame as something the run reads from."""
    if isinstance(plots, str):
        return parse_source(plots)
    if not isinstance(plots, (Source, FrameSource)):
        return FrameSource(plots)
    return plots


def _prepare(run: _Run, constraints, *, scheduler, workers, partition_size, chunk_size):
    """Partition the plots and read the constraint layers while the cluster starts (its worker processes import
    the engine meanwhile); the cluster: (dask compute kwargs, client or None, worker count)."""
    from concurrent.futures import ThreadPoolExecutor

    starter = ThreadPoolExecutor(1)
    t_start = time.perf_counter()
    started = starter.submit(start_client, scheduler, workers)
    try:
        run.plan = plan = plan_partitions(run.plots, partition_size=partition_size, chunk_size=chunk_size)
        run.timings["scan"] = plan.scan_seconds
        if run.progress is not None:
            run.progress(10, f"{plan.total} 地块，{len(plan.fids)} 个分区 / plots, partitions")
        t0 = time.perf_counter()
        run.cons, run.notes = read_constraints(constraints, plan.crs, plan.bounds)
        run.timings["constraints"] = time.perf_counter() - t0
        file_out = run.out_plots and not parse_source(run.out_plots).is_postgis
        run.tmpdir = tempfile.mkdtemp(prefix="zutuan-scale-",
                                      dir=(os.path.dirname(os.path.abspath(run.out_plots)) or ".") if file_out
                                      else None)
    except BaseException:
        close_started(started)
        raise
    finally:
        starter.shutdown(wait=False)
    t0 = time.perf_counter()
    try:
        cluster = started.result()
    except BaseException:
        shutil.rmtree(run.tmpdir, ignore_errors=True)
        raise
    run.timings["cluster"] = time.perf_counter() - t0       # waited for it after the scan and the constraints
    run.timings["cluster_start"] = time.perf_counter() - t_start
    return cluster


def _check(run: _Run, cluster, scheduler):
    """Check the partitions and write the outputs whole or not at all: (per-partition results, conflicts, the
    checked plots when kept in memory). The partition folder is removed and the cluster shut down."""
    compute_kw, client, n_workers = cluster
    outputs = contextlib.ExitStack()  # outputs are written under temporary names, moved into place at the end
    sink = None
    try:
        if run.out_plots:  # the folders are checked before the long run, not after it
            sink = _sink(run, outputs, client, scheduler)
        make = _task_maker(run, sink)
        t0, c0 = time.perf_counter(), time.process_time()
        results = run_tasks(len(run.plan.fids), make, client, compute_kw, n_workers, run.progress)
        run.timings["check"] = time.perf_counter() - t0
        run.timings["driver_cpu"] = time.process_time() - c0   # the driver's own CPU while the workers ran
        t0 = time.perf_counter()
        conflicts, merged = _merge_outputs(run, results, outputs, sink)
        run.timings["merge"] = time.perf_counter() - t0
    except BaseException:
        # no output left as if complete: under the run's lock (a worker may still be appending), the partition
        # folder goes first (workers still running then write nothing), then the outputs
        with driver_lock(sink, client):
            shutil.rmtree(run.tmpdir, ignore_errors=True)
            outputs.__exit__(*sys.exc_info())
        raise
    finally:
        shutil.rmtree(run.tmpdir, ignore_errors=True)
        forget_lock(sink)
        shutdown(client)
    return results, conflicts, merged


def _sink(run: _Run, outputs: contextlib.ExitStack, client, scheduler) -> dict:
    """Where the workers write: the outputs' temporary targets, the partition folder and the kind of the run's
    lock and its name."""
    import uuid

    return {"plots": outputs.enter_context(open_output(run.out_plots)), "tmpdir": run.tmpdir,
            "conflicts": outputs.enter_context(open_output(run.out_conflicts)) if run.out_conflicts else None,
            "lock": "distributed" if client is not None else ("thread" if scheduler == "threads" else None),
            "name": f"zutuan-scale-{uuid.uuid4().hex}"}


def _task_maker(run: _Run, sink):
    """``make(k)``: partition k's task — the worker function with its plots' ids and the constraint features
    touching its window (cut when the task is made, so the workers start while the driver cuts the next)."""
    run.timings["tasks"] = 0.0
    plan, mcrs_wkt = run.plan, run.plan.crs.to_wkt()

    def make(k):
        t = time.perf_counter()
        parts = partition_constraints(run.cons, plan.windows[k])
        part_path = os.path.join(run.tmpdir, f"part_{k:05d}.gpkg") if run.out_plots else None
        conf_path = os.path.join(run.tmpdir, f"conf_{k:05d}.gpkg") if run.out_plots and run.out_conflicts else None
        run.timings["tasks"] += time.perf_counter() - t
        return _check_partition, (run.plots, plan.fids[k], mcrs_wkt, parts, run.params, part_path, conf_path, sink)

    return make


def _merge_outputs(run: _Run, results, outputs: contextlib.ExitStack, sink):
    """(conflicts — only the largest of each rule when the outputs are files —, the checked plots kept in memory
    or None); the outputs are moved into place."""
    import geopandas as gpd
    import pandas as pd

    merged = None
    conflicts = pd.concat([r["conflicts"] for r in results], ignore_index=True) if results else None
    if conflicts is not None:
        conflicts = gpd.GeoDataFrame(conflicts, geometry="geometry", crs=run.plan.crs)
    if run.out_plots:
        target = sink["conflicts"]
        if target and conflicts is not None and not any(r["conflict_counts"] for r in results):   # none at all
            write_whole(target, conflicts.iloc[0:0], "conflicts", run.tmpdir, multi=True)
        conflicts = largest_conflicts(conflicts)
        outputs.close()
    else:
        merged = gpd.GeoDataFrame(pd.concat([r["plots"] for r in results]), crs=run.plan.crs).sort_index()
        if run.out_conflicts and conflicts is not None:
            with open_output(run.out_conflicts) as target:
                write_whole(target, conflicts, "conflicts", run.tmpdir, multi=False)
    return conflicts, merged


def _result(run: _Run, results, conflicts, merged, code_field: str, run_parameters: dict):
    """The run's CheckResult: the partitions' rule summaries, findings, counts and areas merged."""
    import geopandas as gpd
    import pandas as pd

    from ..checks.result import CheckResult

    plan = run.plan
    status = (gpd.GeoDataFrame(pd.concat([r["status"] for r in results], ignore_index=True), geometry="geometry",
                               crs=plan.crs) if run.out_plots else None)
    inputs = {"地块 / plots": f"{run.plots.label}（{plan.total} 个要素 / features）"}
    for ci, *_rest, err in run.cons:
        inputs[ci.name or ci.key or "?"] = ci.source.label + (f"（无法读取 / unreadable: {err}）" if err else "")
    parameters = dict(results[0]["parameters"]) if results else {}
    parameters.update(run_parameters)
    result = CheckResult("checkmasterplan", "国土空间总体规划“一张图”符合性审查报告",
                         merged if merged is not None else status, conflicts, _unique_findings(results),
                         _merge_rules([r["rules"] for r in results]), parameters, inputs, plan.crs, code_field)
    result.notes = run.notes
    if run.out_plots:
        counts = {}
        for r in results:
            for rule_id, n in r["conflict_counts"].items():
                counts[rule_id] = counts.get(rule_id, 0) + int(n)
        result.conflict_counts = counts
    result.total_area = float(sum(r["area"] for r in results))
    return result


def _unique_findings(results) -> list:
    """The partitions' findings, each not-checked / repair note once (it comes back from every partition)."""
    seen, unique = set(), []
    for f in (f for r in results for f in r["findings"]):
        key = (f.rule_id, f.code, f.message) if f.code is None else id(f)
        if key in seen:
            continue
        seen.add(key)
        unique.append(f)
    return unique


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
