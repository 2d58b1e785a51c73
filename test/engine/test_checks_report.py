"""The HTML report: sections, not-checked rules stated, maps drawn from geometries, versions listed."""
import algorithms  # noqa: F401  (PROJ data directory before pyproj loads)
import re

from algorithms.report import render_report, write_report

from test_checks_masterplan import run, redline  # noqa: E402


def test_report_sections_and_figures(tmp_path):
    res = run(ecological_redline=redline().iloc[:0])   # red line given but empty → 未检查
    text = render_report(res)
    for heading in ("一、审查结论摘要", "二、分规则汇总", "三、分地块冲突汇总", "四、分规则冲突明细", "五、冲突示意图",
                    "七、输入数据与参数", "八、软件与数据版本", "审查人（签字）"):
        assert heading in text
    assert "未检查的规则（不视为通过）" in text and "图层没有要素" in text
    # the largest conflict: P9 wholly outside the urban boundary, 20 000 m²
    assert "20,000.00" in text
    # the overview and one map per conflicting plot (at most 6), each plot once
    n_conflicted = res.conflicts["DKBH"].nunique()
    assert n_conflicted > 6 and text.count("<svg") == 1 + 6
    assert "@media print" in text and "@page" in text
    assert "GEOS" in text and "zutuan-engine" in text
    # the summary cards agree with the plots layer
    n_fail = int((res.plots.SCJL == "不合规").sum())
    assert re.search(rf"不合规<b>{n_fail}</b>", text)
    p = write_report(res, str(tmp_path / "r" / "report.html"))
    written = open(p, encoding="utf-8").read()
    # the file is the rendered report; only the generation time (to the second) may differ between the two renders
    stamp = re.compile(r"生成时间 [^·<]*")
    assert "生成时间" in written and stamp.sub("", written) == stamp.sub("", text)


def test_conflict_rows_in_order_of_area_and_the_actions_legend():
    """四、分规则冲突明细 lists each rule's rows as the frame sorted by CTMJ (ties included) would, the first
    ``max_rows``; the actions legend has each (rule, result) with an action once, in the order rows first show it."""
    import geopandas as gpd
    import numpy as np
    import shapely

    from algorithms.report.sections import actions_legend, row_result
    from algorithms.report.actions import action_for
    from test_checks_masterplan import X0, Y0

    k = np.arange(30)
    plots = gpd.GeoDataFrame({"DKBH": [f"Q{i:02d}" for i in k], "YDYHFLDM": ["1001"] * 20 + [None] * 10},
                             geometry=shapely.box(X0 + k * 100.0, Y0, X0 + k * 100.0 + 50 + (k % 3), Y0 + 50),
                             crs=4524)                                    # three sizes: many equal areas
    red = gpd.GeoDataFrame({"BSM": ["E1", "E2"]}, geometry=[shapely.box(X0 - 10, Y0 - 10, X0 + 1500, Y0 + 100),
                                                            shapely.box(X0 + 1550, Y0 + 49.9, X0 + 3000, Y0 + 60)],
                           crs=4524)
    from algorithms.checks import check_masterplan

    res = check_masterplan(plots, ecological_redline=red, boundary_tolerance=10.0)
    text = render_report(res, max_rows=7)
    part = text[text.index("四、分规则冲突明细"):text.index("五、冲突示意图")]
    shown = re.findall(r"<tr><td>(Q\d\d)</td>", part)
    want = res.conflicts.sort_values("CTMJ", ascending=False)["DKBH"].head(7).tolist()
    assert shown == want and len(set(res.conflicts["CTMJ"].round(6))) < len(res.conflicts)
    assert "仅列出面积最大的 7 处" in part
    seen = {}
    for rid, sev, msg in zip(res.conflicts["GZBH"], res.conflicts["YZCD"], res.conflicts["SM"]):
        action = action_for(rid, row_result(sev, msg))
        if action[0]:
            seen.setdefault((rid, row_result(sev, msg)), action)
    legend = "".join(actions_legend(res))
    assert len(seen) >= 3 and re.findall(r"<tr><td>[^<]*</td><td>([^<]*)</td><td>([^<]*)</td>", legend) == [
        (res_, a[0]) for (_, res_), a in seen.items()]


def test_actions_legend_of_mixed_rows_equals_the_row_by_row_definition():
    """The legend's (rule, result) kinds, taken once each from the rows' rule ids, severities and boundary marks,
    are those of the rows one by one: 错误 rows whose message carries the boundary mark (it changes only a 警告's
    result), messages that are none, rule ids in interleaved order, a 未检查 row."""
    import numpy as np
    import pandas as pd

    from algorithms.checks import BOUNDARY_MARK
    from algorithms.report.actions import action_for
    from algorithms.report.netarea import as_text
    from algorithms.report.sections import actions_legend, row_result

    res = run()
    conf = res.conflicts
    rng = np.random.default_rng(2)
    k = rng.integers(0, len(conf), 400)
    conf = conf.iloc[k].reset_index(drop=True)
    conf["GZBH"] = rng.choice(["MP-ECO", "MP-FARM", "MP-UGB", "MP-ZONE"], 400)
    conf["YZCD"] = rng.choice(["错误", "警告", "未检查"], 400, p=[0.5, 0.45, 0.05])
    conf["SM"] = np.where(rng.random(400) < 0.4, "占用 " + BOUNDARY_MARK, "占用")
    conf.loc[rng.random(400) < 0.1, "SM"] = None
    res.conflicts = conf
    seen = {}
    for rid, sev, msg in zip(conf["GZBH"].astype(str), conf["YZCD"].astype(str), conf["SM"].astype(str)):
        action = action_for(rid, row_result(sev, msg))
        if action[0]:
            seen.setdefault((rid, row_result(sev, msg)), action)
    legend = "".join(actions_legend(res))
    assert len(seen) >= 6 and any(r == "需核实（疑似边界误差）" for _, r in seen)
    assert re.findall(r"<tr><td>[^<]*</td><td>([^<]*)</td><td>([^<]*)</td>", legend) == [
        (res_, a[0]) for (_, res_), a in seen.items()]
    mixed = pd.Series(["A", None, np.nan, 3, 2.5, "B\x00C", np.str_("D")], dtype=object)
    for col in (mixed, mixed[[0, 5, 6]], pd.Series([1, 2]), pd.Series(["x", "y"], dtype="string")):
        assert as_text(col).tolist() == col.astype(str).tolist()


def test_summary_counts_not_applicable_plots():
    """The 不适用 card counts the plots of that result (from the one count of the results); none: no card."""
    res = run()
    assert "<div class='card'>不适用" not in render_report(res)
    res.plots.loc[res.plots.index[:3], "SCJL"] = "不适用"
    n_na = int((res.plots["SCJL"] == "不适用").sum())
    assert n_na == 3 and f"<div class='card'>不适用<b>{n_na}</b></div>" in render_report(res)
