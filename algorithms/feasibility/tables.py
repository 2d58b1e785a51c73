"""Feasibility tables with Chinese headers, for the workbook/CSV outputs and the export issue's workbook.

``feasibility_sheets`` and ``intensive_use_sheets`` return ``{sheet name: DataFrame}`` (columns "中文 English"
labels); ``write_tables`` writes them to .xlsx (openpyxl) or, for .csv, the first sheet as UTF-8 with BOM.
Files are written whole or not at all.
"""
from __future__ import annotations

import os
from typing import Optional

import pandas as pd

from ..errors import InputError
from ..plan import atomic_output
from .cashflow import INFLOWS, LABELS, OUTFLOWS, CashflowResult, in_wan
from .phasing import PhasingResult
from .sensitivity import FACTOR_LABELS

__all__ = ["phase_sheet", "set_apart_sheet", "feasibility_sheets", "intensive_use_sheets", "write_tables",
           "summary_frame", "params_frame", "party_sheets", "two_way_sheet"]

_PHASE_COLS = {"KFFQ": "开发分期", "units": "单元数", "plots": "地块数", "area_ha": "用地面积（公顷）",
               "supplied_ha": "已供地（公顷）", "sell_ha": "待出让（公顷）", "factory_ha": "自建厂房用地（公顷）",
               "road_km": "新建道路（公里）", "investment": "投资（万元）", "verify_plots": "需核实地块数",
               "blocked_ha": "需调整用地仍分期（公顷）", "start": "启动季度", "mature": "成熟季度",
               "matures_in_horizon": "测算期内成熟"}
_SENS = {"factor": "因素", "change": "变动幅度", "npv": "净现值（万元）", "irr_annual": "内部收益率（年）",
         "peak_need": "最大资金需求（万元）", "payback_quarter": "回收季度序号", "npv_change": "净现值变化（万元）"}
_FACTORS = {"base": "基准 base", **{k: f"{zh} {en}" for k, (zh, en) in FACTOR_LABELS.items()}}
_TARGET = {"horizon": "期限", "year": "目标年", "indicator": "指标", "unit": "单位", "target": "目标值",
           "projected": "规划测算值", "gap": "差距（测算−目标）", "status": "结论", "note": "说明"}
_IU = {"zone_type": "开发区类型", "level": "层级", "ZTBH": "组团编号", "indicator": "指标", "value": "数值",
       "unit": "单位", "numerator": "分子", "denominator": "分母", "status": "状态", "note": "说明", "source": "依据"}


def phase_sheet(phases: pd.DataFrame, set_apart: Optional[pd.DataFrame] = None) -> pd.DataFrame:
    """The phase table with Chinese headers, a 合计 row and, when land was set apart, its row (not phased)."""
    df = phases[list(_PHASE_COLS)].copy()
    df["KFFQ"] = df["KFFQ"].astype(object)
    total = {c: df[c].sum() for c in ("units", "plots", "area_ha", "supplied_ha", "sell_ha", "factory_ha", "road_km",
                                      "investment", "verify_plots", "blocked_ha")}
    extra = [{"KFFQ": "合计 total", **total, "start": df["start"].iloc[0] if len(df) else "",
              "mature": df["mature"].iloc[-1] if len(df) else "", "matures_in_horizon": bool(df["matures_in_horizon"].all())}]
    if set_apart is not None and len(set_apart):
        extra.append({"KFFQ": "需调整用地（未分期）set apart, not phased", "units": set_apart["unit"].nunique(),
                      "plots": len(set_apart), "area_ha": float(set_apart["area_ha"].sum()), "supplied_ha": None,
                      "sell_ha": 0.0, "factory_ha": 0.0, "road_km": 0.0, "investment": 0.0, "verify_plots": None,
                      "blocked_ha": None, "start": "—", "mature": "—", "matures_in_horizon": None})
    df = pd.concat([df, pd.DataFrame(extra)], ignore_index=True)
    df["matures_in_horizon"] = df["matures_in_horizon"].map(lambda v: "—" if v is None or v != v else
                                                            ("是" if v else "否"))
    for col in ("units", "plots", "verify_plots"):
        df[col] = df[col].map(lambda v: "—" if v is None or v != v else int(v)).astype(object)
    return df.rename(columns=_PHASE_COLS)


def set_apart_sheet(set_apart: pd.DataFrame) -> pd.DataFrame:
    """The plots left out of the phasing, with their conflict and reason."""
    return set_apart.rename(columns={"code": "地块编号", "unit": "单元编号", "area_ha": "用地面积（公顷）",
                                     "conflict_m2": "冲突面积（m²）", "reason": "原因（一张图审查）"})


