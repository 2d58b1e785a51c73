"""The 国土空间规划“一张图” database as delivered: which of its layers is the 生态保护红线, 永久基本农田, 城镇开发边界,
规划分区 (and further control lines), found by the names and fields of the database standards.

The name table is data: resources/standards/layer_roles.csv (role, name, kind exact/contains, fields, rule, source),
extended by a local alias file with the same columns (its rows come first). The same table names the plan's own layers
(组团, 单元, 地块, 道路 …) for the dock. A database is a GeoPackage, a File Geodatabase folder (.gdb), a folder of
shapefiles or a PostGIS connection (``PG:service=… schemas=…``); its layers are listed with pyogrio (GDAL).
"""
from __future__ import annotations

import csv
import os
from dataclasses import dataclass, field
from typing import Optional, Sequence

from .errors import InputError
from .standards import read_header, read_table

__all__ = ["ROLE_TABLE", "ROLE_LABELS", "CHECK_ROLES", "RoleName", "LayerInfo", "LayerMatch", "DatabaseMatch", "load_role_table",
           "list_layers", "name_score", "find_roles", "ZONE_NAME_FIELDS"]

ROLE_TABLE = "layer_roles.csv"
#: the 一张图 check's built-in rules and the roles that feed them
CHECK_ROLES = {"ecological_redline": "redline", "farmland": "farmland", "urban_boundary": "urban", "zoning": "zoning"}
#: fields holding a 规划分区's name (first found is used); GHFQDM holds its code
ZONE_NAME_FIELDS = ("GHFQMC", "FQMC", "GHFQ", "GNFQMC", "GHFQDM")
#: the Chinese name of each role (an alias row without a label takes it)
ROLE_LABELS = {"redline": "生态保护红线", "farmland": "永久基本农田", "urban": "城镇开发边界", "zoning": "规划分区",
               "other": "其他管控图层", "cluster": "组团", "unit": "单元", "plot": "地块", "roads": "规划道路", "cadastre": "宗地",
               "dem": "数字高程模型"}


@dataclass(frozen=True)
class RoleName:
    role: str
    name: str                  # layer name (exact, case-insensitive) or a part of it (contains)
    kind: str                  # exact / contains
    label: str = ""            # the Chinese name of what the layer is
    fields: tuple = ()         # fields a layer of the role usually has
    rule: str = ""             # for role "other": forbid / within / touch
    source: str = ""


@dataclass(frozen=True)
class LayerInfo:
    name: str
    geometry: str              # e.g. "MultiPolygon", "" for a table
    fields: tuple
    uri: str                   # "path|layername=name", a shapefile's path, or "PG:…|layername=name"


@dataclass(frozen=True)
class LayerMatch:
    layer: LayerInfo
    role: str
    score: int                 # 3 exact name, 2 name contains, 1 fields only
    entry: RoleName

    def describe(self) -> str:
        how = {3: "名称", 2: "名称包含", 1: "字段"}[self.score]
        what = self.entry.name or "|".join(self.entry.fields)
        return f"{self.layer.name}（按{how}“{what}”；{self.entry.source}）"


@dataclass
class DatabaseMatch:
    source: str
    layers: list
    matched: dict = field(default_factory=dict)      # role → LayerMatch (one layer per role; "other" in others)
    others: list = field(default_factory=list)       # LayerMatch of role "other"
    unmatched: list = field(default_factory=list)    # names of layers that took no role

    def missing(self, roles: Sequence[str]) -> list:
        return [r for r in roles if r not in self.matched]

    def lines(self) -> list:
        """What was matched, one line per role and layer (for the log and the report)."""
        out = [f"一张图数据库 / database: {self.source}（{len(self.layers)} 个图层 / layers）"]
        out += [f"{role} ← {m.describe()}" for role, m in self.matched.items()]
        out += [f"other ← {m.describe()}" for m in self.others]
        if self.unmatched:
            out.append("未识别的图层 / layers without a role: " + "、".join(self.unmatched))
        return out


def _row(line: int, row: dict, path: str) -> RoleName:
    kind = (row.get("kind") or "exact").strip()
    if kind not in ("exact", "contains"):
        raise InputError("E_BAD_PARAMETER", name=f"{path} 第 {line} 行 kind", value=kind,
                         reason_zh="应为 exact 或 contains", reason_en="must be exact or contains")
    rule = (row.get("rule") or "").strip()
    if rule and rule not in ("forbid", "within", "touch"):
        raise InputError("E_BAD_PARAMETER", name=f"{path} 第 {line} 行 rule", value=rule,
                         reason_zh="应为 forbid、within、touch 或留空", reason_en="must be forbid, within, touch or empty")
    fields = tuple(f.strip().upper() for f in (row.get("fields") or "").split("|") if f.strip())
    role = row["role"].strip()
    label = (row.get("label") or "").strip() or ROLE_LABELS.get(role, role)
    return RoleName(role, (row.get("name") or "").strip(), kind, label, fields, rule, (row.get("source") or "").strip())


