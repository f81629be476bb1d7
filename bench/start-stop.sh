#!/usr/bin/env bash
# Start and stop benchmark (not a test; issue 9, item 4): wall and CPU time of short commands
# through the ./gazette launcher a user types, from process start to exit.
#   - gazette --help
#   - gazette crawl of one page of the sample site (--max-depth 0), with a new state folder and
#     with the state folder of an earlier run, with --min-delay 0 (the crawler's own cost) and
#     with the default politeness (1 s between robots.txt and the page, as DESIGN.md wants)
# each with the launcher's class data sharing archive (after the first crawl wrote it) and
# without it (GAZETTE_CDS=0). Prints every run and the median of RUNS runs per row.
# Usage: bench/start-stop.sh [RUNS]      (default 5; from the project's top folder)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
./gazette --version >/dev/null          # builds target/gazette.jar when missing or stale
work=$(mktemp -d)
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; sleep 0.5; rm -rf "$work"; }
trap cleanup EXIT
export GAZETTE_CDS_DIR="$work/cds"      # a fresh archive, written by the first crawl below
launcher=$PWD/gazette

port=18182
java -jar target/gazette.jar sample-site --port $port >"$work/site.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do grep -q "sample news site at" "$work/site.log" 2>/dev/null && break; sleep 0.2; done
page="http://127.0.0.1:$port/news/2020/03/18/537046.shtml"
cd "$work"

# one timed command: prints "wall cpu" (seconds; cpu = user + sys)
timed() {
  /usr/bin/time -f "%e %U %S" -o "$work/t" "$@" >/dev/null 2>"$work/err" || {
    echo "failed: $*" >&2; cat "$work/err" >&2; exit 1; }
  awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$work/t"
}

crawl() {  # crawl STATE [extra options]
  local state=$1; shift
  timed "$launcher" crawl --seed "$page" --max-depth 0 --allow-private --out out \
    --state "$state" "$@"
}

echo "machine: $(nproc) cores, $(uptime | sed 's/.*load/load/'), $(java -version 2>&1 | head -1)"
first=$(crawl st-first --min-delay 0)
echo "first crawl after a build (writes the class archive): $first"

row() {  # row LABEL COMMAND...: RUNS runs, then the medians
  local label=$1; shift
  local walls=() cpus=()
  for i in $(seq "$runs"); do
    read -r w c < <("$@" "$i")
    walls+=("$w"); cpus+=("$c")
  done
  local mw mc
  mw=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  mc=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '| %s | %s s | %s s | %s |\n' "$label" "$mw" "$mc" "${walls[*]}"
}

help_run() { timed "$launcher" --help; }
help_nocds() { GAZETTE_CDS=0 timed "$launcher" --help; }
new_state() { rm -rf "st-new-$1"; crawl "st-new-$1" --min-delay 0; }
new_state_nocds() { rm -rf "st-newn-$1"; GAZETTE_CDS=0 crawl "st-newn-$1" --min-delay 0; }
old_state() { crawl st-first --min-delay 0; }
old_state_nocds() { GAZETTE_CDS=0 crawl st-first --min-delay 0; }
old_state_polite() { crawl st-first; }

echo
echo "| command | median wall | median CPU | every wall |"
echo "| --- | ---: | ---: | --- |"
row "gazette --help" help_run
row "gazette --help, GAZETTE_CDS=0" help_nocds
row "one-page crawl, new state folder, --min-delay 0" new_state
row "one-page crawl, new state folder, --min-delay 0, GAZETTE_CDS=0" new_state_nocds
row "one-page crawl, earlier state folder, --min-delay 0" old_state
row "one-page crawl, earlier state folder, --min-delay 0, GAZETTE_CDS=0" old_state_nocds
row "one-page crawl, earlier state folder, default politeness (1 s)" old_state_polite
