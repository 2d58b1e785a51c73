"""Bulk reading of a GeoPackage table read as it is (ogr provider; no selection, feature limit, filter, subset string,
uncommitted edits, virtual or joined fields): GDAL's Arrow stream in batches instead of QGIS's feature loop, giving what
the loop gives (feature ids, the same Python values, single parts of multi-type layers made multi, curves linearised
by QGIS with the same tolerance). Any other layer, or a requested field of a type not read here (boolean, date-time,
time, binary, list, JSON), goes through the QgsFeatureSource path (read.py)."""
import os
import struct
from operator import itemgetter

from qgis.core import QgsFields, QgsProcessingFeatureSourceDefinition, QgsProviderRegistry, QgsVectorLayer

from .common import BATCH, check_cancel

#: WKB type codes (modulo 1000: Z, M, ZM) read without QGIS: Point … MultiPolygon; others take QGIS's round trip
_LINEAR = frozenset(range(1, 7))
_HEAD = itemgetter(slice(0, 5))


def plain_geopackage(layer):
    """(path, layer name, layer index) of ``layer`` when it is a GeoPackage table read as it is; else None."""
    if not isinstance(layer, QgsVectorLayer) or not layer.isValid() or layer.providerType() != "ogr":
        return None
    if layer.subsetString() or layer.isModified() or layer.dataProvider().storageType() != "GPKG":
        return None
    fields = layer.fields()
    if any(fields.fieldOrigin(i) != QgsFields.OriginProvider for i in range(fields.count())):
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    if any(parts.get(k) for k in ("subset", "geometryType", "openOptions", "vsiPrefix", "vsiSuffix")):
        return None
    if not os.path.isfile(path):
        return None
    return path, parts.get("layerName") or None, parts.get("layerId")


def plain_parameter(alg, parameters, key, context):
    """:func:`plain_geopackage` of the source parameter ``key``, None when only part of the layer is asked for
    (selected features, a feature limit or a filter expression)."""
    value = parameters.get(key)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        if value.selectedFeaturesOnly or value.featureLimit != -1 or getattr(value, "filterExpression", ""):
            return None
    return plain_geopackage(alg.parameterAsVectorLayer(parameters, key, context))


def _bulk_field(defn, name):
    """The field's index in the OGR layer when its values are read in bulk exactly as QGIS gives them, else None."""
    from osgeo import ogr

    i = defn.GetFieldIndex(name)
    if i < 0:
        return None
    fd = defn.GetFieldDefn(i)
    # booleans are not: GDAL 3.6's bit-packed Arrow booleans come out shifted in NumPy (test_bridge_bulk.py)
    ok = {ogr.OFTInteger: (ogr.OFSTNone,), ogr.OFTInteger64: (ogr.OFSTNone,),
          ogr.OFTReal: (ogr.OFSTNone,), ogr.OFTDate: (ogr.OFSTNone,), ogr.OFTString: (ogr.OFSTNone,)}
    return i if fd.GetSubType() in ok.get(fd.GetType(), ()) else None


def _values(arr):
    """Python values of one Arrow column (masked entries → None; text decoded as UTF-8)."""
    if arr.dtype.kind == "S":             # each distinct text decoded once
        import numpy as np

        distinct, where = np.unique(np.ma.getdata(arr), return_inverse=True)
        text = np.array([v.decode("utf-8", "replace") for v in distinct.tolist()] + [None], dtype=object)
        where[np.ma.getmaskarray(arr)] = len(distinct)
        return text[where].tolist()
    if arr.dtype.kind == "M":             # a date field: QGIS gives datetime.date, whatever unit GDAL chose
        return arr.astype("datetime64[D]").tolist()
    vals = arr.tolist()
    if arr.dtype.kind == "O":
        return [v.decode("utf-8", "replace") if isinstance(v, bytes) else v for v in vals]
    return vals


def _geometries(arr):
    """WKB bytes (copies: the batch's buffers are released with the next batch) or None per feature."""
    return [None if w is None else bytes(w) for w in arr.tolist()]


