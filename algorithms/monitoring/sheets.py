"""Workbook sheets (``{sheet name: DataFrame}`` with Chinese headers) of the monitoring results."""
from __future__ import annotations

import pandas as pd

from .agreement import INDICATORS
from .intake import COLUMNS, EnterpriseStats

__all__ = ["intake_sheets", "mujun_sheets", "idle_sheets", "feidi_sheets", "findings_sheet", "targets_sheets",
           "industry_sheets", "evaluation_sheets"]

_LABEL = {c.key: c.label for c in COLUMNS}


def findings_sheet(findings) -> pd.DataFrame:
    return pd.DataFrame([{"规则 rule": f.rule_id, "名称 name": f.rule_name, "程度 severity": f.severity,
                          "说明 message": f.message, "依据 source": f.source} for f in findings],
                        columns=["规则 rule", "名称 name", "程度 severity", "说明 message", "依据 source"])


def intake_sheets(stats: EnterpriseStats) -> dict:
    recs = stats.records.drop(columns=["plots"], errors="ignore").copy()
    recs.insert(0, "row", recs.index)
    recs = recs.rename(columns={"row": "表格行号", **_LABEL})
    links = stats.links.merge(stats.records[["credit_code", "name"]], left_on="rec", right_index=True)
    links = links[["rec", "credit_code", "name", "year", "DKBH", "DYBH", "ZTBH", "plot_mu", "land_mu", "weight"]]
    links = links.rename(columns={"rec": "表格行号", "credit_code": "统一社会信用代码", "name": "企业名称", "year": "年度",
                                  "DKBH": "地块编号", "DYBH": "单元编号", "ZTBH": "组团编号", "plot_mu": "地块面积（亩）",
                                  "land_mu": "企业在该地块的用地（亩）", "weight": "分摊权重"})
    return {"企业年度统计": recs, "企业地块关联": links, "校验说明": findings_sheet(stats.findings)}


def _indicator_cols(profile) -> dict:
    return {i["key"]: f"{i['name']}（{i['unit']}）" if i.get("unit") else i["name"] for i in profile["indicators"]}


def _level(df: pd.DataFrame, key: str, label: str, profile) -> pd.DataFrame:
    cols = {"land_mu": "用地面积（亩）", "enterprises": "企业数", "plots": "地块数", **_indicator_cols(profile),
            "score": "得分", "rank": "排名", "grade": "等级", "grade_name": "等级名称", "note": "说明"}
    out = df.reset_index().rename(columns={key: label})
    out = out[[label] + [c for c in cols if c in out.columns]].rename(columns=cols)
    return out.sort_values("排名", na_position="last")


def mujun_sheets(res) -> dict:
    prof = res.profile
    ent = res.enterprises.copy()
    cols = {"credit_code": "统一社会信用代码", "name": "企业名称", "plots": "地块编号", "land_mu": "用地面积（亩）",
            "tax": "税收（万元）", "value_added": "增加值（万元）", "energy": "综合能耗（吨标准煤）",
            **_indicator_cols(prof), "score": "得分", "rank": "排名", "grade": "等级", "grade_name": "等级名称",
            "note": "说明"}
    ent = ent[[c for c in cols if c in ent.columns]].rename(columns=cols).sort_values("排名", na_position="last")
    ent.insert(0, "年度", res.year)
    inds = pd.DataFrame([{"指标": i["name"], "计算": f"{_LABEL.get(i['num'], i['num'])} ÷ {_LABEL.get(i['den'], i['den'])}"
                          + (f" × {i['factor']:g}" if i["factor"] != 1 else ""), "单位": i.get("unit", ""),
                          "权重": i["weight"], "图层字段": i["field"]} for i in prof["indicators"]])
    about = pd.DataFrame([("配置 profile", prof["name"]), ("状态 status", prof["status"]), ("来源 source", prof["source"]),
                          ("评分 scoring", str(prof["scoring"])), ("分档 grading", str(prof["grading"])),
                          ("文件 file", prof["path"])], columns=["项目", "内容"])
    return {"企业排名": ent, "地块": _level(res.levels["plot"], "DKBH", "地块编号", prof),
            "单元": _level(res.levels["unit"], "DYBH", "单元编号", prof),
            "组团": _level(res.levels["cluster"], "ZTBH", "组团编号", prof), "评价指标": inds, "评价配置": about,
            "说明": findings_sheet(res.findings)}


