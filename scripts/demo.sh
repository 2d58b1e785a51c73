#!/usr/bin/env bash
# The demo: the main job on the bundled sample zone (resources/sample/), end to end through qgis_process.bin.
# Results go to out/. Every step is a Processing algorithm of the `zutuan` provider, as a batch user would run it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
SAMPLE="$ROOT/resources/sample/data/sample_zone.gpkg"
OUT="${ZUTUAN_DEMO_OUT:-$ROOT/out}"  # test/qgis/test_reconcile.py runs the demo into a folder of its own
rm -rf "$OUT" && mkdir -p "$OUT"
LOG="$OUT/demo.log"
step() {  # step <title> <alg> KEY=VALUE ...
  local title=$1 alg=$2; shift 2
  local t0=$(date +%s.%N)
  echo "== $title ($alg)" | tee -a "$LOG"
  local args=(); for kv in "$@"; do args+=("$kv"); done
  if ! qgis_process.bin run "$alg" --json -- "${args[@]}" > "$OUT/.step.json" 2>> "$LOG"; then
    cat "$OUT/.step.json" >> "$LOG"; echo "FAILED: $alg (see $LOG)"; tail -20 "$LOG"; exit 1
  fi
  "$PY" - "$OUT/.step.json" "$t0" <<'PYEOF' | tee -a "$LOG"
import json, sys, time
text = open(sys.argv[1], encoding="utf-8").read()
data = json.loads(text[text.find("{"):])
res = data["results"]
for kind in ("warning", "info"):
    for line in (data.get("log") or {}).get(kind, [])[:8]:
        print(f"    [{kind}] {line[:300]}")
short = {k: (round(v, 4) if isinstance(v, float) else v) for k, v in res.items()}
print("   ", json.dumps(short, ensure_ascii=False)[:600], f"[{time.time() - float(sys.argv[2]):.1f} s]")
PYEOF
}

Z="$SAMPLE|layername=zutuan"
step "1 新建规划数据库 Create the plan" zutuan:createplan \
  PROJECT_NAME="凭祥边境经济合作区小组团滚动开发实施方案（示例）" ORGANISATION="示例编制单位" \
  CLUSTERS="$Z" OUTPUT="$OUT/plan.gpkg"
step "2 组团划分单元 Clusters → units along planned roads" zutuan:subdivideunits \
  INPUT="$Z" ROADS="$SAMPLE|layername=daolu" CLASS_FIELD=DLDJ WIDTH_FIELD=HXKD \
  OUTPUT="$OUT/units.gpkg" OUTPUT_ROADS="$OUT/road_corridors.gpkg" OUTPUT_FINDINGS="$OUT/units_findings.gpkg"
step "3 单元划分地块 Units → plots on the cadastre" zutuan:subdivideplots \
  INPUT="$OUT/units.gpkg" CADASTRE="$SAMPLE|layername=zongdi" ROADS="$OUT/road_corridors.gpkg" \
  OUTPUT="$OUT/plots.gpkg" OUTPUT_FINDINGS="$OUT/plots_findings.gpkg"
step "4 层级编码与拓扑检查 Hierarchy and topology" zutuan:buildhierarchy \
  CLUSTERS="$Z" UNITS="$OUT/units.gpkg" PLOTS="$OUT/plots.gpkg" OUTPUT_FINDINGS="$OUT/hierarchy_findings.gpkg"
step "5 赋值控制指标 Controls from the 2008 standard" zutuan:assigncontrols \
  INPUT="$OUT/plots.gpkg" UNITS="$OUT/units.gpkg" CLUSTERS="$Z" LOCAL_PROFILE="$ROOT/resources/sample/data/local_profile.yaml" \
  OUTPUT="$OUT/plots_controls.gpkg" OUTPUT_FINDINGS="$OUT/controls_findings.gpkg"
# Overlaps under 50 m² (BOUNDARY_TOLERANCE) are 需核实（疑似边界误差）: slivers where two data sources disagree on a line.
step "6 一张图符合性审查 Master-plan check" zutuan:checkmasterplan \
  INPUT="$OUT/plots_controls.gpkg" ECOLOGICAL_REDLINE="$SAMPLE|layername=stbhhx" FARMLAND="$SAMPLE|layername=yjjbnt" \
  URBAN_BOUNDARY="$SAMPLE|layername=czkfbj" ZONING="$SAMPLE|layername=ghfq" ZONE_FIELD=GHFQMC \
  DEM="$ROOT/resources/sample/data/dem.tif" BOUNDARY_TOLERANCE=50 \
  OUTPUT="$OUT/plots_checked.gpkg" CONFLICTS="$OUT/一张图冲突.gpkg" REPORT="$OUT/一张图审查报告.html"
step "7 用地标准审查 Land-use standards check" zutuan:checkstandards \
  INPUT="$OUT/plots_checked.gpkg" LOCAL_PROFILE="$ROOT/resources/sample/data/local_profile.yaml" PROJECTS="$ROOT/resources/sample/data/projects.csv" \
  OUTPUT="$OUT/plots_reviewed.gpkg" CONFLICTS="$OUT/标准审查问题.gpkg" REPORT="$OUT/用地标准审查报告.html"
PLOTS="$OUT/plots_reviewed.gpkg"
# Phasing and cash flow read the reviewed plots (需调整用地 set apart, 已供地 first), the plan's road corridors (the
# one road layer: class DLDJ, centre-line length DLCD) and the plan's metadata (its year starts the cash flow).
ROADS=(ROADS="$OUT/road_corridors.gpkg" ROAD_CLASS_FIELD=DLDJ ROAD_LENGTH_FIELD=DLCD PLAN="$OUT/plan.gpkg")
step "8 滚动开发分期 Phasing" zutuan:phasing \
  INPUT="$PLOTS" "${ROADS[@]}" OUTPUT="$OUT/plots_phased.gpkg" OUTPUT_PHASES="$OUT/分期表.xlsx"
