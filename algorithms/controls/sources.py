"""指标来源 (ZBLY): where each control of a plot came from, or why it has none.

Format: '; '-separated segments ``FIELD:source``; controls without a value are grouped by their reason,
``F1,F2:未赋值：<reason>``, and come last. When the text is longer than the 254-character field, the value
sources are shortened (ending in "…") and the 未赋值 reasons are kept whole, so that every output can say why a
control is empty (:func:`parse_sources`).
"""
from __future__ import annotations

from typing import Optional

import pandas as pd

from ..standards.profiles import CONTROL_FIELDS, Profile

__all__ = ["NOT_CHECKED", "UNASSIGNED", "ZBLY_LEN", "compose_sources", "parse_sources", "unassigned_reason",
           "is_unassigned"]

#: prefix of every "no value" reason
UNASSIGNED = "未赋值"
#: the profile covers the field for this plot's use but has no value (e.g. 2008 表1 投资强度 values unknown)
NOT_CHECKED = f"{UNASSIGNED}：无标准值"
#: ZBLY is a 254-character text field
ZBLY_LEN = 254
#: fields that no national or local standard profile sets: the reason names the missing source
_NO_SOURCE = {"JZXG": "无限高来源"}
_ATTR_KEYS = ("HYDM", "YDYHFLDM")


def is_unassigned(text) -> bool:
    return isinstance(text, str) and text.startswith(UNASSIGNED)


def unassigned_reason(f: str, profile: Profile, *, applies: bool, landuse: Optional[str], industry: Optional[str],
                      covered: set) -> str:
    """Why control ``f`` has no value for a plot of land use ``landuse`` and industry ``industry``."""
    std = f"{profile.national.short}标准" if profile.national.short else profile.name
    if f in _NO_SOURCE and f not in covered:
        return f"{UNASSIGNED}：{_NO_SOURCE[f]}"
    if applies:
        return NOT_CHECKED + ("（缺行业代码）" if industry is None else "") if f in covered else \
            f"{UNASSIGNED}：{std}无此指标"
    if not landuse:
        return f"{UNASSIGNED}：无用地代码"
    from ..standards.landuse import load_classification

    names = load_classification("2023")
    key = landuse[:4] if names.name(landuse[:4]) else landuse
    name = names.name(key)
    if not name:
        return f"{UNASSIGNED}：用地代码 {landuse} 无效"
    return f"{UNASSIGNED}：{std}不适用于{name}({key})"


def _segments(row) -> tuple[list[str], list[str]]:
    """(value segments, 未赋值 segments grouped by reason) of one plot's sources (control field order)."""
    valued, reasons = [], {}
    for f, s in zip(CONTROL_FIELDS, row):
        if not isinstance(s, str) or not s:
            continue
        if is_unassigned(s):
            reasons.setdefault(s, []).append(f)
        else:
            valued.append(f"{f}:{s}")
    return valued, [f"{','.join(fs)}:{s}" for s, fs in reasons.items()]


def _join(head: list[str], valued: list[str], tail: list[str]) -> str:
    text = "; ".join(head + valued + tail)
    if len(text) <= ZBLY_LEN:
        return text
    keep = "; ".join(tail)
    room = ZBLY_LEN - len(keep) - (3 if keep else 1)
    front = "; ".join(head + valued)
    if room < 1:                                  # only the reasons: they are never cut for value sources
        return keep[:ZBLY_LEN - 1] + "…"
    return front[:room] + "…" + ("; " + keep if keep else "")


def compose_sources(attr_src: pd.Series, sources: pd.DataFrame) -> pd.Series:
    """The ZBLY text per plot: inherited codes, ``FIELD:source`` per valued control, then the 未赋值 reasons."""
    out = []
    for attr, row in zip(attr_src.to_numpy(), sources[list(CONTROL_FIELDS)].to_numpy()):
        valued, tail = _segments(row)
        out.append(_join([attr] if isinstance(attr, str) and attr else [], valued, tail))
    return pd.Series(out, index=sources.index, dtype=object)


def parse_sources(text) -> dict[str, str]:
    """{control field: its source or 未赋值 reason} from a ZBLY text (segments cut by "…" are left out)."""
    out: dict[str, str] = {}
    if not isinstance(text, str):
        return out
    for seg in text.split("; "):
        keys, sep, value = seg.partition(":")
        fields = [k.strip() for k in keys.split(",")]
        if not sep or not all(k in CONTROL_FIELDS or k in _ATTR_KEYS for k in fields) or value.endswith("…"):
            continue
        for k in fields:
            out.setdefault(k, value)
    return out
