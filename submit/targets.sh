#!/usr/bin/env bash
# Measures issue 7's targets (the table at the top of BENCHMARKS.md) on this machine, in one go:
#   warm    whole warm runs of the image in one JVM, local[2]: translation, rotation and
#           reflection (radius 20, pool 41)
#   cold    submit/symseg segment of the image from a cold start (5 runs after one that is
#           discarded, as it records the class-data archive), and of a 50-frame series of it
#   labels  how far the reflection labels agree with those of the slow pixel-grid descriptor they
#           replaced, built from commit aa953b9 in a git worktree under target/
#   masters local[1] against local[2], with the share of each round outside the descriptor stage
#
#   submit/targets.sh [PART...] [-- IMAGE]      default: all four parts, ../shared/data/hea-twins.tif
#
# The reference module's figures the targets are set against (issue 7; 2 cores, the same image,
# k 2, stride 5, radius and window 20) are printed beside them. Takes about 12 minutes on 2 cores.
# Translation rounds are short and the host varies, so their median is of 100 counted rounds.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi
parts=()
image="$root/../shared/data/hea-twins.tif"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --) image="${2:?targets.sh: -- needs an image after it}"; shift 2 ;;
    warm|cold|labels|masters) parts+=("$1"); shift ;;
    *) echo "targets.sh: unknown part '$1' (warm, cold, labels, masters; -- IMAGE)" >&2; exit 2 ;;
  esac
done
[[ ${#parts[@]} -gt 0 ]] || parts=(warm cold labels masters)
[[ -f "$image" ]] || { echo "targets.sh: no image at $image" >&2; exit 2; }
image="$(cd "$(dirname "$image")" && pwd)/$(basename "$image")"
cd "$root"
work="$root/target/targets"
rm -rf "$work"
mkdir -p "$work"

mvn -q -B -Dstyle.color=never -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >&2
# the JVM submit/symseg starts, with the benchmark's classes beside symseg's; copies of the
# classes, so that a build started meanwhile (mvn test recompiles them) does not pull them from
# under the later warm runs
cp -r target/classes "$work/classes"
cp -r target/test-classes "$work/test-classes"
warm_java=(java -Xmx4g -XX:+UseParallelGC @conf/java17-spark.args
  -Dlog4j2.configurationFile=conf/log4j2.properties
  -cp "$work/classes:$work/test-classes:$(cat target/test-classpath.txt)" org.symseg.bench.WarmSegmentBenchmark)
settings=(--radius 20 --pool 41)

echo "# issue 7 targets, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo \
  | cut -d: -f2- | sed 's/^ *//'), $(java -version 2>&1 | head -1), $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "# image $image"

# "name  median  reference  target": the median line WarmSegmentBenchmark prints last
warm() {
  local name="$1" reference="$2" target="$3"
  shift 3
  local log
  log="$work/$(tr -cs 'a-z0-9\n' '-' <<< "$name").log"
  "${warm_java[@]}" --masters 'local[2]' "$@" "$image" > "$log" 2>&1 \
    || { echo "$name: failed, see $log"; tail -3 "$log"; return 1; }
  local line
  line="$(grep '^# local\[2\] median' "$log")"
  printf '%-34s %s   [reference %s, target %s]\n' "$name" "${line#*: }" "$reference" "$target"
}

# seconds of wall time of one command, its output thrown away
seconds() {
  local start end
  start=$(date +%s%N)
  "$@" > /dev/null 2>> "$work/cold.err"
  end=$(date +%s%N)
  awk -v ns=$((end - start)) 'BEGIN { printf "%.2f", ns / 1e9 }'
}

cold() {
  submit/symseg segment "$image" --out "$work/cold" --quiet > /dev/null 2>> "$work/cold.err" # records the class-data archive
  local runs=()
  for _ in 1 2 3 4 5; do
    rm -rf "$work/cold"
    runs+=("$(seconds submit/symseg segment "$image" --out "$work/cold" --quiet)")
  done
  printf '%-34s %s s   [reference 3.5 s, target < 8 s]\n' "cold segment, one image" "${runs[*]}"
  mkdir -p "$work/series"
  for i in $(seq -w 1 50); do
    ln -sf "$image" "$work/series/frame_$i.${image##*.}"
  done
  runs=()
  for _ in 1 2 3; do
    rm -rf "$work/batch"
    runs+=("$(seconds submit/symseg segment --series "$work/series" --out "$work/batch" --quiet)")
  done
  local best
  best="$(printf '%s\n' "${runs[@]}" | sort -g | head -1)"
  printf '%-34s %s s, %s times the reference   [reference 50 x 3.5 s = 175 s, target >= 5 times]\n' \
    "cold segment, 50-frame series" "${runs[*]}" "$(awk -v t="$best" 'BEGIN { printf "%.1f", 175 / t }')"
}

labels() {
  local name pixel_grid=aa953b9
  name="$(basename "${image%.*}")"
  submit/symseg segment "$image" --descriptor reflection "${settings[@]}" --out "$work/turned" --quiet \
    > /dev/null 2>> "$work/labels.err"
  # the last commit whose reflection descriptor sampled the pixel grid (its submit/symseg builds it)
  git worktree prune
  if ! git worktree add --detach "$work/pixel-grid" "$pixel_grid" > /dev/null 2>> "$work/labels.err"; then
    echo "reflection labels: commit $pixel_grid is not in this clone (a shallow one?); see $work/labels.err"
    return 0
  fi
  "$work/pixel-grid/submit/symseg" segment "$image" --descriptor reflection "${settings[@]}" \
    --out "$work/pixel" --quiet > /dev/null 2>> "$work/labels.err"
  git worktree remove --force "$work/pixel-grid"
  local agreement
  agreement="$(submit/symseg evaluate "$work/turned/$name/labels.tif" "$work/pixel/$name/labels.tif" \
    2>> "$work/labels.err" | grep -m1 -i 'accuracy' || true)"
  printf '%-34s %s\n' "reflection labels, turned vs pixel grid" "${agreement:-see submit/symseg evaluate}"
}

masters() {
  local descriptor rounds warmup log
  for spec in "translation 250 150" "rotation 36 30" "reflection 60 45"; do
    read -r descriptor rounds warmup <<< "$spec"
    log="$work/masters-$descriptor.log"
    local extra=()
    [[ $descriptor == translation ]] || extra=("${settings[@]}")
    "${warm_java[@]}" --masters 'local[1],local[2]' --rounds "$rounds" --warmup "$warmup" \
      --descriptor "$descriptor" "${extra[@]}" "$image" > "$log" 2>&1 \
      || { echo "masters $descriptor: failed, see $log"; return 1; }
    grep '^# local\[[12]\] median' "$log" | sed "s/^# /$descriptor: /"
  done
}

for part in "${parts[@]}"; do
  case "$part" in
    warm)
      warm "warm translation" "3.5 s" "<= 0.18 s" --rounds 250 --warmup 150
      warm "warm rotation" "12.9 s" "<= 1.3 s" --rounds 36 --warmup 30 --descriptor rotation "${settings[@]}"
      warm "warm reflection" "16.4 s" "<= 1.6 s" --rounds 60 --warmup 45 --descriptor reflection "${settings[@]}"
      ;;
    cold) cold ;;
    labels) labels ;;
    masters) masters ;;
  esac
done
echo "# logs in $work"
