"""The findings of 滚动开发分期: land set apart or to be verified, pins, missing infrastructure, phases too large or
maturing late (see :mod:`.phasing`)."""
from __future__ import annotations

from ..findings import Finding
from .params import get

__all__ = ["state_findings", "pinned_finding", "no_infra_finding", "pin_order_finding", "table_findings"]


def state_findings(frame, state, code_field: str) -> list:
    """Findings for the land set apart (需调整用地) and for 需核实 land that is phased."""
    out = []
    codes = frame[code_field].astype(str).to_numpy() if code_field in frame.columns else frame.index.astype(str)
    if state.blocked.any():
        shown = "、".join(codes[state.blocked][:10]) + (f" 等 {int(state.blocked.sum())} 块"
                                                      if state.blocked.sum() > 10 else "")
        if state.allow_blocked:
            msg = (f"{int(state.blocked.sum())} 块需调整用地（一张图禁止性规则不合规）按参数仍纳入分期，各输出均已标注：{shown} / "
                   f"{int(state.blocked.sum())} plots in conflict with a prohibiting rule are phased anyway, as asked")
        else:
            msg = (f"{int(state.blocked.sum())} 块需调整用地（一张图禁止性规则不合规）不纳入分期、不计征地、不出让：{shown} / "
                   f"{int(state.blocked.sum())} plots in conflict with a prohibiting rule are set apart: not phased, "
                   "not acquired, not sold")
        out.append(Finding("FEAS-SET-APART", "需调整用地", "warning", None, msg))
    if state.verify.any():
        out.append(Finding("FEAS-VERIFY", "需核实用地纳入分期", "info", None,
                           f"{int(state.verify.sum())} 块一张图审查“需核实”的用地纳入分期并已标注 / "
                           f"{int(state.verify.sum())} plots to be verified are phased and marked"))
    if not state.checked:
        out.append(Finding("FEAS-NOT-REVIEWED", "输入未经一张图审查", "warning", None,
                           "输入图层没有一张图审查结果（SCJL 与冲突面积字段），全部用地按可开发处理 / the input carries no "
                           "master-plan check results: all land is treated as developable"))
    return out


def pinned_finding(pinned, pin_field) -> list:
    """The finding naming how many blocks the planner pinned to a phase (none when no block is pinned)."""
    if not (pinned > 0).any():
        return []
    return [Finding("FEAS-PINNED", "指定分期", "info", None,
                    f"{int((pinned > 0).sum())} 个分期单元按“{pin_field}”指定分期 / "
                    f"{int((pinned > 0).sum())} blocks pinned by '{pin_field}'")]


def no_infra_finding() -> Finding:
    """The finding that no built road or infrastructure was given to start the phases from."""
    return Finding("FEAS-NO-INFRA", "无现状基础设施", "info", None,
                   "未提供已建道路或基础设施，分期从已供地/已平整用地或区域一端开始 / no built roads or "
                   "infrastructure given; phases start from supplied/serviced land or one end of the zone")


def pin_order_finding(pin_field, cap: float) -> Finding:
    """The finding that the pinned phases exceed the capacity and are read as an order."""
    return Finding("FEAS-PIN-ORDER", "指定分期按开发顺序使用", "info", None,
                   f"“{pin_field}”指定的分期超过每期规模 {cap:g} 公顷：按其数值作为开发顺序，拆分为不超过规模的"
                   f"分期 / the pinned phases of '{pin_field}' exceed the capacity of {cap:g} ha: they are "
                   "read as an order and split into phases within the capacity")


def table_findings(table, params, phase_b) -> list:
    """Findings for the phases above the capacity and those that do not mature within the horizon."""
    out = []
    cap = float(get(params, "phasing.capacity_ha"))
    for _, row in table.iterrows():
        if row["area_ha"] > cap + 1e-9:
            one = int((phase_b == row["KFFQ"]).sum()) == 1
            why = ("（该期只有一个不可拆分的单元，其面积即超过规模）/ (one indivisible unit larger than the capacity)"
                   if one else "")
            out.append(Finding("FEAS-CAPACITY", "分期规模超限", "warning", None,
                               f"第 {row['KFFQ']} 期 {row['area_ha']:.2f} 公顷，超过每期规模{why} / phase {row['KFFQ']} "
                               f"has {row['area_ha']:.2f} ha, above the capacity per phase",
                               value=float(row["area_ha"]), limit=cap, unit="公顷"))
        if not row["matures_in_horizon"]:
            out.append(Finding("FEAS-LATE", "测算期内未成熟", "warning", None,
                               f"第 {row['KFFQ']} 期在测算期内未达到成熟阈值 / phase {row['KFFQ']} does not "
                               f"mature within the horizon"))
    return out
