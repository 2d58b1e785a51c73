"""Generate the sample zone's monitoring data (synthetic, illustrative) keyed to the demo's plot codes.

Run once after `bash scripts/demo.sh` (which writes out/plots_phased.gpkg; the plot codes are deterministic):

    .venv/bin/python resources/sample/generate_monitoring.py [out/plots_phased.gpkg]

Writes into resources/sample/data/ (every figure invented, seeded, reproducible):
- enterprise_stats.csv   — three years (2023–2025) of enterprise statistics on the supplied plots;
- supply_ledger.csv      — the supply ledger of every supplied plot (dates, shares, land price) with planted idle cases;
- xingzhengqu.gpkg       — an ILLUSTRATIVE administrative boundary (凭祥市 / 宁明县) crossing cluster Z03;
- feidi_agreement.yaml   — an ILLUSTRATIVE 飞地 agreement (凭祥市, a fictional 飞出地, 宁明县);
- targets.csv            — ILLUSTRATIVE 3- and 5-year targets (base year 2023).
"""
import datetime as dt
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, ROOT)

import algorithms  # noqa: E402,F401  (PROJ data directory)
import geopandas as gpd  # noqa: E402
import pandas as pd  # noqa: E402
import shapely  # noqa: E402

DATA = os.path.join(HERE, "data")
CC = "0123456789ABCDEFGHJKLMNPQRTUWXY"
W = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
YEARS = (2023, 2024, 2025)
INTENSITY = {"Z01": 260.0, "Z02": 190.0, "Z03": 0.0, "Z04": 230.0}      # 产值 万元/亩 (Z03: logistics, no 产值)
ALT_INDUSTRY = {"Z01": "59", "Z02": "20", "Z03": "58", "Z04": "13"}
TENANTS = ["凭祥边关速冻食品有限公司", "凭祥友谊关包装材料有限公司", "凭祥桂南木业有限公司", "凭祥东兴冷库服务有限公司",
           "凭祥弄怀果蔬分拣有限公司", "凭祥南山红木雕刻有限公司", "凭祥万通仓储有限公司", "凭祥隘口食品有限公司",
           "凭祥金鸡山农副产品有限公司", "凭祥边城电子商务有限公司", "凭祥越通报关服务有限公司", "凭祥桂越木制品有限公司",
           "凭祥那坡香料加工有限公司", "凭祥平而河饮品有限公司", "凭祥友谊关冷链配送有限公司", "凭祥夏石果脯有限公司"]
#: plots left without statistics: the planted idle-land cases of the ledger
IDLE = {"Z03-08-04": ("2023-06-01", None), "Z04-01-12": ("2024-09-15", None), "Z01-04-16": ("2024-12-28", None),
        "Z03-08-05": ("2023-03-01", "gov"), "Z04-03-03": ("2021-03-01", "suspended"),
        "Z02-01-01": ("2021-06-01", "suspended_recent"), "Z03-09-14": ("2025-06-30", None)}
LARGE = "凭祥东盟鲜果冷链有限公司"                                         # a ≥ 10 亿元 project (Z01)


def credit_code(n: int) -> str:
    body = f"91451481MA{n:07d}"
    total = sum(CC.index(c) * w for c, w in zip(body, W))
    return body + CC[(31 - total % 31) % 31]


def supplied_plots(plots_path):
    plots = gpd.read_file(plots_path)
    parcels = gpd.read_file(os.path.join(DATA, "sample_zone.gpkg"), layer="zongdi")
    sup = plots[plots["GDZT"] == "已供地"][["DKBH", "ZTBH", "HYDM", "YDMJ", "geometry"]]
    ov = gpd.overlay(sup, parcels[["TDSYQR", "geometry"]], how="intersection", keep_geom_type=True)
    ov["a"] = ov.area
    owner = ov.sort_values("a").groupby("DKBH")["TDSYQR"].last()
    sup = sup.set_index("DKBH").assign(owner=owner).reset_index()
    sup["mu"] = sup["YDMJ"] / 10_000 * 15
    return plots, sup.sort_values("DKBH").reset_index(drop=True)


