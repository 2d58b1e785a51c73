"""Which field of a plot layer made outside the plugin holds the plot code, land use, unit, cluster, supply status.

The usual names of these fields are data: resources/standards/field_variants.csv (one row per name, with where the
name comes from and a caution where it needs one). The schema's own name comes first. A run resolves each field it
needs once (:func:`resolve_field`): the field the user chose, else the schema name, else the first recognised name
that holds values. :func:`with_schema_names` then gives the engine a copy of the layer in which the schema columns
(DKBH, YDYHFLDM, DYBH, ZTBH, GDZT, HYDM) hold the chosen fields' values; the layer's own columns stay as they were,
so an output keeps DKBM and also carries DKBH. A needed field that cannot be found stops the run
(:func:`missing_field_error` names the field and the parameter); an optional one gives a note
(:func:`missing_field_note`) that the algorithm logs and writes into its output.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Sequence

import numpy as np

from .errors import InputError
from .schema import FIELDS

__all__ = ["VARIANTS_FILE", "CODE_FIELDS", "Variant", "FieldChoice", "load_variants", "resolve_field",
           "with_schema_names", "missing_field_error", "missing_field_note"]

VARIANTS_FILE = "field_variants.csv"
#: fields holding codes: numbers read from a layer (1001, 1001.0) become text ("1001"); a supply status may be
#: a boolean or 1 and is left as it is
CODE_FIELDS = ("DKBH", "DYBH", "ZTBH", "YDYHFLDM", "HYDM")


@dataclass(frozen=True)
class Variant:
    name: str
    status: str      # schema / secondary / unconfirmed
    source: str
    caution: str     # "" or a bilingual warning given when the field is used


@dataclass(frozen=True)
class FieldChoice:
    """How the schema field ``schema`` is read from a layer: ``column`` (None: not found) and ``how``.

    ``how``: "chosen" (the field parameter named it; ``column`` is None when the layer has no such field),
    "schema" (the layer has the schema name), "recognised" (a usual name from the variants table) or "missing".
    """

    schema: str
    column: Optional[str]
    how: str
    names: tuple[str, ...] = ()
    variant: Optional[Variant] = None

    @property
    def caution(self) -> str:
        return self.variant.caution if self.variant is not None and self.column is not None else ""

    def describe(self) -> str:
        """'地块编号（DKBH）读自字段 DKBM（识别的常用名称）/ …' for the log."""
        spec = FIELDS[self.schema]
        zh, en = {"chosen": ("参数所选", "chosen in the parameter"), "schema": ("数据模型字段", "schema field"),
                  "recognised": ("识别的常用名称", "a usual name recognised")}.get(self.how, (self.how, self.how))
        return (f"{spec.alias}（{self.schema}）读自字段 {self.column}（{zh}）/ {spec.alias_en} ({self.schema}) read "
                f"from field {self.column} ({en})")


@lru_cache(maxsize=4)
def load_variants(path: Optional[str] = None) -> dict[str, tuple[Variant, ...]]:
    """{schema field: its usual names in order}; the schema name is always first."""
    from .standards import read_table

    out: dict[str, list[Variant]] = {}
    for _, row in read_table(path or VARIANTS_FILE):
        out.setdefault(row["schema"].upper(), []).append(
            Variant(row["variant"].upper(), row["status"], row["source"], row.get("caution", "")))
    for schema, names in out.items():
        if not any(v.name == schema for v in names):
            names.insert(0, Variant(schema, "schema", "algorithms/schema.py", ""))
    return {k: tuple(v) for k, v in out.items()}


def _has_values(series) -> bool:
    """Does the column hold a value that is not missing or blank? A NumPy column is looked at up to its first one."""
    def filled(v):
        return v is not None and v == v and str(v).strip() != ""

    if isinstance(series.dtype, np.dtype):
        return any(map(filled, series.tolist()))
    return bool(series.map(filled).any())


def resolve_field(frame, schema: str, chosen: Optional[str] = None, *, variants=None) -> FieldChoice:
    """Which column of ``frame`` holds ``schema``; ``chosen`` (the field parameter's value) wins when it is not empty
    and not the schema name itself. Names compare case-insensitively."""
    table = variants if variants is not None else load_variants()
    known = table.get(schema, (Variant(schema, "schema", "algorithms/schema.py", ""),))
    names = tuple(v.name for v in known)
    columns = {str(c).upper(): c for c in frame.columns if c != "geometry"}
    if chosen and str(chosen).strip() and str(chosen).strip().upper() != schema:
        column = columns.get(str(chosen).strip().upper())
        return FieldChoice(schema, column, "chosen", (str(chosen).strip(),),
                           next((v for v in known if v.name == str(chosen).strip().upper()), None))
    present = [(v, columns[v.name]) for v in known if v.name in columns]
    if not present:
        return FieldChoice(schema, None, "missing", names)
    variant, column = next(((v, c) for v, c in present if _has_values(frame[c])), present[0])
    return FieldChoice(schema, column, "schema" if variant.name == schema else "recognised", names, variant)


def _as_code(value):
    """A code read from a layer as text: 1001 and 1001.0 → "1001"; None/NaN → None; text unchanged."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return str(value)
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    if math.isnan(number):
        return None
    return str(int(number)) if number.is_integer() else str(value)


def _codes(values):
    """The column's codes as text (:func:`_as_code`); a column of texts and None is already that (a copy)."""
    if values.dtype == object and set(map(type, values.tolist())) <= {str, type(None)}:
        return values.astype(object)
    return values.map(_as_code).astype(object)


def with_schema_names(frame, choices: Sequence[FieldChoice]):
    """A copy of ``frame`` whose schema columns hold the chosen columns' values (codes as text).

    The layer's own columns are kept; a column that differs from a schema name only by case (dkbh) is replaced
    by the schema column, since GeoPackage and Shapefile field names are case-insensitive.
    """
    out = frame.copy()
    for ch in choices:
        if ch.column is None:
            continue
        values = out[ch.column]
        clash = [c for c in out.columns if str(c).upper() == ch.schema and c != ch.schema]
        if clash:
            out = out.drop(columns=clash)
        out[ch.schema] = _codes(values) if ch.schema in CODE_FIELDS else values
    out.attrs.update(frame.attrs)
    return out


def missing_field_error(choice: FieldChoice, *, layer: str, param: str, label: str) -> InputError:
    """The stop of a run that needs ``choice.schema``: names the field, the parameter and the names recognised."""
    spec = FIELDS[choice.schema]
    return InputError("E_FIELD_NOT_FOUND", layer=layer, field=", ".join(choice.names) or choice.schema,
                      alias=spec.alias, alias_en=spec.alias_en.lower(), param=param, label=label)


def missing_field_note(choice: FieldChoice, *, layer: str, param: str, label: str) -> str:
    """One bilingual sentence for an optional field that is not there: which column is empty and why."""
    spec = FIELDS[choice.schema]
    names = ", ".join(choice.names) or choice.schema
    return (f"{spec.alias}（{choice.schema}）为空：图层“{layer}”中没有字段 {names}（参数“{label}” {param}）/ "
            f"{spec.alias_en} ({choice.schema}) is empty: layer '{layer}' has no field {names} (parameter {param})")
