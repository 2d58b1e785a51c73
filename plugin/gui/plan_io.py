"""Reading plan layers for the dock (attributes only, fast) and the standards lookups the editor needs."""
import csv
import glob
import os
from functools import lru_cache

from qgis.core import QgsDistanceArea, QgsFeatureRequest, QgsProject

STANDARDS = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(__file__))), "resources", "standards")

#: attributes the dock reads per level
LEVEL_FIELDS = {
    "cluster": ("ZTBH", "ZTMC", "CYL", "YDMJ"),
    "unit": ("DYBH", "ZTBH", "CYHJ", "YDYHFLMC", "YDMJ", "RJLXX", "RJLSX"),
    "plot": ("DKBH", "DYBH", "ZTBH", "YDYHFLDM", "YDYHFLMC", "YDMJ", "RJLXX", "RJLSX", "TZQD", "SCJL"),
}


def read_records(layer, level):
    """Plain dicts (with ``_fid``) of the level's fields; YDMJ measured from geometry where it is empty or the
    geometry was edited since the last save."""
    if layer is None:
        return []
    names = layer.fields().names()
    wanted = [f for f in LEVEL_FIELDS[level] if f in names]
    req = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry).setSubsetOfAttributes(wanted, layer.fields())
    idx = [layer.fields().lookupField(f) for f in wanted]
    out, no_area = [], []
    buf = layer.editBuffer()
    edited = set(buf.changedGeometries()) | set(buf.addedFeatures()) if buf is not None else set()
    for feat in layer.getFeatures(req):
        attrs = feat.attributes()
        rec = {"_fid": feat.id()}
        for f, i in zip(wanted, idx):
            v = attrs[i]
            rec[f] = None if v is None or (hasattr(v, "isNull") and v.isNull()) or str(v) == "NULL" else v
        if rec.get("YDMJ") is None or feat.id() in edited:  # a reshaped plot: its area, not the stale YDMJ
            no_area.append(rec)
        out.append(rec)
    if no_area:
        da = QgsDistanceArea()
        da.setSourceCrs(layer.crs(), QgsProject.instance().transformContext())
        if layer.crs().isGeographic():
            da.setEllipsoid(layer.crs().ellipsoidAcronym() or "EPSG:7019")
        by_fid = {r["_fid"]: r for r in no_area}
        for feat in layer.getFeatures(QgsFeatureRequest().setFilterFids(list(by_fid)).setNoAttributes()):
            by_fid[feat.id()]["YDMJ"] = da.measureArea(feat.geometry()) if feat.hasGeometry() else None
    return out


@lru_cache(maxsize=1)
def land_use_codes():
    """[(code, name, level)] of the 2023 用地用海分类 from resources/standards (empty if not shipped)."""
    files = sorted(glob.glob(os.path.join(STANDARDS, "**", "ydyh_2023*.csv"), recursive=True))
    if not files:
        return []
    with open(files[0], encoding="utf-8-sig") as fh:
        rows = [r for r in csv.DictReader(line for line in fh if not line.startswith("#"))]
    return [(r["code"], r["name"], int(r.get("level") or len(r["code"]) // 2)) for r in rows if r.get("code")]


def land_use_name(code):
    return {c: n for c, n, _ in land_use_codes()}.get(code, "")


@lru_cache(maxsize=1)
def level1_names():
    return {c: n for c, n, lv in land_use_codes() if lv == 1}


def check_against_profile(values, profile=None, region_class=None):
    """Problems of edited control values against the profile (default the national 2008 one): [{field, message}]."""
    from ...algorithms.controls import check_values

    return check_values(values, profile=profile, region_class=region_class)


def plan_profile(path):
    """(Profile, region class) named in a plan's metadata (BZPZ, DQLB); (None, None) without a plan."""
    if not path:
        return None, None
    return _plan_profile(path, os.path.getmtime(path))


@lru_cache(maxsize=4)
def _plan_profile(path, _mtime):
    from ...algorithms.plan import read_metadata
    from ...algorithms.standards import load_profile

    try:
        meta = read_metadata(path)
        return load_profile(meta.get("BZPZ") or "gongye_2008"), (meta.get("DQLB") or None)
    except Exception:  # noqa: BLE001 - a plan without readable metadata: the national default
        return None, None
