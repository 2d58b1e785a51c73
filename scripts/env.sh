# Source this file: the environment in which QGIS (desktop, qgis_process.bin, PyQGIS) finds the plugin and its
# Python packages. The user's own QGIS profile is never touched: QGIS_CUSTOM_CONFIG_PATH points at build/.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ZUTUAN_ROOT="$ROOT"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp/runtime-$(id -u)}"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
# The plugin folder must be a valid Python identifier: link the checkout as build/plugins/zutuan.
mkdir -p "$ROOT/build/plugins" "$ROOT/build/qgis-profile"
[ -e "$ROOT/build/plugins/zutuan" ] || ln -sfn "$ROOT" "$ROOT/build/plugins/zutuan"
export QGIS_PLUGINPATH="$ROOT/build/plugins"
export QGIS_CUSTOM_CONFIG_PATH="$ROOT/build/qgis-profile"
# qgis_process.bin embeds the system Python: give it the venv's packages (shapely/pyogrio built on system GEOS/GDAL).
SITE="$("$ROOT/.venv/bin/python" -c 'import sysconfig;print(sysconfig.get_paths()["purelib"])')"
export PYTHONPATH="$SITE${PYTHONPATH:+:$PYTHONPATH}"
export PY="$ROOT/.venv/bin/python"
qgis_process.bin plugins enable zutuan >/dev/null 2>&1 || true
