"""Constraint layers of the 一张图 check: what the user gives (:class:`ConstraintSpec`) and how a layer is read,
checked against the plots' extent, repaired and moved into the measurement CRS (:func:`load_constraint`).

A layer that cannot be used makes its rule 未检查 with the reason — never a silent pass: unreadable, empty,
missing a field, or an extent that does not meet the plots' (a CRS slip) unless the user declares it lies
elsewhere. Coordinates that cannot belong to the layer's CRS and a bad user transformation stop the run.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

import numpy as np

from ..errors import InputError, ZutuanError
from ..findings import Finding
from ..geometry import linearised_reads
from ..layers import prepare_layer
from .result import RuleSummary
from .tables import normalise_code

__all__ = ["ConstraintSpec", "load_constraint", "not_checked", "rule_specs", "as_spec", "RULE_KINDS", "BUILTIN_RULES",
           "BOUNDARY_MARK", "boundary_note"]

#: rule kind -> (Chinese, English)
RULE_KINDS = {"forbid": ("不得占用", "may not occupy"), "within": ("须位于范围内", "must lie inside"),
              "touch": ("接触即提示", "warn when touching"), "zoning": ("分区用途相符", "zone compatibility")}

_THREE_LINES = ("中共中央办公厅、国务院办公厅《关于在国土空间规划中统筹划定落实三条控制线的指导意见》（2019）")
#: built-in rules: key -> (rule id, name, kind, OUTPUT field, source)
BUILTIN_RULES = {
    "ecological_redline": ("MP-ECO", "生态保护红线", "forbid", "CT_STHX", _THREE_LINES + "；生态保护红线内原则上禁止开发性、"
                           "生产性建设活动"),
    "farmland": ("MP-FARM", "永久基本农田", "forbid", "CT_JBNT", "《中华人民共和国土地管理法》第三十五条；" + _THREE_LINES),
    "urban_boundary": ("MP-UGB", "城镇开发边界", "within", "CT_KFBJ", _THREE_LINES + "；城镇集中建设须在城镇开发边界内"),
    "zoning": ("MP-ZONE", "规划分区", "zoning", "CT_GHFQ", "《市级国土空间总体规划编制指南（试行）》规划分区；"
               "兼容表 resources/standards/zoning_compatibility.csv"),
}


#: marks a conflict below the boundary tolerance (the report and the 图则 read it: 需核实（疑似边界误差）)
BOUNDARY_MARK = "疑似边界误差"


def boundary_note(tolerance: float) -> str:
    """The end of the message of a conflict below the boundary tolerance."""
    return (f"；小于边界容差 {tolerance:g} ㎡，{BOUNDARY_MARK}，需核实 / below the boundary tolerance of {tolerance:g} m²: "
            "probably a boundary mismatch between data sources; verify")


@dataclass
class ConstraintSpec:
    """One constraint input. ``layer`` is a GeoDataFrame, a path (``file.gpkg|layername=x``) or None."""

    layer: Any
    rule: str = "forbid"                 # forbid / within / touch / zoning
    name: str = ""                       # e.g. 历史文化保护线
    rule_id: str = ""
    id_field: Optional[str] = None
    name_field: Optional[str] = None
    zone_field: Optional[str] = None     # zoning only
    applies_to: str = "construction"     # construction / all
    severity: str = "error"              # error / warning
    source: str = ""
    out_field: str = ""
    read_error: Optional[str] = None     # set by a caller that could not read the layer
    missing: Optional[tuple] = None      # (中文, English) why there is no layer (e.g. not in the 一张图 database)
    window: bool = False                 # the layer is a spatial window of a bigger one (algorithms.scale):
    #                                      no features here means nothing to find, not "not checked"
    elsewhere: bool = False              # the user knows the layer lies away from the plots: an extent that
    #                                      does not meet theirs is checked (nothing found), not "not checked"
    shift: Any = None                    # set while checking: the layer's DatumShift to the measurement CRS


def _read(layer):
    import geopandas as gpd

    if isinstance(layer, str):
        path, _, opt = layer.partition("|")
        kw = {}
        if opt.startswith("layername="):
            kw["layer"] = opt.split("=", 1)[1]
        linearised_reads()
        return gpd.read_file(path, **kw)
    return layer


def not_checked(summary: RuleSummary, reason_zh: str, reason_en: str, findings: list) -> None:
    summary.status = "not_checked"
    summary.reason = f"{reason_zh} / {reason_en}"
    findings.append(Finding(summary.rule_id, summary.rule_name, "not_checked", None,
                            f"规则“{summary.rule_name}”未检查：{reason_zh} / rule not checked: {reason_en}",
                            source=summary.source))


def _meets(a, b) -> bool:
    """Two (minx, miny, maxx, maxy) extents intersect or touch."""
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _extent_meets(spec: ConstraintSpec, measured, plots_bounds, summary: RuleSummary, findings: list) -> bool:
    """False (rule not checked) when the layer's extent does not meet the plots' and the user has not declared
    that it lies elsewhere (then a note). Windows of a partitioned run are exempt."""
    if plots_bounds is None or spec.window or _meets(measured.total_bounds, plots_bounds):
        return True
    if not spec.elsewhere:
        not_checked(summary, "图层范围与地块不相交，请核对坐标系/图层", "the layer's extent does not meet the plots: "
                    "check its CRS", findings)
        return False
    summary.notes.append("图层范围与地块不相交，已按用户声明“位于别处”审查 / the layer's extent does not meet the plots; "
                         "checked as declared to lie elsewhere")
    return True


def load_constraint(spec: ConstraintSpec, mcrs, summary: RuleSummary, findings: list, *, plots_bounds=None,
                     datum: Optional[dict] = None):
    """Read, repair, reproject and localise a constraint layer; None (and a not_checked finding) if unusable.

    Coordinates that cannot belong to the layer's CRS and a bad user transformation stop the run; a layer whose
    extent does not meet the plots' is not checked unless ``spec.elsewhere``."""
    label = spec.name
    if spec.missing:
        not_checked(summary, *spec.missing, findings)
        return None
    if spec.read_error:
        not_checked(summary, f"图层无法读取（{spec.read_error}）", f"layer unreadable ({spec.read_error})", findings)
        return None
    try:
        gdf = _read(spec.layer)
    except Exception as exc:  # noqa: BLE001 - any reader failure means "not checked", reported
        not_checked(summary, f"图层无法读取（{exc}）", f"layer unreadable ({exc})", findings)
        return None
    summary.layer = getattr(spec.layer, "attrs", {}).get("name", "") if not isinstance(spec.layer, str) else spec.layer
    if spec.window and gdf is not None and len(gdf) == 0:
        empty = np.zeros(0, dtype=object)
        return empty, empty, empty, (empty if spec.zone_field else None)
    if gdf is None or len(gdf) == 0:
        not_checked(summary, "图层没有要素", "the layer has no features", findings)
        return None
    if _fields_missing(spec, gdf, summary, findings):
        return None
    try:
        prep = prepare_layer(gdf, layer=label, target_crs=mcrs, code_field=spec.id_field, require_features=False,
                             **(datum or {}))
    except ZutuanError as exc:
        if exc.code in ("E_COORDS_CRS", "E_BAD_PARAMETER"):
            raise
        not_checked(summary, exc.message_zh, exc.message_en, findings)
        return None
    spec.shift = prep.datum
    for f in prep.findings:
        if f.rule_id.startswith(("GEOM-", "CRS-")):
            # the report names the rule before its notes: the layer only where its name differs from the rule's
            summary.notes.append(f.message if label == summary.rule_name else f"{label}：{f.message}")
            f.message = f"[{label}] {f.message}"
            f.extra["layer"] = label
            findings.append(f)
    measured = prep.measured
    if len(measured) == 0:
        not_checked(summary, "图层没有可用的面要素", "no usable polygons in the layer", findings)
        return None
    if not _extent_meets(spec, measured, plots_bounds, summary, findings):
        return None
    summary.n_features = len(measured)
    return _feature_columns(spec, measured)


