"""Language: every string has English, the .ts files are current, and QGIS's locale switches the plugin's language.

The locale test starts a fresh Python with QGIS on a temporary profile whose QGIS3.ini overrides the locale (as the
user does in Settings ▸ Options ▸ General), loads the plugin through classFactory exactly as QGIS does and prints
an algorithm's name, help, group, parameter descriptions, enum options, outputs, the provider's name and the dock's
labels as JSON.
"""
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
I18N = os.path.join(ROOT, "plugin", "i18n")
PLUGINS = os.path.join(ROOT, "build", "plugins")
PY = os.path.join(ROOT, ".venv", "bin", "python")
CJK = re.compile(r"[\u2e80-\u9fff\uff00-\uffef]")

_spec = importlib.util.spec_from_file_location("zutuan_i18n_script", os.path.join(ROOT, "scripts", "i18n.py"))
i18n_script = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(i18n_script)

PROBE = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
sys.path.append("/usr/share/qgis/python/plugins")
from qgis.PyQt.QtCore import QCoreApplication
# the names QGIS desktop uses, so QgsSettings reads <profile>/QGIS/QGIS3.ini
QCoreApplication.setOrganizationName("QGIS")
QCoreApplication.setOrganizationDomain("qgis.org")
QCoreApplication.setApplicationName("QGIS3")
from qgis.core import QgsApplication
QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], True)
app.initQgis()
from processing.core.Processing import Processing
Processing.initialize()  # native algorithms, as in QGIS (the shipped models use them)
import zutuan
plugin = zutuan.classFactory(None)
plugin.initProcessing()
from zutuan.plugin.plugin import ui_language
reg = QgsApplication.processingRegistry()
algs = {}
for alg in reg.providerById("zutuan").algorithms():
    params = {}
    for p in alg.parameterDefinitions():
        params[p.name()] = {"description": p.description(), "help": p.help(),
                            "options": list(p.options()) if hasattr(p, "options") else []}
    algs[alg.name()] = {"model": not hasattr(alg, "HELP_ZH"), "displayName": alg.displayName(), "group": alg.group(),
                        "help": alg.shortHelpString(),
                        "parameters": params, "outputs": {o.name(): o.description() for o in alg.outputDefinitions()}}
from zutuan.plugin.gui.dock import PlanDock
dock = PlanDock(None)
out = {"locale": QgsApplication.locale(), "ui_language": ui_language(),
       "translator": plugin.translator is not None, "provider": reg.providerById("zutuan").name(), "algorithms": algs,
       "dock": {"title": dock.windowTitle(), "tabs": [dock.tabs.tabText(i) for i in range(dock.tabs.count())],
                "buttons": {k: b.text() for k, b in dock.action_buttons.items()},
                "header": [dock.tree.headerItem().text(i) for i in range(dock.tree.columnCount())]}}