def enterprises(sup):
    """[(name, code, cluster, [plots], industry)] — owners by cluster, at most two plots each, tenants for the rest."""
    out, n, tenant = [], 0, 0
    active = sup[~sup["DKBH"].isin(IDLE)]
    seen = set()
    for (owner, zt), g in active.groupby(["owner", "ZTBH"], sort=True):
        codes = list(g["DKBH"])
        for i in range(0, len(codes), 2):
            if i == 0:
                name = owner if owner not in seen else f"{owner}{zt}分公司"
                seen.add(owner)
            else:
                name, tenant = TENANTS[tenant % len(TENANTS)], tenant + 1
            n += 1
            ind = ALT_INDUSTRY[zt] if n % 5 == 2 else str(g["HYDM"].iloc[0])   # every fifth: another industry
            out.append((name, credit_code(n), zt, codes[i:i + 2], ind))
    return out


def stats_rows(ents, sup, plots):
    rng = np.random.default_rng(2019)
    mu = sup.set_index("DKBH")["mu"]
    rows = []
    shared = {e[3][0] for e in ents[3:12:3]}                             # three plots get a co-tenant as well
    xy_k = next(k for k, e in enumerate(ents) if len(e[3]) == 1 and k >= 7)  # one enterprise placed by coordinates
    for k, (name, code, zt, codes, ind) in enumerate(ents):
        land = float(mu[codes].sum())
        factor = float(np.exp(rng.normal(0.0, 0.45)))
        fai = land * rng.uniform(150, 400) if name != LARGE else 125_000.0
        first = 2024 if k % 11 == 5 else 2023
        no_emission = k in (4, 17)
        for y in YEARS:
            if y < first:
                continue
            g = 1.08 ** (y - 2023) * rng.uniform(0.95, 1.05)
            revenue = land * (INTENSITY[zt] or 160.0) * factor * g * rng.uniform(0.95, 1.1)
            output = None if zt == "Z03" else revenue / rng.uniform(0.95, 1.1)
            energy = revenue * rng.uniform(0.03, 0.12)
            xy = k == xy_k
            pt = plots.set_index("DKBH").loc[codes[0], "geometry"].representative_point() if xy else None
            rows.append({"统一社会信用代码": code, "企业名称": name, "地块编号": "" if xy else "；".join(codes),
                         "X坐标": round(pt.x, 2) if xy else "", "Y坐标": round(pt.y, 2) if xy else "", "年度": y,
                         "行业代码": ind, "工业总产值（万元）": "" if output is None else round(output, 2),
                         "营业收入（万元）": round(revenue, 2), "增加值（万元）": round(revenue * rng.uniform(0.18, 0.3), 2),
                         "税收（万元）": round(revenue * rng.uniform(0.015, 0.06), 2),
                         "固定资产投资累计（万元）": round(fai * (1 + 0.05 * (y - 2023)), 2),
                         "固定资产投资当年（万元）": round(fai * rng.uniform(0.02, 0.08), 2),
                         "综合能耗（吨标准煤）": "" if (k == 9 and y == 2023) else round(energy, 2),
                         "新能源消费量（吨标准煤）": round(energy * rng.uniform(0, 0.2), 2),
                         "主要污染物排放（吨）": "" if no_emission else round(energy * rng.uniform(0.002, 0.01), 3),
                         "从业人员（人）": int(land * rng.uniform(1.5, 4)), "研发经费（万元）": round(revenue * rng.uniform(0, 0.025), 2),
                         "用地面积（亩）": "", "园区": "凭祥边合区（示例）"})
        if codes[0] in shared:
            for y in YEARS:
                rev = 5 * 120 * rng.uniform(0.8, 1.2)
                rows.append({"统一社会信用代码": credit_code(900 + k), "企业名称": f"{name[:2]}租赁厂房企业{k}（示例）",
                             "地块编号": codes[0], "年度": y, "行业代码": ind, "工业总产值（万元）": "" if zt == "Z03" else round(rev, 2),
                             "营业收入（万元）": round(rev, 2), "增加值（万元）": round(rev * 0.25, 2),
                             "税收（万元）": round(rev * 0.04, 2), "固定资产投资累计（万元）": 600.0, "固定资产投资当年（万元）": 20.0,
                             "综合能耗（吨标准煤）": round(rev * 0.05, 2), "新能源消费量（吨标准煤）": 0.0,
                             "主要污染物排放（吨）": round(rev * 0.0003, 3), "从业人员（人）": 12,
                             "研发经费（万元）": 0.0, "用地面积（亩）": 5.0, "园区": "凭祥边合区（示例）"})
    return pd.DataFrame(rows).fillna("")


