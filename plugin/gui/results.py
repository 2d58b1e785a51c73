"""Results shown beside the plan in the dock: the latest year's 亩均效益 grades (zutuan:mujun's 亩均效益地块 layer,
field MJDJ per plot DKBH, year ND)."""
from qgis.core import QgsFeatureRequest

from ..i18n import tr

#: grade order of the summary (the illustrative profile's classes; T = 不参评, a required indicator missing)
GRADE_ORDER = ("A", "B", "C", "D", "T")
GRADE_COLOURS = {"A": "#1a9641", "B": "#a6d96a", "C": "#fdae61", "D": "#d7191c", "T": "#888888"}


def _value(v):
    return None if v is None or (hasattr(v, "isNull") and v.isNull()) or str(v) == "NULL" else v


def latest_grades(layer):
    """(year, {DKBH: grade}) of the latest year ND in ``layer`` (all rows when it has no ND); (None, {}) without it."""
    if layer is None:
        return None, {}
    names = layer.fields().names()
    has_year = "ND" in names
    wanted = ["DKBH", "MJDJ"] + (["ND"] if has_year else [])
    req = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry).setSubsetOfAttributes(wanted, layer.fields())
    rows = []
    for f in layer.getFeatures(req):
        code, grade = _value(f["DKBH"]), _value(f["MJDJ"])
        year = _value(f["ND"]) if has_year else None
        if code is not None and grade is not None:
            rows.append((str(code), str(grade), int(year) if year is not None else None))
    years = [y for _, _, y in rows if y is not None]
    latest = max(years) if years else None
    return latest, {code: grade for code, grade, y in rows if y == latest}


def attach_grades(plots, grades):
    """Put each plot record's grade under MJDJ (None: the plot has no statistics that year)."""
    for p in plots:
        p["MJDJ"] = grades.get(str(p.get("DKBH")))


def grade_counts(plots):
    """{grade: plots} of ``plots`` in GRADE_ORDER (other grades after), with None for plots without a grade."""
    counts = {}
    for p in plots:
        counts[p.get("MJDJ")] = counts.get(p.get("MJDJ"), 0) + 1
    order = [g for g in GRADE_ORDER if g in counts] + sorted(g for g in counts if g not in GRADE_ORDER and g)
    return {g: counts[g] for g in order + ([None] if None in counts else [])}


def grades_html(plots, year):
    """One line of the summary: the grade counts of ``plots`` for ``year``."""
    if year is None and not any(p.get("MJDJ") for p in plots):
        return ""
    parts = [f"<span style='color:{GRADE_COLOURS.get(g, '#000')}'><b>{g}</b></span> {n}"
             for g, n in grade_counts(plots).items() if g is not None]
    missing = sum(1 for p in plots if p.get("MJDJ") is None)
    if missing:
        parts.append(f"{tr('未评价（无统计数据）')} {missing}")
    label = f"{year} {tr('年')}" if year is not None else ""
    return f"<br>{tr('亩均效益等级')} {label}：{'，'.join(parts)}"