def _fields_missing(spec: ConstraintSpec, gdf, summary: RuleSummary, findings: list) -> bool:
    """Is a field the rule needs missing (its zone, id or name field; a zoning rule without a zone field)? Then the
    rule is 未检查 with the reason."""
    for fld in (spec.zone_field, spec.id_field, spec.name_field):
        if fld and fld not in gdf.columns:
            not_checked(summary, f"缺少字段“{fld}”", f"field '{fld}' is missing", findings)
            return True
    if spec.rule == "zoning" and not spec.zone_field:
        not_checked(summary, "未指定分区字段", "no zone field given", findings)
        return True
    return False


def _feature_columns(spec: ConstraintSpec, measured):
    """(geometries, feature ids — #fid without an id field —, names, zones or None) of the measured layer."""
    local = np.asarray(measured.geometry.values, dtype=object)
    ids = (measured[spec.id_field].map(normalise_code).to_numpy(dtype=object) if spec.id_field
           else np.array([f"#{i}" for i in measured.index], dtype=object))
    names = (measured[spec.name_field].map(normalise_code).to_numpy(dtype=object) if spec.name_field
             else np.full(len(measured), "", dtype=object))
    zones = (measured[spec.zone_field].map(normalise_code).to_numpy(dtype=object) if spec.zone_field else None)
    return local, ids, names, zones


def as_spec(value, key) -> Optional[ConstraintSpec]:
    if value is None:
        return None
    rid, name, kind, fld, src = BUILTIN_RULES[key]
    spec = value if isinstance(value, ConstraintSpec) else ConstraintSpec(layer=value)
    spec.rule, spec.rule_id, spec.out_field = kind, rid, fld
    spec.name = spec.name or name
    spec.source = spec.source or src
    return spec


def rule_specs(ecological_redline, farmland, urban_boundary, zoning, zone_field, others) -> list:
    """The rules to check, in order: the built-in control lines, zoning, then the further layers."""
    specs = [s for s in (as_spec(ecological_redline, "ecological_redline"), as_spec(farmland, "farmland"),
                         as_spec(urban_boundary, "urban_boundary")) if s is not None]
    if zoning is not None:
        zs = as_spec(zoning, "zoning")
        zs.zone_field = zs.zone_field or zone_field
        specs.append(zs)
    for k, s in enumerate(others, start=1):
        if s.rule not in ("forbid", "within", "touch"):
            raise InputError("E_BAD_PARAMETER", name="OTHER", value=s.rule, reason_zh="规则应为 forbid/within/touch",
                             reason_en="rule must be forbid/within/touch")
        s.rule_id = s.rule_id or f"MP-OTH-{k}"
        s.out_field = s.out_field or f"CT_QT{k}"
        s.name = s.name or f"其他管控要素{k}"
        if s.rule == "touch" and s.applies_to == "construction" and not s.source:
            s.applies_to = "all"
        s.source = s.source or f"用户指定的管控图层（{RULE_KINDS[s.rule][0]}）/ user constraint ({RULE_KINDS[s.rule][1]})"
        specs.append(s)
    return specs
