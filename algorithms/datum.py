"""Datum shifts between a layer and the measurement CRS: which transformation is used and how accurate it is.

When a layer's geodetic datum differs from the measurement CRS's (Xian 1980 or Beijing 1954 data checked
against CGCS2000 plots), PROJ picks the best transformation it has for the data's area. For the Chinese
datums that is usually a *ballpark* one — no datum shift at all, accuracy unknown (PROJ glossary: "could lead
in some cases to errors of a few hundreds of metres"). :func:`datum_shift` says which transformation is used
and its accuracy; callers log it, and the 一张图 check turns conflicts near a boundary into 需核实.

A better transformation can be given:

* a user transformation (:func:`user_transformer`): 3 or 7 Bursa-Wolf values ``dx,dy,dz[,rx,ry,rz,ds]``
  (metres, arc-seconds, ppm; position-vector convention as PROJ's ``+towgs84`` / EPSG method 9606) from the
  layer's datum to the measurement CRS's datum, or a PROJ pipeline string from the layer's coordinates to
  the measurement CRS's coordinates (x east, y north);
* inside QGIS, the project's datum transformation choices (Project ▸ Properties ▸ Transformations), which the
  bridge hands over as ``gdf.attrs["transforms"] = {(source authid, target authid): (proj string, accuracy,
  name)}``.
"""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from typing import Any, Optional

import numpy as np

from . import _compat  # noqa: F401  (PROJ data directory)
from pyproj import CRS

from .errors import InputError

__all__ = ["ACCURACY_LIMIT_M", "DatumShift", "same_datum", "datum_shift", "user_transformer", "reproject"]

#: a transformation less accurate than this (or of unknown accuracy) is reported and makes conflicts near a
#: boundary 需核实
ACCURACY_LIMIT_M = 1.0

_NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"


@dataclass
class DatumShift:
    """How a layer is moved from its datum to the measurement CRS's."""

    source: str                        # the layer's datum
    target: str                        # the measurement CRS's datum
    description: str                   # the transformation
    accuracy: Optional[float]          # metres; None = unknown (ballpark, or one chosen without a stated accuracy)
    origin: str                        # "PROJ" / "user" / "project"
    transformer: Any = None            # pyproj Transformer (always_xy)
    inverse: bool = False              # use ``transformer`` backwards (a project choice stored the other way)
    ballpark: bool = False             # no datum shift at all (PROJ's ballpark)

    @property
    def uncertain(self) -> bool:
        """A ballpark transformation, or an accuracy worse than :data:`ACCURACY_LIMIT_M`. A transformation the
        user chose (parameter or QGIS project) without a stated accuracy is the user's responsibility."""
        if self.ballpark:
            return True
        return self.accuracy is not None and self.accuracy > ACCURACY_LIMIT_M

    def accuracy_text(self) -> tuple[str, str]:
        if self.ballpark:
            return ("精度未知（PROJ 粗略转换 ballpark，未做基准转换，可能偏差数米至数百米）",
                    "accuracy unknown (PROJ ballpark: no datum shift, may be metres to hundreds of metres off)")
        if self.accuracy is not None:
            return f"精度约 {self.accuracy:g} 米", f"accuracy about {self.accuracy:g} m"
        return "由用户选定，未说明精度", "chosen by the user, accuracy not stated"

    def message(self, layer: str, target_name: str) -> str:
        acc_zh, acc_en = self.accuracy_text()
        who = {"user": ("用户转换参数", "the user's transformation"),
               "project": ("QGIS 工程的基准转换设置", "the QGIS project's datum transformation")}.get(
            self.origin, ("PROJ 自动选择的方法", "the transformation PROJ chose"))
        return (f"图层“{layer}”的基准 {self.source} 与量算坐标系 {target_name} 的基准 {self.target} 不同，按 {who[0]}"
                f"转换（{self.description}），{acc_zh} / layer '{layer}': datum {self.source} differs from "
                f"{self.target} of {target_name}; converted with {who[1]} ({self.description}), {acc_en}")

    def transform(self, x, y):
        direction = "INVERSE" if self.inverse else "FORWARD"
        return self.transformer.transform(x, y, direction=direction, errcheck=False)


def _datum(crs: CRS):
    g = crs.geodetic_crs
    return g.datum if g is not None else None


def same_datum(a, b) -> bool:
    """Both CRSs on one geodetic datum (CGCS2000 geographic and CGCS2000 Gauss-Krüger: yes)."""
    da, db = _datum(CRS.from_user_input(a)), _datum(CRS.from_user_input(b))
    if da is None or db is None:
        return True
    return da == db or da.name == db.name


def _authid(crs: CRS) -> Optional[str]:
    auth = crs.to_authority(min_confidence=90)
    return f"{auth[0]}:{auth[1]}" if auth else None


def _area(crs: CRS, bounds):
    from pyproj.transformer import AreaOfInterest

    from .crs import _lonlat, _sample_points

    if bounds is None or not np.all(np.isfinite(bounds)):
        return None
    lon, lat = _lonlat(crs, *_sample_points(bounds))
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    if not (np.all(np.isfinite(lon)) and np.all(np.isfinite(lat))):
        return None
    return AreaOfInterest(max(-180.0, lon.min()), max(-90.0, lat.min()), min(180.0, lon.max()),
                          min(90.0, lat.max()))


