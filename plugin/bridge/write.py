"""Writing GeoDataFrames to Processing outputs: QGIS fields from the schema, the feature sink, and for a GeoPackage
file destination the bulk path (gpkg_write.py) giving the same file; findings layers; output styles."""
import os

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...algorithms.schema import FIELDS
from . import gpkg_write
from .common import bulk_enabled, pyproj_to_qgs

STYLE_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(__file__))), "resources", "styles")


# ------------------------------------------------------------------------------------ writing data
_QTYPES = {"str": (QVariant.String, "string"), "float": (QVariant.Double, "double"),
           "int": (QVariant.LongLong, "integer64"), "bool": (QVariant.Bool, "boolean")}


def _kind(dtype):
    k = getattr(dtype, "kind", "O")
    return {"f": "float", "i": "int", "u": "int", "b": "bool"}.get(k, "str")


def qgs_fields(df, *, exclude=("geometry",)):
    """QgsFields for the columns of ``df``: schema fields get their type, length and alias."""
    out = QgsFields()
    for col in df.columns:
        if col in exclude:
            continue
        spec = FIELDS.get(col)
        kind = spec.type if spec else _kind(df[col].dtype)
        qtype, tname = _QTYPES[kind]
        length = spec.length if spec else (254 if kind == "str" else 0)
        prec = spec.precision if spec else 0
        f = QgsField(col, qtype, tname, length, prec)
        if spec:
            f.setAlias(spec.alias)
        out.append(f)
    return out


def _column_values(df, col):
    """The column's values as plain Python values for the feature sink (and the bulk path): NaN/None/NaT → None."""
    return _typed_column(df, col)[0]


def _typed_column(df, col):
    """(:func:`_column_values`, the set of the values' types). A column of texts only (the usual object
    column) is told by its types, without pandas' NA test of every value."""
    import numpy as np
    import pandas as pd

    s = df[col]
    if isinstance(s.dtype, np.dtype) and s.dtype.kind == "O":
        vals = s.tolist()
        types = set(map(type, vals))
        if types <= {str}:                                      # no NA among texts
            return vals, types
    elif isinstance(s.dtype, np.dtype) and s.dtype.kind in "fiub" and not s.isna().any():
        vals = s.tolist()             # Python floats, ints or bools
        return vals, {type(vals[0])} if vals else set()
    if isinstance(s.dtype, np.dtype) and s.dtype.kind == "O" and not s.isna().any():
        return vals, types            # the objects themselves
    vals = s.astype(object).where(pd.notna(s), None).tolist()
    if _kind(s.dtype) == "int":
        vals = [None if v is None else int(v) for v in vals]
    elif _kind(s.dtype) == "float":
        vals = [None if v is None else float(v) for v in vals]
    return vals, set(map(type, vals))


def _prepared(gdf, multi):
    """(QgsFields, geometry type, column values, their type sets) of ``gdf`` as the outputs write them."""
    import numpy as np
    import shapely

    fields = qgs_fields(gdf)
    geom_type = QgsWkbTypes.MultiPolygon if multi else QgsWkbTypes.Polygon
    ids = shapely.get_type_id(np.asarray(gdf.geometry.values)) + 1          # 0: no geometry
    kinds = set((np.flatnonzero(np.bincount(ids)) - 1).tolist()) if len(ids) else set()
    if kinds and kinds <= {1, 5}:                                   # LineString, MultiLineString
        geom_type = QgsWkbTypes.MultiLineString if multi else QgsWkbTypes.LineString
    elif kinds and kinds <= {0, 4}:                                 # Point, MultiPoint
        geom_type = QgsWkbTypes.Point
    names = [f.name() for f in fields]
    columns, types = zip(*[_typed_column(gdf, c) for c in names]) if names else ((), ())
    return fields, geom_type, columns, types