def ledger_rows(sup):
    rng = np.random.default_rng(53)
    rows = []
    for _, r in sup.iterrows():
        case = IDLE.get(r["DKBH"])
        price = round(r["mu"] * 12.0, 2)
        if case is None:
            supplied = dt.date(2018, 1, 1) + dt.timedelta(days=int(rng.integers(0, 1800)))
            start = supplied + dt.timedelta(days=180)
            actual = start + dt.timedelta(days=int(rng.integers(-30, 200)))
            done = actual + dt.timedelta(days=int(rng.integers(500, 900)))
            rows.append([r["DKBH"], r["owner"], supplied, start, actual, start + dt.timedelta(days=730),
                         done if done <= dt.date(2025, 12, 31) else "", "", "", "", "", "", "否", "", price])
            continue
        start = dt.date.fromisoformat(case[0])
        supplied = start - dt.timedelta(days=180)
        row = [r["DKBH"], r["owner"], supplied, start, "", start + dt.timedelta(days=730), "", "", "", "", "", "",
               "否", "", price]
        if case[1] == "gov":
            row[12:14] = ["是", "约定交地时未完成征地拆迁，土地未按期交付（示例，第八条（一）类情形）"]
        elif case[1] in ("suspended", "suspended_recent"):
            susp = dt.date(2024, 5, 10) if case[1] == "suspended" else dt.date(2025, 3, 1)
            row[4], row[7:12] = start + dt.timedelta(days=30), [round(r["mu"] * 0.15, 2), round(r["mu"], 2), 800.0,
                                                                 6000.0, susp]
        rows.append(row)
    cols = ["地块编号", "土地使用权人", "供地日期", "约定动工日期", "实际动工日期", "约定竣工日期", "竣工日期", "已开发面积（亩）",
            "应开发面积（亩）", "已投资额（万元）", "总投资额（万元）", "中止开发日期", "政府原因", "原因说明", "土地价款（万元）"]
    return pd.DataFrame(rows, columns=cols)


def admin_layer(crs):
    """An illustrative boundary: the south-east corner of the zone (across cluster Z03) drawn as 宁明县."""
    nm = shapely.Polygon([(36371750, 2443800), (36373100, 2443800), (36373100, 2444700), (36371750, 2444700)])
    whole = shapely.box(36369000, 2443800, 36373100, 2447000)
    return gpd.GeoDataFrame({"XZQDM": ["451481", "451422"], "XZQMC": ["凭祥市", "宁明县"],
                             "BZ": ["示意边界，非真实行政区界线 / illustrative, not the real boundary"] * 2},
                            geometry=[whole.difference(nm), nm], crs=crs)


