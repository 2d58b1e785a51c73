"""The plan GeoPackage as the dock's store: which layers belong to a plan, replacing a plan layer by a step's result
(the previous state kept as ``<name>_prev`` so the step can be undone), and loading plan layers styled.

A plan is a GeoPackage with the ``plan_metadata`` table written by zutuan:createplan. A table that cannot be written
whole is put back from its ``_prev`` copy.
"""
import os
import sqlite3

from qgis.core import QgsProject, QgsVectorLayer

from ..i18n import N_, tr

STYLE_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(__file__))), "resources", "styles")
BACKUP_SUFFIX = "_prev"
#: plan table → (display name, style) for layers the dock writes or opens
PLAN_TABLES = {
    "zutuan": (N_("组团"), "clusters.qml"),
    "danyuan": (N_("单元"), "units.qml"),
    "dikuai": (N_("地块"), "plots_ydyh_level1.qml"),
    "daoluhx": (N_("道路红线用地"), "roads.qml"),
    "yztchongtu": (N_("一张图冲突"), "findings.qml"),
}
ROLE_TABLES = {"cluster": "zutuan", "unit": "danyuan", "plot": "dikuai"}


class PlanWriteError(Exception):
    """A plan layer could not be written (the message is Chinese / English)."""


def gpkg_path(layer):
    """The GeoPackage file of an OGR layer, or None."""
    if layer is None or not isinstance(layer, QgsVectorLayer) or layer.providerType() != "ogr":
        return None
    path = layer.source().split("|", 1)[0]
    return path if path.lower().endswith(".gpkg") and os.path.isfile(path) else None


def is_plan(path):
    """True when ``path`` is a plan GeoPackage (it has the plan_metadata table)."""
    if not path or not os.path.isfile(path):
        return False
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return con.execute("SELECT 1 FROM gpkg_contents WHERE table_name = 'plan_metadata'").fetchone() is not None
        finally:
            con.close()
    except sqlite3.Error:
        return False


def plan_of(layer):
    """The plan GeoPackage holding ``layer``, or None."""
    path = gpkg_path(layer)
    return path if is_plan(path) else None


def tables(path):
    """Names of the feature/attribute tables of a GeoPackage."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in con.execute("SELECT table_name FROM gpkg_contents")]
    finally:
        con.close()


def feature_count(path, table):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    except sqlite3.Error:
        return 0
    finally:
        con.close()


def _project_layers_of(path, table):
    out = []
    for lyr in QgsProject.instance().mapLayers().values():
        if gpkg_path(lyr) == path and _table_of(lyr) == table:
            out.append(lyr)
    return out


def _table_of(layer):
    src = layer.source()
    return src.split("layername=", 1)[1].split("|", 1)[0] if "layername=" in src else None


def unsaved(path, table_names):
    """Names of the project's layers of these plan tables that hold unsaved edits."""
    return [lyr.name() for t in table_names for lyr in _project_layers_of(path, t) if lyr.isEditable() and lyr.isModified()]


def replace_tables(path, results):
    """Write ``{table: (source gpkg, only)}`` into the plan ``path``; old contents → ``<table>_prev``.

    ``only`` is None (the whole table is replaced) or ``(field, values)``: a step run on a selection replaces just
    the rows whose ``field`` is one of ``values`` (the units of the selected clusters, say) and keeps the others.
    The project's layers of those tables are removed first (their connections closed); call :func:`open_layer`
    afterwards. Raises :class:`PlanWriteError` with nothing changed when any table cannot be written.
    """
    from osgeo import gdal, ogr

    if unsaved(path, results):
        raise PlanWriteError(unsaved_message(unsaved(path, results)))
    for table in results:
        QgsProject.instance().removeMapLayers([lyr.id() for lyr in _project_layers_of(path, table)])
    gdal.UseExceptions()
    ds = ogr.Open(path, 1)
    done, created = [], []
    try:
        for table, (src_path, only) in results.items():
            had = _replace_one(ds, table, src_path, only)
            (done if had else created).append(table)
    except Exception as err:  # noqa: BLE001 - reported to the planner, the plan put back as it was
        for table in done:
            _copy(ds, ds, table + BACKUP_SUFFIX, table)
        for table in created:
            _delete(ds, table)
        raise PlanWriteError(f"写入规划数据库失败：{err} / could not write the plan: {err}") from None
    finally:
        ds = None
    return {"restore": done, "drop": created}


def _copy(dst_ds, src_ds, src_name, table):
    """Copy a layer into ``table`` (replaced); raises when not every feature arrived."""
    src = src_ds.GetLayerByName(src_name) if src_name and src_name in _names(src_ds) else \
        None if src_name else src_ds.GetLayer(0)
    if src is None:
        raise RuntimeError(f"没有图层 / no layer {src_name}")
    _delete(dst_ds, table)
    n = src.GetFeatureCount()
    new = dst_ds.CopyLayer(src, table)
    copied = new.GetFeatureCount() if new is not None else -1
    del new, src
    if copied != n:
        _delete(dst_ds, table)
        raise RuntimeError(f"{table}: {copied} / {n}")


