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
   writes its plots and conflicts to partition files, appends them to the outputs under the run's lock
   (:func:`append_gpkg`: SQLite copies the rows, the R-tree gets their boxes; no geometry is decoded again)
   and returns rule summaries, conflict counts and only the largest conflicts (for the report). Writing is a
   worker's work, so it grows with the workers and the driver stays free.
5. The driver sums the rule summaries. Outputs are written to temporary names and moved into place only when
   everything worked. The cluster starts while the driver scans the plots and reads the constraint layers,
   and each partition is submitted as soon as its constraint features are cut.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field, replace
from typing import Optional

import numpy as np

from ..crs import measurement_crs
from ..errors import InputError
from .guards import check_constraint_crs, check_constraint_meets
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
    elsewhere: bool = False              # declared to lie away from the plots: no feature in their window is fine


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
    order = np.argsort(_hilbert(boxes, total_bounds), kind="stable")
    parts, windows = [], []
    for s in range(0, len(order), partition_size):
        idx = order[s:s + partition_size]
        parts.append(np.sort(fids[idx]))
        bb = boxes[idx]
        windows.append((bb[:, 0].min(), bb[:, 1].min(), bb[:, 2].max(), bb[:, 3].max()))
    return PartitionPlan(target_crs, parts, np.asarray(windows, dtype=float), len(fids), tuple(total_bounds),
                         time.perf_counter() - t0)


def _hilbert(boxes, total_bounds, level: int = 16) -> np.ndarray:
    """Hilbert distances of the boxes' centres (geopandas' curve, computed from the boxes without making a
    point geometry per plot: 1M plots 0.55 → 0.1 s)."""
    try:
        from geopandas.tools.hilbert_curve import _continuous_to_discrete_coords, _encode
    except ImportError:  # pragma: no cover - another geopandas: its public method
        import geopandas as gpd
        import shapely

        centres = gpd.GeoSeries(shapely.points((boxes[:, 0] + boxes[:, 2]) / 2, (boxes[:, 1] + boxes[:, 3]) / 2))
        return centres.hilbert_distance(total_bounds=total_bounds, level=level).to_numpy()
    x, y = _continuous_to_discrete_coords(np.asarray(boxes, dtype=float), level, np.asarray(total_bounds, dtype=float))
    return _encode(level, x, y)


def _read_constraint(ci: ConstraintInput, mcrs, window):
    """The constraint features in the plots' window, in the measurement CRS, invalid ones repaired."""
    import geopandas as gpd
    import shapely
    from pyproj import CRS

    info = ci.source.info()
    own = CRS.from_user_input(info["crs"]) if info.get("crs") else None
    if own is not None:
        check_constraint_crs(ci.source.label, own, mcrs, info.get("total_bounds"))
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
    check_constraint_meets(ci.source.label, info.get("features", 0), len(gdf), ci.elsewhere,
                           extent=_extent_in(info.get("total_bounds"), own, mcrs), window=window)
    if len(gdf) == 0:
        return gdf, warnings, info.get("features", 0)
    if gdf.crs is not None and not CRS.from_user_input(gdf.crs).equals(mcrs):
        gdf = gdf.to_crs(mcrs)
    geoms = gdf.geometry.values
    from ..threads import split_map

    valid = split_map(shapely.is_valid, np.asarray(geoms), min_size=2)   # jagged 1 000-vertex polygons: slow
    if (~valid).any():
        from ..geometry import polygonal_part

        fixed = np.asarray(geoms, dtype=object).copy()
        fixed[~valid] = [polygonal_part(shapely.make_valid(g)) for g in fixed[~valid]]
        geoms = fixed
    return gpd.GeoDataFrame(gdf.drop(columns="geometry"), geometry=list(geoms), crs=mcrs), warnings, \
        info.get("features", 0)


