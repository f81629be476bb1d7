#!/usr/bin/env bash
# Daemon memory benchmark (not a test): the real gazette binary runs as a daemon in a 256 MB heap
# against the bundled sample site, re-crawling it every 10 seconds (every article asked for again,
# conditionally, since revisitAfter is 1s: 52 requests a run, mostly 304s and revisit records).
# Every minute the script forces a full GC (jcmd GC.run) and prints the heap in use after it,
# the process RSS and the runs completed so far. A heap that levels off is a daemon that can
# run for days; one that climbs run after run is a leak.
# Usage: bench/daemon-memory.sh [MINUTES]      (default 10; from the project's top folder)
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-10}
./gazette --version >/dev/null          # builds target/gazette.jar when missing or stale
work=$(mktemp -d)
cp target/gazette.jar "$work/gazette.jar"   # a rebuild during the run must not pull the jar away
jar=$work/gazette.jar
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; sleep 1; rm -rf "$work"; }
trap cleanup EXIT

port=18181
java -jar "$jar" sample-site --port $port >"$work/site.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do grep -q "sample news site at" "$work/site.log" 2>/dev/null && break; sleep 0.2; done

mkdir -p "$work/config/sites"
cat >"$work/config/gazette.yaml" <<YAML
userAgent: "gazette-bench/1.0 (+https://example.org/bench; bench@example.org)"
allowPrivate: true
status: { port: 0 }
daemon: { jitter: 0 }
YAML
cat >"$work/config/sites/portal.yaml" <<YAML
seeds: ["http://127.0.0.1:$port/"]
schedule: "0/10 * * * * ?"
timeZone: Asia/Shanghai
revisitAfter: 1s
politeness: { minDelay: 10ms }
listing: { urlPatterns: ["/\$", "/list/\\\\d+\\\\.html\$"] }
article: { urlPatterns: ["/news/\\\\d{4}/\\\\d{2}/\\\\d{2}/[^/]+\\\\.shtml\$"] }
YAML

cd "$work"
java -Xmx256m -jar "$jar" daemon --config config >daemon.out 2>&1 &
daemon=$!
pids+=($daemon)
echo "gazette daemon pid $daemon, -Xmx256m, sample site every 10 s, $minutes minute(s); $(nproc) cores, $(java -version 2>&1 | head -1)"
printf '%-8s %-6s %-16s %-10s\n' minute runs heap_after_gc_MB rss_MB
for m in $(seq 1 "$minutes"); do
  sleep 60
  jcmd "$daemon" GC.run >/dev/null
  used_kb=$(jcmd "$daemon" GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+')
  rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$daemon/status")
  runs=$(grep -c '"outcome":"completed"' logs/runs.jsonl 2>/dev/null || echo 0)
  printf '%-8s %-6s %-16s %-10s\n' "$m" "$runs" "$((used_kb / 1024))" "$((rss_kb / 1024))"
done
kill -TERM "$daemon"
wait "$daemon" && echo "daemon exited 0 after SIGTERM" || echo "daemon exit code $?"
grep -c . logs/runs.jsonl | xargs echo "runs logged:"
grep -v '"outcome":"completed"' logs/runs.jsonl | head -3 || true
