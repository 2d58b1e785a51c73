"""Real QGIS 3.22 for the tests: one QgsApplication, Processing initialised, the plugin loaded through classFactory.

The plugin is imported as ``zutuan`` from build/plugins (scripts/env.sh links the checkout there), exactly as QGIS
loads it. Never import the engine as ``algorithms`` here: use ``zutuan.algorithms``.
"""
import json
import os
import subprocess
import sys

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PLUGINS = os.path.join(ROOT, "build", "plugins")
SAMPLE = os.path.join(ROOT, "resources", "sample", "data", "sample_zone.gpkg")
os.makedirs(PLUGINS, exist_ok=True)
if not os.path.exists(os.path.join(PLUGINS, "zutuan")):
    os.symlink(ROOT, os.path.join(PLUGINS, "zutuan"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if PLUGINS not in sys.path:
    sys.path.insert(0, PLUGINS)
sys.path.append("/usr/share/qgis/python/plugins")

from qgis.core import QgsApplication  # noqa: E402

QgsApplication.setPrefixPath("/usr", True)
_APP = QgsApplication([], True)  # GUI enabled (offscreen): the dock tests need widgets
_APP.initQgis()

from processing.core.Processing import Processing  # noqa: E402

Processing.initialize()
from qgis.core import QgsSettings  # noqa: E402

# The tests read the plugin's Chinese-first strings: pin QGIS to zh_CN before the plugin installs its translator
# (otherwise a compiled zutuan_en.qm turns them English). test_i18n.py switches the locale in subprocesses.
QgsSettings().setValue("locale/overrideFlag", True)
QgsSettings().setValue("locale/userLocale", "zh_CN")
_MODULES_BEFORE_PLUGIN = set(sys.modules)
import zutuan  # noqa: E402

PLUGIN = zutuan.classFactory(None)
PLUGIN.initProcessing()
MODULES_AFTER_LOAD = set(sys.modules) - _MODULES_BEFORE_PLUGIN


@pytest.fixture(scope="session")
def qgis_app():
    return _APP


@pytest.fixture(scope="session")
def plugin():
    return PLUGIN


def qgis_process(alg, params, *, check=True, timeout=600):
    """Run ``alg`` with ``qgis_process.bin run --json`` (the real command-line QGIS); returns (rc, json|None, text).
    Keys starting with "--" (``--PROJECT_PATH``, ``--ELLIPSOID``) are options of the run, given before "--"."""
    args = ["qgis_process.bin", "run", alg, "--json"]
    args += [f"{k}={v}" for k, v in params.items() if k.startswith("--")] + ["--"]
    params = {k: v for k, v in params.items() if not k.startswith("--")}
    for k, v in params.items():
        for item in (v if isinstance(v, (list, tuple)) else [v]):
            args.append(f"{k}={item}")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_PLUGINPATH=PLUGINS)
    env.setdefault("QGIS_CUSTOM_CONFIG_PATH", os.path.join(ROOT, "build", "qgis-profile"))
    proc = subprocess.run(args, capture_output=True, text=True, env=env, timeout=timeout)
    out = proc.stdout
    data = None
    start = out.find("{")
    if start >= 0:
        try:
            data = json.loads(out[start:])
        except ValueError:
            data = None
    if check and (proc.returncode != 0 or data is None):
        raise AssertionError(f"qgis_process failed ({proc.returncode}):\n{out[-3000:]}\n{proc.stderr[-3000:]}")
    return proc.returncode, data, out + proc.stderr


@pytest.fixture(scope="session")
def run_qgis_process():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_PLUGINPATH=PLUGINS)
    env.setdefault("QGIS_CUSTOM_CONFIG_PATH", os.path.join(ROOT, "build", "qgis-profile"))
    os.makedirs(env["QGIS_CUSTOM_CONFIG_PATH"], exist_ok=True)
    subprocess.run(["qgis_process.bin", "plugins", "enable", "zutuan"], env=env, capture_output=True, timeout=120)
    return qgis_process