class BulkWrite:
    """The bulk write of one output, split so that the file can be built on another thread: :meth:`build` makes the
    whole GeoPackage beside its destination (QGIS-free: SQLite and GDAL, value classes read), :meth:`finish` — on the
    algorithm's thread — puts it in place and registers it with the context, or, when the bulk path declined, writes
    the output through the feature sink; :meth:`discard` drops a built file of a run that stopped."""

    def __init__(self, alg, parameters, key, context, gdf, *, crs, feedback=None, multi=True):
        self.args = (alg, parameters, key, context)
        self.gdf, self.crs, self.feedback, self.multi = gdf, crs, feedback, multi
        self.qcrs = pyproj_to_qgs(crs)
        self.dest = gpkg_write.file_destination(alg, parameters, key, context) if bulk_enabled() else None
        self.tmp = None

    def build(self):
        if self.dest is not None:
            fields, geom_type, columns, types = _prepared(self.gdf, self.multi)
            self.tmp = gpkg_write.build_geopackage(self.dest[0], self.gdf, fields, geom_type, self.qcrs, columns,
                                                   self.feedback, types)
        return self

    def finish(self):
        alg, parameters, key, context = self.args
        if self.tmp is None:
            return _to_sink(alg, parameters, key, context, self.gdf, self.qcrs, self.feedback, self.multi)
        gpkg_write.place_geopackage(self.tmp, self.dest[0])
        self.tmp = None
        gpkg_write.hand_to_qgis(alg, key, context, *self.dest)
        if self.feedback is not None:
            self.feedback.pushInfo(f"{key}: GeoPackage 批量写入 / written to its GeoPackage in bulk")
            self.feedback.setProgress(100)
        return self.dest[0]

    def discard(self):
        if self.tmp is not None:
            gpkg_write.discard_geopackage(self.tmp)
            self.tmp = None


def gdf_to_sink(alg, parameters, key, context, gdf, *, crs, feedback=None, multi=True):
    """Write a GeoDataFrame to the feature sink parameter ``key``; returns the destination id.

    Call it only when everything has been computed: the sink is created and filled in one go. A plain GeoPackage
    file destination is written in bulk (:class:`BulkWrite`: gpkg_write.build_geopackage, then place_geopackage),
    giving the same layer as the feature sink.
    """
    return BulkWrite(alg, parameters, key, context, gdf, crs=crs, feedback=feedback, multi=multi).build().finish()


def _to_sink(alg, parameters, key, context, gdf, qcrs, feedback, multi):
    """The general path: the feature sink, feature by feature."""
    import shapely

    fields, geom_type, columns, _ = _prepared(gdf, multi)
    sink, dest_id = alg.parameterAsSink(parameters, key, context, fields, geom_type, qcrs)
    if sink is None:
        raise QgsProcessingException(alg.invalidSinkError(parameters, key))
    wkbs = shapely.to_wkb(gdf.geometry.values, output_dimension=2)
    feats = []
    for i, wkb in enumerate(wkbs):
        feat = QgsFeature(fields)
        if wkb is not None:
            g = QgsGeometry()
            g.fromWkb(wkb)
            if multi and geom_type != QgsWkbTypes.Point:
                g.convertToMultiType()
            feat.setGeometry(g)
        feat.setAttributes([col[i] for col in columns])
        feats.append(feat)
    if not sink.addFeatures(feats, QgsFeatureSink.FastInsert):
        raise QgsProcessingException(f"写入输出失败 / writing the output failed: {sink.lastError()}")
    del sink
    if feedback is not None:
        feedback.setProgress(100)
    return dest_id


def _polygonal(findings):
    """Findings layers are polygon layers: points and lines become small polygons (0.5 m) so one can zoom."""
    for f in findings:
        g = f.geometry
        if g is not None and not g.is_empty and g.geom_type not in ("Polygon", "MultiPolygon"):
            f.geometry = g.buffer(0.5)
    return findings


def write_findings(alg, parameters, key, context, findings, crs):
    """The findings as the polygon layer ``key`` styled as findings; None when that output was not requested."""
    from ...algorithms.findings import findings_frame

    if not alg.has_value(parameters, key):
        return None
    ff = findings_frame(_polygonal(findings), crs=crs)
    dest = gdf_to_sink(alg, parameters, key, context, ff, crs=crs)
    style_output(context, dest, "findings")
    return dest


# ------------------------------------------------------------------------------- output styling
class _StylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Applies schema aliases and a .qml style to an output layer when QGIS loads it."""

    instances = []  # post-processors must outlive the algorithm run

    def __init__(self, style):
        super().__init__()
        self.style = style

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        if not layer or not hasattr(layer, "fields"):
            return
        if self.style:
            path = os.path.join(STYLE_DIR, self.style if self.style.endswith(".qml") else self.style + ".qml")
            if os.path.exists(path):
                layer.loadNamedStyle(path)
        for i, f in enumerate(layer.fields()):
            if f.name() in FIELDS:
                layer.setFieldAlias(i, FIELDS[f.name()].alias)
        layer.triggerRepaint()

    @classmethod
    def create(cls, style):
        pp = cls(style)
        cls.instances.append(pp)
        return pp


def style_output(context: QgsProcessingContext, dest_id, style=None):
    """Ask QGIS to alias and style ``dest_id`` when it is loaded into the project."""
    if dest_id and context.willLoadLayerOnCompletion(dest_id):
        context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(_StylePostProcessor.create(style))