def _read_aliases(path: str) -> list:
    """Rows of a local alias file (same columns; only role and name are needed)."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(ln for ln in fh if ln.strip() and not ln.lstrip().startswith("#")))
    except OSError as exc:
        raise InputError("E_READ", path=path, reason=str(exc)) from None
    if rows and not {"role", "name"} <= set(rows[0]):
        raise InputError("E_BAD_PARAMETER", name=path, value=",".join(rows[0]), reason_zh="别名文件需要 role、name 两列",
                         reason_en="the alias file needs the columns role and name")
    return [_row(k + 2, dict(r, source=r.get("source") or f"别名文件 / alias file {os.path.basename(path)}"), path)
            for k, r in enumerate(rows) if (r.get("role") or "").strip()]


def load_role_table(path: Optional[str] = None, aliases: Optional[str] = None) -> list:
    """[RoleName]: the local alias file's rows first (they win ties), then the shipped table's."""
    table = [_row(line, row, path or ROLE_TABLE) for line, row in read_table(path or ROLE_TABLE)]
    return (_read_aliases(aliases) if aliases else []) + table


def role_table_header(path: Optional[str] = None) -> list:
    return read_header(path or ROLE_TABLE)


def _is_postgres(source: str) -> bool:
    return source.upper().startswith("PG:") or source.startswith(("postgresql://", "postgres://"))


def list_layers(source: str) -> list:
    """[LayerInfo] of a GeoPackage, File Geodatabase folder, folder of shapefiles or PostGIS connection."""
    import pyogrio

    if not _is_postgres(source) and not os.path.exists(source):
        raise InputError("E_READ", path=source, reason="文件或文件夹不存在 / no such file or folder")
    if os.path.isdir(source) and not source.rstrip("/\\").lower().endswith(".gdb"):
        paths = sorted(os.path.join(source, f) for f in os.listdir(source) if f.lower().endswith(".shp"))
        return [_info(p, None, os.path.splitext(os.path.basename(p))[0], p) for p in paths]
    try:
        names = pyogrio.list_layers(source)
    except Exception as exc:  # noqa: BLE001 - GDAL's own message, bilingual around it
        raise InputError("E_READ", path=source, reason=str(exc)) from None
    return [_info(source, str(n), str(n), f"{source}|layername={n}") for n, _ in names]


def _info(path, layer, name, uri) -> LayerInfo:
    import pyogrio

    try:
        meta = pyogrio.read_info(path, layer=layer)
    except Exception:  # noqa: BLE001 - a layer GDAL cannot describe has no fields we could match
        return LayerInfo(name, "", (), uri)
    return LayerInfo(name, str(meta.get("geometry_type") or ""), tuple(str(f) for f in meta.get("fields", ())), uri)


def _base(name: str) -> str:
    """A PostGIS "schema.table" → "table"."""
    return name.rsplit(".", 1)[-1]


def name_score(layer_name: str, fields: Sequence[str], entry: RoleName) -> int:
    """3: the layer's name is the entry's (case-insensitive); 2: it contains the entry's Chinese name; 1: the entry
    names no layer but fields, and the layer has them all; 0 otherwise. An entry's fields must be present for a
    name match too."""
    have = {f.upper() for f in fields}
    if entry.fields and not set(entry.fields) <= have:
        return 0
    base = _base(layer_name)
    if entry.name:
        if entry.kind == "exact" and base.lower() == entry.name.lower():
            return 3
        if entry.kind == "contains" and entry.name in base:
            return 2
        return 0
    return 1 if entry.fields else 0


def _polygonal(info: LayerInfo) -> bool:
    return "polygon" in info.geometry.lower() or "surface" in info.geometry.lower()


def find_roles(source: str, table: Sequence[RoleName], *, roles: Optional[Sequence[str]] = None,
               layers: Optional[list] = None) -> DatabaseMatch:
    """Match the layers of ``source`` to the ``roles`` (default: the check's four and "other"): each layer takes its
    best-scoring role (earlier table rows win ties), each role its best layer; polygon layers only."""
    roles = tuple(roles or (*CHECK_ROLES.values(), "other"))
    layers = list_layers(source) if layers is None else layers
    best = []
    for info in layers:
        if not _polygonal(info):
            continue
        cands = [(name_score(info.name, info.fields, e), -k, e) for k, e in enumerate(table) if e.role in roles]
        cands = [c for c in cands if c[0] > 0]
        if cands:
            score, _, entry = max(cands, key=lambda c: (c[0], c[1]))
            best.append(LayerMatch(info, entry.role, score, entry))
    out = DatabaseMatch(source, layers)
    order = {e: k for k, e in enumerate(table)}
    for m in sorted(best, key=lambda m: (-m.score, order[m.entry])):
        if m.role == "other":
            out.others.append(m)
        elif m.role not in out.matched:
            out.matched[m.role] = m
    taken = {m.layer.name for m in list(out.matched.values()) + out.others}
    out.unmatched = [info.name for info in layers if info.name not in taken]
    return out