# The cash flow with a partner and special bonds (an illustrative parameter file), the tornado chart, and the search
# for the least change reaching a peak-funding limit: its first plan is written as a new plan version.
step "9 现金流测算 Cash flow, financing, parties, targets, suggestions" zutuan:cashflow \
  INPUT="$OUT/plots_phased.gpkg" "${ROADS[@]}" PARAMS="$ROOT/resources/feasibility/examples/partner_bonds.yaml" \
  LOCAL_PROFILE="$ROOT/resources/sample/data/local_profile.yaml" \
  OUTPUT="$OUT/可行性测算.xlsx" OUTPUT_CSV="$OUT/现金流量表.csv" OUTPUT_CHART="$OUT/累计现金流.svg" \
  OUTPUT_TORNADO="$OUT/敏感性龙卷风图.svg" OUTPUT_PLAN="$OUT/plots_adjusted.gpkg"
# The exports read the phased plots: the 开发分期 and 开发状态 they print are the phasing's.
PLOTS="$OUT/plots_phased.gpkg"
step "10 导出控制指标表 Indicator workbook" zutuan:exportindicatortable \
  INPUT="$PLOTS" UNITS="$OUT/units.gpkg" CLUSTERS="$Z" ROADS="$OUT/road_corridors.gpkg" FINDINGS="$OUT/一张图冲突.gpkg" OUTPUT="$OUT/控制指标表.xlsx" OUTPUT_CSV="$OUT/控制指标表.csv"
# The atlas: cover, index, one sheet per plot (plots under 100 m² on a list page), the 一张图 lines and the check's
# conflicts drawn with their rule, area, clause and action, setbacks from the (illustrative) table, 界址点 as CSV.
step "11 导出地块图则 Plot sheets (PDF)" zutuan:exportplotsheets \
  INPUT="$PLOTS" ROADS="$SAMPLE|layername=daolu" ROAD_LABEL=DLMC ROAD_CLASS=DLDJ ROAD_WIDTH=HXKD UNITS="$OUT/units.gpkg" \
  CLUSTERS="$Z" ECOLOGICAL_REDLINE="$SAMPLE|layername=stbhhx" FARMLAND="$SAMPLE|layername=yjjbnt" \
  URBAN_BOUNDARY="$SAMPLE|layername=czkfbj" CONFLICTS="$OUT/一张图冲突.gpkg" MIN_AREA=100 \
  PROJECT_NAME="凭祥边境经济合作区小组团滚动开发实施方案（示例）" ORGANISATION="示例编制单位" \
  OUTPUT="$OUT/地块图则.pdf" OUTPUT_POINTS="$OUT/界址点坐标.csv"
step "12 土地集约利用评价 Intensive use (TD/T 1029-2017)" zutuan:intensiveuse \
  INPUT="$PLOTS" SCENARIO=1 OUTPUT="$OUT/集约利用评价.xlsx"
# Yearly monitoring (issue 19) on the sample zone's synthetic statistics, keyed to the phased plots' codes.
MON="$ROOT/resources/sample/data"
STATS=(INPUT="$PLOTS" STATS="$MON/enterprise_stats.csv")
step "13 企业统计数据入库 Enterprise statistics intake" zutuan:enterprisestats \
  "${STATS[@]}" FIRST_YEAR=2019 LAST_YEAR=2030 OUTPUT="$OUT/企业统计入库.xlsx"
step "14 亩均效益评价 Per-mu efficiency evaluation" zutuan:mujun \
  "${STATS[@]}" OUTPUT="$OUT/亩均效益.gpkg" OUTPUT_TABLE="$OUT/亩均效益排名.xlsx"
step "15 闲置与低效用地 Idle and low-efficiency land" zutuan:idleland \
  "${STATS[@]}" LEDGER="$MON/supply_ledger.csv" EVAL_DATE=2025-12-31 \
  OUTPUT="$OUT/闲置与低效用地.gpkg" OUTPUT_TABLE="$OUT/闲置与低效用地清单.xlsx"
step "16 飞地跨区域核算 Cross-region (飞地) accounting" zutuan:feidi \
  "${STATS[@]}" AGREEMENT="$MON/feidi_agreement.yaml" ADMIN="$MON/xingzhengqu.gpkg|layername=xingzhengqu" \
  REGION_FIELD=XZQDM OUTPUT="$OUT/飞地核算.gpkg" OUTPUT_TABLE="$OUT/飞地核算.xlsx"
step "17 发展目标跟踪 Targets tracked" zutuan:targettracking \
  "${STATS[@]}" TARGETS="$MON/targets.csv" OUTPUT_TABLE="$OUT/目标跟踪.xlsx" OUTPUT_CHART="$OUT/目标完成率.svg"
step "18 主导产业产值占比 Leading industry by output" zutuan:leadingindustry \
  "${STATS[@]}" OUTPUT_TABLE="$OUT/主导产业占比.xlsx"
step "19 开发区年度综合评价 Yearly zone evaluation" zutuan:zoneevaluation \
  "${STATS[@]}" OUTPUT_TABLE="$OUT/年度综合评价.xlsx"
rm -f "$OUT/.step.json"
echo "demo done: results in $OUT (log: $LOG)"
ls -la "$OUT"
