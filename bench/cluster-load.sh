#!/usr/bin/env bash
# Cluster load benchmark (not a test): two gazette daemons (two JVMs, -Xmx256m each) as a Quartz
# cluster on one throwaway PostgreSQL, sharing SITES sites (default 200), each scheduled every
# minute, against the bundled sample site served on four loopback hosts, for MINUTES minutes
# (default 10). Every minute it prints, per node, the heap after a full GC and the RSS, the
# database connections in use and the runs completed so far; at the end, runs per node, runs
# that overlapped for one site (must be 0) and failed runs.
# Usage: bench/cluster-load.sh [SITES] [MINUTES]     (from the project's top folder)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${GAZETTE_TEST_PG_URL:-}" ]; then
  exec .ci/with-postgres "$0" "$@"      # starts (and afterwards removes) a PostgreSQL server
fi
sites=${1:-200}
minutes=${2:-10}
./gazette --version >/dev/null          # builds target/gazette.jar when missing or stale
work=$(mktemp -d)
cp target/gazette.jar "$work/gazette.jar"
jar=$work/gazette.jar
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; sleep 2; rm -rf "$work"; }
trap cleanup EXIT

port=${GAZETTE_TEST_PG_URL##*:}; port=${port%%/*}
sql() { psql -h 127.0.0.1 -p "$port" -U "$GAZETTE_TEST_PG_USER" -d gazette -tAc "$1"; }

for h in 1 2 3 4; do
  java -jar "$jar" sample-site --host "127.0.0.$h" --port $((18300 + h)) >"$work/site$h.log" 2>&1 &
  pids+=($!)
done
for h in 1 2 3 4; do
  for _ in $(seq 100); do grep -q "sample news site at" "$work/site$h.log" 2>/dev/null && break; sleep 0.2; done
done

for node in node-a node-b; do
  mkdir -p "$work/$node/config/sites"
  cat >"$work/$node/config/gazette.yaml" <<YAML
userAgent: "gazette-bench/1.0 (+https://example.org/bench; bench@example.org)"
allowPrivate: true
status: { port: 0 }
daemon: { maxConcurrentSites: 8, jitter: 20s, reloadCheck: 0 }
state:
  url: "$GAZETTE_TEST_PG_URL"
  user: $GAZETTE_TEST_PG_USER
  cluster: true
  node: $node
  poolSize: 12
YAML
  for i in $(seq -w 1 "$sites"); do
    h=$(( (10#$i % 4) + 1 ))
    cat >"$work/$node/config/sites/site$i.yaml" <<YAML
seeds: ["http://127.0.0.$h:$((18300 + h))/"]
schedule: "0 * * * * ?"
revisitAfter: P7D
maxPages: 10
politeness: { minDelay: 0 }
YAML
  done
done

start_node() { # the subshell becomes the JVM (exec), so $! is the daemon's pid
  (cd "$work/$1" && exec java -Xmx256m -jar "$jar" daemon --config config >daemon.out 2>&1) &
}
start_node node-a; a=$!; pids+=($a)
sleep 3 # the first node creates the schema; the second finds it
start_node node-b; b=$!; pids+=($b)
heap() { jcmd "$1" GC.run >/dev/null; jcmd "$1" GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+'; }
rss() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }

echo "$sites sites every minute, 2 nodes (-Xmx256m), $minutes minute(s); $(nproc) cores, $(java -version 2>&1 | head -1), PostgreSQL on port $port"
printf '%-7s %-9s %-14s %-11s %-14s %-11s %-8s\n' minute runs a_heap_MB a_rss_MB b_heap_MB b_rss_MB db_conns
for m in $(seq 1 "$minutes"); do
  sleep 60
  runs=$(sql "select count(*) from runs where outcome = 'completed'")
  conns=$(sql "select count(*) from pg_stat_activity where datname = 'gazette'")
  printf '%-7s %-9s %-14s %-11s %-14s %-11s %-8s\n' "$m" "$runs" "$(( $(heap "$a") / 1024 ))" \
    "$(( $(rss "$a") / 1024 ))" "$(( $(heap "$b") / 1024 ))" "$(( $(rss "$b") / 1024 ))" "$conns"
done
kill -TERM "$a" "$b"
while kill -0 "$a" 2>/dev/null || kill -0 "$b" 2>/dev/null; do sleep 0.5; done
echo "runs per node and outcome:"
sql "select node, outcome, count(*) from runs group by node, outcome order by node, outcome" | sed 's/^/  /'
echo "sites with overlapping runs (must be 0): $(sql "select count(distinct r1.site) from runs r1 join runs r2
  on r1.site = r2.site and r1.run_id < r2.run_id and r1.started < coalesce(r2.ended, now())
  and r2.started < coalesce(r1.ended, now())")"
echo "sites that ran: $(sql "select count(distinct site) from runs where outcome = 'completed'") of $sites"
echo "captures: $(sql "select count(*) from captures")"
