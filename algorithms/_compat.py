"""Optional imports, version flags and environment fixes in one place; ``show_versions()`` for bug reports."""
from __future__ import annotations

import os
import sys

__all__ = ["ensure_proj_data", "show_versions", "versions", "factorize_text"]


def ensure_proj_data() -> None:
    """Point pyproj at the system PROJ database when its own lookup fails.

    Debian's python3-pyproj inside a venv (or inside QGIS's embedded Python) looks under ``sys.prefix`` and
    warns "Valid PROJ data directory not found"; the database is in /usr/share/proj. Must run before pyproj
    is first imported, so ``algorithms/__init__.py`` calls it; it imports nothing.
    """
    if os.environ.get("PROJ_DATA") or os.environ.get("PROJ_LIB"):
        return
    for cand in (os.path.join(sys.prefix, "share", "proj"), "/usr/share/proj", "/usr/local/share/proj"):
        if os.path.exists(os.path.join(cand, "proj.db")):
            os.environ["PROJ_DATA"] = cand
            os.environ["PROJ_LIB"] = cand
            break


def factorize_text(values):
    """``pd.factorize`` of texts (codes in order of first appearance, the distinct texts), safe for texts holding NUL:
    pandas 1.5's string hash table ends a text at its first NUL ("A\\x00B" and "A" would be one code)."""
    import numpy as np

    values = list(values)
    if "\x00" not in "".join(values):
        import pandas as pd

        return pd.factorize(np.asarray(values, dtype=object))
    seen: dict = {}
    codes = np.fromiter((seen.setdefault(v, len(seen)) for v in values), dtype=np.int64, count=len(values))
    uniques = np.empty(len(seen), dtype=object)
    uniques[:] = list(seen)
    return codes, uniques


def versions() -> dict:
    """Versions of the engine's libraries and the C libraries under them."""
    out = {"python": sys.version.split()[0]}
    try:
        import shapely
        out["shapely"] = shapely.__version__
        out["GEOS"] = shapely.geos_version_string
    except ImportError:
        out["shapely"] = None
    try:
        import pyproj
        out["pyproj"] = pyproj.__version__
        out["PROJ"] = pyproj.proj_version_str
    except ImportError:
        out["pyproj"] = None
    for name in ("geopandas", "pandas", "numpy", "pyogrio", "fiona", "rasterio", "openpyxl"):
        out[name] = _version_of(name)
    try:
        import pyogrio
        out["GDAL"] = pyogrio.__gdal_version_string__
    except (ImportError, AttributeError):
        pass
    from . import __version__
    out["zutuan-engine"] = __version__
    return out


def _version_of(name: str):
    """A library's version without importing it when it is not loaded yet (fiona, rasterio and openpyxl take
    0.3 s to import — a report must not pay that); None when it is not installed."""
    mod = sys.modules.get(name)
    if mod is not None:
        return getattr(mod, "__version__", "?")
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        pass
    try:
        return getattr(__import__(name), "__version__", "?")
    except ImportError:
        return None


def show_versions() -> None:
    for k, v in versions().items():
        print(f"{k:>14}: {v}")


ensure_proj_data()
