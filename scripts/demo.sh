#!/usr/bin/env bash
# The demo: the main job on the bundled sample zone (resources/sample/), end to end through qgis_process.bin.
# Results go to out/. Every step is a Processing algorithm of the `zutuan` provider, as a batch user would run it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
SAMPLE="$ROOT/resources/sample/data/sample_zone.gpkg"
OUT="$ROOT/out"
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

step "新建规划数据库 Create the plan" zutuan:createplan \
  PROJECT_NAME="凭祥边境经济合作区小组团滚动开发实施方案（示例）" ORGANISATION="示例编制单位" BASE_YEAR=2019 \
  CLUSTERS="$SAMPLE|layername=zutuan" OUTPUT="$OUT/plan.gpkg"
step "计算宗地面积 Parcel areas" zutuan:calcarea \
  INPUT="$SAMPLE|layername=zongdi" OUTPUT="$OUT/zongdi_area.gpkg"
rm -f "$OUT/.step.json"
echo "demo done: results in $OUT (log: $LOG)"
ls -la "$OUT"
