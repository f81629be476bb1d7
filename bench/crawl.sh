#!/usr/bin/env bash
# Crawl benchmark (not a test; issue 9): a synthetic news site (bench/SyntheticSite.java: front
# page, 100 listing pages with pagination, 5,000 articles of about 9 KB with related blocks,
# robots.txt; 5,101 pages, about 46 MB, always the same bytes) served by nginx on 127.0.0.1, crawled
# by the real gazette binary (java -Xmx256m with the launcher's options for crawl: C1 alone, and
# the class data sharing archive a first crawl writes; politeness delay 0, --allow-private,
# extraction and JSON lines on) and by GNU wget (--recursive --level=inf --warc-file, the issue's
# reference), in alternating runs, ROUNDS rounds. For every run: wall time, pages/s, CPU seconds
# (user + sys), peak RSS, peak Java heap (gazette: its GC log), WARC bytes, and for gazette the
# JSON records written; then each gazette setting's pages/s over wget's of the same round, and
# the median. Each crawl starts from an empty output and state folder. Exits 1, saying why, if a
# crawl archived fewer pages than the site has or gazette's WARC files do not verify.
# nginx is installed from Debian packages when missing (apt-get, as root); the system's nginx
# configuration is not used or touched: nginx runs with its own config in the temp folder.
#
#   bench/crawl.sh [ROUNDS] [THREADS:CONNECTIONS ...]     (from the project's top folder)
#
# ROUNDS defaults to 3. Each THREADS:CONNECTIONS is one gazette setting: crawler threads and
# politeness.maxConnectionsPerHost (default 1: gazette's own default, one request in flight per
# host, as wget). Default settings: 1:1 4:1 4:4 (4:1 is gazette's own default: 4 threads, one
# connection per host). About 4 to 6 minutes on 2 cores at the defaults.
# Environment: ARTICLES (default 5000), PORT (default 18480), TIMEOUT (seconds, default 600: a
# crawl still running then is stopped and counted failed), CDS=0 runs gazette without the class
# archive, KEEP=1 keeps the temp folder (site, outputs, logs) and prints where it is, JAVA_OPTS adds JVM options to gazette's runs (e.g. a
# JFR recording: JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/crawl.jfr,settings=profile;
# bench/jfr-costs.py reads it).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
[[ $# -gt 0 ]] && shift
settings=("$@")
[[ ${#settings[@]} -gt 0 ]] || settings=(1:1 4:1 4:4)
articles=${ARTICLES:-5000}
port=${PORT:-18480}
limit=${TIMEOUT:-600}
for s in "${settings[@]}"; do
  [[ $s =~ ^[1-9][0-9]*:[1-9][0-9]*$ ]] || { echo "crawl.sh: setting '$s' is not THREADS:CONNECTIONS" >&2; exit 2; }
done

./gazette --version >/dev/null          # builds target/gazette.jar when missing or stale
work=$(mktemp -d)
chmod 755 "$work"                       # nginx's workers (user nobody when started as root) read the site
cp target/gazette.jar "$work/gazette.jar"   # a rebuild during the run must not pull the jar away
jar=$work/gazette.jar
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  if [[ ${KEEP:-0} == 1 ]]; then echo "kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

# ---- nginx, from Debian packages when missing
nginx=$(command -v nginx || echo /usr/sbin/nginx)
if [[ ! -x $nginx ]]; then
  if [[ $(id -u) != 0 ]]; then
    echo "crawl.sh: nginx is missing; install it (apt-get install nginx) or run as root" >&2
    exit 1
  fi
  echo "nginx missing: installing it from Debian packages (apt-get install -y nginx)" >&2
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -q nginx >"$work/apt.log" 2>&1; then
    apt-get update -q >>"$work/apt.log" 2>&1
    apt-get install -y -q nginx >>"$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; exit 1; }
  fi
  nginx=/usr/sbin/nginx
fi
[[ -x /usr/bin/time ]] || { echo "crawl.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
command -v wget >/dev/null || { echo "crawl.sh: wget is missing (apt-get install wget)" >&2; exit 1; }

# ---- the site
site_line=$(java bench/SyntheticSite.java "$work/site" "$articles")
pages=${site_line%% pages*}

mkdir -p "$work/nginx/tmp"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log $work/nginx/access.log;
  client_body_temp_path $work/nginx/tmp/body;
  proxy_temp_path $work/nginx/tmp/proxy;
  fastcgi_temp_path $work/nginx/tmp/fastcgi;
  uwsgi_temp_path $work/nginx/tmp/uwsgi;
  scgi_temp_path $work/nginx/tmp/scgi;
  sendfile on;
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:$port;
    root $work/site;
    index index.html;
  }
}
CONF
"$nginx" -e "$work/nginx/error.log" -p "$work/nginx" -c "$work/nginx/nginx.conf" &
pids+=($!)
base=http://127.0.0.1:$port
for _ in $(seq 50); do
  wget -q -O /dev/null "$base/robots.txt" 2>/dev/null && break
  sleep 0.1
done
wget -q -O /dev/null "$base/robots.txt" || { echo "crawl.sh: nginx did not start on $base" >&2; cat "$work/nginx/error.log" >&2; exit 1; }

# ---- gazette's config, one folder per setting
for s in "${settings[@]}"; do
  mkdir -p "$work/config-$s/sites"
  cat >"$work/config-$s/gazette.yaml" <<YAML
userAgent: "gazette-bench/1.0 (+https://example.org/bench; bench@example.org)"
allowPrivate: true
status: { port: 0 }
threads: ${s%%:*}
politeness:
  minDelay: 0
  delayFactor: 0                # no gap after a response either: "politeness delay 0"
  maxConnectionsPerHost: ${s##*:}
limits:
  maxPagesPerHost: 100000       # the default, 1000, would cut the crawl
YAML
  cat >"$work/config-$s/sites/synthetic.yaml" <<YAML
seeds: ["$base/"]
timeZone: UTC
maxPages: 100000
maxDepth: 1000
YAML
done

# ---- one run each
results=$work/results.tsv     # round tool setting wall pages pages/s cpu rss_MB heap_MB warc_bytes json
: >"$results"
fail=()

# the compiler thresholds ./gazette starts the JVM with (see the launcher): what a user runs
launcher_jit=(-XX:TieredStopAtLevel=1)      # the launcher's choice for `crawl`: C1 alone
# and its collector, unless JAVA_OPTS names one (two would stop the JVM)
[[ "${JAVA_OPTS:-}" == *-XX:+Use*GC* ]] || launcher_jit+=(-XX:+UseParallelGC)
# and its class data sharing archive, which the launcher writes at the end of the first crawl
# after a build: here a one-page crawl writes it, before the timed runs (CDS=0 leaves it out)
if [[ ${CDS:-1} != 0 ]]; then
  (mkdir -p "$work/cds-run" && cd "$work/cds-run" && java "${launcher_jit[@]}" \
    -XX:ArchiveClassesAtExit="$work/gazette.jsa" -Xlog:cds=off,cds+dynamic=off -jar "$jar" crawl \
    --config "$work/config-${settings[0]}" --seed "$base/" --max-depth 0 --min-delay 0 \
    --allow-private --out warc --state state >out.txt 2>&1) \
    || { echo "crawl.sh: the crawl writing the class archive failed: $work/cds-run/out.txt" >&2; exit 1; }
  launcher_jit+=(-XX:SharedArchiveFile="$work/gazette.jsa" -Xlog:cds=off,cds+dynamic=off)
fi

run_gazette() { # round, setting
  local r=$1 s=$2 dir=$work/run-g-$s-$1
  mkdir -p "$dir"
  (cd "$dir" && exec /usr/bin/time -f '%e %U %S %M' -o time.txt timeout -k 10 "$limit" \
    java "${launcher_jit[@]}" -Xmx256m -Xlog:gc:file=gc.log -Dgazette.logs=logs ${JAVA_OPTS:-} -jar "$jar" crawl \
    --config "$work/config-$s" --site synthetic --min-delay 0 --allow-private \
    --out warc --state state >out.txt 2>&1) || {
    local rc=$?
    fail+=("gazette $s round $r: $( ((rc == 124)) && echo "still running after $limit s, stopped" \
      || echo "exit code $rc") (see $dir/out.txt)")
  }
  local responses json warc_bytes heap
  # pages archived: distinct URLs of 200 responses (robots.txt is archived too, but is no page)
  responses=$(java -jar "$jar" warc index "$dir/warc" 2>/dev/null | grep '"status": "200"' \
    | grep -v 'robots.txt' | cut -d' ' -f1 | sort -u | wc -l)
  json=$(cat "$dir"/warc/synthetic/*.jsonl 2>/dev/null | wc -l)
  warc_bytes=$(cat "$dir"/warc/synthetic/*.warc.gz 2>/dev/null | wc -c)
  if ! java -jar "$jar" warc verify "$dir/warc" >"$dir/verify.txt" 2>&1; then
    fail+=("gazette $s round $r: warc verify failed: $(grep -v '^OK' "$dir/verify.txt" | head -3)")
  fi
  # the largest heap in use before a collection, from the GC log ("Pause Young ... 120M->30M(256M)")
  heap=$(grep -oE '[0-9]+M->[0-9]+M' "$dir/gc.log" | cut -dM -f1 | sort -n | tail -1)
  record "$r" gazette "$s" "$dir/time.txt" "$responses" "$warc_bytes" "$json" "${heap:-0}"
}

run_wget() { # round
  local r=$1 dir=$work/run-w-$1
  mkdir -p "$dir"
  # exit code 8 would only mean some server error answer; completeness is checked by counts
  (cd "$dir" && /usr/bin/time -f '%e %U %S %M' -o time.txt timeout -k 10 "$limit" \
    wget --recursive --level=inf --no-parent --no-verbose -e robots=on \
    --warc-file=out -P files -o wget.log "$base/") || true
  local responses saved warc_bytes
  # distinct URLs of response records (-a: the bodies are binary to grep)
  responses=$(zcat "$dir/out.warc.gz" | grep -a -A20 '^WARC-Type: response' \
    | grep -a '^WARC-Target-URI: ' | grep -av 'robots.txt' | sort -u | wc -l)
  saved=$(find "$dir/files" -type f -name '*.html' | wc -l)
  if (( saved < pages )); then
    fail+=("wget round $r: $saved pages saved, the site has $pages (see $dir/wget.log)")
  fi
  warc_bytes=$(wc -c <"$dir/out.warc.gz")
  record "$r" wget - "$dir/time.txt" "$responses" "$warc_bytes" - -
}

record() { # round tool setting time-file responses warc-bytes json heap
  local wall user sys rss
  read -r wall user sys rss < <(tail -1 "$4")
  if (( $5 < pages )); then
    fail+=("$2 $3 round $1: $5 pages archived, the site has $pages")
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$wall" "$5" \
    "$(awk -v p="$5" -v w="$wall" 'BEGIN { printf "%.0f", p / w }')" \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }')" \
    "$((rss / 1024))" "$8" "$6" "$7" | tee -a "$results" | print_row
}

print_row() {
  awk -F'\t' '{ printf "%-5s %-7s %-7s %8.2f %6s %7s %7s %7s %8s %11s %6s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 }'
}

echo "crawl benchmark: $site_line"
echo "  served by $("$nginx" -v 2>&1 | sed 's/.*: //') at $base; $(wget --version | head -1 | cut -d' ' -f1-3); $(java -version 2>&1 | head -1)"
echo "  $(nproc) cores; gazette: java -Xmx256m, settings THREADS:CONNECTIONS = ${settings[*]}; $rounds round(s)"
echo "  load before: $(uptime | sed 's/.*load average/load average/')"
printf '%-5s %-7s %-7s %8s %6s %7s %7s %7s %8s %11s %6s\n' round tool setting wall_s pages pages/s cpu_s rss_MB heap_MB warc_bytes json
for r in $(seq 1 "$rounds"); do
  # alternate the order from round to round, so neither tool always runs on a warmer machine
  if (( r % 2 == 1 )); then
    run_wget "$r"
    for s in "${settings[@]}"; do run_gazette "$r" "$s"; done
  else
    for s in "${settings[@]}"; do run_gazette "$r" "$s"; done
    run_wget "$r"
  fi
done
echo "  load after: $(uptime | sed 's/.*load average/load average/')"

echo
echo "gazette pages/s over wget pages/s, same round (median of the rounds last):"
for s in "${settings[@]}"; do
  awk -F'\t' -v s="$s" '
    $2 == "wget" { w[$1] = $6 }
    $2 == "gazette" && $3 == s { g[$1] = $6 }
    $1 > last { last = $1 }
    END {
      n = 0
      for (r = 1; r <= last; r++) if ((r in g) && (r in w)) { q[++n] = g[r] / w[r]; line = line sprintf(" %.2f", g[r] / w[r]) }
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (q[j] < q[i]) { t = q[i]; q[i] = q[j]; q[j] = t }
      m = n % 2 ? q[(n + 1) / 2] : (q[n / 2] + q[n / 2 + 1]) / 2
      printf "  gazette %-5s:%s   median %.2f\n", s, line, m
    }' "$results"
done

if [[ ${#fail[@]} -gt 0 ]]; then
  echo
  printf 'FAILED: %s\n' "${fail[@]}" >&2
  KEEP=1
  exit 1
fi
echo "every crawl archived all $pages pages; every gazette WARC file verifies"
