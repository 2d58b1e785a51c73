"""Bulk writing of an output whose destination is a plain GeoPackage file path: GDAL creates the table with the fields,
CRS and options QgsVectorFileWriter would give it, the rows go in one SQLite transaction (values as the feature sink
converts them, the R-tree filled with the envelopes GDAL's triggers would put in), and the finished file replaces the
destination (whole or nothing); QGIS is then handed the path with the load-on-completion details ``parameterAsSink``
would have registered. Other destinations (memory layers, ``ogr:`` URIs, layers appended to), or values the sink would
have to convert otherwise, use the feature sink (write.py)."""
import os
import sqlite3
from datetime import datetime, timezone

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingContext,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingUtils,
    QgsProperty,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from .common import BATCH, check_cancel
from .gpkg_blobs import geometry_blobs
from .rtree import pack

#: rows per INSERT statement of the bulk write
PER = 64


def file_destination(alg, parameters, key, context):
    """(path, project, layer name) when the output ``key`` goes to a plain GeoPackage file; else None."""
    value = parameters.get(key)
    project = name = None
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        if value.useRemapping():
            return None
        project, name, value = value.destinationProject, value.destinationName, value.sink
    if isinstance(value, QgsProperty):
        value = value.valueAsString(context.expressionContext(), "")
    if not isinstance(value, str) or not value.lower().endswith(".gpkg") or "|" in value or ":" in value[:12]:
        return None
    if not os.path.isabs(value) or not os.path.isdir(os.path.dirname(value)) or value.startswith("/vsi"):
        return None
    return value, project, name


def _geometry_blobs(geoms, geom_type, srs_id):
    """(GeoPackage geometry blobs: header with the XY envelope + little-endian WKB, packed as one buffer and n + 1
    offsets, no bytes for no geometry; envelopes as minx, maxx, miny, maxy rows, NaN for no geometry); single parts
    made multi as ``convertToMultiType`` does (gpkg_blobs.py). None when a geometry does not fit ``geom_type`` (or is
    empty): the general path writes the layer."""
    import numpy as np
    import shapely

    present = ~shapely.is_missing(geoms)
    idx = np.flatnonzero(present)
    some = geoms if len(idx) == len(geoms) else geoms[idx]
    if shapely.is_empty(some).any():
        return None
    types = shapely.get_type_id(some)
    single, multi = {QgsWkbTypes.MultiPolygon: (3, 6), QgsWkbTypes.MultiLineString: (1, 5)}[geom_type]
    if not np.isin(types, (single, multi)).all():
        return None
    box = shapely.bounds(geoms)[:, [0, 2, 1, 3]]
    view, offsets = geometry_blobs(some, box[idx], types, srs_id, single, multi)
    if len(idx) == len(geoms):
        return (view, offsets), box
    ends = np.zeros(len(geoms) + 1, dtype=np.int64)       # no geometry: no bytes
    ends[idx + 1] = offsets[1:]
    return (view, np.maximum.accumulate(ends)), box


def _rounded(values, precision):
    """QgsField::convertCompatible's rounding of a double to the field's precision (half away from zero)."""
    import numpy as np

    d = np.array(values, dtype=float) * 10.0 ** precision         # None → NaN
    r = np.where(d < 0, np.ceil(d - 0.5), np.floor(d + 0.5)) / 10.0 ** precision
    out = r.astype(object)
    out[np.isnan(r)] = None
    return out.tolist()


def _too_long(values, length, nulls=True):
    """Does a text exceed the field's length (QString's UTF-16 units), which the feature sink refuses? (``nulls``:
    there may be None among the texts)"""
    if length <= 0 or max(map(len, filter(None, values) if nulls else values), default=0) * 2 <= length:
        return False                                      # a code point is at most 2 UTF-16 units
    return any(len(v) > length if v.isascii() else len(v.encode("utf-16-le")) > 2 * length
               for v in values if v is not None and len(v) * 2 > length)


