#!/usr/bin/env bash
# WARC writing throughput: gazette's WarcWriter against plain java.util.zip gzip of the same
# record bytes (src/test/java/org/gazette/bench/; results and how to read them in
# docs/benchmarks.md). Builds the test classes, runs JMH, and ends with a markdown table.
# About 3 minutes on 2 cores. Never run by `mvn verify`.
#
#   bench/warc-write.sh                       the benchmark, with the settings of the class
#   bench/warc-write.sh -f 1 -wi 1 -i 3       quicker: JMH options are passed on
#   bench/warc-write.sh WarcWriteBreakdown    where the time goes: digests, records, gzip alone
#   bench/warc-write.sh paired [rounds]       both methods in turns in one JVM, paired ratios:
#                                             steadier than JMH's when other processes compete
#   bench/warc-write.sh level                 which deflate level gazette's files are written at
#
# JMH's JSON results go to target/jmh-<class>.json.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -q -B -DskipTests test-compile >&2
# through a file: on stdout, Maven wraps the class path in terminal colour codes
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath >&2
classpath=$(cat target/bench.classpath)
if [[ ${1:-} == level ]]; then
  exec java -cp "target/test-classes:target/classes:$classpath" org.gazette.bench.GzipLevelCheck
fi
if [[ ${1:-} == paired ]]; then
  shift
  exec java -Xms1g -Xmx1g -cp "target/test-classes:target/classes:$classpath" \
    org.gazette.bench.WarcWritePaired "$@"
fi
exec java -cp "target/test-classes:target/classes:$classpath" org.gazette.bench.WarcWriteRun "$@"
