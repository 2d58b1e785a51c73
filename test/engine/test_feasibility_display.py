"""Tables as people read them (issue 17): no float noise in CSV/xlsx, numbers shown rounded by their unit while the
stored values keep the totals, parameter keys with their Chinese name and unit."""
import csv

import openpyxl
import pandas as pd

from algorithms.feasibility.tables import param_notes, params_frame, write_tables


def test_written_values_have_no_float_noise_and_keep_their_sum(tmp_path):
    df = pd.DataFrame({"季度": ["2026Q1", "2026Q2"], "七通一平": [1084.6028399999998, 74234.68965000001],
                       "贷款余额": [-5.684341886080802e-14, 1.0], "供地面积（公顷）": [0.123456789, 2.0]})
    path = write_tables(str(tmp_path / "t.csv"), {"现金流量表": df})
    rows = list(csv.reader(open(path, encoding="utf-8-sig")))
    assert rows[1][1] == "1084.60284" and rows[2][1] == "74234.68965" and rows[1][2] == "0.0"
    assert abs(sum(float(r[1]) for r in rows[1:]) - df["七通一平"].sum()) < 1e-9
    xlsx = write_tables(str(tmp_path / "t.xlsx"), {"现金流量表": df})
    ws = openpyxl.load_workbook(xlsx)["现金流量表"]
    assert ws["B2"].number_format == "#,##0.00" and ws["D2"].number_format == "#,##0.0000"
    assert ws["B3"].value == 74234.68965                                  # noise removed, shown to 2 decimals


def test_parameter_sheet_names_each_key_in_chinese_with_its_unit():
    notes = param_notes()
    assert "万元/公顷" in notes["costs.land_acquisition_per_ha"] and "征地" in notes["costs.land_acquisition_per_ha"]
    frame = params_frame({"discount_rate": 0.08, "costs": {"roads_per_km": {"主干路": 6000.0}}, "_source": "x.yaml"})
    named = dict(zip(frame["参数 parameter"], frame["名称及单位 name and unit"]))
    assert "折现率" in named["discount_rate"] and "万元/公里" in named["costs.roads_per_km.主干路"]