def _cell_values(values, field, types=None):
    """Values for SQLite as the feature sink stores them in ``field`` (QgsField::convertCompatible: doubles rounded to
    the field's precision); None when a value would need another of QVariant's conversions, or a text is too long (the
    general path then writes the layer, and reports what it reports). ``types``: the set of the values' types, when
    known."""
    import numpy as np

    kind = _KINDS[field.type()]
    everything = set(map(type, values)) if types is None else types
    types = everything - {type(None)}
    if kind == "str":
        return values if types <= {str} and not _too_long(values, field.length(), types != everything) else None
    if kind == "bool":
        return [None if v is None else int(v) for v in values] if types <= {bool, np.bool_} else None
    if kind == "float":
        if not types <= {float, int, np.float64, np.int64}:
            return None
        if field.precision() > 0:
            return _rounded(values, field.precision())
        return values if types <= {float} else [None if v is None else float(v) for v in values]
    if types <= {int}:
        return values
    if types <= {int, float, np.int64, np.float64} and all(v is None or float(v).is_integer() for v in values):
        return [None if v is None else int(v) for v in values]
    return None


_OGR_TYPES = {QVariant.String: "OFTString", QVariant.Double: "OFTReal", QVariant.LongLong: "OFTInteger64",
              QVariant.Bool: "OFTInteger"}
_KINDS = {QVariant.String: "str", QVariant.Double: "float", QVariant.LongLong: "int", QVariant.Bool: "bool"}


def _ogr_srs(qcrs):
    """The OGR spatial reference QGIS gives GDAL for ``qcrs`` (QgsOgrUtils::crsToOGRSpatialReference): from the
    authority id when that is the same CRS as the WKT, else from the WKT."""
    import math

    from osgeo import osr

    wkt = osr.SpatialReference()
    wkt.ImportFromWkt(qcrs.toWkt(QgsCoordinateReferenceSystem.WKT_PREFERRED_GDAL))
    srs = wkt
    if qcrs.authid():
        auth = osr.SpatialReference()
        try:
            if auth.SetFromUserInput(qcrs.authid()) == 0 and auth.IsSame(wkt):
                srs = auth
        except RuntimeError:                    # an authority GDAL does not know
            pass
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    epoch = qcrs.coordinateEpoch() if hasattr(qcrs, "coordinateEpoch") else math.nan
    if not math.isnan(epoch):
        srs.SetCoordinateEpoch(epoch)
    return srs


def _create_table(path, table, fields, geom_type, qcrs):
    """An empty GeoPackage with ``table`` as QgsVectorFileWriter creates it (GDAL's defaults: R-tree spatial index
    and its triggers, feature count triggers); returns the srs_id GDAL chose for ``qcrs``."""
    from osgeo import gdal, ogr

    srs = _ogr_srs(qcrs)
    ds = gdal.GetDriverByName("GPKG").Create(path, 0, 0, 0, gdal.GDT_Unknown)
    ogr_type = ogr.wkbMultiPolygon if geom_type == QgsWkbTypes.MultiPolygon else ogr.wkbMultiLineString
    lyr = ds.CreateLayer(table, srs, ogr_type)
    for f in fields:
        fd = ogr.FieldDefn(f.name(), getattr(ogr, _OGR_TYPES[f.type()]))
        if f.type() == QVariant.Bool:
            fd.SetSubType(ogr.OFSTBoolean)
        elif f.length() > 0:
            fd.SetWidth(f.length())
            if f.type() == QVariant.Double:
                fd.SetPrecision(f.precision())
        lyr.CreateField(fd)
    ds = None
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = ?", (table,)).fetchone()[0]
    finally:
        con.close()


def _values_sql(columns, fixed, per, first, blob):
    """``per`` rows of VALUES: ``?1``… for the ``fixed`` columns (bound once a statement), the other columns' numbered
    parameters row after row from ``first``; the geometry (column 0) cut out of the statement's blobs ``?blob`` by
    its parameter, the end of the row's blob there (the previous row's end its start; no bytes: NULL)."""
    rows, k, prev = [], first, "0"
    for _ in range(per):
        cells = []
        for c in range(columns):
            if c in fixed:
                cells.append(f"?{fixed[c]}")
            elif c == 0:
                cells.append(f"nullif(substr(?{blob}, {prev} + 1, ?{k} - {prev}), x'')")
                prev = f"?{k}"
                k += 1
            else:
                cells.append(f"?{k}")
                k += 1
        rows.append(f"({', '.join(cells)})")
    return ", ".join(rows)


