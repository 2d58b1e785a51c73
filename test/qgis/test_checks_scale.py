"""Issue 9 inside QGIS: the check on partitions over threads, and 一张图 layers from PostGIS (postgres provider)."""
import os
import sys

import pytest
from conftest import ROOT, SAMPLE
from qgis.core import QgsDataSourceUri, QgsVectorLayer

import processing

sys.path.insert(0, os.path.join(ROOT, "test"))
import postgis  # noqa: E402

LAYERS = {"ECOLOGICAL_REDLINE": "stbhhx", "FARMLAND": "yjjbnt", "URBAN_BOUNDARY": "czkfbj", "ZONING": "ghfq"}


def _run(params):
    base = {"INPUT": f"{SAMPLE}|layername=zongdi", "CODE_FIELD": "ZDDM", "LANDUSE_FIELD": "YT", "ZONE_FIELD": "GHFQMC",
            "OUTPUT": "memory:", "CONFLICTS": "memory:"}
    base.update(params)
    res = processing.run("zutuan:checkmasterplan", base)
    plots = {f["ZDDM"]: (f["SCJL"], f["WTSL"], round(f["CT_STHX"] or 0, 2), round(f["CT_JBNT"] or 0, 2),
                         round(f["CT_KFBJ"] or 0, 2), round(f["CT_GHFQ"] or 0, 2)) for f in res["OUTPUT"].getFeatures()}
    conflicts = sorted((f["DKBH"], f["GZBH"], str(f["YSBH"]), round(f["CTMJ"], 2))
                       for f in res["CONFLICTS"].getFeatures())
    return plots, conflicts, res


@pytest.fixture(scope="module")
def single(plugin):
    return _run({k: f"{SAMPLE}|layername={v}" for k, v in LAYERS.items()} | {"WORKERS": 1})


def test_threads_on_partitions_give_the_single_thread_result(single):
    files = {k: f"{SAMPLE}|layername={v}" for k, v in LAYERS.items()}
    plots, conflicts, res = _run(files | {"WORKERS": 2, "PARTITION_SIZE": 100})
    assert len(plots) == 436 and plots == single[0]
    assert conflicts == single[1] and len(conflicts) > 50
    assert (res["N_OK"], res["N_FAIL"], res["N_VERIFY"]) == (single[2]["N_OK"], single[2]["N_FAIL"],
                                                          single[2]["N_VERIFY"])


def test_postgis_layers_through_the_postgres_provider(single, tmp_path_factory):
    postgis.setup_database(tmp_path_factory.mktemp("pgq"))
    params = {}
    for key, layer in LAYERS.items():
        postgis.load(SAMPLE, layer, f"q_{layer}")
        uri = QgsDataSourceUri()
        uri.setConnection("", "", "", "", "")
        uri.setParam("service", postgis.SERVICE)
        uri.setDataSource("yzt", f"q_{layer}", "geom", "", "fid")
        vl = QgsVectorLayer(f"service='{postgis.SERVICE}' " + uri.uri(False).strip(), layer, "postgres")
        assert vl.isValid(), uri.uri(False)
        assert vl.providerType() == "postgres" and postgis.PASSWORD not in vl.source()
        params[key] = vl
    plots, conflicts, res = _run(params | {"WORKERS": 1})
    assert plots == single[0] and conflicts == single[1]
