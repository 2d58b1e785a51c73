"""The one place where QGIS meets the engine (a package: common.py, read.py, write.py, gpkg_read.py, gpkg_write.py).

QgsFeatureSource ⇄ GeoDataFrame through WKB in bulk, QgsCoordinateReferenceSystem ⇄ pyproj CRS through WKT,
QgsProcessingFeedback ⇄ progress/cancel callbacks, findings → feedback messages, GeoDataFrame → feature sink,
and output layers styled with the plugin's aliases and .qml styles. A GeoPackage table read as it is is read with
GDAL's Arrow stream, and an output to a GeoPackage file is written with GDAL and SQLite in one transaction, giving the
same frames and files as QGIS's feature loop and feature sink (ZUTUAN_BULK_IO=0 turns that off). Heavy modules
(geopandas, shapely) are imported inside the functions, so that loading the plugin stays light.
"""
from .common import crs_to_pyproj, progress_from_feedback, push_findings, pyproj_to_qgs
from .read import (
    CURVE_TOLERANCE_M,
    _py,
    code_column,
    layer_label,
    plain_file,
    project_transforms,
    read_any,
    read_polygons,
    read_with_fields,
    source_label,
    source_to_gdf,
)
from .write import STYLE_DIR, BulkWrite, _column_values, gdf_to_sink, qgs_fields, style_output, write_findings

__all__ = ["BulkWrite", "CURVE_TOLERANCE_M", "STYLE_DIR", "code_column", "crs_to_pyproj", "gdf_to_sink", "layer_label",
           "plain_file", "progress_from_feedback", "project_transforms", "push_findings", "pyproj_to_qgs", "qgs_fields", "read_any",
           "read_polygons", "read_with_fields", "source_label", "source_to_gdf", "style_output", "write_findings",
           "_column_values", "_py"]