def _rows(con, table, names, packed, columns, same, feedback):
    """Insert the rows in their order, ``PER`` rows a statement (one multi-row VALUES: SQLite's per-statement work
    and the Python loop once for many rows), the rest one by one; a column whose values are all the same (indices
    ``same``) is bound once a statement, the geometry blobs (``packed``: one buffer, n + 1 offsets) as one blob a
    statement and an integer a row (binding a bytes object costs more). Cancellation checked between batches."""
    from itertools import chain

    import numpy as np

    view, offsets = packed
    q = '"{}"'.format
    fixed = {k + 1: n + 1 for n, k in enumerate(same)}     # VALUES column (0: geom) → its parameter number
    fixed_values = [columns[k][0] for k in same]
    varying = [c for k, c in enumerate(columns) if k not in same]
    width, blob = len(varying) + 1, len(same) + 1
    per = max(1, min(PER, (999 - blob) // width))          # 999: the fewest parameters an SQLite build allows
    head = f"INSERT INTO {q(table)} ({', '.join(q(n) for n in ['geom', *names])}) VALUES "
    many = head + _values_sql(len(columns) + 1, fixed, per, blob + 1, blob)
    one = head + _values_sql(len(columns) + 1, fixed, 1, blob + 1, blob)
    step, cuts, n = per * width, offsets.tolist(), len(offsets) - 1
    for start in range(0, n, BATCH):
        check_cancel(feedback)
        stop = min(start + BATCH, n)
        whole = (stop - start) - (stop - start) % per
        rows = np.arange(start, stop)
        first = np.where(rows < start + whole, rows - (rows - start) % per, rows)     # each row's statement's first
        ends = (offsets[rows + 1] - offsets[first]).tolist()
        flat = list(chain.from_iterable(zip(ends, *(c[start:stop] for c in varying))))
        con.executemany(many, (fixed_values + [view[cuts[r]:cuts[r + per]]] + flat[i:i + step]
                               for r, i in zip(range(start, start + whole, per), range(0, whole * width, step))))
        con.executemany(one, (fixed_values + [view[cuts[r]:cuts[r + 1]]] + flat[i:i + width]
                              for r, i in zip(range(start + whole, stop), range(whole * width, len(flat), width))))


def _same_values(fields, cells):
    """Indices of the columns whose values are all one text, integer or null (bound once a statement); doubles are
    left out (0.0 == -0.0)."""
    return [k for k, (f, c) in enumerate(zip(fields, cells))      # the first values tell most columns apart
            if _KINDS[f.type()] != "float" and c and c[:64].count(c[0]) == len(c[:64]) and c.count(c[0]) == len(c)]


def _insert(path, table, names, packed, columns, same, bounds, boxes, feedback):
    """All rows in one transaction, the table's triggers (spatial index, feature count: GDAL's own, created with the
    table) set aside meanwhile; the R-tree packed with the envelopes they would have put in (rtree.py; ``boxes``: ids,
    minx, maxx, miny, maxy arrays), the extent and feature count as GDAL keeps them; ``packed``: the geometry blobs
    (gpkg_blobs.geometry_blobs). An SQLite without the R-tree module raises sqlite3.OperationalError (nothing kept)."""
    q = '"{}"'.format
    con = sqlite3.connect(path, isolation_level=None)
    try:
        # a temporary file that replaces the destination only when complete: no rollback journal needed on disk
        con.execute("PRAGMA journal_mode = MEMORY")
        con.execute("PRAGMA synchronous = OFF")
        con.execute("PRAGMA cache_size = -262144")
        con.execute("BEGIN")
        triggers = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
                               (table,)).fetchall()
        for name, _ in triggers:
            con.execute(f"DROP TRIGGER {q(name)}")
        _rows(con, table, names, packed, columns, same, feedback)
        rtree = f"rtree_{table}_geom"
        if con.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (rtree,)).fetchone():
            if not pack(con, rtree, *boxes):
                con.executemany(f"INSERT INTO {q(rtree)} VALUES (?, ?, ?, ?, ?)",
                                zip(boxes[0].tolist(), *(b.tolist() for b in boxes[1:])))
        now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
        # GDAL writes the extent through sqlite3_mprintf("%.18g"): SQLite's printf() gives the same numbers
        con.execute("UPDATE gpkg_contents SET min_x = printf('%.18g', ?), min_y = printf('%.18g', ?), "
                    "max_x = printf('%.18g', ?), max_y = printf('%.18g', ?), last_change = ? WHERE table_name = ?",
                    (*bounds, now, table))
        con.execute("UPDATE gpkg_ogr_contents SET feature_count = ? WHERE table_name = ?", (len(packed[1]) - 1, table))
        for _, trigger in triggers:
            con.execute(trigger)
        con.execute("COMMIT")
    except BaseException:
        if con.in_transaction:
            con.execute("ROLLBACK")
        raise
    finally:
        con.close()