AGREEMENT = """\
# 飞地合作协议（示例）/ 飞地 agreement — ILLUSTRATIVE, invented for the sample zone; not a real agreement.
# 参与方、比例、条款均为虚构；结构说明见 resources/monitoring/README.md。
# 依据（规则来源，非本协议）：商务部办公厅 商办资函〔2021〕163号 (十二) 完善边（跨）合区统计制度；甘肃省“飞地经济”文件
#   （甘办发〔2023〕15号《关于促进“飞地经济”发展的指导意见》及其实施文件，按 issue 19 的转述：飞出地与飞入地按协议分计
#   地区生产总值、固定资产投资、就业人数，分享新能源、能耗、排放指标，税收按分成办法；投资 10 亿元以上项目能耗按比例
#   分担——统计条款原文未核实 / clause text not verified）。
name: 凭祥边合区飞地合作协议（示例，虚构）/ sample 飞地 agreement (invented)
status: illustrative
source: 示例数据，由 resources/sample/generate_monitoring.py 生成 / sample data
parties:
  - {id: PX, name: 凭祥市, role: 飞入地, region: "451481"}
  - {id: FC, name: 东部示例市（虚构）, role: 飞出地}
  - {id: NM, name: 宁明县, role: 其他, region: "451422"}
rounding:
  rule: largest_remainder          # 最大余数法：各份向下取整，余下的单位依次给余数最大者（并列给列在前面的一方）
  decimals: {value_added: 2, output: 2, fai_year: 2, tax: 2, energy: 2, new_energy: 2, employees: 0, emission: 3}
large_projects:
  threshold: 100000                # 万元 = 10 亿元
  basis: fai_cum                   # 累计固定资产投资
  clause: 协议第七条（示例）：投资 10 亿元以上项目能耗按协议比例分担
arrangements:
  - id: A1
    clause: 协议第五条（示例）：Z01、Z02、Z04 组团统计指标按出资比例分计
    years: [2023, 2027]
    scope: cluster
    members: [Z01, Z02, Z04]
    split: ratio
    ratios:
      value_added: {PX: 0.6, FC: 0.4}
      output: {PX: 0.6, FC: 0.4}
      fai_year: {PX: 0.5, FC: 0.5}
      employees: {PX: 0.8, FC: 0.2}
      tax: {PX: 0.5, FC: 0.5}
      energy: {PX: 0.6, FC: 0.4}
      new_energy: {PX: 0.5, FC: 0.5}
      emission: {PX: 0.7, FC: 0.3}
  - id: A2
    clause: 协议第六条（示例）：跨界共建的 Z03 组团按土地所在行政区面积分计
    years: [2023, 2027]
    scope: cluster
    members: [Z03]
    split: area
"""

TARGETS = [("产业规模（年产值）", 2026, 280000), ("产业规模（年产值）", 2028, 380000), ("企业引进", 2026, 42),
           ("企业引进", 2028, 60), ("就业", 2026, 4250), ("就业", 2028, 5200), ("税收", 2026, 15000),
           ("税收", 2028, 19000), ("固定资产投资（当年）", 2026, 26000), ("固定资产投资（当年）", 2028, 30000)]


def main(plots_path):
    plots, sup = supplied_plots(plots_path)
    ents = enterprises(sup)
    stats_rows(ents, sup, plots).to_csv(os.path.join(DATA, "enterprise_stats.csv"), index=False, encoding="utf-8-sig")
    ledger_rows(sup).to_csv(os.path.join(DATA, "supply_ledger.csv"), index=False, encoding="utf-8-sig")
    path = os.path.join(DATA, "xingzhengqu.gpkg")
    if os.path.exists(path):
        os.remove(path)
    admin_layer(plots.crs).to_file(path, layer="xingzhengqu", driver="GPKG", engine="pyogrio",
                                   layer_options={"DESCRIPTION": "示意行政区界线（非真实）/ illustrative boundary"})
    with open(os.path.join(DATA, "feidi_agreement.yaml"), "w", encoding="utf-8") as fh:
        fh.write(AGREEMENT)
    pd.DataFrame([{"指标": k, "基准年": 2023, "目标年": y, "目标值": v, "说明": "示例目标（虚构）/ illustrative"}
                  for k, y, v in TARGETS]).to_csv(os.path.join(DATA, "targets.csv"), index=False, encoding="utf-8-sig")
    print(f"{len(ents)} enterprises on {sum(len(e[3]) for e in ents)} plots; idle cases {len(IDLE)}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "out", "plots_phased.gpkg"))
