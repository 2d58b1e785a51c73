"""Any plot layer works (issue 14 item 8): field parameters, recognised names, a clear stop, in real QGIS.

Layers are built here with field names other than the schema's: DKBM for the plot code (地块编码, as in
resources/standards/field_variants.csv), YDDM for the land-use code, a custom XBH chosen in a parameter.
"""
import openpyxl
import pytest
from helpers import Capture, memory_layer
from qgis.core import (
    QgsCoordinateTransformContext,
    QgsProcessingException,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

import processing


def _box(x, w=100, h=50, y=2440000):
    return f"POLYGON(({x} {y}, {x + w} {y}, {x + w} {y + h}, {x} {y + h}, {x} {y}))"


def _outside_layer(fields=(("DKBM", "string"), ("YDDM", "string"), ("XBH", "string")), attrs=None):
    """Three plots as another office delivers them: codes in DKBM, land use in YDDM, no unit or cluster code."""
    attrs = attrs or [("GX-001", "1001", "甲"), ("GX-002", "1101", "乙"), ("GX-003", "1001", "丙")]
    return memory_layer([_box(500000), _box(500200), _box(500400)], crs="EPSG:4545", fields=fields, attrs=attrs,
                        name="外来地块")


def _gpkg(layer, path):
    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG"
    err = QgsVectorFileWriter.writeAsVectorFormatV2(layer, str(path), QgsCoordinateTransformContext(), opts)
    assert err[0] == QgsVectorFileWriter.NoError, err
    return str(path)


def _plot_rows(path):
    ws = openpyxl.load_workbook(path)["地块控制指标一览表"]
    header = [ws.cell(row=2, column=i).value for i in range(1, 5)]
    assert header == ["组团编号", "单元编号", "地块编号", "用地代码"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=4)]
    return [r for r in rows if r[2] and str(r[2]).startswith("GX-")], rows


def test_recognised_names_fill_the_table_and_empty_columns_say_why(plugin, tmp_path):
    log = Capture()
    out = str(tmp_path / "表.xlsx")
    res = processing.run("zutuan:exportindicatortable", {"INPUT": _outside_layer(), "OUTPUT": out}, feedback=log)
    assert res["PLOT_COUNT"] == 3
    plots, rows = _plot_rows(out)
    assert [(r[2], r[3]) for r in plots] == [("GX-001", "1001"), ("GX-002", "1101"), ("GX-003", "1001")]
    assert all(r[0] is None and r[1] is None for r in plots)  # no unit / cluster code and none derivable
    notes = [str(r[0]) for r in rows if r[0] and str(r[0]).startswith("注：")]
    unit_note = next(n for n in notes if "单元编号（DYBH）为空" in n)
    assert "UNIT_FIELD" in unit_note and "DYBM" in unit_note
    assert any("组团编号（ZTBH）为空" in n and "CLUSTER_FIELD" in n for n in notes)
    assert not any("地块编号（DKBH）为空" in n for n in notes)
    assert any("DKBH" in m and "DKBM" in m for m in log.lines)  # the log says which field was read
    assert any("UNIT_FIELD" in w for w in log.warnings)


def test_a_field_chosen_in_the_parameter_wins(plugin, tmp_path):
    out = str(tmp_path / "表.xlsx")
    attrs = [("GX-001", "1001", "GX-101"), ("GX-002", "1101", "GX-102"), ("GX-003", "1001", "GX-103")]
    processing.run("zutuan:exportindicatortable", {"INPUT": _outside_layer(attrs=attrs), "CODE_FIELD": "XBH",
                                                   "OUTPUT": out})
    plots, _ = _plot_rows(out)
    assert [r[2] for r in plots] == ["GX-101", "GX-102", "GX-103"]


def test_no_code_field_stops_naming_the_parameter(plugin, tmp_path):
    layer = _outside_layer(fields=(("MC", "string"), ("YDDM", "string")), attrs=[("甲", "1001"), ("乙", "1101"),
                                                                                   ("丙", "1001")])
    out = tmp_path / "表.xlsx"
    with pytest.raises(QgsProcessingException) as e:
        processing.run("zutuan:exportindicatortable", {"INPUT": layer, "OUTPUT": str(out)})
    text = str(e.value)
    assert "找不到地块编号字段" in text and "CODE_FIELD" in text and "地块编号字段" in text
    assert "has no plot code field" in text and "DKBM" in text
    assert not out.exists()
    with pytest.raises(QgsProcessingException) as e:  # a chosen field the layer does not have
        processing.run("zutuan:exportindicatortable", {"INPUT": _outside_layer(), "LANDUSE_FIELD": "NOPE",
                                                       "OUTPUT": str(out)})
    assert "LANDUSE_FIELD" in str(e.value) and "NOPE" in str(e.value)


def test_qgis_process_reads_an_outside_layer_and_stops_without_a_code(plugin, run_qgis_process, tmp_path):
    gpkg = _gpkg(_outside_layer(), tmp_path / "外来.gpkg")
    out = str(tmp_path / "cli.xlsx")
    rc, data, text = run_qgis_process("zutuan:exportindicatortable", {"INPUT": gpkg, "OUTPUT": out})
    assert rc == 0, text
    plots, _ = _plot_rows(out)
    assert [(r[2], r[3]) for r in plots] == [("GX-001", "1001"), ("GX-002", "1101"), ("GX-003", "1001")]
    bare = _gpkg(_outside_layer(fields=(("MC", "string"),), attrs=[("甲",), ("乙",), ("丙",)]), tmp_path / "bare.gpkg")
    rc, data, text = run_qgis_process("zutuan:exportindicatortable", {"INPUT": bare, "OUTPUT": str(tmp_path / "x.xlsx")},
                                      check=False)
    assert rc != 0 and "CODE_FIELD" in text and "找不到地块编号字段" in text


def test_checks_copy_the_schema_fields_and_keep_the_layer_own(plugin, tmp_path):
    # lower-case dkbm in a GeoPackage and numeric land-use codes: DKBH and YDYHFLDM are added as text, dkbm stays
    layer = _outside_layer(fields=(("dkbm", "string"), ("YDDM", "integer")),
                           attrs=[("GX-001", 1001), ("GX-002", 1101), ("GX-003", 1001)])
    res = processing.run("zutuan:checkmasterplan", {"INPUT": _gpkg(layer, tmp_path / "in.gpkg"),
                                                    "OUTPUT": str(tmp_path / "checked.gpkg")})
    out = QgsVectorLayer(res["OUTPUT"], "out", "ogr")
    names = [f.name() for f in out.fields()]
    assert {"dkbm", "YDDM", "DKBH", "YDYHFLDM"} <= set(names)
    got = sorted((f["DKBH"], f["YDYHFLDM"]) for f in out.getFeatures())
    assert got == [("GX-001", "1001"), ("GX-002", "1101"), ("GX-003", "1001")]
    res = processing.run("zutuan:checkstandards", {"INPUT": res["OUTPUT"], "OUTPUT": str(tmp_path / "std.gpkg")})
    # the two 1001 plots are checked; the 1101 (物流仓储) plot is 不适用 under the 2008 profile, so not counted
    assert res["N_OK"] + res["N_FAIL"] + res["N_VERIFY"] == 2