def _fid_column(fields, cells):
    """Index of a "fid" field (GDAL makes it the feature id, as it does for QgsVectorFileWriter), None when there is
    none; False when its values cannot be feature ids."""
    fid = [k for k, f in enumerate(fields) if f.name().lower() == "fid"]
    if not fid:
        return None
    values = cells[fid[0]]
    if fields[fid[0]].type() != QVariant.LongLong or None in values or len(set(values)) != len(values):
        return False
    return fid[0]


def write_geopackage(dest, gdf, fields, geom_type, qcrs, columns, feedback=None, types=None):
    """Write ``gdf`` (values of ``fields`` as the general path prepares them: ``columns``; ``types``: the sets of their
    types, when known) to the GeoPackage ``dest`` as its one table; False (nothing written) when it cannot
    be done exactly as the feature sink would, or when GDAL or SQLite fail (the feature sink then writes the output,
    and reports what it finds)."""
    tmp = build_geopackage(dest, gdf, fields, geom_type, qcrs, columns, feedback, types)
    if tmp is None:
        return False
    place_geopackage(tmp, dest)
    return True


def build_geopackage(dest, gdf, fields, geom_type, qcrs, columns, feedback=None, types=None):
    """:func:`write_geopackage` up to the whole file under a temporary name beside ``dest``: returns that name, or None
    (nothing left behind). QGIS-free but for reading the value classes ``fields`` and ``qcrs``: it may run on another
    thread; :func:`place_geopackage` or :func:`discard_geopackage` then takes the file."""
    import numpy as np

    from ...algorithms.errors import CancelledError

    if geom_type not in (QgsWkbTypes.MultiPolygon, QgsWkbTypes.MultiLineString):
        return None
    if any(f.type() not in _KINDS for f in fields):
        return None
    cells = [_cell_values(col, f, t) for f, col, t in zip(fields, columns, types or [None] * len(fields))]
    fid = False if any(c is None for c in cells) else _fid_column(fields, cells)
    table = os.path.basename(dest).split(".")[0]            # QgsVectorFileWriter: the file's base name
    if fid is False or not table:                           # ".gpkg", ".hidden.gpkg": left to the feature sink
        return None
    geoms = np.asarray(gdf.geometry.values, dtype=object)
    tmp = os.path.join(os.path.dirname(dest), f".{os.path.basename(dest)}.{os.getpid()}.part.gpkg")
    done = False
    try:
        srs_id = _create_table(tmp, table, [f for k, f in enumerate(fields) if k != fid], geom_type, qcrs)
        got = _geometry_blobs(geoms, geom_type, srs_id)
        if got is None:
            return None
        blobs, box = got
        fids = np.asarray(cells[fid] if fid is not None else np.arange(1, len(geoms) + 1))
        keep = ~np.isnan(box[:, 0])
        boxes = (fids[keep], *box[keep].T)
        extent = (box[keep, 0].min(), box[keep, 2].min(), box[keep, 1].max(), box[keep, 3].max()) if keep.any() \
            else (None,) * 4
        names = ["fid" if k == fid else f.name() for k, f in enumerate(fields)]
        _insert(tmp, table, names, blobs, cells, _same_values(fields, cells), extent, boxes, feedback)
        done = True
        return tmp
    except CancelledError:
        raise
    except Exception:  # noqa: BLE001 - e.g. an SQLite without the R-tree module: the feature sink writes the output
        return None
    finally:
        discard_geopackage(tmp, keep_file=done)


def place_geopackage(tmp, dest):
    """Put the file :func:`build_geopackage` made in place of ``dest`` (whole: one rename)."""
    for suffix in ("-wal", "-shm"):
        if os.path.exists(dest + suffix):
            os.remove(dest + suffix)
    os.replace(tmp, dest)


def discard_geopackage(tmp, *, keep_file=False):
    """Remove what a build left under ``tmp`` (with ``keep_file``: its journals only)."""
    for leftover in ((() if keep_file else (tmp,)) + (tmp + "-wal", tmp + "-shm", tmp + "-journal")):
        if os.path.exists(leftover):
            os.remove(leftover)


def hand_to_qgis(alg, key, context, dest, project, name):
    """Register ``dest`` to be loaded when the run completes, as ``parameterAsSink`` does for a file it wrote."""
    if project is None:
        return
    definition = alg.parameterDefinition(key)
    details = QgsProcessingContext.LayerDetails(name or definition.description(), project, definition.name(),
                                                QgsProcessingUtils.LayerHint.Vector)
    context.addLayerToLoadOnCompletion(dest, details)