def summary_frame(cash: CashflowResult) -> pd.DataFrame:
    s = cash.summary
    rows = [("测算起始季度 start", s["start"], ""), ("测算季度数 quarters", s["quarters"], "季度"),
            ("年折现率 discount rate", s["discount_rate"], ""), ("现金流入合计 total inflow", s["total_inflow"], "万元"),
            ("现金流出合计 total outflow", s["total_outflow"], "万元"), ("净现值 NPV", s["npv"], "万元"),
            ("内部收益率（季） IRR per quarter", s["irr_quarter"], ""),
            ("内部收益率（年） IRR per year", s["irr_annual"], ""),
            ("最大资金需求 peak funding need", s["peak_need"], "万元"),
            ("最大资金需求季度 peak quarter", s["peak_label"] or "—", ""),
            ("投资回收季度 payback quarter", s["payback_label"] or "测算期内未回收 / not within the horizon", ""),
            ("贷款提款合计 debt drawn", s["debt_total"], "万元"), ("资本金合计 equity", s["equity_total"], "万元"),
            ("利息合计 interest", s["interest_total"], "万元"), ("贷款余额峰值 peak debt", s["debt_peak"], "万元"),
            ("期末贷款余额 debt outstanding at the end", s["debt_outstanding_end"], "万元"),
            ("说明 note", "默认参数为示意性假设，须以本开发区实际数据替换 / default parameters are illustrative "
                          "assumptions to be replaced by the zone's own figures", "")]
    rows += [(k, v, u) for k, v, u in s.get("plan_rows", [])]
    return pd.DataFrame(rows, columns=["项目 item", "数值 value", "单位 unit"])


def params_frame(params: dict) -> pd.DataFrame:
    """The parameters used, flattened (dotted keys), with each key's Chinese name and unit from the comments of
    resources/feasibility/default_params.yaml (the one place that explains them)."""
    rows = []
    notes = param_notes()

    def walk(node, prefix):
        for k, v in node.items():
            if str(k).startswith("_"):
                continue
            key = f"{prefix}.{k}" if prefix else str(k)
            if isinstance(v, dict):
                walk(v, key)
            else:
                rows.append((key, _note_of(notes, key), v if not isinstance(v, list) else ", ".join(map(str, v))))
    walk(params, "")
    rows.append(("来源 source", "参数文件", params.get("_source", "")))
    return pd.DataFrame(rows, columns=["参数 parameter", "名称及单位 name and unit", "取值 value"])


def _note_of(notes: dict, key: str) -> str:
    """The comment of ``key`` or of its nearest parent (roads_per_km.主干路 → roads_per_km's)."""
    while key:
        if key in notes:
            return notes[key]
        key = key.rpartition(".")[0]
    return ""


def param_notes(path: Optional[str] = None) -> dict:
    """{dotted key: its Chinese comment} from the default parameter file (the part before " / ")."""
    if path is None:
        path = os.path.join(os.path.dirname(__file__), "..", "..", "resources", "feasibility", "default_params.yaml")
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return {}
    out, stack = {}, []
    for line in lines:
        body, _, comment = line.partition("#")
        if not body.strip() or ":" not in body or body.lstrip().startswith("-"):
            continue
        indent = len(body) - len(body.lstrip())
        key = body.strip().split(":", 1)[0].strip().strip("'\"")
        while stack and stack[-1][0] >= indent:
            stack.pop()
        stack.append((indent, key))
        text = comment.split(" / ")[0].strip()
        if text:
            out[".".join(k for _, k in stack)] = text
    return out


_PARTY = {"party": "参与方 party", "npv": "净现值（万元）NPV", "irr_annual": "内部收益率（年）IRR",
          "peak_need": "最大资金需求（万元）peak funding", "peak_quarter": "最大资金需求季度 peak quarter",
          "inflow": "流入合计（万元）inflow", "outflow": "流出合计（万元）outflow", "discount_rate": "折现率 discount rate"}
_PARTY_COLS = {"label": "季度", **in_wan({
    "project_net": "项目净现金流（融资前）", "grant": "预算内投资补助", "bond_draw": "专项债资金", "bond_service": "专项债还本付息",
    "partner_share": "合作方分配", "existing_debt": "存量债务还本付息", "project_share": "项目权益分配",
    "tax_share": "税收分成", "net": "净现金流", "cumulative": "累计净现金流"})}
_BONDS = {"label": "季度", **in_wan({"draw": "发行（提款）", "interest": "付息", "principal": "还本", "balance": "余额"})}
#: the quarterly flow of a cluster or a phase
_GROUP_FLOW = {"label": "季度", **{k: LABELS[k] for k in ("inflow", "outflow", "net", "cumulative")}}


def party_sheets(cash: CashflowResult) -> dict[str, pd.DataFrame]:
    """参与方汇总 (NPV and peak funding per party), one sheet per party, and the special bonds when there are any."""
    p = cash.parties
    if p is None:
        return {}
    out = {"参与方汇总": p.summary.rename(columns=_PARTY)}
    for name, df in p.flows.items():
        out[f"参与方-{name}"[:31]] = df.rename(columns=_PARTY_COLS)
    if float(p.bonds["draw"].sum()) > 0:
        out["专项债"] = p.bonds.rename(columns=_BONDS)
    return out