dock.teardown()
print("JSON:" + json.dumps(out, ensure_ascii=False))
"""


def _ensure_qm():
    """Compile the .qm files (gitignored; scripts/setup.sh builds them) when missing or older than their .ts."""
    for lang in ("en", "zh_CN"):
        ts, qm = (os.path.join(I18N, f"zutuan_{lang}.{ext}") for ext in ("ts", "qm"))
        if not os.path.exists(qm) or os.path.getmtime(qm) < os.path.getmtime(ts):
            assert shutil.which("lrelease"), "lrelease (qttools5-dev-tools) is needed to build the .qm files"
            # write beside and rename: this test process has the old .qm loaded (QTranslator maps the file), and
            # overwriting a mapped file in place crashes the next translate() (seen as a segfault in a later test)
            tmp = qm + ".new"
            subprocess.run(["lrelease", "-silent", ts, "-qm", tmp], check=True, timeout=120)
            os.replace(tmp, qm)


def _run_in_locale(tmp_path, locale):
    profile = tmp_path / locale
    (profile / "profiles" / "default" / "QGIS").mkdir(parents=True)
    (profile / "profiles" / "default" / "QGIS" / "QGIS3.ini").write_text(
        f"[locale]\noverrideFlag=true\nuserLocale={locale}\n", encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(profile), QGIS_PLUGINPATH=PLUGINS,
               LANG="C.UTF-8", LC_ALL="C.UTF-8")
    proc = subprocess.run([PY, "-c", PROBE, PLUGINS], capture_output=True, text=True, env=env, timeout=300)
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("JSON:")), None)
    assert proc.returncode == 0 and line, f"probe failed ({proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}"
    return json.loads(line[5:])


@pytest.fixture(scope="module")
def translations():
    return i18n_script.read_ts(os.path.join(I18N, "zutuan_en.ts"))


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    _ensure_qm()
    tmp = tmp_path_factory.mktemp("locales")
    return {loc: _run_in_locale(tmp, loc) for loc in ("en_US", "zh_CN")}


def test_ts_complete_and_current():
    proc = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "i18n.py"), "--check"], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_extractor_finds_forwarded_and_table_literals():
    found = i18n_script.extract()
    # tr() applied inside add(p, help_text) / field(key, label, ...) and over literal tables (loops, N_ tables)
    assert "地块（DKBH、YDYHFLDM、HYDM；已有的指标值保留）/ plots; existing control values are kept" in found
    assert {"一类", "七类", "净现值（万元）", "供地状态字段", "划分单元", "容积率下限"} <= set(found)
    # DISPLAY and HELP_ZH of every algorithm class, HELP_EN as the hint
    from_classes = {s: h for s, h in found.items() if h}
    assert any(h.startswith("Measures each polygon") for h in from_classes.values())


def test_locale_switch(both, translations):
    en, zh = both["en_US"], both["zh_CN"]
    assert (en["locale"], en["ui_language"], en["translator"]) == ("en", "en", True)
    assert (zh["locale"], zh["ui_language"]) == ("zh_CN", "zh_CN")

    # hand-checked anchors: algorithm name, parameter, group, enum option, output, provider, dock labels
    ce, cz = en["algorithms"]["calcarea"], zh["algorithms"]["calcarea"]
    assert (ce["displayName"], cz["displayName"]) == ("Calculate land area", "计算用地面积")
    assert (ce["group"], cz["group"]) == ("Controls", "指标")
    assert (ce["parameters"]["INPUT"]["description"], cz["parameters"]["INPUT"]["description"]) == \
        ("Input polygon layer", "输入面图层")
    assert (ce["outputs"]["TOTAL_HA"], cz["outputs"]["TOTAL_HA"]) == ("Total area (ha)", "总面积（公顷）")
    assert ce["help"].startswith("Measures each polygon") and not CJK.search(ce["help"])
    assert cz["help"].startswith("在投影米制坐标系中") and "Measures each polygon" in cz["help"]  # both languages
    ae, az = en["algorithms"]["assigncontrols"], zh["algorithms"]["assigncontrols"]
    assert ae["parameters"]["REGION_CLASS"]["options"][:3] == ["Not specified", "Class 1", "Class 2"]
    assert az["parameters"]["REGION_CLASS"]["options"][:3] == ["未指定", "一类", "二类"]
    assert ae["parameters"]["INPUT"]["help"].startswith("Plots (DKBH")
    assert (en["provider"], zh["provider"]) == ("Cluster rolling development", "小组团滚动开发")
    assert (en["dock"]["title"], zh["dock"]["title"]) == ("Cluster plan", "小组团规划")
    assert en["dock"]["tabs"] == ["Plan overview", "Control editor"] and zh["dock"]["tabs"] == ["规划概览", "指标编辑"]
    assert en["dock"]["header"][:3] == ["Code", "Land use / industry", "Area (ha)"]
    assert zh["dock"]["header"][:3] == ["编号", "用地 / 产业", "面积（公顷）"]
    assert en["dock"]["buttons"]["zutuan:assigncontrols"] == "Assign controls"
    assert zh["dock"]["buttons"]["zutuan:assigncontrols"] == "赋值指标"

    # every algorithm: in English no Chinese is left in names, groups, descriptions, options and outputs (a string
    # that keeps Chinese on purpose must be a reviewed translation); in Chinese the same texts are Chinese
    english = set(translations.values())
    assert set(en["algorithms"]) == set(zh["algorithms"])
    assert sum(not a["model"] for a in en["algorithms"].values()) >= 8
    for alg_id, a in en["algorithms"].items():
        z = zh["algorithms"][alg_id]
        if a["model"]:  # a shipped .model3: the plugin translates its name and group; the rest is the model's own
            assert not CJK.search(a["displayName"]) and not CJK.search(a["group"]), (alg_id, a["displayName"])
            assert CJK.search(z["displayName"]) and CJK.search(z["group"]), alg_id
            continue
        texts = [a["displayName"], a["group"], *a["outputs"].values()]
        for p in a["parameters"].values():
            texts += [p["description"], p["help"], *p["options"]]
        for text in texts:
            assert not CJK.search(text) or text in english, f"{alg_id}: untranslated {text!r}"
        assert CJK.search(z["displayName"]) and CJK.search(z["group"]), alg_id
        assert a["displayName"] != z["displayName"], alg_id
        for name, p in z["parameters"].items():
            assert CJK.search(p["description"]) or p["description"] == a["parameters"][name]["description"], \
                f"{alg_id}.{name}: {p['description']!r}"
    for text in [en["dock"]["title"], *en["dock"]["tabs"], *en["dock"]["buttons"].values(), *en["dock"]["header"]]:
        assert not CJK.search(text), text
