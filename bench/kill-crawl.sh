#!/usr/bin/env bash
# kill -9 at random moments (not a test; RandomKillIT is its CI twin): the real ./gazette
# crawls the bundled sample site (served on 127.0.0.1, 100 ms between requests, 40 KB WARC
# files) and is killed with SIGKILL at N random moments, started again each time, then left to
# finish. One kill in four also tears the last write, as a power loss would. Then it checks
# that no .open file is left, every WARC file verifies (jwarc, gazette's verifier and
# `gazette warc verify`), each repair lost at most the record in flight, every JSON line points
# at the response of its URL, and every article is archived with its JSON record; and prints
# what it found (docs/reliability.md quotes a run). Exit 0 when every check holds.
#
#   bench/kill-crawl.sh [KILLS] [SEED] [WORK-DIR]     defaults: 20, random, a temporary folder
#
# The seed is printed: the same seed draws the same plan again. WORK-DIR, if given, is kept
# (warc/, state/, logs/, runs/NN.out of each start, damaged/ copies of what each kill left).
set -euo pipefail
cd "$(dirname "$0")/.."

./gazette --version >/dev/null          # builds target/gazette.jar when missing or stale
mvn -q -B -DskipTests test-compile >&2
# through a file: on stdout, Maven wraps the class path in terminal colour codes
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath >&2
classpath=$(cat target/bench.classpath)
work=${3:-}
cleanup=
if [ -z "$work" ]; then
  work=$(mktemp -d)
  cleanup=$work
fi
trap 'if [ -n "$cleanup" ]; then rm -rf "$cleanup"; fi' EXIT
java -cp "target/test-classes:target/classes:$classpath" org.gazette.bench.KillCrawl \
  "$PWD/gazette" "${1:-20}" "${2:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}" "$work"