def _as_is(head, multi):
    """Does a WKB starting with ``head`` (byte order and type code) reach QGIS unchanged?"""
    code = int.from_bytes(head[1:5], "little" if head[0] else "big")
    return code % 1000 in _LINEAR and not (multi and code % 1000 <= 3)


def _as_qgis(wkbs, multi, linearise):
    """The geometries as QGIS's OGR provider hands them over: single parts of a multi-type layer made multi; anything
    but (multi)points, lines and polygons through ``linearise`` (QGIS's round trip). Returns the number linearised."""
    if None not in wkbs and all(_as_is(h, multi) for h in set(map(_HEAD, wkbs))):
        return 0                                 # the usual layer: a few distinct heads, looked at once each
    n_curved = 0
    for k, w in enumerate(wkbs):
        if w is None:
            continue
        code = int.from_bytes(w[1:5], "little" if w[0] else "big")
        if code % 1000 not in _LINEAR:
            wkbs[k], curved = linearise(w, multi)
            n_curved += curved
        elif multi and code % 1000 <= 3:                 # Point, LineString, Polygon → a multi of one part
            wkbs[k] = b"\x01" + struct.pack("<II", code + 3, 1) + w
    return n_curved


def read_geopackage(where, names, feedback, linearise, expected, multi):
    """(feature ids, WKB, attribute rows, number linearised) of the GeoPackage table ``where``; None when a field is
    not read in bulk, or when the number of features differs from ``expected`` (QGIS's count), so that the caller takes
    the QgsFeatureSource path. ``multi``: the layer's type is a multi type (QGIS makes every geometry multi);
    ``linearise(wkb, multi) → (wkb, curved?)`` is the general path's QGIS round trip. A GDAL without the Arrow
    stream (before 3.6), or any error of GDAL's, also leaves the layer to the QgsFeatureSource path."""
    from ...algorithms.errors import CancelledError

    try:
        return _read_stream(where, names, feedback, linearise, expected, multi)
    except CancelledError:
        raise
    except Exception:  # noqa: BLE001 - the feature loop reads the layer and reports what is wrong with it
        return None


def _read_stream(where, names, feedback, linearise, expected, multi):
    from osgeo import gdal, ogr

    if not hasattr(ogr.Layer, "GetArrowStreamAsNumPy"):
        return None
    path, name, index = where
    ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY, allowed_drivers=["GPKG"])
    lyr = None if ds is None else ds.GetLayerByName(name) if name else ds.GetLayer(int(index or 0))
    if lyr is None:
        return None
    defn, fid_name = lyr.GetLayerDefn(), lyr.GetFIDColumn()
    wanted = {n: _bulk_field(defn, n) for n in names if n != fid_name}
    if any(i is None for i in wanted.values()):
        return None
    lyr.SetIgnoredFields([defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())
                          if defn.GetFieldDefn(i).GetName() not in wanted])
    geom_name = lyr.GetGeometryColumn() or "wkb_geometry"
    ids, wkbs, columns = [], [], {n: [] for n in wanted}
    total = max(expected, 1)
    for batch in lyr.GetArrowStreamAsNumPy(options=["INCLUDE_FID=YES", f"MAX_FEATURES_IN_BATCH={BATCH}"]):
        check_cancel(feedback)
        ids.extend(batch["OGC_FID" if "OGC_FID" in batch else fid_name].tolist())
        wkbs.extend(_geometries(batch[geom_name]))
        for n in wanted:
            columns[n].extend(_values(batch[n]))
        if feedback is not None:
            feedback.setProgress(min(10.0, 10.0 * len(ids) / total))
    if len(ids) != expected:
        return None
    n_curved = _as_qgis(wkbs, multi, linearise)
    cols = [ids if n == fid_name else columns[n] for n in names]
    return ids, wkbs, list(zip(*cols)) if cols else [() for _ in ids], n_curved
