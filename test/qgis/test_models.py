"""The shipped Graphical Modeler models: current with scripts/build_models.py, listed, and run headless."""
import os
import subprocess
import xml.etree.ElementTree as ET

import pytest
from conftest import ROOT, SAMPLE
from qgis.core import QgsApplication, QgsVectorLayer

MODELS = os.path.join(ROOT, "resources", "models")
DATA = os.path.dirname(SAMPLE)
CONSTRAINTS = {"REDLINE": f"{SAMPLE}|layername=stbhhx", "FARMLAND": f"{SAMPLE}|layername=yjjbnt",
               "URBAN_BOUNDARY": f"{SAMPLE}|layername=czkfbj", "ZONING": f"{SAMPLE}|layername=ghfq",
               "ZONE_FIELD": "GHFQMC", "DEM": os.path.join(DATA, "dem.tif"),
               "LOCAL_PROFILE": os.path.join(DATA, "local_profile.yaml")}


def _canonical(path):
    return ET.canonicalize(from_file=path, strip_text=True)  # Qt writes attributes in hash order


def test_committed_models_are_current(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    r = subprocess.run([os.path.join(ROOT, ".venv", "bin", "python"), os.path.join(ROOT, "scripts", "build_models.py"),
                        str(tmp_path)], env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    for name in ("plannerchain.model3", "officialchain.model3"):
        assert _canonical(tmp_path / name) == _canonical(os.path.join(MODELS, name)), \
            f"{name} is out of date: run scripts/build_models.py"


def test_models_are_in_the_provider_with_their_outputs(plugin):
    reg = QgsApplication.processingRegistry()
    for alg_id, display in (("zutuan:plannerchain", "规划师流程"), ("zutuan:officialchain", "审查员流程")):
        alg = reg.algorithmById(alg_id)
        assert alg is not None and alg.groupId() == "models"
        assert display in alg.displayName() or alg.displayName().startswith(("Planner", "Land official"))
        dest = {p.name() for p in alg.destinationParameterDefinitions()}
        assert "table:WORKBOOK" in dest and "check_masterplan:MP_REPORT" in dest


@pytest.mark.parametrize("model", ["plannerchain", "officialchain"])
def test_model_runs_headless_on_the_sample(run_qgis_process, tmp_path, model):
    params = dict(CONSTRAINTS)
    outs = {"table:WORKBOOK": tmp_path / "t.xlsx", "check_masterplan:MP_REPORT": tmp_path / "mp.html",
            "check_masterplan:MP_CONFLICTS": tmp_path / "c.gpkg", "check_standards:PLOTS_REVIEWED": tmp_path / "p.gpkg",
            "check_standards:STD_REPORT": tmp_path / "st.html"}
    if model == "plannerchain":
        params.update(CLUSTERS=f"{SAMPLE}|layername=zutuan", ROADS=f"{SAMPLE}|layername=daolu",
                      CADASTRE=f"{SAMPLE}|layername=zongdi")
        outs.update({"units:UNITS": tmp_path / "u.gpkg", "units:ROAD_CORRIDORS": tmp_path / "rc.gpkg",
                     "sheets:SHEETS": tmp_path / "s.pdf"})
    else:
        params["PLOTS"] = f"{SAMPLE}|layername=zongdi"  # a layer not made with the plugin: the sample's parcels
        params.update(CODE_FIELD="ZDDM", LANDUSE_FIELD="YT")  # its own field names, mapped
        params.pop("LOCAL_PROFILE")
    params.update({k: str(v) for k, v in outs.items()})
    _, data, _ = run_qgis_process(f"zutuan:{model}", params, timeout=900)
    for key, path in outs.items():
        assert path.exists() and path.stat().st_size > 0, key
    plots = QgsVectorLayer(str(outs["check_standards:PLOTS_REVIEWED"]), "p", "ogr")
    assert plots.isValid() and plots.featureCount() > 100
    statuses = {f["SCJL"] for f in plots.getFeatures()}
    assert statuses & {"不合规", "需核实"}, statuses  # the sample's planted conflicts are found
    html = outs["check_masterplan:MP_REPORT"].read_text(encoding="utf-8")
    assert "生态保护红线" in html and "永久基本农田" in html
    if model == "plannerchain":
        from openpyxl import load_workbook

        wb = load_workbook(outs["table:WORKBOOK"], read_only=True)
        assert "地块控制指标一览表" in wb.sheetnames