def two_way_sheet(two: pd.DataFrame) -> pd.DataFrame:
    """NPV by land-price change (rows) × occupancy change (columns), headers in words."""
    df = two.copy()
    df.columns = [f"出租率 occupancy {c:+.0%}" for c in df.columns]
    df.insert(0, "地价 land price", [f"{r:+.0%}" for r in two.index])
    return df.reset_index(drop=True)


def feasibility_sheets(phased: PhasingResult, cash: CashflowResult, targets: Optional[pd.DataFrame] = None,
                       suggestions: Optional[pd.DataFrame] = None) -> dict[str, pd.DataFrame]:
    """The workbook: summary, phases, quarterly flow, clusters, phases' flows, sensitivity (one and two factors),
    targets, parties, the adjustments (调整建议, when the search ran), set-apart land, parameters."""
    q = cash.quarterly
    cols = ["label"] + list(OUTFLOWS) + ["outflow"] + list(INFLOWS) + ["inflow", "net", "cumulative", "sold_ha",
                                                                       "debt_drawdown", "equity", "interest",
                                                                       "repayment", "debt_balance",
                                                                       "net_after_financing"]
    flow = q[cols].rename(columns={"label": "季度", **LABELS})
    sheets = {
        "测算摘要": summary_frame(cash),
        "分期表": phase_sheet(phased.phases, phased.set_apart),
        "现金流量表": flow,
        "组团现金流": cash.clusters.drop(columns="quarter").rename(columns={"ZTBH": "组团编号", **_GROUP_FLOW}),
        "分期现金流": cash.phases.drop(columns="quarter").rename(columns={"KFFQ": "开发分期", **_GROUP_FLOW}),
    }
    if len(cash.sensitivity):
        sens = cash.sensitivity.copy()
        sens["factor"] = sens["factor"].map(_FACTORS).fillna(sens["factor"])
        sheets["敏感性分析"] = sens.rename(columns=_SENS)
    if cash.two_way is not None and cash.two_way.size:
        sheets["双因素敏感性"] = two_way_sheet(cash.two_way)
    if targets is not None:
        sheets["发展目标"] = targets[list(_TARGET)].rename(columns=_TARGET)
    sheets.update(party_sheets(cash))
    if suggestions is not None:
        sheets["调整建议"] = suggestions
    if phased.set_apart is not None and len(phased.set_apart):
        sheets["需调整用地"] = set_apart_sheet(phased.set_apart)
    sheets["测算参数"] = params_frame(phased.params)
    return sheets


def intensive_use_sheets(result) -> dict[str, pd.DataFrame]:
    return {"土地集约利用评价": result.table[list(_IU)].rename(columns=_IU)}


#: decimals shown in the workbook by header: areas and rates 4, everything else 2 (values are stored unrounded)
def _digits(header: str) -> int:
    h = str(header)
    return 4 if any(w in h for w in ("公顷", "率", "IRR", "rate", "share", "比例")) else 2


def _denoised(df: pd.DataFrame) -> pd.DataFrame:
    """Float columns without binary noise (74234.68965000001 → 74234.68965, -5.7e-14 → 0): 12 significant digits,
    magnitudes under 1e-9 are 0, so sums of the written values equal the unrounded totals."""
    out = df.copy()
    for c in out.columns:
        if pd.api.types.is_float_dtype(out[c]):
            out[c] = [v if v != v else (0.0 if abs(v) < 1e-9 else float(f"{v:.12g}")) for v in out[c]]
    return out


def write_tables(path: str, sheets: dict[str, pd.DataFrame]) -> str:
    """Write ``sheets`` to ``path`` (.xlsx: every sheet, numbers shown with 2 or 4 decimals by their header; .csv:
    the first sheet, UTF-8 with BOM); float noise removed, totals stay those of the unrounded values."""
    ext = os.path.splitext(path)[1].lower()
    if ext not in (".xlsx", ".csv"):
        raise InputError("E_WRITE", path=path, reason="仅支持 .xlsx 或 .csv / only .xlsx or .csv")
    with atomic_output(path) as tmp:
        if ext == ".csv":
            _denoised(next(iter(sheets.values()))).to_csv(tmp, index=False, encoding="utf-8-sig")
        else:
            try:
                import openpyxl  # noqa: F401
            except ImportError:  # pragma: no cover
                from ..errors import ZutuanError
                raise ZutuanError("E_DEPENDENCY", package="openpyxl", command="pip install openpyxl") from None
            with pd.ExcelWriter(tmp, engine="openpyxl") as xw:
                for name, df in sheets.items():
                    _denoised(df).to_excel(xw, sheet_name=name[:31], index=False)
                    _format_sheet(xw.sheets[name[:31]])
    return path


def _format_sheet(ws) -> None:
    """Column widths and number formats (display rounding) of a written sheet."""
    for col in ws.columns:
        width = max(len(str(c.value or "")) for c in col[:50])
        ws.column_dimensions[col[0].column_letter].width = min(60, max(10, width * 1.6))
        fmt = "#,##0." + "0" * _digits(col[0].value)
        for cell in col[1:]:
            if isinstance(cell.value, float):
                cell.number_format = fmt
