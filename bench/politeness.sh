#!/usr/bin/env bash
# Politeness benchmark (not a test): the real gazette binary against the bundled sample site
# served on three loopback hosts (127.0.0.1-3), each with a 500 ms delay, then one host with
# no delay at all to show the gate's own overhead. Prints wall time, pages/s and the floor
# (the busiest host's requests times the delay: no polite crawl can be faster).
# Usage: bench/politeness.sh            (from the project's top folder)
set -euo pipefail
cd "$(dirname "$0")/.."
./gazette --version >/dev/null          # builds target/gazette.jar when missing or stale
jar=target/gazette.jar
work=$(mktemp -d)
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

for i in 1 2 3; do
  java -jar "$jar" sample-site --host "127.0.0.$i" --port $((18080 + i)) >"$work/site$i.log" 2>&1 &
  pids+=($!)
done
for i in 1 2 3; do
  for _ in $(seq 50); do
    grep -q "sample news site at" "$work/site$i.log" 2>/dev/null && break
    sleep 0.2
  done
done

mkdir -p "$work/config/sites"
cat >"$work/config/gazette.yaml" <<YAML
userAgent: "gazette-bench/1.0 (+https://example.org/bench; bench@example.org)"
politeness:
  delayFactor: 0            # only the configured delay counts, so the floor is exact
YAML

run() { # name, min-delay ms, seeds...
  local name=$1 delay=$2; shift 2
  local seeds=()
  for s in "$@"; do seeds+=(--seed "$s"); done
  local start end
  start=$(date +%s.%N)
  java -jar "$jar" crawl --config "$work/config" "${seeds[@]}" --allow-private \
    --min-delay "$delay" --max-pages 1000 --max-depth 5 --threads 4 \
    --out "$work/$name/warc" --state "$work/$name/state" >"$work/$name.out" 2>&1
  end=$(date +%s.%N)
  local wall pages busiest
  # awk, not bc: bc is not on every machine
  wall=$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')
  pages=$(grep -oE '[0-9]+ pages' "$work/$name.out" | head -1 | cut -d' ' -f1)
  # requests per host from the archive itself (robots.txt included)
  busiest=$(java -jar "$jar" warc index "$work/$name/warc" 2>/dev/null \
    | awk '{print $1}' | cut -d')' -f1 | sort | uniq -c | sort -rn | head -1 | awk '{print $1}')
  local floor
  floor=$(awk -v n="$busiest" -v d="$delay" 'BEGIN { print (n - 1) * d / 1000 }')
  printf '%-26s wall %6.2f s   pages %4d   pages/s %7.1f   busiest host %3d requests   floor %6.2f s\n' \
    "$name" "$wall" "$pages" "$(awk -v p="$pages" -v w="$wall" 'BEGIN { print p / w }')" "$busiest" "$floor"
}

echo "gazette politeness benchmark, $(nproc) cores, $(java -version 2>&1 | head -1)"
run "3 hosts, 500 ms delay" 500 http://127.0.0.1:18081/ http://127.0.0.2:18082/ http://127.0.0.3:18083/
run "1 host, 0 ms delay" 0 http://127.0.0.1:18081/
