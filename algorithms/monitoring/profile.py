"""亩均效益 evaluation profiles (YAML): indicators, weights, benchmarks, grading and low-efficiency thresholds.

A profile names its source and its status (``official`` / ``illustrative``); every value in it is the profile's,
never the code's. resources/monitoring/mujun_illustrative.yaml documents every key.
"""
from __future__ import annotations

import os
from typing import Optional

from ..errors import InputError

__all__ = ["QUANTITIES", "MONITORING_DIR", "DEFAULT_PROFILE", "load_yaml", "load_profile", "config_error"]

MONITORING_DIR = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "..", "resources", "monitoring"))
DEFAULT_PROFILE = os.path.join(MONITORING_DIR, "mujun_illustrative.yaml")
#: quantities an indicator may divide: the summable figures of the statistics and the land (亩)
QUANTITIES = ("output", "revenue", "value_added", "tax", "fai_cum", "fai_year", "energy", "new_energy", "emission",
              "employees", "rd", "land_mu")
_METHODS = ("benchmark", "minmax")
_MISSING = ("average", "zero", "not_graded")


def config_error(path: str, key: str, zh: str, en: str) -> InputError:
    return InputError("E_CONFIG", path=path, key=key, reason_zh=zh, reason_en=en)


def load_yaml(path: str) -> dict:
    import yaml

    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except (OSError, yaml.YAMLError) as err:
        raise InputError("E_READ", path=path, reason=str(err)) from None
    if not isinstance(data, dict):
        raise config_error(path, "—", "文件应为 YAML 映射", "the file must be a YAML mapping")
    return data


def _number(path, key, value, *, positive=False):
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise config_error(path, key, f"应为数值，实为 {value!r}", f"must be a number, not {value!r}") from None
    if v != v:                              # NaN: every comparison with it is false, it would pass any limit
        raise config_error(path, key, f"应为数值，实为 {value!r}", f"must be a number, not {value!r}")
    if v < 0 or (positive and v == 0):
        raise config_error(path, key, "应为正数", "must be positive")
    return v


def _check_indicators(path: str, items, quantities) -> list[dict]:
    if not isinstance(items, list) or not items:
        raise config_error(path, "indicators", "应为非空列表", "must be a non-empty list")
    out, seen = [], set()
    for i, ind in enumerate(items):
        where = f"indicators[{i}]"
        for k in ("key", "name", "num", "den", "field"):
            if k not in ind:
                raise config_error(path, where, f"缺少 {k}", f"{k} is missing")
        for k in ("num", "den"):
            if ind[k] not in quantities:
                raise config_error(path, f"{where}.{k}", f"“{ind[k]}”不是可用的量：{'、'.join(quantities)}",
                                   f"'{ind[k]}' is not a quantity; use one of {', '.join(quantities)}")
        if ind["key"] in seen or len(str(ind["field"])) > 10:
            raise config_error(path, where, "key 重复或 field 超过 10 个字符", "duplicate key or field longer than 10")
        seen.add(ind["key"])
        out.append({**ind, "weight": _number(path, f"{where}.weight", ind.get("weight", 0)),
                    "factor": _number(path, f"{where}.factor", ind.get("factor", 1), positive=True)})
    if sum(i["weight"] for i in out) <= 0:
        raise config_error(path, "indicators", "权重合计应大于 0", "the weights must add up to more than 0")
    return out


def _check_grading(path: str, grading: dict) -> dict:
    method = grading.get("method")
    classes = grading.get("classes") or {}
    if method not in ("rank_share", "score") or not isinstance(classes, dict) or not classes:
        raise config_error(path, "grading", "method 应为 rank_share 或 score，classes 为“等级: 值”",
                           "method must be rank_share or score, with classes as 'grade: value'")
    values = {str(k): _number(path, f"grading.classes.{k}", v) for k, v in classes.items()}
    if method == "rank_share" and abs(sum(values.values()) - 100.0) > 1e-6:
        raise config_error(path, "grading.classes", f"各等级比例合计应为 100，实为 {sum(values.values()):g}",
                           f"the class shares must add up to 100, not {sum(values.values()):g}")
    return {**grading, "classes": values}


def load_profile(path: Optional[str] = None, *, quantities=QUANTITIES) -> dict:
    """The profile at ``path`` (default: the illustrative one), checked; raises E_CONFIG naming the key."""
    path = path or DEFAULT_PROFILE
    prof = load_yaml(path)
    for k in ("id", "name", "status", "source", "indicators", "scoring", "grading"):
        if k not in prof:
            raise config_error(path, k, "缺少此项", "missing")
    prof["indicators"] = _check_indicators(path, prof["indicators"], quantities)
    scoring = prof["scoring"] or {}
    if scoring.get("method") not in _METHODS or scoring.get("missing", "average") not in _MISSING:
        raise config_error(path, "scoring", f"method 应为 {'/'.join(_METHODS)}，missing 为 {'/'.join(_MISSING)}",
                           f"method must be one of {', '.join(_METHODS)}; missing one of {', '.join(_MISSING)}")
    if scoring["method"] == "benchmark":
        bm = scoring.get("benchmark") or {}
        if bm.get("kind") not in ("mean_multiple", "fixed"):
            raise config_error(path, "scoring.benchmark.kind", "应为 mean_multiple 或 fixed",
                               "must be mean_multiple or fixed")
        if bm["kind"] == "fixed":
            missing = [i["key"] for i in prof["indicators"] if i["weight"] > 0 and i["key"] not in (bm.get("values") or {})]
            if missing:
                raise config_error(path, "scoring.benchmark.values", f"缺少基准值：{'、'.join(missing)}",
                                   f"benchmarks missing for {', '.join(missing)}")
    prof["grading"] = _check_grading(path, prof["grading"])
    keys = {i["key"] for i in prof["indicators"]}
    for r in prof.get("required") or []:
        if r not in keys:
            raise config_error(path, "required", f"“{r}”不是本配置的指标", f"'{r}' is not an indicator of the profile")
    for i, rule in enumerate((prof.get("low_efficiency") or {}).get("rules") or []):
        if rule.get("indicator") not in keys or "below" not in rule:
            raise config_error(path, f"low_efficiency.rules[{i}]", "需要本配置的 indicator 和 below 值",
                               "needs an indicator of the profile and a 'below' value")
        _number(path, f"low_efficiency.rules[{i}].below", rule["below"])
    prof["path"] = path
    return prof