def _replace_one(ds, table, src_path, only=None):
    """Old ``table`` → ``table_prev``, then the source into ``table`` (put back from ``table_prev`` on failure)."""
    from osgeo import ogr

    had = table in _names(ds)
    if had:
        _copy(ds, ds, table, table + BACKUP_SUFFIX)
    src_ds = ogr.Open(src_path)
    try:
        if had and only is not None:
            _merge(ds, table, src_ds.GetLayer(0), *only)
        else:
            _copy(ds, src_ds, None, table)
    except Exception:
        if had:
            _copy(ds, ds, table + BACKUP_SUFFIX, table)
        raise
    finally:
        src_ds = None
    return had


def _merge(ds, table, src, field, values):
    """Replace the rows of ``table`` whose ``field`` is in ``values`` by the features of ``src`` (one transaction)."""
    from osgeo import ogr

    dst = ds.GetLayerByName(table)
    have = {dst.GetLayerDefn().GetFieldDefn(i).GetName().upper() for i in range(dst.GetLayerDefn().GetFieldCount())}
    if field.upper() not in have:
        raise RuntimeError(f"{table} 没有字段 / has no field {field}")
    src_defn = src.GetLayerDefn()
    for i in range(src_defn.GetFieldCount()):  # fields the step adds (a review's SCJL, CT_*)
        if src_defn.GetFieldDefn(i).GetName().upper() not in have:
            dst.CreateField(src_defn.GetFieldDefn(i))
    before, n_new = dst.GetFeatureCount(), src.GetFeatureCount()
    quoted = ",".join("'" + str(v).replace("'", "''") + "'" for v in values)
    ds.StartTransaction()
    try:
        dst.SetAttributeFilter(f'"{field}" IN ({quoted})')
        gone = [f.GetFID() for f in dst]
        dst.SetAttributeFilter(None)
        for fid in gone:
            dst.DeleteFeature(fid)
        for feat in src:
            new = ogr.Feature(dst.GetLayerDefn())
            new.SetFrom(feat)
            new.SetFID(-1)
            dst.CreateFeature(new)
        ds.CommitTransaction()
    except Exception:
        ds.RollbackTransaction()
        raise
    if dst.GetFeatureCount() != before - len(gone) + n_new:
        raise RuntimeError(f"{table}: {dst.GetFeatureCount()} / {before - len(gone) + n_new}")


def _names(ds):
    return [ds.GetLayerByIndex(i).GetName() for i in range(ds.GetLayerCount())]


def _delete(ds, table):
    names = _names(ds)
    if table in names:
        ds.DeleteLayer(names.index(table))


def unsaved_message(names):
    return (f"图层 {'、'.join(names)} 有未保存的编辑，请先保存或放弃 / layer {', '.join(names)} has unsaved edits: "
            "save or discard them first")


def can_undo(path, info):
    """True when the step described by ``info`` (from :func:`replace_tables`) can be undone in ``path``."""
    if not path or not info or not os.path.isfile(path):
        return False
    have = set(tables(path))
    return all(t + BACKUP_SUFFIX in have for t in info["restore"]) and all(t in have for t in info["drop"])


def undo(path, info):
    """One step back: ``<table>_prev`` put back in place of each table, tables the step created dropped."""
    from osgeo import gdal, ogr

    for table in info["restore"] + info["drop"]:
        QgsProject.instance().removeMapLayers([lyr.id() for lyr in _project_layers_of(path, table)])
    gdal.UseExceptions()
    ds = ogr.Open(path, 1)
    try:
        for table in info["restore"]:
            _copy(ds, ds, table + BACKUP_SUFFIX, table)
            _delete(ds, table + BACKUP_SUFFIX)
        for table in info["drop"]:
            _delete(ds, table)
    except Exception as err:  # noqa: BLE001
        raise PlanWriteError(f"撤销失败：{err} / undo failed: {err}") from None
    finally:
        ds = None


def open_layer(path, table, add=True):
    """The plan table as a styled layer (style also kept in the GeoPackage, so QGIS opens it styled anywhere)."""
    label, style = PLAN_TABLES.get(table, (table, None))
    lyr = QgsVectorLayer(f"{path}|layername={table}", tr(label), "ogr")
    if not lyr.isValid():
        return None
    style_layer(lyr, table)
    if add:
        QgsProject.instance().addMapLayer(lyr)
    return lyr


def style_layer(lyr, table=None):
    """Apply the plugin's .qml for a plan table once (kept in the project and the GeoPackage's layer_styles)."""
    table = table or _table_of(lyr)
    style = PLAN_TABLES.get(table, (None, None))[1]
    if not style or lyr.customProperty("zutuan/styled"):
        return False
    lyr.loadNamedStyle(os.path.join(STYLE_DIR, style))
    lyr.setCustomProperty("zutuan/styled", True)
    if gpkg_path(lyr) and lyr.listStylesInDatabase()[0] == 0:
        lyr.saveStyleToDatabase(table, tr("小组团规划默认样式"), True, "")
    return True
