"""The real QGIS desktop under Xvfb (zh_CN) with the plugin enabled: the planner's chain through the dock's own
buttons on the sample zone (test/qgis/desktop_script.py), with a screenshot of each state.

ZUTUAN_UPDATE_SCREENSHOT=1 copies the screenshots to docs/screenshots/ (referenced from README).
"""
import json
import os
import shutil

import pytest
from conftest import PLUGINS, ROOT, SAMPLE

SHOT_DIR = os.path.join(ROOT, "docs", "screenshots")


@pytest.fixture(scope="module")
def desktop(tmp_path_factory):
    if shutil.which("xvfb-run") is None:
        pytest.fail("xvfb-run is installed by scripts/setup.sh")
    tmp = tmp_path_factory.mktemp("desktop")
    profile = tmp / "profile"
    ini = profile / "profiles" / "default" / "QGIS"
    ini.mkdir(parents=True)
    (ini / "QGIS3.ini").write_text("[PythonPlugins]\nzutuan=true\n\n[qgis]\nshowTips=false\n"
                                   "checkVersion=false\n\n[locale]\noverrideFlag=true\nuserLocale=zh_CN\n",
                                   encoding="utf-8")
    env = dict(os.environ, QGIS_PLUGINPATH=PLUGINS, QGIS_CUSTOM_CONFIG_PATH=str(profile), ZUTUAN_SHOT_DIR=str(tmp),
               ZUTUAN_SAMPLE=SAMPLE, ZUTUAN_ROOT=ROOT)
    env.pop("QT_QPA_PLATFORM", None)  # a real X display (Xvfb), not offscreen
    import subprocess

    proc = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--nologo", "--noversioncheck",
                           "--code", os.path.join(os.path.dirname(__file__), "desktop_script.py")],
                          env=env, capture_output=True, text=True, timeout=420)
    status_file = tmp / "status.json"
    assert status_file.exists(), proc.stdout[-2000:] + proc.stderr[-2000:]
    status = json.loads(status_file.read_text(encoding="utf-8"))
    assert status.get("error") is None, status.get("error")
    if os.environ.get("ZUTUAN_UPDATE_SCREENSHOT"):
        os.makedirs(SHOT_DIR, exist_ok=True)
        for name in status["shots"]:
            shutil.copy(tmp / name, os.path.join(SHOT_DIR, name))
    return status, tmp


def test_the_dock_drives_one_plan(desktop):
    status, _ = desktop
    assert status["ok"] and status["plan_dialog"] and status["folder_dialog"]
    assert all(enabled for _, enabled in status["clicked"])
    assert status["roles_start"] == {"cluster": "zutuan", "roads": "daolu", "cadastre": "zongdi"}
    assert "已新建规划" in status["after_plan"] and "已划分单元" in status["after_units"]
    assert "已划分地块" in status["after_plots"]


def test_dock_subdivision_equals_the_toolbox(desktop):
    status, _ = desktop
    assert status["units_same"] and status["units_diff_m2"] < 0.01
    assert status["plots_same"] and status["plots_diff_m2"] < 0.01
    assert status["n_plots"] > 100 and status["plots_crossing_roads"] == 0


def test_review_without_master_plan_layers_refuses(desktop):
    status, _ = desktop
    assert status["refused"].startswith("审查未运行") and not status["refused_ran"]
    assert all(n in status["refused"] for n in ("生态保护红线", "永久基本农田", "城镇开发边界", "规划分区"))


def test_review_finds_the_planted_conflicts(desktop):
    status, _ = desktop
    roles = status["roles_review"]
    assert (roles["redline"], roles["farmland"], roles["urban"], roles["zoning"], roles["dem"]) == \
        ("stbhhx", "yjjbnt", "czkfbj", "ghfq", "dem")
    assert status["review"].startswith("审查完成") and "未检查" not in status["review"]
    # resources/sample/README.md: Z04 in the red line, Z03 on farmland, Z02 outside the boundary, Z01 in 居住生活区,
    # the karst tower in Z01 steeper than 25°
    rules = set(status["conflict_rules"])
    assert {"生态保护红线", "永久基本农田", "城镇开发边界", "规划分区"} <= rules and any("坡度" in r for r in rules)
    failing = {code[:3] for code, scjl in status["scjl"].items() if scjl == "不合规"}
    assert {"Z01", "Z02", "Z03", "Z04"} <= failing
    assert status["findings"] > 0 and status["zoomed"]


def test_edit_marks_review_stale_and_export_writes_the_folder(desktop):
    status, tmp = desktop
    assert status["stale_scjl"] == "未审查" and "审查已过期" in status["stale_label"]
    assert "审查已过期" not in status["after_rollback"]  # the edit discarded: the review stands
    assert {"控制指标表.xlsx", "控制指标表.csv", "地块图则.pdf", "一张图审查报告.html"} <= set(status["exported"])
    assert str(tmp / "export") in status["export_message"] and status["remembered_folder"] == str(tmp / "export")
    for name in status["shots"]:
        assert os.path.getsize(tmp / name) > 20000  # real rendered windows
