"""Items of the dock's hierarchy tree (组团 → 单元 → 地块) from plain attribute records."""
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QTreeWidgetItem

from ..i18n import tr

#: review results shown in colour in the tree's 审查 column
STATUS_COLOURS = {"不合规": Qt.red, "需核实": Qt.darkYellow, "未审查": Qt.gray}


def plan_items(records):
    """(cluster items with their unit children, {id(unit item): (item, plot records)}): plot rows are made when a
    unit is opened, since rows for 10,000 plots would cost more than the rest of the refresh."""
    from ...algorithms.summary import plan_tree

    tree = plan_tree(records["cluster"], records["unit"], records["plot"])
    items, lazy = [], {}
    for z, node in tree.items():
        rec = node["record"] or {}
        zi = QTreeWidgetItem([z, rec.get("CYL") or rec.get("ZTMC") or "", ha(rec.get("YDMJ")), "", ""])
        zi.setData(0, Qt.UserRole, ("cluster", rec.get("_fid")))
        for d, un in node["units"].items():
            urec = un["record"] or {}
            ui = QTreeWidgetItem([d, urec.get("CYHJ") or urec.get("YDYHFLMC") or "", ha(urec.get("YDMJ")),
                                  far(urec), ""])
            ui.setData(0, Qt.UserRole, ("unit", urec.get("_fid")))
            if un["plots"]:
                ui.setChildIndicatorPolicy(QTreeWidgetItem.ShowIndicator)
                lazy[id(ui)] = (ui, un["plots"])
            zi.addChild(ui)
        items.append(zi)
    return items, lazy


def plot_item(p):
    item = QTreeWidgetItem([p.get("DKBH") or "?", f"{p.get('YDYHFLDM') or ''} {p.get('YDYHFLMC') or ''}".strip(),
                            ha(p.get("YDMJ")), far(p), p.get("SCJL") or "", p.get("MJDJ") or ""])
    item.setData(0, Qt.UserRole, ("plot", p["_fid"]))
    colour = STATUS_COLOURS.get(p.get("SCJL"))
    if colour is not None:
        item.setForeground(4, colour)
    return item


def ha(v):
    try:
        return f"{float(v) / 1e4:,.2f}"
    except (TypeError, ValueError):
        return ""


def far(rec):
    lo, hi = rec.get("RJLXX"), rec.get("RJLSX")
    if lo is None and hi is None:
        return ""
    return f"{'' if lo is None else lo}–{'' if hi is None else hi}"


def summary_html(scope, s):
    """The dock's summary of ``algorithms.summary.plan_summary`` output for the plots in ``scope``."""
    rows = "".join(f"<tr><td>{c['code']} {c['name']}</td><td align=right>{c['area_m2'] / 1e4:,.2f}</td>"
                   f"<td align=right>{c['share'] * 100:.1f}%</td></tr>" for c in s["by_class"][:8])
    missing = ""
    if s["missing_far"] or s["missing_tzqd"]:
        missing = (f"<br><span style='color:#a60'>{tr('未赋值')}: {tr('容积率')} {s['missing_far']}，"
                   f"{tr('投资强度')} {s['missing_tzqd']}</span>")
    return (f"<b>{scope}</b>：{s['plots']} {tr('块')}，{s['area_ha']:,.2f} {tr('公顷')}"
            f"（{s['area_ha'] * 15:,.1f} {tr('亩')}）<br>{tr('计容建筑面积')} {s['floor_area_m2'] / 1e4:,.2f} {tr('万㎡')}，"
            f"{tr('最低固定资产投资')} {s['min_investment_wan'] / 1e4:,.2f} {tr('亿元')}，"
            f"{tr('待处理问题')} <b>{s['open_findings']}</b>{missing}"
            f"<table width=100%><tr><th align=left>{tr('用地类别')}</th><th>{tr('公顷')}</th><th>%</th></tr>{rows}</table>")
