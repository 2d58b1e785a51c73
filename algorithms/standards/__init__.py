"""Standards library: 用地用海分类 code lists, industry codes, 《工业项目建设用地控制指标》 profiles.

Data lives in resources/standards/ with its provenance; this package only reads it.
"""
from __future__ import annotations

from ._files import STANDARDS_DIR, read_header, read_table
from .industry import IndustryCode, load_industry_mapping, normalize_industry_code
from .landuse import (Classification, LandUseClass, detect_edition, load_classification, load_migration,
                      normalize_landuse_code, resolve_landuse)
from .profiles import (CONTROL_FIELDS, MONEY_FIELDS, REGION_CLASSES, Limit, Profile, load_profile,
                       normalize_region_class, strictest)

__all__ = ["STANDARDS_DIR", "read_header", "read_table", "IndustryCode", "load_industry_mapping",
           "normalize_industry_code", "Classification", "LandUseClass", "detect_edition", "load_classification",
           "load_migration", "normalize_landuse_code", "resolve_landuse", "CONTROL_FIELDS", "MONEY_FIELDS",
           "REGION_CLASSES", "Limit", "Profile", "load_profile", "normalize_region_class", "strictest"]
