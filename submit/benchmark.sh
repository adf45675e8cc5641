#!/usr/bin/env bash
# End-to-end benchmark: segments generated SIZE x SIZE float32 two-phase images (tiled TIFF,
# made tile by tile) with a fixed JVM heap, and prints wall time, peak resident memory,
# throughput and where the time went (from each run's manifest).
#
#   submit/benchmark.sh [SIZE...]          default sizes: 1024 2048 4096 8192 16384
#
# Environment: BENCH_DIR (default target/bench), BENCH_HEAP (default 2g: driver and, in local
# mode, executor memory), BENCH_MASTER (default local[2]), BENCH_ARGS (extra segment options).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi
work="${BENCH_DIR:-$root/target/bench}"
heap="${BENCH_HEAP:-2g}"
master="${BENCH_MASTER:-local[2]}"
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1024 2048 4096 8192 16384)
mkdir -p "$work"

echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1), heap $heap, $master"
printf '%6s %9s %9s %8s %s\n' size wall_s peak_MB MPix/s "stages (ms)"
for n in "${sizes[@]}"; do
  image="$work/large-$n.tif"
  [[ -f "$image" ]] || "$root/submit/symseg" synth --large "$n" --out "$work" > /dev/null
  out="$work/out-$n-$$"
  rm -rf "$out"
  SYMSEG_JAVA_OPTS="-Xmx$heap" /usr/bin/time -f '%e %M' -o "$work/time" \
    "$root/submit/symseg" segment "$image" --out "$out" --master "$master" ${BENCH_ARGS:-} > "$work/log-$n" 2>&1 \
    || { echo "size $n failed; see $work/log-$n"; tail -5 "$work/log-$n"; exit 1; }
  read -r wall rss_kb < "$work/time"
  stages=$(sed -n '/"timingsMs"/,/}/p' "$out/manifest.json" | grep -o '"[a-z+]*" : [0-9]*' | tr -d '"' | tr '\n' ' ')
  mpix=$(awk -v n="$n" -v t="$wall" 'BEGIN { printf "%.2f", n * n / 1e6 / t }')
  printf '%6s %9s %9d %8s %s\n' "$n" "$wall" $((rss_kb / 1024)) "$mpix" "$stages"
  rm -rf "$out"
done
