"""zutuan:exportplotsheets in real QGIS: the 图则 PDF rendered to PNG and read back as text.

Checks: one A3 landscape page per plot, the plot code and Chinese labels are real text in an embedded CJK font
(not boxes), the map is not empty (the plot's land-use colour and the red outline of the atlas plot appear in
the map frame), per-plot files, qgis_process.bin headless, and a clear error for an unwritable path.
"""
import os
import subprocess
import unicodedata

import pytest
from helpers import memory_layer
from qgis.core import QgsCoordinateTransformContext, QgsProcessingException, QgsVectorFileWriter
from qgis.PyQt.QtGui import QColor, QImage

import processing

FIELDS = (("DKBH", "string"), ("YDYHFLDM", "string"), ("YDYHFLMC", "string"), ("RJLXX", "double"),
          ("RJLSX", "double"), ("TZQD", "double"))
USES = [("100101", "一类工业用地"), ("1101", "物流仓储用地"), ("1401", "公园绿地")]


def _layers(n=6):
    wkts, attrs = [], []
    for i in range(n):
        x, y = 500000 + (i % 3) * 130, 2440000 + (i // 3) * 120
        wkts.append(f"POLYGON(({x} {y}, {x + 110} {y}, {x + 110} {y + 100}, {x} {y + 100}, {x} {y}))")
        code, name = USES[i % 3]
        attrs.append((f"Z01-01-{i + 1:02d}", code, name, 1.2 if i != 1 else None, 2.0, 3000.0))
    plots = memory_layer(wkts, crs="EPSG:4545", fields=FIELDS, attrs=attrs, name="地块")
    roads = memory_layer([f"LINESTRING({500000 + k * 130 - 10} 2439990, {500000 + k * 130 - 10} 2440300)"
                          for k in range(4)], crs="EPSG:4545", geom="LineString", fields=(("DLMC", "string"),),
                         attrs=[(f"经{k}路",) for k in range(4)], name="道路")
    return plots, roads


def _units():
    wkt = "POLYGON((499995 2439995, 500385 2439995, 500385 2440105, 499995 2440105, 499995 2439995))"
    return memory_layer([wkt], crs="EPSG:4545", fields=(("DYBH", "string"),), attrs=[("Z01-01",)], name="单元")


def _params(out, mode=0):
    plots, roads = _layers()
    return {"INPUT": plots, "ROADS": roads, "ROAD_LABEL": "DLMC", "UNITS": _units(), "PROJECT_NAME": "示例产业园实施方案",
            "ORGANISATION": "某规划设计研究院", "DATE": "2024-05-01", "DRAWING_PREFIX": "TZ-", "MODE": mode,
            "OUTPUT": out}


def _pages(path):
    line = next(ln for ln in _run("pdfinfo", path).splitlines() if ln.startswith("Pages:"))
    return int(line.split(":")[1])


def _run(*args):
    """stdout of a poppler tool, NFKC-normalised: Qt's PDF writer maps some CJK glyphs back to the Kangxi radical
    code points that share the glyph (用 → U+2F64 ⽤), which NFKC folds back."""
    out = subprocess.run(list(args), capture_output=True, text=True, check=True, timeout=120).stdout
    return unicodedata.normalize("NFKC", out)


@pytest.fixture(scope="module")
def single_pdf(plugin, tmp_path_factory):
    out = str(tmp_path_factory.mktemp("sheets") / "图则.pdf")
    res = processing.run("zutuan:exportplotsheets", _params(out))
    return out, res


def test_one_a3_landscape_page_per_plot(single_pdf):
    out, res = single_pdf
    assert res["PAGE_COUNT"] == 6 and res["OUTPUT"] == out
    info = _run("pdfinfo", out)
    assert _pages(out) == 6
    size = next(line for line in info.splitlines() if line.startswith("Page size"))
    w, h = (float(v) for v in size.split(":")[1].split("pts")[0].split("x"))
    assert w == pytest.approx(420 / 25.4 * 72, abs=2) and h == pytest.approx(297 / 25.4 * 72, abs=2)


def test_text_of_a_page(single_pdf):
    out, _ = single_pdf
    text = _run("pdftotext", "-f", "2", "-l", "2", "-layout", out, "-")
    for expected in ("Z01-01-02 地块图则", "控制指标", "容积率", "物流仓储", "≤ 2.00",   # 容积率 without minimum
                     "≥ 3,000 万元/公顷", "1.1000 公顷", "示例产业园实施方案", "某规划设计研究院", "2024-05-01",
                     "TZ-002", "图例", "经1路", "单元 / units"):
        assert expected in text, expected
    # a missing control says why on the sheet (this layer has no ZBLY), never a bare dash or 0
    assert unicodedata.normalize("NFKC", "≤ 2.00（下限未赋值：原因未记录") in text and "开发状态" in text
    assert unicodedata.normalize("NFKC", "建筑限高 未赋值：原因未记录") in " ".join(text.split())
    assert "Z01-01-03 地块图则" not in text
    fonts = _run("pdffonts", "-f", "2", "-l", "2", out)
    assert "NotoSansCJK" in fonts, fonts          # Chinese drawn with an embedded CJK font, not boxes


def test_rendered_page_shows_the_map(single_pdf, tmp_path):
    out, _ = single_pdf
    dpi = 40
    _run("pdftoppm", "-r", str(dpi), "-png", "-f", "2", "-l", "2", "-singlefile", out, str(tmp_path / "p"))
    img = QImage(str(tmp_path / "p.png"))
    assert not img.isNull()
    px = dpi / 25.4

    def colours(x0, y0, x1, y1):
        seen = []
        for y in range(int(y0 * px), int(y1 * px), 2):
            for x in range(int(x0 * px), int(x1 * px), 2):
                seen.append(QColor(img.pixel(x, y)).getRgb()[:3])
        return seen

    inside = colours(12, 26, 278, 285)               # the map frame
    white = sum(1 for c in inside if min(c) > 245) / len(inside)
    assert white < 0.7, f"map mostly blank ({white:.0%} white)"
    purple = (135, 97, 211)                            # 11 仓储用地, the colour of plot Z01-01-02's class
    assert sum(1 for c in inside if all(abs(a - b) < 12 for a, b in zip(c, purple))) > 200
    red = sum(1 for c in inside if c[0] > 180 and c[1] < 60 and c[2] < 60)
    assert red > 20, "the atlas plot's red outline is missing"
    # the same check on a blank region of the page finds nothing: the test can fail
    margin = colours(0, 0, 5, 297)
    assert sum(1 for c in margin if min(c) > 245) / len(margin) > 0.95


def test_one_pdf_per_plot(plugin, tmp_path):
    out = str(tmp_path / "tz.pdf")
    res = processing.run("zutuan:exportplotsheets", _params(out, mode=1))
    folder = tmp_path / "tz"
    names = sorted(os.listdir(folder))
    assert names == [f"图则_Z01-01-{i:02d}.pdf" for i in range(1, 7)]
    assert res["PAGE_COUNT"] == 6 and len(res["FILES"].split(";")) == 6
    assert _pages(str(folder / names[0])) == 1
    assert "Z01-01-04" in _run("pdftotext", str(folder / names[3]), "-")
    assert not [f for f in os.listdir(tmp_path) if f.startswith(".zutuan-")]


def test_unwritable_output_is_a_clear_error(plugin, tmp_path):
    out = str(tmp_path / "missing_folder" / "x.pdf")
    with pytest.raises(QgsProcessingException) as e:
        processing.run("zutuan:exportplotsheets", _params(out))
    assert "无法写入" in str(e.value) and "Cannot write" in str(e.value)
    assert not (tmp_path / "missing_folder").exists()


def test_qgis_process_headless(plugin, run_qgis_process, tmp_path):
    plots, roads = _layers(3)
    paths = {}
    for name, layer in (("plots", plots), ("roads", roads)):
        paths[name] = str(tmp_path / f"{name}.gpkg")
        opts = QgsVectorFileWriter.SaveVectorOptions()
        opts.driverName = "GPKG"
        err = QgsVectorFileWriter.writeAsVectorFormatV2(layer, paths[name], QgsCoordinateTransformContext(), opts)
        assert err[0] == QgsVectorFileWriter.NoError
    out = str(tmp_path / "cli.pdf")
    rc, data, text = run_qgis_process("zutuan:exportplotsheets", {
        "INPUT": paths["plots"], "ROADS": paths["roads"], "ROAD_LABEL": "DLMC", "PROJECT_NAME": "命令行测试",
        "OUTPUT": out})
    assert rc == 0, text
    assert data["results"]["PAGE_COUNT"] == 3
    assert _pages(out) == 3
    page3 = _run("pdftotext", "-f", "3", "-l", "3", out, "-")
    assert "Z01-01-03" in page3 and "命令行测试" in page3


def test_plots_in_degrees_are_drawn_and_measured_in_metres(plugin, tmp_path):
    params = _params(str(tmp_path / "geo.pdf"))
    params["INPUT"] = processing.run("native:reprojectlayer", {"INPUT": params["INPUT"], "TARGET_CRS": "EPSG:4490",
                                                               "OUTPUT": "memory:"})["OUTPUT"]
    processing.run("zutuan:exportplotsheets", params)
    text = _run("pdftotext", "-f", "1", "-l", "1", params["OUTPUT"], "-")
    assert "1.1000 公顷(16.50 亩)" in text            # 110 m × 100 m in the CGCS2000 3° zone (NFKC: （ → ()
    assert " m" in text and "Z01-01-01" in text      # scale bar in metres
