"""The real QGIS desktop under Xvfb with the plugin enabled, the sample plan open and the dock shown."""
import json
import os
import shutil
import subprocess

import pytest
from conftest import PLUGINS, ROOT, SAMPLE

SHOT_DOC = os.path.join(ROOT, "docs", "screenshot_dock.png")


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is installed by scripts/setup.sh")
def test_desktop_shows_dock_with_sample_plan(tmp_path):
    profile = tmp_path / "profile"
    ini = profile / "profiles" / "default" / "QGIS"
    ini.mkdir(parents=True)
    (ini / "QGIS3.ini").write_text("[PythonPlugins]\nzutuan=true\n\n[qgis]\nshowTips=false\n"
                                   "checkVersion=false\n\n[locale]\noverrideFlag=true\nuserLocale=zh_CN\n",
                                   encoding="utf-8")
    shot = tmp_path / "dock.png"
    env = dict(os.environ, QGIS_PLUGINPATH=PLUGINS, QGIS_CUSTOM_CONFIG_PATH=str(profile), ZUTUAN_SHOT=str(shot),
               ZUTUAN_SAMPLE=SAMPLE, ZUTUAN_ROOT=ROOT)
    env.pop("QT_QPA_PLATFORM", None)  # a real X display (Xvfb), not offscreen
    out = os.path.join(ROOT, "out")  # the demo's results, when it has run: the plan with its units and plots
    for name, path in (("danyuan", "units.gpkg"), ("dikuai", "plots_reviewed.gpkg")):
        if os.path.exists(os.path.join(out, path)):
            env[f"ZUTUAN_LAYER_{name}"] = os.path.join(out, path)
    proc = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1400x900x24", "qgis", "--nologo", "--noversioncheck",
                           "--code", os.path.join(os.path.dirname(__file__), "desktop_script.py")],
                          env=env, capture_output=True, text=True, timeout=240)
    status_file = str(shot) + ".json"
    assert os.path.exists(status_file), proc.stdout[-2000:] + proc.stderr[-2000:]
    status = json.load(open(status_file, encoding="utf-8"))
    assert status.get("error") is None, status.get("error")
    assert status["ok"] and status["plugin_loaded"] and status["dock"] and status["provider"]
    assert status["tree_top_level"] >= 1
    assert "公顷" in status["summary"]
    assert os.path.getsize(shot) > 20000  # a real rendered window, not an empty image
    if os.environ.get("ZUTUAN_UPDATE_SCREENSHOT"):
        shutil.copy(shot, SHOT_DOC)
