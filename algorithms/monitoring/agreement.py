"""The 飞地 agreement file (YAML): parties, arrangements (scope, years, split, ratios per indicator), rounding.

resources/sample/data/feidi_agreement.yaml is a commented example. Checked here, each problem named by its key:
unknown parties, ratios that do not add up to 1, a ratio arrangement without ratios, overlapping arrangements
(same scope kind, a common member and common years), a bad rounding rule.
"""
from __future__ import annotations

from typing import Optional

from .profile import config_error, load_yaml

__all__ = ["INDICATORS", "SCOPES", "load_agreement"]

#: indicator key -> (Chinese name, unit, default decimals)
INDICATORS = {
    "value_added": ("地区生产总值（增加值）", "万元", 2),
    "output": ("工业总产值", "万元", 2),
    "fai_year": ("固定资产投资（当年）", "万元", 2),
    "employees": ("就业人数", "人", 0),
    "tax": ("税收（分成）", "万元", 2),
    "energy": ("能源消耗", "吨标准煤", 2),
    "new_energy": ("新能源指标", "吨标准煤", 2),
    "emission": ("污染物排放", "吨", 3),
}
#: scope kinds, from the broadest to the most specific (a more specific arrangement wins)
SCOPES = ("park", "cluster", "unit", "plot", "enterprise")
_ROLES = ("飞入地", "飞出地", "其他")


def _parties(path: str, data: dict) -> list[dict]:
    parties = data.get("parties")
    if not isinstance(parties, list) or len(parties) < 2:
        raise config_error(path, "parties", "至少两个参与方（飞出地、飞入地）", "at least two parties are needed")
    ids = [str(p.get("id", "")) for p in parties]
    if "" in ids or len(set(ids)) != len(ids):
        raise config_error(path, "parties", "每个参与方需要唯一的 id", "every party needs a unique id")
    for i, p in enumerate(parties):
        if p.get("role") not in _ROLES:
            raise config_error(path, f"parties[{i}].role", f"应为 {'/'.join(_ROLES)}", f"must be one of {_ROLES}")
    return [{"id": str(p["id"]), "name": str(p.get("name", p["id"])), "role": p["role"],
             "region": None if p.get("region") is None else str(p["region"])} for p in parties]


def _ratios(path: str, where: str, ratios, party_ids: list[str]) -> dict:
    out = {}
    for ind, shares in (ratios or {}).items():
        key = f"{where}.ratios.{ind}"
        if ind not in INDICATORS:
            raise config_error(path, key, f"未知指标，可用：{'、'.join(INDICATORS)}", f"unknown indicator; use {list(INDICATORS)}")
        if not isinstance(shares, dict) or set(map(str, shares)) - set(party_ids):
            raise config_error(path, key, f"应为“参与方 id: 比例”，参与方为 {'、'.join(party_ids)}",
                               f"must map party ids ({', '.join(party_ids)}) to ratios")
        vals = {str(k): float(v) for k, v in shares.items()}
        if any(v < 0 for v in vals.values()) or abs(sum(vals.values()) - 1.0) > 1e-9:
            raise config_error(path, key, f"比例之和应为 1，实为 {sum(vals.values()):.6g}（比例不能为负）",
                               f"the ratios must add up to 1, they add up to {sum(vals.values()):.6g} (none negative)")
        out[ind] = {p: vals.get(p, 0.0) for p in party_ids}
    return out


def _arrangement(path: str, i: int, a: dict, party_ids: list[str]) -> dict:
    where = f"arrangements[{i}]"
    years = a.get("years")
    if not (isinstance(years, list) and len(years) == 2 and all(isinstance(y, int) for y in years)
            and years[0] <= years[1]):
        raise config_error(path, f"{where}.years", "应为 [起始年, 终止年]", "must be [first year, last year]")
    scope = a.get("scope", "park")
    if scope not in SCOPES:
        raise config_error(path, f"{where}.scope", f"应为 {'/'.join(SCOPES)}", f"must be one of {SCOPES}")
    members = [str(m) for m in (a.get("members") or [])]
    if scope != "park" and not members:
        raise config_error(path, f"{where}.members", "非 park 范围须列出成员编号", "a scope other than park needs members")
    split = a.get("split", "ratio")
    if split not in ("ratio", "area"):
        raise config_error(path, f"{where}.split", "应为 ratio（按协议比例）或 area（按行政区面积）",
                           "must be ratio or area")
    ratios = _ratios(path, where, a.get("ratios"), party_ids)
    if split == "ratio" and not ratios:
        raise config_error(path, f"{where}.ratios", "按比例分计须给出各指标比例", "a ratio split needs ratios")
    return {"id": str(a.get("id", f"A{i + 1}")), "clause": str(a.get("clause", "")), "years": tuple(years),
            "scope": scope, "members": members, "split": split, "ratios": ratios, "index": i}


def _overlaps(path: str, arrs: list[dict]) -> None:
    for i, a in enumerate(arrs):
        for b in arrs[i + 1:]:
            if a["scope"] != b["scope"] or a["years"][1] < b["years"][0] or b["years"][1] < a["years"][0]:
                continue
            common = set(a["members"]) & set(b["members"]) if a["scope"] != "park" else {"park"}
            if common:
                raise config_error(path, f"arrangements[{b['index']}]",
                                   f"与 {a['id']} 的期间重叠（{max(a['years'][0], b['years'][0])}–"
                                   f"{min(a['years'][1], b['years'][1])}，{'、'.join(sorted(common))}）",
                                   f"overlaps {a['id']} in years and scope ({', '.join(sorted(common))})")


def load_agreement(path: str) -> dict:
    data = load_yaml(path)
    parties = _parties(path, data)
    ids = [p["id"] for p in parties]
    arrs = data.get("arrangements")
    if not isinstance(arrs, list) or not arrs:
        raise config_error(path, "arrangements", "至少一项安排", "at least one arrangement is needed")
    arrs = [_arrangement(path, i, a or {}, ids) for i, a in enumerate(arrs)]
    _overlaps(path, arrs)
    rounding = data.get("rounding") or {}
    if rounding.get("rule", "largest_remainder") != "largest_remainder":
        raise config_error(path, "rounding.rule", "仅支持 largest_remainder（最大余数法）", "only largest_remainder")
    decimals = {k: int(v[2]) for k, v in INDICATORS.items()}
    for k, v in (rounding.get("decimals") or {}).items():
        if k not in INDICATORS or not isinstance(v, int) or not 0 <= v <= 6:
            raise config_error(path, f"rounding.decimals.{k}", "应为已知指标的 0–6 位小数", "0–6 decimals of a known indicator")
        decimals[k] = v
    large = data.get("large_projects") or {}
    if large.get("basis", "fai_cum") not in ("fai_cum", "fai_year"):
        raise config_error(path, "large_projects.basis", "应为 fai_cum（累计固定资产投资）或 fai_year（当年）",
                           "must be fai_cum or fai_year")
    threshold: Optional[float] = None if large.get("threshold") is None else float(large["threshold"])
    return {"path": path, "name": str(data.get("name", "")), "status": str(data.get("status", "")),
            "source": str(data.get("source", "")), "parties": parties, "arrangements": arrs, "decimals": decimals,
            "large_threshold": threshold, "large_basis": large.get("basis", "fai_cum"),
            "large_clause": str(large.get("clause", ""))}
