"""The outputs of a scaled run, whole or not at all (steps 4 and 5 of :mod:`.runner`).

Outputs are written under temporary names — a file beside the output (:func:`algorithms.plan.atomic_output`) or a
PostGIS staging table (:class:`_PgOutput`) — and moved into place only when everything worked. Workers append
their partition files one writer at a time, under the run's lock (:func:`output_lock`): a GeoPackage by SQLite
alone (:func:`append_gpkg`: SQLite copies the rows, the R-tree gets their boxes; no geometry is decoded again),
a PostGIS table by GDAL (:func:`append_pg`, COPY).
"""
from __future__ import annotations

import contextlib
import os
import threading

import numpy as np

from ..errors import InputError
from .sources import parse_source, redact

__all__ = ["append_gpkg", "append_pg", "output_lock", "driver_lock", "forget_lock", "write_whole", "open_output"]


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
        n = _copy_rows(db, layer, bounds)
        _update_contents(db, layer, n, bounds)
        for _name, sql in triggers:
            db.execute(sql)
        db.execute("COMMIT")
    except Exception as err:  # noqa: BLE001 - any SQLite/OS failure: rolled back, the run fails clearly
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise InputError("E_WRITE", path=out, reason=f"{type(err).__name__}: {err}") from None
    finally:
        db.close()


def _copy_rows(db, layer: str, bounds) -> int:
    """Copy the attached part's rows into the output layer (fids shifted past the output's) and their boxes into
    its R-tree; the number of rows."""
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
    return len(part_fids)


def _update_contents(db, layer: str, n: int, bounds) -> None:
    """Add ``n`` rows to the layer's feature count and ``bounds`` (the rows' boxes) to its extent."""
    db.execute("UPDATE main.gpkg_ogr_contents SET feature_count = feature_count + ? WHERE table_name=? "
               "AND feature_count IS NOT NULL", (n, layer))
    ok = np.isfinite(bounds).all(axis=1)
    if ok.any():
        b = bounds[ok]
        e = (float(b[:, 0].min()), float(b[:, 1].min()), float(b[:, 2].max()), float(b[:, 3].max()))
        db.execute("UPDATE main.gpkg_contents SET min_x=min(coalesce(min_x, ?), ?), min_y=min(coalesce(min_y, ?),"
                   " ?), max_x=max(coalesce(max_x, ?), ?), max_y=max(coalesce(max_y, ?), ?), "
                   "last_change=strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE table_name=?",
                   (e[0], e[0], e[1], e[1], e[2], e[2], e[3], e[3], layer))


#: thread locks of the runs in this process (threads scheduler), by run
_THREAD_LOCKS: dict = {}


@contextlib.contextmanager
def output_lock(sink: dict):
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


def forget_lock(sink) -> None:
    """Drop the thread lock of a run that has ended."""
    if sink is not None:
        _THREAD_LOCKS.pop(sink["name"], None)


@contextlib.contextmanager
def driver_lock(sink, client, timeout: float = 30.0):
    """The run's output lock, taken by the driver (best effort: a cluster that is gone cannot be waited for)."""
    if sink is None or sink.get("lock") != "distributed":      # one process: the workers' own lock
        with contextlib.nullcontext() if sink is None else output_lock(sink):
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


def append_pg(target: dict, part: str, layer: str) -> None:
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


def write_whole(target, frame, layer: str, tmpdir: str, *, multi: bool) -> None:
    """Write ``frame`` as the whole of an output (a temporary GeoPackage path or a PostGIS staging table);
    ``multi``: declare MultiPolygon for a GeoPackage (a PostGIS table always gets it)."""
    multi_kw = {"geometry_type": "MultiPolygon", "promote_to_multi": True}
    if isinstance(target, str):
        frame.to_file(target, layer=layer, driver="GPKG", engine="pyogrio", **(multi_kw if multi else {}))
        return
    part = os.path.join(tmpdir, f"{layer}_whole.gpkg")
    frame.to_file(part, layer=layer, driver="GPKG", engine="pyogrio", **multi_kw)
    append_pg(target, part, layer)


def open_output(out: str):
    """The context that writes an output whole or not at all: a file (atomic_output) or a PostGIS table."""
    from ..plan import atomic_output

    return _PgOutput(out) if parse_source(out).is_postgis else atomic_output(out)