def idle_sheets(idle, low: pd.DataFrame | None, findings) -> dict:
    sheets = {}
    if idle is not None:
        t = idle.table.rename(columns={
            "row": "台账行号", "DKBH": "地块编号", "holder": "土地使用权人", "agreed_start": "约定动工日期",
            "status": "认定结果", "clause": "条款", "step": "处置程序/说明", "idle_from": "满一年之日（起算闲置）",
            "recover_from": "满两年之日", "days_past_start": "超过约定动工日期天数", "idle_days": "闲置天数",
            "fee": "土地闲置费（万元）", "completion": "竣工情况", "completion_late_days": "逾期竣工天数",
            "reason": "原因说明"})
        sheets["闲置土地"] = t
        rules = idle.rules
        sheets["认定依据"] = pd.DataFrame([(v["article"], v["text"], v["confidence"]) for v in rules["clauses"].values()],
                                      columns=["条款", "内容", "核实程度"])
        sheets["认定依据"].loc[len(sheets["认定依据"])] = ("评价日期", str(idle.eval_date), "")
        sheets["认定依据"].loc[len(sheets["认定依据"])] = ("来源", rules["source"], "")
    if low is not None:
        sheets["低效用地"] = low
    sheets["说明"] = findings_sheet(findings)
    return sheets


def feidi_sheets(res, agreement: dict) -> dict:
    names = {p["id"]: p["name"] for p in agreement["parties"]}
    reg = res.regions.rename(columns={"year": "年度", "party": "参与方", "name": "名称", "role": "角色",
                                      "energy_intensity": "能耗强度（吨标准煤/万元）",
                                      **{k: f"{v[0]}（{v[1]}）" for k, v in INDICATORS.items()}})
    det = res.detail.rename(columns={"year": "年度", "arrangement": "协议安排", "indicator": "指标代码", "name": "指标",
                                     "unit": "单位", "total": "合计", "rule": "分计方式", "clause": "协议条款",
                                     **{f"share_{p}": f"{n}分得" for p, n in names.items()},
                                     **{f"ratio_{p}": f"{n}比例" for p, n in names.items()}})
    rec = res.reconciliation.rename(columns={"year": "年度", "indicator": "指标代码", "name": "指标", "unit": "单位",
                                             "total": "合计", "sum_shares": "各方之和", "difference": "差额",
                                             "status": "核对"})
    parties = pd.DataFrame(agreement["parties"]).rename(columns={"id": "代码", "name": "名称", "role": "角色",
                                                                 "region": "行政区"})
    rule = pd.DataFrame([("协议", agreement["name"]), ("状态", agreement["status"]), ("来源", agreement["source"]),
                         ("取整规则", "最大余数法：各值先按小数位四舍五入为整单位，每份向下取整，余下单位依次给余数最大者"
                                  "（并列时给协议中列在前面的一方）/ largest remainder"),
                         ("小数位", str(agreement["decimals"])),
                         ("大项目能耗", f"投资（{agreement['large_basis']}）≥ {agreement['large_threshold']} 万元：能耗按协议比例；"
                                   f"{agreement['large_clause']}")], columns=["项目", "内容"])
    return {"分地区统计": reg, "分项分计": det, "核对表": rec, "参与方": parties, "协议与规则": rule,
            "说明": findings_sheet(res.findings)}


def targets_sheets(table: pd.DataFrame, findings=()) -> dict:
    t = table.drop(columns=["key"]).rename(columns={
        "indicator": "指标", "unit": "单位", "year": "年度", "actual": "实际值", "target_year": "目标年", "target": "目标值",
        "direction": "方向", "base_year": "基准年", "base_value": "基准值", "expected": "按计划应达到",
        "completion": "完成率（%）", "how": "实际值计算", "missing": "缺少该项数据的企业数",
        "status": "结论"})
    return {"目标跟踪": t, "说明": findings_sheet(list(findings))}


def industry_sheets(table: pd.DataFrame, label: str) -> dict:
    t = table.rename_axis(label).reset_index().rename(columns={
        "year": "年度", "enterprises": "企业数", "missing_output": "缺少产值的企业数", "leading": "主导产业（大类，按产值）",
        "leading_output": "主导产业产值（万元）", "output": "区块工业总产值（万元）", "share": "主导产业产值占比（%）",
        "min_share": "要求（%）", "status": "结论", "source": "依据", "land_leading": "主导产业（大类，按用地）",
        "land_share": "主导产业用地占比（%）"})
    return {"主导产业产值占比": t}


def evaluation_sheets(table: pd.DataFrame, profile: dict) -> dict:
    cols = {"zone": "园区", "year": "年度", "enterprises": "企业数", "land_mu": "用地面积（亩）", "leading": "主导产业（大类）",
            **_indicator_cols(profile), "score": "得分", "rank": "年度排名", "grade": "等级", "note": "说明"}
    t = table[[c for c in cols if c in table.columns]].rename(columns=cols)
    inds = pd.DataFrame([{"指标": i["name"], "计算": f"{i['num']} ÷ {i['den']}" + (f" × {i['factor']:g}" if i["factor"] != 1
                                                                               else ""),
                          "单位": i.get("unit", ""), "权重": i["weight"]} for i in profile["indicators"]])
    about = pd.DataFrame([("配置", profile["name"]), ("状态", profile["status"]), ("来源", profile["source"]),
                          ("评分", str(profile["scoring"])), ("分档", str(profile["grading"])), ("文件", profile["path"])],
                         columns=["项目", "内容"])
    return {"年度综合评价": t, "指标与权重": inds, "评价配置": about}
