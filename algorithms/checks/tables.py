"""Data tables of the checks: construction-land codes and the 规划分区 compatibility table.

Both live in resources/standards/ as CSV files whose ``#`` header lines name their source; users may pass
their own file of the same format.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Optional

import numpy as np

from .._compat import factorize_text
from ..errors import StandardError_
from ..standards._files import STANDARDS_DIR, read_header, read_table

__all__ = ["norm_column", "STANDARDS_DIR", "ZoneRule", "load_construction_codes", "load_zoning_table", "read_header",
           "code_matches", "normalise_code"]

CONSTRUCTION_CODES_CSV = os.path.join(STANDARDS_DIR, "construction_land_codes.csv")
ZONING_CSV = os.path.join(STANDARDS_DIR, "zoning_compatibility.csv")


def _rows(path: str):
    """(file line number, row) of a standards CSV; the one reader of resources/standards (standards._files)."""
    return read_table(path)


def normalise_code(value) -> str:
    """'1001', ' 1001 ', 1001.0 → '1001'; None/NaN → ''."""
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:
            return ""
        if value.is_integer():
            value = int(value)
    s = str(value).strip()
    return "" if s.lower() in ("nan", "none", "null") else s


def code_matches(code: str, prefixes) -> bool:
    return bool(code) and any(code.startswith(p) for p in prefixes)


def load_construction_codes(path: Optional[str] = None) -> tuple[str, ...]:
    path = path or CONSTRUCTION_CODES_CSV
    out = []
    for n, row in _rows(path):
        p = row.get("prefix", "")
        if not p.isdigit():
            raise StandardError_("E_STANDARD", path=path, line=n, field="prefix",
                                 reason_zh=f"代码前缀应为数字：{p!r}", reason_en=f"prefix must be digits: {p!r}")
        out.append(p)
    return tuple(out)


@dataclass
class ZoneRule:
    zone: str
    allowed: tuple[str, ...]
    verify: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    note: str = ""
    names: tuple[str, ...] = field(default=(), repr=False)

    def judge(self, code: str) -> str:
        """'ok', 'verify' or 'fail' for a land-use code in this zone."""
        if code_matches(code, self.allowed):
            return "ok"
        if code_matches(code, self.verify):
            return "verify"
        return "fail"


def load_zoning_table(path: Optional[str] = None) -> dict[str, ZoneRule]:
    """zone name (and every alias) → :class:`ZoneRule`."""
    path = path or ZONING_CSV
    table: dict[str, ZoneRule] = {}
    for n, row in _rows(path):
        zone = row.get("zone", "")
        if not zone:
            raise StandardError_("E_STANDARD", path=path, line=n, field="zone", reason_zh="分区名称为空",
                                 reason_en="empty zone name")
        allowed = tuple(row.get("allowed", "").split())
        verify = tuple(row.get("verify", "").split())
        for col, vals in (("allowed", allowed), ("verify", verify)):
            bad = [v for v in vals if not v.isdigit()]
            if bad:
                raise StandardError_("E_STANDARD", path=path, line=n, field=col,
                                     reason_zh=f"代码应为数字：{bad}", reason_en=f"codes must be digits: {bad}")
        aliases = tuple(a.strip() for a in row.get("aliases", "").split("|") if a.strip())
        rule = ZoneRule(zone, allowed, verify, aliases, row.get("note", ""), (zone,) + aliases)
        for name in rule.names:
            table[name] = rule
    return table


_NULL_TEXT = frozenset(("nan", "none", "null"))
#: in the texts joined by NUL (and a NUL before and after): a text starting or ending with white space (what
#: str.strip removes: both use Py_UNICODE_ISSPACE), or a whole text "nan" / "none" / "null" in any case — the texts
#: normalise_code changes. Two searches that start from one character: a third of one search with alternatives at
#: every position.
_EDGE_SPACE = re.compile(r"\x00\s|\s\x00")
_NULL_WORD = re.compile(r"\x00(?:nan|none|null)\x00", re.IGNORECASE)


def _some_change(texts) -> bool:
    """Might normalise_code change one of ``texts`` (str)? (False: none changes.)"""
    joined = "\x00" + "\x00".join(texts) + "\x00"
    return bool(_EDGE_SPACE.search(joined) or _NULL_WORD.search(joined))


def norm_column(series) -> np.ndarray:
    """normalise_code over a column, once per distinct value (vectorized when the column holds only text)."""
    vals = series.to_numpy(dtype=object)
    if len(vals) and set(map(type, vals)) == {str}:
        if not _some_change(vals.tolist()):
            return vals.copy()          # the usual column (codes, 用地用海代码): one regular-expression pass, no change
        # each distinct text once (a land-use column holds a few dozen); "nan" / "none" / "null" (any case) are empty
        codes, uniq = factorize_text(vals.tolist())
        norm = np.empty(len(uniq), dtype=object)
        norm[:] = [("" if len(t) <= 4 and t.lower() in _NULL_TEXT else t) for t in (v.strip() for v in uniq)]
        return norm[codes]
    uniq = {}
    out = np.empty(len(vals), dtype=object)
    for k, v in enumerate(vals):
        key = (type(v), v) if v == v else (float, "nan")
        got = uniq.get(key)
        if got is None:
            got = uniq[key] = normalise_code(v)
        out[k] = got
    return out

