"""Layer roles of the dock: which project layer is the plan's 组团/单元/地块 and which are the context layers
(一张图 control lines, 规划分区, roads, 宗地, DEM) or results shown beside the plan (zutuan:mujun's 亩均效益地块).

Layers are found by name (resources/standards/layer_roles.csv, the table the 一张图 check reads) and by their fields, checked against the role (geometry,
fields) before they are accepted, and the planner's choice is kept in the project file (QgsProject entries).
"""
import os
from dataclasses import dataclass, field
from functools import lru_cache

from qgis.core import QgsMapLayerType, QgsProject, QgsRasterLayer, QgsVectorLayer, QgsWkbTypes

from ..i18n import N_

SCOPE = "zutuan"  # QgsProject entry scope


@dataclass(frozen=True)
class Role:
    key: str
    label: str                      # Chinese, translated with tr()
    geometry: str                   # "polygon", "line" or "raster"
    required: tuple = ()            # fields that must all be present
    any_of: tuple = ()              # at least one of these fields
    forbidden: tuple = ()           # fields a layer of this role does not have (a plot layer is not a unit layer)
    signature: tuple = field(default=())  # fields that identify the role without a name match


ROLES = (
    Role("cluster", N_("组团图层"), "polygon", required=("ZTBH",), forbidden=("DYBH", "DKBH"), signature=("ZTBH",)),
    Role("unit", N_("单元图层"), "polygon", required=("DYBH",), forbidden=("DKBH",), signature=("DYBH",)),
    Role("plot", N_("地块图层"), "polygon", required=("DKBH",), forbidden=("GZBH", "MJDJ"), signature=("DKBH",)),
    Role("redline", N_("生态保护红线"), "polygon"),
    Role("farmland", N_("永久基本农田"), "polygon"),
    Role("urban", N_("城镇开发边界"), "polygon"),
    Role("zoning", N_("规划分区"), "polygon", any_of=("GHFQMC", "GHFQ", "FQMC", "GNFQMC"), signature=("GHFQMC",)),
    Role("other", N_("其他管控图层"), "polygon"),
    Role("roads", N_("规划道路中心线"), "line", any_of=("DLDJ", "HXKD"), signature=("DLDJ", "HXKD")),
    Role("cadastre", N_("宗地"), "polygon", any_of=("ZDDM", "GDZT"), forbidden=("DKBH",), signature=("ZDDM",)),
    Role("dem", N_("数字高程模型 DEM"), "raster"),
    Role("mujun", N_("亩均效益评价"), "polygon", required=("DKBH", "MJDJ"), signature=("MJDJ",)),
)
BY_KEY = {r.key: r for r in ROLES}
PLAN_ROLES = ("cluster", "unit", "plot")
#: roles the 一张图 review reads (zutuan:checkmasterplan parameter → role)
REVIEW_ROLES = {"ECOLOGICAL_REDLINE": "redline", "FARMLAND": "farmland", "URBAN_BOUNDARY": "urban",
                "ZONING": "zoning"}
#: fields holding a 规划分区's name, first found is used
ZONE_FIELDS = ("GHFQMC", "GHFQ", "FQMC", "GNFQMC")
ROAD_CLASS_FIELDS = ("DLDJ",)
ROAD_WIDTH_FIELDS = ("HXKD",)


@lru_cache(maxsize=1)
def name_table():
    """The role-name table's entries (algorithms.yizhangtu.RoleName) of the dock's roles: the one table that
    zutuan:checkmasterplan also reads (resources/standards/layer_roles.csv)."""
    from ...algorithms.yizhangtu import load_role_table

    return [e for e in load_role_table() if e.role in BY_KEY]


def source_layer_name(layer):
    """The layer name inside its data source (GeoPackage table, shapefile base name), lower case."""
    src = layer.source()
    if "layername=" in src:
        return src.split("layername=", 1)[1].split("|", 1)[0].lower()
    return os.path.splitext(os.path.basename(src.split("|", 1)[0]))[0].lower()


