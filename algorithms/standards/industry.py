"""Industry codes (GB/T 4754): normalisation to a division, and the 2017 → 2002 mapping for the 2008 tables."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ._files import read_table

__all__ = ["IndustryCode", "normalize_industry_code", "IndustryMapping", "load_industry_mapping",
           "MANUFACTURING_2002", "MAPPING_FILE"]

MAPPING_FILE = "gbt4754_2017_to_2002.csv"
#: GB/T 4754-2002 manufacturing divisions (38 does not exist)
MANUFACTURING_2002 = tuple(str(c) for c in range(13, 44) if c != 38)

_CODE = re.compile(r"^([A-Ta-t])?\s*(\d{2,4})$")


@dataclass(frozen=True)
class IndustryCode:
    division: str                 # two digits, e.g. '13'
    group: Optional[str] = None   # three digits when given, e.g. '131'
    section: Optional[str] = None  # 门类 letter when given, e.g. 'C'

    def __str__(self) -> str:
        return self.group or self.division


def normalize_industry_code(value) -> Optional[IndustryCode]:
    """'C13', '13', 13, 13.0, '1311', 'C1311', '131' → division '13' (group '131' when ≥ 3 digits).

    Returns None for empty or unreadable values (a lone 门类 letter 'C' is not enough to pick a table row).
    """
    if value is None:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer():
            value = int(value)
    s = str(value).strip().replace(" ", "")
    if s.endswith(".0") and s[:-2].isdigit():
        s = s[:-2]
    m = _CODE.match(s)
    if not m:
        return None
    digits = m.group(2)
    section = m.group(1).upper() if m.group(1) else None
    return IndustryCode(digits[:2], digits[:3] if len(digits) >= 3 else None, section)


@dataclass(frozen=True)
class MappingRow:
    code_2017: str
    name_2017: str
    code_2002: Optional[str]
    confidence: str
    note: str


@dataclass(frozen=True)
class IndustryMapping:
    rows: dict[str, MappingRow]

    def to_2002(self, code: IndustryCode | str | None) -> tuple[Optional[str], Optional[MappingRow]]:
        """The GB/T 4754-2002 division for a 2017 code (group row first, then division row)."""
        if code is not None and not isinstance(code, IndustryCode):
            code = normalize_industry_code(code)
        if code is None:
            return None, None
        row = (self.rows.get(code.group) if code.group else None) or self.rows.get(code.division)
        if row is None:
            return None, None
        return row.code_2002, row


@lru_cache(maxsize=None)
def load_industry_mapping() -> IndustryMapping:
    rows = {}
    for _, r in read_table(MAPPING_FILE):
        rows[r["code_2017"]] = MappingRow(r["code_2017"], r["name_2017"], r["code_2002"] or None,
                                          r["confidence"], r["note"])
    return IndustryMapping(rows)
