"""One plan, one truth (issue 14): the whole demo chain, then every output file read back against every other.

The demo (scripts/demo.sh, qgis_process.bin step by step) runs into a folder of its own; reconcile.problems reads
the GeoPackages, workbooks, CSV and reports and lists every disagreement. A tampered copy shows the checker fails.
"""
import os
import shutil
import subprocess

import pytest

from reconcile import ROOT, problems


@pytest.fixture(scope="module")
def demo_out(tmp_path_factory):
    out = str(tmp_path_factory.mktemp("demo") / "out")
    env = dict(os.environ, ZUTUAN_DEMO_OUT=out)
    proc = subprocess.run(["bash", os.path.join(ROOT, "scripts", "demo.sh")], env=env, capture_output=True, text=True,
                          timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return out


def test_every_output_agrees(demo_out):
    assert problems(demo_out) == []


def test_the_check_catches_a_disagreement(demo_out, tmp_path):
    import pyogrio

    copy = str(tmp_path / "out")
    shutil.copytree(demo_out, copy)
    roads = pyogrio.read_dataframe(os.path.join(copy, "road_corridors.gpkg"))
    roads.loc[roads.index[0], "DLCD"] += 100.0  # 100 m of road the phasing and the cash flow did not see
    pyogrio.write_dataframe(roads, os.path.join(copy, "road_corridors.gpkg"))
    found = problems(copy)
    assert any(p.startswith("road length (km): road_corridors.gpkg vs 分期表.xlsx") for p in found), found
    assert any(p.startswith("road cost (万元)") for p in found), found