def name_score(role_key, layer):
    """3 for an exact name of the table (the project's layer name or its table in the source), 2 for a Chinese name
    contained in the layer's name, 0 otherwise (an entry that names only fields is the role's field signature's job)."""
    from ...algorithms.yizhangtu import name_score as entry_score

    fields = layer.fields().names() if isinstance(layer, QgsVectorLayer) else []
    names = (layer.name(), source_layer_name(layer))
    return max((entry_score(n, fields, e) for e in name_table() if e.role == role_key and e.name for n in names),
               default=0)


def check_layer(role_key, layer):
    """None when ``layer`` fits the role, else the reason (Chinese / English)."""
    role = BY_KEY[role_key]
    if layer is None:
        return None
    if role.geometry == "raster":
        if not isinstance(layer, QgsRasterLayer) or layer.bandCount() < 1:
            return "不是栅格图层 / not a raster layer"
        return None
    if layer.type() != QgsMapLayerType.VectorLayer:
        return "不是矢量图层 / not a vector layer"
    want = QgsWkbTypes.PolygonGeometry if role.geometry == "polygon" else QgsWkbTypes.LineGeometry
    if layer.geometryType() != want:
        return "不是面图层 / not a polygon layer" if role.geometry == "polygon" else "不是线图层 / not a line layer"
    names = {n.upper() for n in layer.fields().names()}
    missing = [f for f in role.required if f not in names]
    if role.any_of and not names & set(role.any_of):
        missing.append("|".join(role.any_of))
    if missing:
        return f"缺少字段 {', '.join(missing)} / missing fields {', '.join(missing)}"
    extra = [f for f in role.forbidden if f in names]
    if extra:
        return f"含有其他层级或审查结果的字段 {', '.join(extra)} / has fields of another level {', '.join(extra)}"
    return None


def first_field(layer, candidates):
    """The first of ``candidates`` that ``layer`` has (its own spelling), or None."""
    if not isinstance(layer, QgsVectorLayer):
        return None
    names = {n.upper(): n for n in layer.fields().names()}
    return next((names[c] for c in candidates if c in names), None)


def detect(layers, taken=None, plan_sources=()):
    """{role: layer} for the roles not in ``taken``: best name match, else the field signature; each layer once.

    ``plan_sources`` are GeoPackage paths of the plan: their layers win a tie for a plan role.
    """
    taken = dict(taken or {})
    used = {lyr.id() for lyr in taken.values() if lyr is not None}
    used |= {lyr.id() for lyr in layers if lyr.customProperty("zutuan/preview")}  # a sketch's preview
    found = {}
    for role in ROLES:
        if taken.get(role.key) is not None:
            continue
        best, best_score = None, 0.0
        for lyr in layers:
            if lyr.id() in used or check_layer(role.key, lyr) is not None:
                continue
            score = name_score(role.key, lyr)
            if not score and role.signature and isinstance(lyr, QgsVectorLayer):
                names = {n.upper() for n in lyr.fields().names()}
                score = 1 if set(role.signature) <= names else 0
            if score and role.key in PLAN_ROLES and lyr.source().split("|", 1)[0] in plan_sources:
                score += 0.5
            if score > best_score:
                best, best_score = lyr, score
        if best is not None:
            found[role.key] = best
            used.add(best.id())
    return found


def save_roles(roles, extra=None):
    """Keep the role → layer id choice (and ``extra`` settings such as the zone field) in the project file."""
    prj = QgsProject.instance()
    for role in ROLES:
        lyr = roles.get(role.key)
        prj.writeEntry(SCOPE, f"roles/{role.key}", lyr.id() if lyr is not None else "")
    for key, value in (extra or {}).items():
        prj.writeEntry(SCOPE, f"roles/{key}", value or "")


def load_roles():
    """({role: layer}, {setting: value}) kept in the project file; roles whose layer is gone are left out."""
    prj = QgsProject.instance()
    out = {}
    for role in ROLES:
        lid, ok = prj.readEntry(SCOPE, f"roles/{role.key}", "")
        lyr = prj.mapLayer(lid) if ok and lid else None
        if lyr is not None:
            out[role.key] = lyr
    extra = {}
    for key in ("zone_field",):
        value, ok = prj.readEntry(SCOPE, f"roles/{key}", "")
        if ok and value:
            extra[key] = value
    return out, extra
