"""用地用海分类: the 2023 and 2020 试行 code lists, edition detection, 2020 → 2023 migration, nearest codes."""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional

from ..errors import StandardError_
from ._files import read_header, read_table

__all__ = ["LandUseClass", "Classification", "EDITIONS", "load_classification", "load_migration",
           "normalize_landuse_code", "detect_edition", "resolve_landuse"]

EDITIONS = {"2023": "ydyh_2023_codes.csv", "2020": "ydyh_2020_codes.csv"}
MIGRATION_FILE = "ydyh_2020_to_2023.csv"


@dataclass(frozen=True)
class LandUseClass:
    code: str
    name: str
    level: int               # 1 一级, 2 二级, 3 三级
    parent: Optional[str]
    edition: str
    rgb: Optional[tuple[int, int, int]] = None


@dataclass(frozen=True)
class Classification:
    edition: str
    classes: dict[str, LandUseClass]
    provenance: tuple[str, ...] = ()

    def __contains__(self, code) -> bool:
        return code in self.classes

    def get(self, code) -> Optional[LandUseClass]:
        return self.classes.get(code)

    def name(self, code) -> Optional[str]:
        c = self.classes.get(code)
        return c.name if c else None

    def counts(self) -> dict[int, int]:
        out = {1: 0, 2: 0, 3: 0}
        for c in self.classes.values():
            out[c.level] += 1
        return out

    def ancestors(self, code: str) -> list[str]:
        """``code`` and its parents, most specific first (only codes of this edition)."""
        out = []
        while code in self.classes:
            out.append(code)
            code = self.classes[code].parent
            if not code:
                break
        return out

    def level_code(self, code: str, level: int) -> Optional[str]:
        """The 一级 (level 1) or 二级 (level 2) class containing ``code``."""
        for a in self.ancestors(code):
            if self.classes[a].level == level:
                return a
        return None

    def is_under(self, code: str, roots: Iterable[str]) -> bool:
        roots = set(roots)
        return any(a in roots for a in self.ancestors(code))

    def nearest(self, code, n: int = 3) -> list[str]:
        """Up to ``n`` valid codes closest to an unknown ``code`` (shared prefix, then edit distance)."""
        raw = "" if code is None else str(code).strip()
        norm = normalize_landuse_code(raw) or raw
        variants = {norm, raw, "0" + raw}

        def score(valid: str):
            best = None
            for v in variants:
                prefix = 0
                for a, b in zip(v, valid):
                    if a != b:
                        break
                    prefix += 1
                s = (-prefix, _levenshtein(v, valid), abs(len(v) - len(valid)), valid)
                best = s if best is None or s < best else best
            return best

        return sorted(self.classes, key=score)[:n]


def _levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


@lru_cache(maxsize=None)
def load_classification(edition: str = "2023") -> Classification:
    """The code list of one edition ("2023" or "2020") from resources/standards/."""
    if edition not in EDITIONS:
        raise StandardError_("E_BAD_PARAMETER", name="edition", value=edition,
                             reason_zh="应为 2023 或 2020", reason_en="must be 2023 or 2020")
    path = EDITIONS[edition]
    classes: dict[str, LandUseClass] = {}
    for lineno, row in read_table(path):
        code = row["code"]
        try:
            level = int(row["level"])
            rgb = tuple(int(row[k]) for k in ("r", "g", "b")) if row.get("r") else None
        except ValueError:
            raise StandardError_("E_STANDARD", path=path, line=lineno, field="level/r/g/b",
                                 reason_zh="应为整数", reason_en="must be an integer") from None
        if code in classes:
            raise StandardError_("E_STANDARD", path=path, line=lineno, field="code",
                                 reason_zh=f"代码 {code} 重复", reason_en=f"duplicate code {code}")
        if len(code) != 2 * level:
            raise StandardError_("E_STANDARD", path=path, line=lineno, field="code",
                                 reason_zh=f"代码 {code} 与级别 {level} 不符",
                                 reason_en=f"code {code} does not match level {level}")
        classes[code] = LandUseClass(code, row["name"], level, row["parent"] or None, edition, rgb)
    for c in classes.values():
        if c.parent and c.parent not in classes:
            raise StandardError_("E_STANDARD", path=path, line=0, field="parent",
                                 reason_zh=f"{c.code} 的上级 {c.parent} 不存在",
                                 reason_en=f"parent {c.parent} of {c.code} does not exist")
    return Classification(edition, classes, tuple(read_header(path)))


@lru_cache(maxsize=None)
def load_migration() -> dict[str, str]:
    """2020 试行 code → 2023 code."""
    return {row["old_code"]: row["new_code"] for _, row in read_table(MIGRATION_FILE)}


def normalize_landuse_code(value) -> Optional[str]:
    """'1001', 1001, 1001.0, ' 1001 ', '0701' / 701 (lost leading zero) → a digit string; None when empty/garbled."""
    if value is None:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer():
            value = int(value)
    s = str(value).strip()
    if s.endswith(".0") and s[:-2].isdigit():
        s = s[:-2]
    if not s or not s.isdigit():
        return None
    if len(s) % 2 == 1:
        s = "0" + s
    return s


def detect_edition(codes: Iterable) -> str:
    """'2023' or '2020' from the codes a layer uses: a code that exists only in one edition decides.

    Codes present in both editions cannot tell (and 1311/1312, 2202, 2302/2303 mean different classes),
    so a layer using only shared codes reads as 2023. Codes of both kinds → '2023'; its 2020-only codes are then
    still migrated (they cannot be mistaken for 2023 codes) and flagged.
    """
    new, old = load_classification("2023"), load_classification("2020")
    only_old = only_new = 0
    for c in set(codes):
        c = normalize_landuse_code(c)
        if c is None:
            continue
        if c in old and c not in new:
            only_old += 1
        elif c in new and c not in old:
            only_new += 1
    return "2020" if only_old and not only_new else "2023"


def resolve_landuse(codes: Iterable, edition: Optional[str] = None) -> dict[str, dict]:
    """For each distinct raw code: {'code': 2023 code or None, 'name', 'valid', 'migrated_from', 'nearest', 'raw'}.

    ``edition`` None detects it from the codes. 2020 codes are migrated to 2023 with ``migrated_from`` set.
    """
    codes = list(codes)
    edition = edition or detect_edition(codes)
    new = load_classification("2023")
    old = load_classification("2020")
    migration = load_migration()
    out: dict[str, dict] = {}
    for raw in set(codes):
        norm = normalize_landuse_code(raw)
        rec = {"raw": raw, "code": None, "name": None, "valid": False, "migrated_from": None, "nearest": []}
        if norm is None:
            rec["empty"] = raw is None or (isinstance(raw, float) and math.isnan(raw)) or str(raw).strip() == ""
        elif edition == "2020" and norm in old:
            target = migration.get(norm, norm)
            rec.update(code=target, name=new.name(target), valid=target in new,
                       migrated_from=norm if target != norm or old.name(norm) != new.name(target) else None)
        elif norm in new:
            rec.update(code=norm, name=new.name(norm), valid=True)
        elif norm in old and norm in migration:  # a 2020-only code in a 2023 layer: unambiguous, migrate + flag
            target = migration[norm]
            rec.update(code=target, name=new.name(target), valid=target in new, migrated_from=norm)
        if not rec["valid"] and norm is not None:
            rec["nearest"] = new.nearest(norm)
        out[raw] = rec
    return out
