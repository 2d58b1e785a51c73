"""Reading QGIS layers into GeoDataFrames: the feature loop (any QgsFeatureSource) and, for a GeoPackage table read
as it is, the bulk path (gpkg_read.py) giving the same frame; field mapping, GBK shapefiles, curves, coordinates."""
import re

from qgis.core import (
    NULL,
    QgsAbstractGeometry,
    QgsCoordinateReferenceSystem,
    QgsDatumTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProviderRegistry,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QVariant

from ...algorithms.errors import InputError
from ...algorithms.geometry import CURVE_TOLERANCE_M
from ...algorithms.schema import FIELDS
from . import gpkg_read
from .common import bulk_enabled, check_cancel, crs_to_pyproj



# ------------------------------------------------------------------------------------ reading data
def _py(value):
    """QVariant/Qt values → plain Python (NULL → None)."""
    if value is None or value == NULL:
        return None
    if isinstance(value, QVariant):
        return None if value.isNull() else value.value()
    if isinstance(value, QDateTime):
        return value.toPyDateTime() if value.isValid() else None
    if isinstance(value, QDate):
        return value.toPyDate() if value.isValid() else None
    if isinstance(value, QTime):
        return value.toPyTime() if value.isValid() else None
    return value


_LATIN1_HIGH = re.compile("[\x80-\xff]")
_WIDE = re.compile("[^\x00-\xff]")


def _repair_gbk(series):
    """Undo GBK text decoded as Latin-1 (a .shp without .cpg): returns (series, repaired?). Nothing is repaired when
    any text with Latin-1 letters also holds wider characters or is not GBK; each distinct text is looked at once."""
    fixes = {}
    for v in _wide_text(series):
        if _LATIN1_HIGH.search(v):
            if _WIDE.search(v):
                return series, False
            try:
                fixes[v] = v.encode("latin-1").decode("gbk")
            except UnicodeError:
                return series, False
    if not fixes:
        return series, False
    fixed = [fixes.get(v, v) if isinstance(v, str) else v for v in series.tolist()]
    return series.__class__(fixed, index=series.index, name=series.name, dtype=object), True


def _curve_tolerance(qcrs, metres):
    """``metres`` in the layer's units (degrees: at most ``metres`` along a meridian or a parallel)."""
    units = qcrs.mapUnits()
    if units == QgsUnitTypes.DistanceDegrees:
        return metres / 112_000.0           # a degree is at most ~111.7 km on the ellipsoid: stays within
    return metres * QgsUnitTypes.fromUnitToUnitFactor(QgsUnitTypes.DistanceMeters, units)


def _linear(g, tolerance):
    """(geometry, linearised?) — curved geometries segmentized with a maximum deviation ``tolerance``."""
    if g is None or g.isNull() or not QgsWkbTypes.isCurvedType(g.wkbType()):
        return g, False
    return QgsGeometry(g.constGet().segmentize(tolerance, QgsAbstractGeometry.MaximumDifference)), True


def _curves_from_gdal():
    """Let GDAL hand curves to QGIS as curves again. pyogrio (used by the engine) switches GDAL's global
    OGRSetNonLinearGeometriesEnabledFlag off before it reads, and from then on every OGR layer in this QGIS
    process arrives pre-linearised with GDAL's 4° arc step instead of our maximum deviation. QGIS's default is
    on; pyogrio sets it again itself for its own reads."""
    try:
        from osgeo import ogr
    except ImportError:  # pragma: no cover - QGIS always ships the GDAL bindings
        return
    if not ogr.GetNonLinearGeometriesEnabledFlag():
        ogr.SetNonLinearGeometriesEnabledFlag(True)


def project_transforms(context, qcrs):
    """The QGIS project's datum transformation choices that start or end at ``qcrs``, for the engine:
    {(source authid, target authid): (PROJ string, accuracy in metres or None, name or None)}."""
    if context is None:
        return {}
    auth, out = qcrs.authid(), {}
    for (src, dst), proj in context.transformContext().coordinateOperations().items():
        if auth not in (src, dst):
            continue
        ops = QgsDatumTransform.operations(QgsCoordinateReferenceSystem(src), QgsCoordinateReferenceSystem(dst))
        known = next((o for o in ops if o.proj == proj), None)
        out[(src, dst)] = (proj, known.accuracy if known is not None and known.accuracy >= 0 else None,
                           known.name if known is not None else None)
    return out


def _read_features(source, req, idx, feedback, tolerance):
    """(feature ids, WKB or None, attribute rows, number of curved features linearised) of ``source``."""
    ids, wkbs, rows, n_curved = [], [], [], 0
    total = max(source.featureCount(), 1)
    _curves_from_gdal()       # per feature below: a layer's declared type can say Polygon while it holds curves
    # the engine repairs invalid geometry itself (and reports it): skip Processing's own validity check
    if isinstance(source, QgsProcessingFeatureSource):
        features = source.getFeatures(req, QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks)
    else:
        features = source.getFeatures(req)
    for i, feat in enumerate(features):
        check_cancel(feedback)
        ids.append(feat.id())
        g, curved = _linear(feat.geometry(), tolerance)
        n_curved += curved
        wkbs.append(None if g is None or g.isNull() else bytes(g.asWkb()))
        attrs = feat.attributes()
        rows.append([_py(attrs[j]) for j in idx])
        if feedback is not None and i % 5000 == 0:
            feedback.setProgress(min(10.0, 10.0 * i / total))
    return ids, wkbs, rows, n_curved


def _linear_wkb(tolerance):
    """(WKB, multi-type layer?) → (WKB, linearised?) through QGIS exactly as QGIS's OGR provider and the feature loop
    treat a feature's geometry."""
    def linearise(wkb, multi):
        g = QgsGeometry()
        g.fromWkb(wkb)
        if multi and not g.isMultipart():
            g.convertToMultiType()
        g, curved = _linear(g, tolerance)
        return (None if g.isNull() else bytes(g.asWkb())), curved
    return linearise


def _read(source, req, names, idx, feedback, tolerance, file):
    """(ids, WKB, rows, number linearised, read in bulk?) of ``source``: in bulk when it is a plain GeoPackage table
    (``file``, see gpkg_read.py), else feature by feature; both give the same ids, WKB and values."""
    plain = bulk_enabled() and request_is_plain(req)
    if plain and file is None and isinstance(source, QgsVectorLayer):
        file = gpkg_read.plain_geopackage(source)
    if plain and file is not None:
        _curves_from_gdal()
        got = gpkg_read.read_geopackage(file, names, feedback, _linear_wkb(tolerance), source.featureCount(),
                                        QgsWkbTypes.isMultiType(source.wkbType()))
        if got is not None:
            return (*got, True)
    return (*_read_features(source, req, idx, feedback, tolerance), False)


def plain_file(alg, parameters, key, context):
    """Where the source parameter ``key`` is a GeoPackage table read as it is (``source_to_gdf(file=…)``), else None."""
    return gpkg_read.plain_parameter(alg, parameters, key, context)


def request_is_plain(req):
    """Does the request ask for every feature (any attribute subset)?"""
    return req.filterType() == QgsFeatureRequest.FilterNone and req.limit() < 0 and req.filterRect().isNull()


def source_to_gdf(source, *, layer, feedback=None, fields=None, request=None, require_features=True, context=None,
                  curve_tolerance=CURVE_TOLERANCE_M, file=None):
    """A GeoDataFrame (index = feature ids) from a QgsFeatureSource, built from WKB in one call.

    ``file``: where the source is a GeoPackage table read as it is (``gpkg_read.plain_parameter``), read in bulk
    (a QgsVectorLayer source is recognised by itself). Curved geometries are linearised within ``curve_tolerance``
    metres (counted in the log and in
    ``gdf.attrs["linearised"]``); ``gdf.attrs["bulk"]`` says whether it was read in bulk; ``gdf.attrs["transforms"]`` carries the project's datum transformations
    (``context``) for the engine. Coordinates that cannot belong to the layer's CRS raise ``E_COORDS_CRS``."""
    import geopandas as gpd
    import numpy as np
    import pandas as pd
    import shapely

    if source is None:
        raise InputError("E_READ", path=layer, reason="无法打开图层 / cannot open the layer")
    crs = crs_to_pyproj(source.sourceCrs(), layer)
    names = [f.name() for f in source.fields()] if fields is None else list(fields)
    src_names = {f.name() for f in source.fields()}
    for name in names:
        if name not in src_names:
            alias = FIELDS[name].alias if name in FIELDS else name
            raise InputError("E_MISSING_FIELD", layer=layer, field=name, alias=alias)
    req = request or QgsFeatureRequest()
    if fields is not None:
        req.setSubsetOfAttributes(names, source.fields())
    idx = [source.fields().lookupField(n) for n in names]
    tolerance = _curve_tolerance(source.sourceCrs(), curve_tolerance)
    ids, wkbs, rows, n_curved, bulk = _read(source, req, names, idx, feedback, tolerance, file)
    if require_features and not ids:
        raise InputError("E_EMPTY_LAYER", layer=layer)
    geoms = shapely.from_wkb(np.array(wkbs, dtype=object), on_invalid="ignore")
    df = pd.DataFrame(rows, columns=names, index=pd.Index(ids, name="fid"))
    for col in names:
        if df[col].dtype == object:
            df[col], repaired = _repair_gbk(df[col])
            if repaired and feedback is not None:
                feedback.pushWarning(f"图层“{layer}”字段 {col} 按 GBK 重新解码（缺少 .cpg 编码文件）/ field {col} of "
                                     f"'{layer}' re-decoded as GBK (the shapefile has no .cpg encoding file)")
    gdf = gpd.GeoDataFrame(df, geometry=gpd.GeoSeries(geoms, index=df.index, crs=crs), crs=crs)
    gdf.attrs.update(layer=layer, linearised=n_curved, transforms=project_transforms(context, source.sourceCrs()),
                     bulk=bulk)
    if bulk and feedback is not None:
        feedback.pushInfo(f"图层“{layer}”由 GeoPackage 批量读取 / '{layer}' read from its GeoPackage in bulk")
    if len(gdf):
        from ...algorithms.crs import check_coordinates

        check_coordinates(crs, tuple(gdf.total_bounds), layer=layer)      # O(1) per layer: its extent only
    if n_curved and feedback is not None:
        feedback.pushInfo(f"图层“{layer}”有 {n_curved} 个曲线要素已线性化（最大偏差 {curve_tolerance:g} 米）/ {n_curved} "
                          f"curved features of '{layer}' linearised (maximum deviation {curve_tolerance:g} m)")
    return gdf


def layer_label(layer, default=""):
    """The name users know a layer by: the GeoPackage / File Geodatabase layer (``layername=``) rather than the
    file's name, else the layer's own name."""
    if layer is None:
        return default
    if hasattr(layer, "providerType") and layer.providerType() == "ogr":
        name = QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("layerName")
        if name:
            return name
    return (layer.name() if hasattr(layer, "name") else layer.sourceName()) or default


def source_label(alg, parameters, key, context, source):
    """:func:`layer_label` of the source parameter ``key`` (already read as ``source``)."""
    return layer_label(alg.parameterAsVectorLayer(parameters, key, context), source.sourceName() or key)


def read_polygons(alg, parameters, key, context, feedback, *, fields=None, required=True,
                  curve_tolerance=CURVE_TOLERANCE_M):
    """Read the polygon source parameter ``key`` into a GeoDataFrame; None when optional and absent."""
    source = alg.parameterAsSource(parameters, key, context)
    if source is None:
        if required:
            raise QgsProcessingException(alg.invalidSourceError(parameters, key))
        return None
    name = source_label(alg, parameters, key, context, source)
    if QgsWkbTypes.geometryType(source.wkbType()) not in (QgsWkbTypes.PolygonGeometry, QgsWkbTypes.UnknownGeometry):
        raise InputError("E_NOT_POLYGON", layer=name, geom_type=QgsWkbTypes.displayString(source.wkbType()))
    gdf = source_to_gdf(source, layer=name, feedback=feedback, fields=fields, context=context,
                        curve_tolerance=curve_tolerance, file=plain_file(alg, parameters, key, context))
    if _has_undecodable_text(gdf):
        attrs = dict(gdf.attrs)
        gdf = _reread_shapefile_as_gbk(alg.parameterAsVectorLayer(parameters, key, context), gdf, name, feedback,
                                       fields)
        gdf.attrs.update(attrs)
    return gdf


def read_with_fields(alg, parameters, key, context, feedback, fields, *, required=True):
    """Read the polygon layer ``key`` (plots; also units, clusters) and give the engine its fields under schema names.

    ``fields``: {schema field: (field parameter id, needed?)}. Each field is the one chosen in its parameter, else
    the schema name, else a usual name from resources/standards/field_variants.csv (algorithms/fields.py). The
    chosen column's values are copied to the schema name; the layer's own columns stay. A needed field that is not
    found, or a field chosen in a parameter that the layer does not have, stops the run (InputError
    E_FIELD_NOT_FOUND naming the parameter); an optional one that is not found is logged and its note kept in
    ``gdf.attrs["field_notes"]`` ({schema field: why it is empty}), and the caution of a field read from a name that
    needs one (DLBM) in ``gdf.attrs["field_cautions"]``, for the algorithm's output.
    """
    from ...algorithms.fields import missing_field_error, missing_field_note, resolve_field, with_schema_names

    gdf = read_polygons(alg, parameters, key, context, feedback, required=required)
    if gdf is None:
        return None
    layer = gdf.attrs.get("layer", key)
    choices, notes, cautions = [], {}, []
    for schema, (param, needed) in fields.items():
        chosen = alg.parameterAsFields(parameters, param, context)
        choice = resolve_field(gdf, schema, chosen[0] if chosen else None)
        label = alg.parameterDefinition(param).description()
        if choice.column is None:
            if needed or choice.how == "chosen":
                raise missing_field_error(choice, layer=layer, param=param, label=label)
            notes[schema] = missing_field_note(choice, layer=layer, param=param, label=label)
            feedback.pushWarning(notes[schema])
        elif choice.how != "schema":
            feedback.pushInfo(choice.describe())
        if choice.caution:
            cautions.append(f"{choice.column}: {choice.caution}")
            feedback.pushWarning(cautions[-1])
        choices.append(choice)
    out = with_schema_names(gdf, choices)
    out.attrs["field_notes"], out.attrs["field_cautions"] = notes, cautions
    return out


def code_column(alg, parameters, param, context, gdf, schemas=("DKBH", "DYBH", "ZTBH")):
    """The column that names features in findings: the field chosen in ``param``, else the first of ``schemas`` (or a
    usual name of it) the layer has; None when it has none. A chosen field the layer lacks stops the run."""
    from ...algorithms.fields import missing_field_error, resolve_field

    chosen = alg.parameterAsFields(parameters, param, context)
    for schema in schemas:
        choice = resolve_field(gdf, schema, chosen[0] if chosen else None)
        if choice.column is not None:
            return choice.column
        if choice.how == "chosen":
            raise missing_field_error(choice, layer=gdf.attrs.get("layer", ""), param=param,
                                      label=alg.parameterDefinition(param).description())
    return None


def read_any(alg, parameters, key, context, feedback, target_crs):
    """An optional vector source of any geometry, in ``target_crs``; None when not given."""
    source = alg.parameterAsSource(parameters, key, context)
    if source is None:
        return None
    gdf = source_to_gdf(source, layer=source.sourceName() or key, feedback=feedback, require_features=False,
                        file=plain_file(alg, parameters, key, context))
    if len(gdf) and not gdf.crs.equals(target_crs):
        return gdf.to_crs(target_crs)
    return gdf.set_crs(target_crs, allow_override=True)


def _distinct(series):
    """The distinct values of an object column (hashed in C), or all of them when some cannot be hashed."""
    import pandas as pd

    try:
        return pd.unique(series.to_numpy(dtype=object))
    except TypeError:                                           # JSON maps, lists
        return series.tolist()


def _wide_text(series):
    """The distinct texts of an object column that are not ASCII (the only ones GBK repair and the undecodable-text
    check look at). When every distinct value is a text or missing, one join in C says whether there are any."""
    import numpy as np
    import pandas as pd

    try:                                                        # texts only (the usual code column): one join, no hash
        if "".join(series.to_numpy(dtype=object)).isascii():
            return []
    except TypeError:                                           # missing values or other types: as below
        pass
    values = _distinct(series)
    if isinstance(values, np.ndarray):
        try:
            if "".join(values[pd.notna(values)]).isascii():
                return []
        except TypeError:                                       # values other than texts: looked at one by one
            pass
    return [v for v in values if isinstance(v, str) and not v.isascii()]


def _has_undecodable_text(df):
    return any("\ufffd" in v for c in df.columns if c != "geometry" and df[c].dtype == object for v in _wide_text(df[c]))


def _reread_shapefile_as_gbk(layer, gdf, name, feedback, fields):
    """A shapefile without .cpg whose text is GBK: read the same features again with the GBK encoding."""
    if layer is None or layer.providerType() != "ogr" or layer.dataProvider().storageType() != "ESRI Shapefile":
        raise InputError("E_ENCODING", layer=name)
    clone = QgsVectorLayer(layer.source(), name, "ogr")
    clone.setProviderEncoding("GBK")
    request = QgsFeatureRequest().setFilterFids([int(i) for i in gdf.index])
    fixed = source_to_gdf(clone, layer=name, feedback=None, fields=fields, request=request)
    if _has_undecodable_text(fixed):
        raise InputError("E_ENCODING", layer=name)
    if feedback is not None:
        feedback.pushWarning(f"Shapefile“{name}”缺少 .cpg 编码文件，属性按 GBK 解码；建议在 .shp 旁新建内容为 GBK 的 .cpg 文件"
                             f" / shapefile '{name}' has no .cpg file; its text was decoded as GBK")
    return fixed
