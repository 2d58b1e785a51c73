#!/usr/bin/env bash
# Set up a fresh Debian 12 machine (run as root) for the 小组团 Planner plugin:
# QGIS 3.22 LTR from Debian, the GEOS/GDAL-linked Python stack, a venv over the system Python.
# Idempotent: re-running only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export DEBIAN_FRONTEND=noninteractive

APT_PKGS="qgis python3-qgis qgis-providers libgeos-dev libgdal-dev python3-dev python3-venv \
  python3-fiona python3-rasterio python3-pyproj python3-pandas python3-yaml \
  fonts-noto-cjk xvfb xauth poppler-utils gdal-bin qttools5-dev-tools pyqt5-dev-tools \
  postgresql postgresql-15-postgis-3 zip"
missing=""
for p in $APT_PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "[setup] apt-get install:$missing"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# A venv over the *system* interpreter, so that qgis, PyQt5 and Debian's GEOS/GDAL-linked packages stay visible.
if [ ! -x .venv/bin/python ]; then
  /usr/bin/python3 -m venv --system-site-packages .venv
fi
PY=.venv/bin/python
if ! $PY -c "import shapely, pyogrio, geopandas; assert shapely.geos_version[:2]==(3,11)" 2>/dev/null; then
  echo "[setup] building shapely/pyogrio against the system GEOS/GDAL (about 90 s)"
  $PY -m pip install -q --upgrade "pip<25"
  # Never install GEOS/GDAL-bundling wheels: they crash inside QGIS (see docs/INSTALL.md).
  $PY -m pip install -q --no-binary shapely,pyogrio "shapely>=2.0,<2.2" "pyogrio<0.12"
fi
$PY -m pip install -q -r requirements.txt
# compiled translations (.qm) are built here and by scripts/package.sh, never committed
for ts in plugin/i18n/*.ts; do [ -e "$ts" ] && lrelease -silent "$ts" -qm "${ts%.ts}.qm"; done
echo "[setup] done: $($PY -c 'import shapely,geopandas,qgis.core as q;print("QGIS",q.Qgis.QGIS_VERSION,"shapely",shapely.__version__,"GEOS",shapely.geos_version_string,"geopandas",geopandas.__version__)' 2>/dev/null)"
