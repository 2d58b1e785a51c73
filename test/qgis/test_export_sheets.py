"""zutuan:exportplotsheets in real QGIS: the 图则 atlas rendered to PNG and read back as text with poppler.

Checks: cover, index, one A3 landscape sheet per plot, the list page of small plots; each sheet's text layer holds the
real characters (用地面积, 容积率 — not the Kangxi radical look-alikes), its plot code and its 界址点 coordinates; the
review conclusion with rule, area, clause and action; setbacks; the map, the red outline, a black north arrow; files
per page; qgis_process.bin headless; a clear error for an unwritable path; plots in degrees measured in metres.
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
          ("RJLSX", "double"), ("TZQD", "double"), ("SCJL", "string"))
USES = [("100101", "一类工业用地"), ("1101", "物流仓储用地"), ("1401", "公园绿地")]
#: the sheets' pages: cover 1, index 2, plots Z01-01-01 … 06 on 3 … 8, the small plot Z01-01-07 listed on page 9
SHEET_PAGES = {f"Z01-01-{i + 1:02d}": i + 3 for i in range(6)}


def _box(x, y, w, h):
    return f"POLYGON(({x} {y}, {x + w} {y}, {x + w} {y + h}, {x} {y + h}, {x} {y}))"


def _layers(n=6, small=True):
    wkts, attrs = [], []
    for i in range(n):
        x, y = 500000 + (i % 3) * 130, 2440000 + (i // 3) * 120
        wkts.append(_box(x, y, 110, 100))
        code, name = USES[i % 3]
        attrs.append((f"Z01-01-{i + 1:02d}", code, name, 1.2 if i != 1 else None, 2.0, 3000.0,
                      "不合规" if i == 0 else "合规"))
    if small:                                                     # a 5 m × 6 m sliver: listed, no sheet
        wkts.append(_box(500370, 2440230, 5, 6))
        attrs.append(("Z01-01-07", "100101", "一类工业用地", None, None, None, "合规"))
    plots = memory_layer(wkts, crs="EPSG:4545", fields=FIELDS, attrs=attrs, name="地块")
    roads = memory_layer([f"LINESTRING({500000 + k * 130 - 10} 2439990, {500000 + k * 130 - 10} 2440300)"
                          for k in range(4)], crs="EPSG:4545", geom="LineString",
                         fields=(("DLMC", "string"), ("DLDJ", "string"), ("HXKD", "double")),
                         attrs=[(f"经{k}路", "支路", 20.0) for k in range(4)], name="道路")
    return plots, roads


def _units():
    wkt = "POLYGON((499995 2439995, 500385 2439995, 500385 2440225, 499995 2440225, 499995 2439995))"
    return memory_layer([wkt], crs="EPSG:4545", fields=(("DYBH", "string"),), attrs=[("Z01-01",)], name="单元")


def _conflict_layers():
    red = memory_layer([_box(500060, 2440050, 100, 100)], crs="EPSG:4545", fields=(("HXMC", "string"),),
                       attrs=[("某生态保护红线",)], name="stbhhx")
    conf = memory_layer([_box(500060, 2440050, 50, 50)], crs="EPSG:4545",
                        fields=(("DKBH", "string"), ("GZBH", "string"), ("GZMC", "string"), ("CTMJ", "double"),
                                ("ZDBL", "double"), ("YZCD", "string")),
                        attrs=[("Z01-01-01", "MP-ECO", "生态保护红线", 2500.0, 22.7, "错误")], name="冲突")
    return red, conf


def _params(out, mode=0):
    plots, roads = _layers()
    red, conf = _conflict_layers()
    return {"INPUT": plots, "ROADS": roads, "ROAD_LABEL": "DLMC", "ROAD_CLASS": "DLDJ", "ROAD_WIDTH": "HXKD",
            "UNITS": _units(), "ECOLOGICAL_REDLINE": red, "CONFLICTS": [conf], "PROJECT_NAME": "示例产业园实施方案",
            "ORGANISATION": "某规划设计研究院", "DRAFTED": "张三", "CHECKED": "李四", "APPROVED": "王五",
            "DATE": "2024-05-01", "DRAWING_PREFIX": "TZ-", "MIN_AREA": 100.0, "MODE": mode, "OUTPUT": out}


def _pages(path):
    line = next(ln for ln in _run("pdfinfo", path).splitlines() if ln.startswith("Pages:"))
    return int(line.split(":")[1])


def _run(*args):
    """stdout of a poppler tool, as it is (no normalisation: the text layer must hold the real characters)."""
    return subprocess.run(list(args), capture_output=True, text=True, check=True, timeout=120).stdout


def _page(path, n, layout=False):
    return _run("pdftotext", "-f", str(n), "-l", str(n), *(["-layout"] if layout else []), path, "-")


@pytest.fixture(scope="module")
def single_pdf(plugin, tmp_path_factory):
    out = str(tmp_path_factory.mktemp("sheets") / "图则.pdf")
    params = _params(out)
    params["OUTPUT_POINTS"] = out.replace(".pdf", "_界址点.csv")
    res = processing.run("zutuan:exportplotsheets", params)
    return out, res


def test_cover_index_sheets_and_list_on_a3_landscape(single_pdf):
    out, res = single_pdf
    assert res["SHEET_COUNT"] == 6 and res["PAGE_COUNT"] == 9 and res["OUTPUT"] == out
    assert _pages(out) == 9
    size = next(line for line in _run("pdfinfo", out).splitlines() if line.startswith("Page size"))
    w, h = (float(v) for v in size.split(":")[1].split("pts")[0].split("x"))
    assert w == pytest.approx(420 / 25.4 * 72, abs=2) and h == pytest.approx(297 / 25.4 * 72, abs=2)
    cover = _page(out, 1)
    assert "示例产业园实施方案 地块图则" in cover and "图则 6 页" in cover and "小于 100 ㎡ 的 1 个" in cover
    index = " ".join(_page(out, 2, layout=True).split())
    assert "图则目录" in index and "Z01-01-04 1.1000 合规 TZ-004 6" in index
    assert "Z01-01-07 0.0030 合规 见小地块清单 9" in index
    listing = _page(out, 9)
    assert "小地块清单" in listing and "Z01-01-07" in listing and "Z01-01-06" not in listing


def test_every_sheet_has_real_text_its_code_and_its_boundary_points(single_pdf):
    out, _ = single_pdf
    for code, page in SHEET_PAGES.items():
        text = _page(out, page)
        i = int(code[-2:]) - 1
        x, y = 500000 + (i % 3) * 130, 2440000 + (i // 3) * 120
        assert f"{code} 地块图则" in text, (code, page)
        assert "用地面积" in text and "容积率" in text, (code, text[:400])     # not ⽤地⾯积 (Kangxi radicals)
        assert "⽤" not in text and "⾯" not in text
        assert f"{y + 100:.3f}" in text and f"{x:.3f}" in text           # J1 = the north-west corner: X north, Y east
        assert "J1" in text and "J4" in text and "J5" not in text
        assert f"TZ-{i + 1:03d}" in text and f"第{page}页/共9页" in "".join(text.split())


def test_text_of_a_sheet(single_pdf):
    out, _ = single_pdf
    text = _page(out, 4, layout=True)
    for expected in ("Z01-01-02 地块图则", "控制指标", "区位索引图", "物流仓储", "≤ 2.00",   # 容积率 without minimum
                     "≥ 3,000 万元/公顷", "1.1000 公顷", "示例产业园实施方案", "某规划设计研究院", "2024-05-01", "张三",
                     "李四", "王五", "编制", "审核", "审定", "图例", "经1路", "红线宽 20 m", "比例尺 1:1000", "界址点坐标",
                     "CGCS2000", "审查结论：合规", "退线：经1路（支路）5 m（示意）", "示意值"):
        assert expected in text, expected
    # a missing control says why on the sheet (this layer has no ZBLY), never a bare dash or 0
    assert "≤ 2.00（下限未赋值：原因未记录" in text and "开发状态" in text
    assert "建筑限高 未赋值：原因未记录" in " ".join(text.split())
    assert "Z01-01-03 地块图则" not in text
    fonts = _run("pdffonts", "-f", "4", "-l", "4", out)
    assert "ZutuanNotoSansCJK" in fonts, fonts     # the embedded copy without the radical look-alikes
    # the plot in conflict: the rule, its area, the clause and what to do
    first = " ".join(_page(out, 3).split())
    assert "审查结论：不合规" in first and "生态保护红线：2,500.00 ㎡" in first
    assert "三条控制线" in first and "建议：调出" in "".join(first.split())


def test_boundary_point_csv(single_pdf):
    out, _ = single_pdf
    csv_text = open(out.replace(".pdf", "_界址点.csv"), encoding="utf-8-sig").read()
    assert "CGCS2000" in csv_text.splitlines()[0]
    assert "Z01-01-07,J1,1,2440236.000,500370.000" in csv_text       # the small plot's points are there too


def test_rendered_sheet_shows_the_map_and_a_black_north_arrow(single_pdf, tmp_path):
    out, _ = single_pdf
    dpi = 40
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-f", "4", "-l", "4", "-singlefile", out,
                    str(tmp_path / "p")], check=True, timeout=120)
    img = QImage(str(tmp_path / "p.png"))
    assert not img.isNull()
    px = dpi / 25.4

    def colours(x0, y0, x1, y1):
        return [QColor(img.pixel(x, y)).getRgb()[:3] for y in range(int(y0 * px), int(y1 * px))
                for x in range(int(x0 * px), int(x1 * px))]

    inside = colours(12, 24, 240, 285)               # the map frame
    white = sum(1 for c in inside if min(c) > 245) / len(inside)
    assert white < 0.7, f"map mostly blank ({white:.0%} white)"
    purple = (135, 97, 211)                            # 11 仓储用地, the colour of plot Z01-01-02's class
    assert sum(1 for c in inside if all(abs(a - b) < 12 for a, b in zip(c, purple))) > 200
    red = sum(1 for c in inside if c[0] > 180 and c[1] < 60 and c[2] < 60)
    assert red > 20, "the atlas plot's red outline is missing"
    arrow = colours(226, 26, 238, 45)                  # the north arrow's box: black on white
    assert sum(1 for c in arrow if max(c) < 60) > 15 and sum(1 for c in arrow if min(c) > 240) > 15
    # the same check on a blank region of the page finds nothing: the test can fail
    margin = colours(0, 0, 5, 297)
    assert sum(1 for c in margin if min(c) > 245) / len(margin) > 0.95


def test_one_pdf_per_page(plugin, tmp_path):
    out = str(tmp_path / "tz.pdf")
    res = processing.run("zutuan:exportplotsheets", _params(out, mode=1))
    folder = tmp_path / "tz"
    names = sorted(os.listdir(folder))
    assert names == ["00_封面.pdf", "01_目录.pdf", "99_小地块清单.pdf"] + [f"图则_Z01-01-{i:02d}.pdf"
                                                                      for i in range(1, 7)]
    assert res["PAGE_COUNT"] == 9 and len(res["FILES"].split(";")) == 9
    assert _pages(str(folder / "图则_Z01-01-04.pdf")) == 1
    assert "Z01-01-04" in _run("pdftotext", str(folder / "图则_Z01-01-04.pdf"), "-")
    assert not [f for f in os.listdir(tmp_path) if f.startswith(".zutuan-")]


def test_unwritable_output_is_a_clear_error(plugin, tmp_path):
    out = str(tmp_path / "missing_folder" / "x.pdf")
    with pytest.raises(QgsProcessingException) as e:
        processing.run("zutuan:exportplotsheets", _params(out))
    assert "无法写入" in str(e.value) and "Cannot write" in str(e.value)
    assert not (tmp_path / "missing_folder").exists()


def test_qgis_process_headless(plugin, run_qgis_process, tmp_path):
    plots, roads = _layers(3, small=False)
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
    assert data["results"]["PAGE_COUNT"] == 5 and data["results"]["SHEET_COUNT"] == 3
    assert _pages(out) == 5
    page5 = _page(out, 5)
    assert "Z01-01-03" in page5 and "命令行测试" in page5 and "用地面积" in page5


def test_plots_in_degrees_are_drawn_and_measured_in_metres(plugin, tmp_path):
    params = _params(str(tmp_path / "geo.pdf"))
    params["INPUT"] = processing.run("native:reprojectlayer", {"INPUT": params["INPUT"], "TARGET_CRS": "EPSG:4490",
                                                               "OUTPUT": "memory:"})["OUTPUT"]
    processing.run("zutuan:exportplotsheets", params)
    text = unicodedata.normalize("NFKC", _page(params["OUTPUT"], 3))
    assert "1.1000 公顷(16.50 亩)" in text            # 110 m × 100 m in the CGCS2000 3° zone (NFKC: （ → ()
    assert " m" in text and "Z01-01-01" in text      # scale bar in metres
    # 界址点 in CGCS2000 3° zone 36 with its prefix: the north-west corner (500000 in CM 108E) is 36 500 000
    assert "3-degree Gauss-Kruger zone 36" in text and "36500000.000" in text


def test_the_font_copy_drops_radicals_sharing_a_glyph_with_an_ideograph():
    from zutuan.plugin.printing.fonts import compatibility_twins

    cmap = {0x41: "A", 0x2F64: "g1", 0x7528: "g1", 0x2EDA: "g2", 0x9875: "g2", 0x2329: "g3", 0x3008: "g3",
            0x2E80: "g4", 0xB7: "g5", 0x30FB: "g5"}
    # 用/⽤, 页/⻚, 〈/〈 keep the character meant; a radical alone and · / ・ stay as they are
    assert compatibility_twins(cmap) == {0x2F64, 0x2EDA, 0x2329}
