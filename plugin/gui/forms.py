"""Form configuration of plan layers: aliases, next hierarchy code as default value, pick lists for codes.

Drawing a new 组团 with QGIS's own digitizing then gives it the next code (Z03 after Z01, Z02) and default
attributes; land-use codes are picked by their Chinese names, not typed.
"""
from qgis.core import QgsDefaultValue, QgsEditorWidgetSetup

from ...algorithms.schema import FIELDS
from .plan_io import land_use_codes

#: level → (code field, default-value expression of the next code)
NEXT_CODE = {
    "cluster": ("ZTBH", "'Z' || lpad(to_string(coalesce(maximum(to_int(regexp_substr(\"ZTBH\", '(\\\\d+)$'))), 0)"
                        " + 1), 2, '0')"),
    "unit": ("DYBH", "\"ZTBH\" || '-' || lpad(to_string(coalesce(maximum(to_int(regexp_substr(\"DYBH\", '(\\\\d+)$')),"
                     " group_by:=\"ZTBH\"), 0) + 1), 2, '0')"),
    "plot": ("DKBH", "\"DYBH\" || '-' || lpad(to_string(coalesce(maximum(to_int(regexp_substr(\"DKBH\", '(\\\\d+)$')),"
                     " group_by:=\"DYBH\"), 0) + 1), 2, '0')"),
}
DEFAULTS = {"KFFQ": "1", "GDZT": "'未供地'", "SCJL": "'未审查'"}


def configure_plan_layer(layer, level):
    """Aliases, default values and widgets for a 组团/单元/地块 layer (idempotent; data untouched)."""
    fields = layer.fields()
    for i, f in enumerate(fields):
        spec = FIELDS.get(f.name())
        if spec is not None and not layer.attributeAlias(i):
            layer.setFieldAlias(i, spec.alias)
    code_field, expr = NEXT_CODE[level]
    i = fields.lookupField(code_field)
    if i >= 0 and (level == "cluster" or fields.lookupField({"unit": "ZTBH", "plot": "DYBH"}[level]) >= 0):
        layer.setDefaultValueDefinition(i, QgsDefaultValue(expr, False))
    for name, value in DEFAULTS.items():
        j = fields.lookupField(name)
        if j >= 0 and not layer.defaultValueDefinition(j).expression():
            layer.setDefaultValueDefinition(j, QgsDefaultValue(value, False))
    j = fields.lookupField("YDYHFLDM")
    codes = land_use_codes()
    if j >= 0 and codes:
        mapping = [{f"{code} {name}": code} for code, name, _ in codes]
        layer.setEditorWidgetSetup(j, QgsEditorWidgetSetup("ValueMap", {"map": mapping}))
    k = fields.lookupField("YDYHFLMC")
    if k >= 0 and j >= 0 and codes:
        layer.setDefaultValueDefinition(k, QgsDefaultValue(
            "map_get(from_json('" + _names_json(codes) + "'), \"YDYHFLDM\")", True))


def _names_json(codes):
    import json

    return json.dumps({c: n for c, n, _ in codes}, ensure_ascii=False).replace("'", "''")