def _extent_in(bounds, own, mcrs):
    """A layer's (minx, miny, maxx, maxy) in its CRS ``own`` as a box in ``mcrs`` (its corners moved), or None."""
    if bounds is None or own is None or not np.all(np.isfinite(np.asarray(bounds, dtype=float))):
        return None
    if own.equals(mcrs):
        return tuple(float(v) for v in bounds)
    xs, ys = _transformer(own, mcrs).transform([bounds[0], bounds[2], bounds[0], bounds[2]],
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


#: when the outputs go to files, the driver keeps in memory only the largest conflicts of each rule (for the
#: report's tables) and the plot geometries of the largest ones (for its maps): memory stays bounded
REPORT_ROWS = 200
REPORT_MAPS = 50


def _largest_conflicts(conf):
    if conf is None or len(conf) == 0:
        return conf
    return conf.sort_values("CTMJ", ascending=False, kind="stable").groupby("GZBH", sort=False).head(REPORT_ROWS)


def _check_partition(plots: Source, fids, mcrs_wkt, constraint_parts, params, out_path, conf_path=None,
                     sink: Optional[dict] = None):
    """Worker: read the partition's plots, check them against the constraint features it got, and either return
    the checked plots and conflicts (``out_path`` None) or write them to partition files, append those to the
    run's outputs (``sink``: the outputs' temporary paths and the run's lock; :func:`append_gpkg`) and return
    only counts and the largest conflicts. Writing the outputs is part of a worker's work: it grows with the
    workers, and the driver stays free.

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
    frames = {"plots": res.plots}
    if conf_path is not None and len(conf):
        frames["conflicts"] = conf
    _deliver(sink, frames, {"plots": out_path, "conflicts": conf_path})
    out["conflicts"] = _largest_conflicts(conf)
    code = params.get("code_field", "DKBH")
    light = res.plots[[code, "SCJL", "WTSL", "geometry"]].copy()
    mapped = set(out["conflicts"].nlargest(REPORT_MAPS, "CTMJ")["DKBH"]) if len(conf) else set()
    light.loc[~light[code].isin(mapped), "geometry"] = None  # geometry only where the report may draw a map
    out["status"] = light
    return out


def append_gpkg(out: str, part: str, layer: str, bounds) -> None:
    """Append the GeoPackage layer ``part`` (written without spatial index) to ``out``, which gets its R-tree
    entries from ``bounds`` (minx, miny, maxx, maxy per row, in the part's fid order; NaN for no geometry).

    The first part creates ``out`` through GDAL (layer, R-tree and triggers as GDAL makes them); later ones are
    copied by SQLite alone — ``ATTACH``, ``INSERT … SELECT`` of the rows with the fids shifted, the R-tree rows
    from ``bounds`` — so no geometry is decoded or encoded again. The layer's R-tree and feature-count triggers
    (which call GDAL's SQL functions) are set aside inside the transaction and put back before it commits;
    the feature count and the extent are updated with the rows. One transaction per part: all or nothing."""
    import sqlite3

    bounds = np.asarray(bounds, dtype=float).reshape(-1, 4)
    if not os.path.exists(out):
        from osgeo import gdal

        opts = gdal.VectorTranslateOptions(format="GPKG", layerName=layer)
        if gdal.VectorTranslate(out, part, options=opts) is None:
            raise InputError("E_WRITE", path=out, reason=gdal.GetLastErrorMsg() or "GDAL VectorTranslate")
        return
    db = sqlite3.connect(f"file:{out}?mode=rw", uri=True, isolation_level=None)  # never creates a file
    try:
        db.execute("PRAGMA synchronous=OFF")    # a temporary file until the whole run has succeeded
        db.execute("ATTACH DATABASE ? AS p", (part,))
        db.execute("BEGIN IMMEDIATE")
        triggers = db.execute("SELECT name, sql FROM main.sqlite_master WHERE type='trigger' AND tbl_name=?",
                              (layer,)).fetchall()
        for name, _sql in triggers:
            db.execute(f'DROP TRIGGER main."{name}"')
        mine = [r[1] for r in db.execute(f'PRAGMA main.table_info("{layer}")')]
        theirs = {r[1]: r[2] for r in db.execute(f'PRAGMA p.table_info("{layer}")')}
        for col, decl in theirs.items():       # a column only this part carries (not expected): add it
            if col not in mine:
                db.execute(f'ALTER TABLE main."{layer}" ADD COLUMN "{col}" {decl}')
                mine.append(col)
        fid = mine[0]
        names = ", ".join(f'"{c}"' for c in mine[1:] if c in theirs)
        (geom,) = db.execute("SELECT column_name FROM main.gpkg_geometry_columns WHERE table_name=?",
                             (layer,)).fetchone()
        (offset,) = db.execute(f'SELECT coalesce(max("{fid}"), 0) FROM main."{layer}"').fetchone()
        part_fids = np.array([r[0] for r in db.execute(f'SELECT "{fid}" FROM p."{layer}" ORDER BY "{fid}"')],
                             dtype=np.int64)
        if len(part_fids) != len(bounds):
            raise ValueError(f"{len(part_fids)} rows but {len(bounds)} bounds")
        db.execute(f'INSERT INTO main."{layer}" ("{fid}", {names}) SELECT "{fid}" + ?, {names} FROM p."{layer}" '
                   f'ORDER BY "{fid}"', (int(offset),))
        ok = np.isfinite(bounds).all(axis=1)
        rows = zip((part_fids[ok] + int(offset)).tolist(), bounds[ok, 0].tolist(), bounds[ok, 2].tolist(),
                   bounds[ok, 1].tolist(), bounds[ok, 3].tolist())
        db.executemany(f'INSERT INTO main."rtree_{layer}_{geom}" VALUES (?, ?, ?, ?, ?)', rows)
        db.execute("UPDATE main.gpkg_ogr_contents SET feature_count = feature_count + ? WHERE table_name=? "
                   "AND feature_count IS NOT NULL", (len(part_fids), layer))
        if ok.any():
            b = bounds[ok]
            e = (float(b[:, 0].min()), float(b[:, 1].min()), float(b[:, 2].max()), float(b[:, 3].max()))
            db.execute("UPDATE main.gpkg_contents SET min_x=min(coalesce(min_x, ?), ?), min_y=min(coalesce(min_y, ?),"
                       " ?), max_x=max(coalesce(max_x, ?), ?), max_y=max(coalesce(max_y, ?), ?), "
                       "last_change=strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE table_name=?",
                       (e[0], e[0], e[1], e[1], e[2], e[2], e[3], e[3], layer))
        for _name, sql in triggers:
            db.execute(sql)
        db.execute("COMMIT")
    except Exception as err:  # noqa: BLE001 - any SQLite/OS failure: rolled back, the run fails clearly
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise InputError("E_WRITE", path=out, reason=f"{type(err).__name__}: {err}") from None
    finally:
        db.close()


#: thread locks of the runs in this process (threads scheduler), by run
_THREAD_LOCKS: dict = {}


@contextlib.contextmanager
def _output_lock(sink: dict):
    """One writer at a time on a run's outputs: a ``distributed.Lock`` on a Dask cluster, a thread lock in one
    process (threads), nothing when the partitions run one after another."""
    kind = sink.get("lock")
    if kind == "distributed":
        from distributed import Lock

        with Lock(sink["name"]):
            yield
    elif kind == "thread":
        with _THREAD_LOCKS.setdefault(sink["name"], threading.Lock()):
            yield
    else:
        yield


def _deliver(sink: dict, frames: dict, part_paths: dict) -> None:
    """Worker: write this partition's plots and conflicts to partition files (outside the lock), then append
    them to the run's outputs one writer at a time (the run's lock): a GeoPackage by :func:`append_gpkg`, a
    PostGIS table by GDAL (COPY). A run that has ended (its folder of partition files is gone: cancelled or
    failed) gets nothing written."""
    import shapely

    files, bounds = {}, {}
    for key, frame in frames.items():
        # one geometry type for every partition; no spatial index in the partition files (a GeoPackage output's
        # R-tree gets the rows' boxes directly, PostGIS keeps its GiST index itself)
        frame.to_file(part_paths[key], driver="GPKG", engine="pyogrio", layer=key, geometry_type="MultiPolygon",
                      promote_to_multi=True, layer_options={"SPATIAL_INDEX": "NO"})
        files[key], bounds[key] = part_paths[key], shapely.bounds(np.asarray(frame.geometry.values))
    with _output_lock(sink):
        if not os.path.isdir(sink["tmpdir"]):
            return
        for key, part in files.items():
            if isinstance(sink[key], str):
                append_gpkg(sink[key], part, key, bounds[key])
            else:
                _append_pg(sink[key], part, key)
            os.unlink(part)


def _append_pg(target: dict, part: str, layer: str) -> None:
    """Append a partition GeoPackage's layer to a run's PostGIS staging table (created by the first one: GiST
    index, fid, field names kept as they are)."""
    from osgeo import gdal

    gdal.UseExceptions()
    try:
        ds = gdal.OpenEx(target["conn"], gdal.OF_VECTOR)
        exists = ds.GetLayerByName(target["layer"]) is not None
        ds = None
        opts = {"format": "PostgreSQL", "layerName": target["layer"], "geometryType": "MULTIPOLYGON"}
        if exists:
            opts["accessMode"] = "append"
        else:
            opts["layerCreationOptions"] = ["GEOMETRY_NAME=geom", "FID=fid", "LAUNDER=NO", "SPATIAL_INDEX=GIST"]
        src = gdal.OpenEx(part, gdal.OF_VECTOR)
        if src.GetLayerByName(layer) is None:
            raise ValueError(f"no layer {layer}")
        # (VectorTranslate loads PostgreSQL tables with COPY)
        if gdal.VectorTranslate(target["conn"], src, options=gdal.VectorTranslateOptions(layers=[layer], **opts)) \
                is None:
            raise RuntimeError(gdal.GetLastErrorMsg() or "VectorTranslate")
    except Exception as err:  # noqa: BLE001 - lost connection, permissions: a clear error, credentials hidden
        raise InputError("E_WRITE", path=target["label"], reason=redact(err)) from None


class _PgOutput:
    """``with _PgOutput("PG:…|layername=schema.table") as target:`` — the run writes the staging table
    ``schema.table__zt_<id>``; when the block succeeds it replaces ``schema.table`` in one transaction, else it
    is dropped (no table left that looks complete)."""

    def __init__(self, out: str):
        src = parse_source(out)
        if not src.layer:
            raise InputError("E_BAD_PARAMETER", name="out", value=src.label, reason_zh="须写明 |layername=模式.表名",
                             reason_en="give |layername=schema.table")
        import uuid

        schema, _, table = src.layer.rpartition(".")
        self.conn, self.schema, self.table, self.label = src.path, schema or "public", table, src.label
        self.staging = f"{table}__zt_{uuid.uuid4().hex[:10]}"
        try:  # the database is checked before the long run, as an output folder is
            from osgeo import gdal

            gdal.UseExceptions()
            gdal.OpenEx(self.conn, gdal.OF_VECTOR | gdal.OF_UPDATE)
        except Exception as err:  # noqa: BLE001 - unreachable server, unknown service, no permission
            raise InputError("E_WRITE", path=self.label, reason=redact(err)) from None

    def __enter__(self) -> dict:
        return {"conn": self.conn, "layer": f"{self.schema}.{self.staging}", "label": self.label}

    def _sql(self, statements) -> None:
        from osgeo import gdal

        gdal.UseExceptions()
        ds = gdal.OpenEx(self.conn, gdal.OF_VECTOR | gdal.OF_UPDATE)
        ds.StartTransaction()
        for sql in statements:
            ds.ExecuteSQL(sql)
        ds.CommitTransaction()
        ds = None

    def __exit__(self, exc_type, exc, tb):
        q = f'"{self.schema}".'
        if exc_type is None:
            try:
                self._sql([f'DROP TABLE IF EXISTS {q}"{self.table}"',
                           f'ALTER TABLE {q}"{self.staging}" RENAME TO "{self.table}"'])
            except Exception as err:  # noqa: BLE001
                raise InputError("E_WRITE", path=self.label, reason=redact(err)) from None
        else:
            with contextlib.suppress(Exception):   # the database may be the reason the run failed
                self._sql([f'DROP TABLE IF EXISTS {q}"{self.staging}"'])
        return False


def _write_whole(target, frame, layer: str, tmpdir: str, *, multi: bool) -> None:
    """Write ``frame`` as the whole of an output (a temporary GeoPackage path or a PostGIS staging table);
    ``multi``: declare MultiPolygon for a GeoPackage (a PostGIS table always gets it)."""
    multi_kw = {"geometry_type": "MultiPolygon", "promote_to_multi": True}
    if isinstance(target, str):
        frame.to_file(target, layer=layer, driver="GPKG", engine="pyogrio", **(multi_kw if multi else {}))
        return
    part = os.path.join(tmpdir, f"{layer}_whole.gpkg")
    frame.to_file(part, layer=layer, driver="GPKG", engine="pyogrio", **multi_kw)
    _append_pg(target, part, layer)


def _output(out: str):
    """The context that writes an output whole or not at all: a file (atomic_output) or a PostGIS table."""
    from ..plan import atomic_output

    return _PgOutput(out) if parse_source(out).is_postgis else atomic_output(out)


def _shutdown(client) -> None:
    """Close a Dask client and the local cluster it started (if any)."""
    if client is not None:
        cluster = getattr(client, "cluster", None)
        client.close()
        if cluster is not None:
            cluster.close()


def _close_client(started) -> None:
    """Close a cluster started in the background (the run failed before using it)."""
    with contextlib.suppress(Exception):
        _shutdown(started.result()[1])


@contextlib.contextmanager
def _driver_lock(sink, client, timeout: float = 30.0):
    """The run's output lock, taken by the driver (best effort: a cluster that is gone cannot be waited for)."""
    if sink is None or sink.get("lock") != "distributed":      # one process: the workers' own lock
        with contextlib.nullcontext() if sink is None else _output_lock(sink):
            yield
        return
    lock = None
    try:
        from distributed import Lock

        lock = Lock(sink["name"], client=client)
        got = lock.acquire(timeout=timeout)
    except Exception:  # noqa: BLE001 - the cluster itself failed
        got = False
    try:
        yield
    finally:
        if got:
            with contextlib.suppress(Exception):
                lock.release()


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


def _compute(n_tasks, make, client, compute_kw, n_workers, progress):
    """Run the partition tasks (``make(k)`` gives partition k's function and arguments), reporting progress per
    partition and stopping when the user cancels. On a Dask cluster each task is submitted as soon as its
    arguments are made, so the workers start while the driver prepares the next ones."""
    import dask

    results = [None] * n_tasks
    state = {"done": 0}

    def deliver(k, r):
        results[k] = r
        state["done"] += 1
        if progress is not None:
            progress(15 + 75 * state["done"] / n_tasks, f"分区 / partition {state['done']}/{n_tasks}")

    if client is not None:
        from distributed import as_completed

        futures = []
        try:
            for k in range(n_tasks):
                fn, args = make(k)
                futures.append(client.submit(fn, *args, pure=False))
            index = {f.key: k for k, f in enumerate(futures)}
            for fut in as_completed(futures):
                deliver(index[fut.key], fut.result())
        except BaseException:
            client.cancel(futures)
            raise
        return results
    tasks = [dask.delayed(fn)(*args) for fn, args in map(make, range(n_tasks))]
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
    import geopandas as gpd
    import pandas as pd
    import shapely

    from ..checks.result import CheckResult

    from .sources import FrameSource

    if isinstance(plots, str):
        plots = parse_source(plots)
    elif not isinstance(plots, (Source, FrameSource)):
        plots = FrameSource(plots)
    timings = {}
    # the cluster starts (its worker processes import the engine) while the driver scans the plots and reads
    # the constraint layers
    from concurrent.futures import ThreadPoolExecutor

    starter = ThreadPoolExecutor(1)
    t_start = time.perf_counter()
    started = starter.submit(_client, scheduler, workers)
    try:
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
        file_out = out_plots and not parse_source(out_plots).is_postgis
        tmpdir = tempfile.mkdtemp(prefix="zutuan-scale-",
                                  dir=(os.path.dirname(os.path.abspath(out_plots)) or ".") if file_out else None)
    except BaseException:
        _close_client(started)
        raise
    finally:
        starter.shutdown(wait=False)
    t0 = time.perf_counter()
    try:
        compute_kw, client, n_workers = started.result()
    except BaseException:
        shutil.rmtree(tmpdir, ignore_errors=True)
        raise
    timings["cluster"] = time.perf_counter() - t0       # waited for it after the scan and the constraints
    timings["cluster_start"] = time.perf_counter() - t_start
    outputs = contextlib.ExitStack()  # outputs are written under temporary names, moved into place at the end
    sink = None
    try:
        if out_plots:  # the folders are checked before the long run, not after it
            import uuid

            sink = {"plots": outputs.enter_context(_output(out_plots)), "tmpdir": tmpdir,
                    "conflicts": outputs.enter_context(_output(out_conflicts)) if out_conflicts else None,
                    "lock": "distributed" if client is not None else ("thread" if scheduler == "threads" else None),
                    "name": f"zutuan-scale-{uuid.uuid4().hex}"}
        timings["tasks"] = 0.0
        mcrs_wkt = plan.crs.to_wkt()

        def make(k):  # partition k's task: its plots' ids and the constraint features touching its window
            t = time.perf_counter()
            parts = []
            for ci, layer, tree, err in cons:
                if err is not None or tree is None:  # unreadable, or an empty layer: the check reports it
                    parts.append((ci, layer, err, False))
                else:
                    parts.append((ci, _features_for(plan.windows[k], tree, layer), None, True))
            part_path = os.path.join(tmpdir, f"part_{k:05d}.gpkg") if out_plots else None
            conf_path = os.path.join(tmpdir, f"conf_{k:05d}.gpkg") if out_plots and out_conflicts else None
            timings["tasks"] += time.perf_counter() - t
            return _check_partition, (plots, plan.fids[k], mcrs_wkt, parts, params, part_path, conf_path, sink)

        t0, c0 = time.perf_counter(), time.process_time()
        results = _compute(len(plan.fids), make, client, compute_kw, n_workers, progress)
        timings["check"] = time.perf_counter() - t0
        timings["driver_cpu"] = time.process_time() - c0   # the driver's own CPU while the workers ran
        t0 = time.perf_counter()
        merged_plots = None
        conflicts = pd.concat([r["conflicts"] for r in results], ignore_index=True) if results else None
        if conflicts is not None:
            conflicts = gpd.GeoDataFrame(conflicts, geometry="geometry", crs=plan.crs)
        if out_plots:
            target = sink["conflicts"]
            if target and conflicts is not None and not any(r["conflict_counts"] for r in results):   # none at all
                _write_whole(target, conflicts.iloc[0:0], "conflicts", tmpdir, multi=True)
            conflicts = _largest_conflicts(conflicts)
            outputs.close()
        else:
            merged_plots = gpd.GeoDataFrame(pd.concat([r["plots"] for r in results]), crs=plan.crs).sort_index()
            if out_conflicts and conflicts is not None:
                with _output(out_conflicts) as target:
                    _write_whole(target, conflicts, "conflicts", tmpdir, multi=False)
        timings["merge"] = time.perf_counter() - t0
    except BaseException:
        # no output left as if complete: under the run's lock (a worker may still be appending), the partition
        # folder goes first (workers still running then write nothing), then the outputs
        with _driver_lock(sink, client):
            shutil.rmtree(tmpdir, ignore_errors=True)
            outputs.__exit__(*sys.exc_info())
        raise
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)
        if sink is not None:
            _THREAD_LOCKS.pop(sink["name"], None)
        _shutdown(client)
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
