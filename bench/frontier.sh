#!/usr/bin/env bash
# Frontier benchmark (not a test; issue 9, item 3): can one gazette crawl hold a million URLs
# in its frontier within -Xmx256m? bench/WideSite.java serves a front page linking LISTINGS
# listing pages of WIDTH article links each (default 100 x 10,000 = 1,000,000 article URLs).
# gazette crawls it with -Xmx256m (no politeness delay, maxPagesPerHost and maxPages above a
# million, so every link is scheduled). Once every listing has been served, all their links are
# in the frontier; the crawl then goes on fetching articles for SETTLE seconds and is stopped
# with SIGTERM, as a service manager would (gazette treats it as Ctrl-C).
# Every 10 seconds the script forces a full GC (jcmd GC.run) and prints the heap in use after it,
# the process RSS, and what the server has served. An OutOfMemoryError ends the JVM at once
# (-XX:+ExitOnOutOfMemoryError) and the script fails.
# Usage: bench/frontier.sh [LISTINGS] [WIDTH] [SETTLE]     (from the project's top folder)
set -euo pipefail
cd "$(dirname "$0")/.."
listings=${1:-100}
width=${2:-10000}
settle=${3:-60}
heap=${HEAP:-256m}
./gazette --version >/dev/null          # builds target/gazette.jar when missing or stale
work=$(mktemp -d)
cp target/gazette.jar "$work/gazette.jar"
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; sleep 1; rm -rf "$work"; }
trap cleanup EXIT

port=18190
java bench/WideSite.java $port "$listings" "$width" >"$work/site.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do grep -q "wide site at" "$work/site.log" 2>/dev/null && break; sleep 0.2; done

mkdir -p "$work/config/sites"
cat >"$work/config/gazette.yaml" <<YAML
userAgent: "gazette-bench/1.0 (+https://example.org/bench; bench@example.org)"
allowPrivate: true
threads: 4
politeness: { minDelay: 0s, delayFactor: 0 }
limits: { maxPagesPerHost: 5000000 }
YAML

echo "machine: $(nproc) cores, $(uptime | sed 's/.*load/load/')"
echo "site: $listings listings x $width links = $((listings * width)) article URLs; heap $heap"
cd "$work"
# the launcher's options for `crawl` (C1 alone, the throughput collector), plus JAVA_OPTS
java -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xmx$heap -XX:+ExitOnOutOfMemoryError ${JAVA_OPTS:-} \
  -jar gazette.jar crawl --config config \
  --seed "http://127.0.0.1:$port/" --max-pages 5000000 --max-depth 2 --out out --state st \
  >crawl.out 2>crawl.err &
crawl=$!
pids+=($crawl)
start=$(date +%s)
peak_heap=0
peak_rss=0
all_listed=""
while kill -0 $crawl 2>/dev/null; do
  sleep 10
  kill -0 $crawl 2>/dev/null || break
  jcmd $crawl GC.run >/dev/null 2>&1 || true
  # the generations' lines (G1: one; Parallel and Serial: young and old), not metaspace's
  used_kb=$(jcmd $crawl GC.heap_info 2>/dev/null | grep ' total ' \
    | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | awk '{ s += $1 } END { print s + 0 }')
  rss_kb=$(ps -o rss= -p $crawl | tr -d ' ')
  served=$(tail -1 site.log)
  now=$(($(date +%s) - start))
  echo "${now}s heap after full GC $((${used_kb:-0} / 1024)) MB, RSS $((${rss_kb:-0} / 1024)) MB, $served"
  [ "${used_kb:-0}" -gt "$peak_heap" ] && peak_heap=$used_kb
  [ "${rss_kb:-0}" -gt "$peak_rss" ] && peak_rss=$rss_kb
  if [ -z "$all_listed" ] && echo "$served" | grep -q "listings=$listings "; then
    all_listed=$now
    echo "every listing served at ${now}s: $((listings * width)) URLs scheduled"
  fi
  if [ -n "$all_listed" ] && [ $((now - all_listed)) -ge "$settle" ]; then
    kill -TERM $crawl   # not INT: a background job of a script ignores SIGINT
  fi
done
set +e
wait $crawl
code=$?
set -e
tail -1 crawl.out || true
oom=$(grep -l "OutOfMemoryError" crawl.err crawl.out 2>/dev/null || true)
if [ -n "$oom" ] || { [ "$code" -ne 0 ] && [ "$code" -ne 130 ] && [ "$code" -ne 143 ]; }; then
  echo "FAILED: exit $code"; tail -5 crawl.err; exit 1
fi
if [ -z "$all_listed" ]; then
  echo "FAILED: the crawl ended before every listing was served"; exit 1
fi
echo "peak heap after full GC: $((peak_heap / 1024)) MB of $heap; peak RSS $((peak_rss / 1024)) MB; exit $code"