def datum_shift(own, target, bounds=None, *, user: Optional[str] = None, user_accuracy: Optional[float] = None,
                project_ops: Optional[dict] = None) -> Optional[DatumShift]:
    """The datum shift from ``own`` to ``target`` (None when both share a datum).

    Precedence: ``user`` (see :func:`user_transformer`), then the QGIS project's choice for this pair
    (``project_ops``), then the best transformation PROJ has for ``bounds`` (the layer's extent in ``own``).
    """
    own, target = CRS.from_user_input(own), CRS.from_user_input(target)
    if same_datum(own, target):
        return None
    src, dst = _datum(own).name, _datum(target).name
    if user:
        t, desc = user_transformer(user, own, target)
        return DatumShift(src, dst, desc, user_accuracy, "user", t)
    got = _project_choice(own, target, project_ops or {})
    if got is not None:
        t, inverse, desc, acc, ballpark = got
        return DatumShift(src, dst, desc, acc, "project", t, inverse, ballpark)
    from pyproj.transformer import TransformerGroup

    group = TransformerGroup(own, target, always_xy=True, area_of_interest=_area(own, bounds))
    t = group.transformers[0]
    ballpark = "ballpark" in (t.description or "").lower()
    acc = None if ballpark or t.accuracy is None or t.accuracy < 0 else float(t.accuracy)
    return DatumShift(src, dst, t.description, acc, "PROJ", t, ballpark=ballpark or acc is None)


def _project_choice(own: CRS, target: CRS, ops: dict):
    """(transformer, inverse, description, accuracy, ballpark?) of the project's operation for this pair."""
    from pyproj import Transformer

    a, b = _authid(own), _authid(target)
    for key, inverse in (((a, b), False), ((b, a), True)):
        if None in key or key not in ops:
            continue
        proj, acc, name = (tuple(ops[key]) + (None, None))[:3]
        try:
            t = Transformer.from_pipeline(proj)
        except Exception:  # noqa: BLE001 - a project string PROJ cannot use: fall back to PROJ's choice
            return None
        ballpark = "ballpark" in (name or "").lower() or proj.strip() in ("+proj=noop", "proj=noop")
        desc = f"{name}: {proj}" if name else proj
        return t, inverse, desc, (float(acc) if acc is not None and acc >= 0 else None), ballpark
    return None


def _bad(value, zh: str, en: str):
    return InputError("E_BAD_PARAMETER", name="DATUM_TRANSFORM", value=value, reason_zh=zh, reason_en=en)


def user_transformer(text: str, own, target):
    """(pyproj Transformer, description) from a user's transformation ``text`` (module doc) for moving data
    from ``own`` into ``target``. Raises ``E_BAD_PARAMETER`` for anything else."""
    from pyproj import Transformer

    own, target = CRS.from_user_input(own), CRS.from_user_input(target)
    text = (text or "").strip()
    values = re.findall(_NUMBER, text)
    if "proj=" in text:
        try:
            return Transformer.from_pipeline(text), f"PROJ: {text}"
        except Exception as exc:  # noqa: BLE001 - pyproj raises ProjError
            raise _bad(text, f"PROJ 无法解析此管道（{exc}）", f"PROJ cannot use this pipeline ({exc})") from None
    if len(values) not in (3, 7) or re.sub(rf"{_NUMBER}|[\s,;，；]", "", text):
        raise _bad(text, "应为 3 或 7 个数值“dx,dy,dz,rx,ry,rz,ds”或 PROJ 管道字符串",
                   "give 3 or 7 numbers 'dx,dy,dz,rx,ry,rz,ds' or a PROJ pipeline string")
    towgs84 = ",".join(values + ["0"] * (7 - len(values)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")           # to_proj4 warns that it may lose information: not here
        src = CRS.from_proj4(f"{own.to_proj4()} +towgs84={towgs84}")
        dst = CRS.from_proj4(f"{target.to_proj4()} +towgs84=0,0,0,0,0,0,0")
    return (Transformer.from_crs(src, dst, always_xy=True),
            f"布尔莎七参数 / Bursa-Wolf {towgs84} (m, m, m, ″, ″, ″, ppm)")


def reproject(gdf, target, shift: Optional[DatumShift]):
    """``gdf`` in ``target``: with ``shift``'s transformation when there is one, else PROJ's (geopandas)."""
    import geopandas as gpd
    import shapely

    from .crs import to_crs

    if shift is None or shift.transformer is None:
        return to_crs(gdf, target)

    def move(xy):
        x, y = shift.transform(xy[:, 0], xy[:, 1])
        return np.column_stack([x, y])

    geoms = shapely.transform(np.asarray(gdf.geometry.values, dtype=object), move)
    crs = CRS.from_user_input(target)
    out = gdf.copy()
    out[gdf.geometry.name] = gpd.GeoSeries(geoms, index=gdf.index, crs=crs)
    return out.set_crs(crs, allow_override=True)
