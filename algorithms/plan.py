"""Creating a plan GeoPackage: the 组团 / 单元 / 地块 layers of the schema and the metadata table.

Written to a temporary file beside the target and moved into place at the end: whole or not at all.
"""
from __future__ import annotations

import datetime as _dt
import os
import tempfile
from typing import Optional

from .errors import InputError
from .schema import CLUSTER, LAYERS, METADATA_KEYS, empty_frame, layer_fields

__all__ = ["create_plan", "read_metadata", "atomic_output"]


class atomic_output:  # noqa: N801 - used as a context manager
    """``with atomic_output(path) as tmp:`` write ``tmp``; it replaces ``path`` only if the block succeeds."""

    def __init__(self, path: str):
        self.path = os.path.abspath(path)
        folder = os.path.dirname(self.path) or "."
        if not os.path.isdir(folder):
            raise InputError("E_WRITE", path=path, reason="目录不存在 / folder does not exist")
        if not os.access(folder, os.W_OK):
            raise InputError("E_WRITE", path=path, reason="目录不可写 / folder is not writable")
        suffix = os.path.splitext(path)[1]
        fd, self.tmp = tempfile.mkstemp(prefix=".zutuan-", suffix=suffix, dir=folder)
        os.close(fd)
        os.unlink(self.tmp)

    def __enter__(self) -> str:
        return self.tmp

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            try:
                os.replace(self.tmp, self.path)
            except OSError as err:
                self._cleanup()
                raise InputError("E_WRITE", path=self.path, reason=str(err)) from None
        else:
            self._cleanup()
        return False

    def _cleanup(self):
        for p in (self.tmp, self.tmp + "-wal", self.tmp + "-shm", self.tmp + "-journal"):
            if os.path.exists(p):
                os.unlink(p)


def _fit(gdf, spec, crs):
    """Columns of ``gdf`` restricted and typed to the layer spec (missing ones empty)."""
    import geopandas as gpd
    import pandas as pd

    out = {}
    for f in layer_fields(spec):
        if gdf is not None and f.name in gdf.columns:
            col = gdf[f.name]
            out[f.name] = pd.to_numeric(col, errors="coerce").astype(f.dtype) if f.type != "str" else \
                col.astype(object).where(col.notna(), None)
        else:
            out[f.name] = pd.Series([None] * (0 if gdf is None else len(gdf)), dtype=f.dtype,
                                    index=None if gdf is None else gdf.index)
    geom = gdf.geometry if gdf is not None else gpd.GeoSeries([], crs=crs)
    return gpd.GeoDataFrame(out, geometry=geom.values, crs=crs, index=geom.index)


def create_plan(path: str, *, crs, metadata: Optional[dict] = None, clusters=None) -> dict:
    """Write a new plan GeoPackage at ``path`` and return the metadata written.

    ``clusters`` (GeoDataFrame in ``crs``, with schema fields where known) seeds the 组团 layer; YDMJ is
    (re)measured from the geometry, which must already be in a projected metre CRS.
    """
    import pandas as pd
    from pyproj import CRS

    from . import __version__

    crs = CRS.from_user_input(crs)
    meta = {k: default for k, (_, default, _) in METADATA_KEYS.items()}
    meta.update({k: v for k, v in (metadata or {}).items() if v is not None and v != ""})
    unknown = set(meta) - set(METADATA_KEYS)
    if unknown:
        raise InputError("E_BAD_PARAMETER", name="metadata", value=", ".join(sorted(unknown)),
                         reason_zh="未知的元数据键", reason_en="unknown metadata keys")
    meta["ZBXT"] = f"EPSG:{crs.to_epsg()}" if crs.to_epsg() else crs.to_wkt()
    meta["CJSJ"] = meta.get("CJSJ") or _dt.datetime.now().astimezone().replace(microsecond=0).isoformat()
    meta["BZNF"] = int(meta.get("BZNF") or meta["CJSJ"][:4])
    meta["JZNF"] = int(meta.get("JZNF") or meta["BZNF"] - 1)
    meta["CJBB"] = __version__
    with atomic_output(path) as tmp:
        for spec in LAYERS:
            if spec is CLUSTER and clusters is not None and len(clusters):
                frame = _fit(clusters, spec, crs)
                frame["YDMJ"] = frame.geometry.area
            else:
                frame = empty_frame(spec, crs)
            # an explicit MultiPolygon type: QGIS does not show the CRS of an empty "Unknown (any)" layer
            frame.to_file(tmp, layer=spec.name, driver="GPKG", engine="pyogrio", geometry_type="MultiPolygon",
                          promote_to_multi=True, layer_options={"DESCRIPTION": f"{spec.alias} {spec.alias_en}"})
        table = pd.DataFrame({"JM": list(meta), "JZ": [str(v) for v in meta.values()],
                              "BM": [METADATA_KEYS[k][0] for k in meta]})
        import pyogrio

        pyogrio.write_dataframe(table, tmp, layer="plan_metadata", driver="GPKG")
    return meta


def read_metadata(path: str) -> dict:
    import pyogrio

    df = pyogrio.read_dataframe(path, layer="plan_metadata", read_geometry=False)
    return dict(zip(df["JM"], df["JZ"]))
