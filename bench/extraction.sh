#!/usr/bin/env bash
# Extraction: body F1 of `gazette extract` on ../shared/extraction-eval (scored by its own
# score.py, beside the baselines in its README), then pages per second on one core with JMH
# (src/test/java/org/gazette/bench/ExtractionBench.java: jsoup parse + record, the crawl's path).
# Results and commands in docs/benchmarks.md. Never run by `mvn verify`.
#
#   bench/extraction.sh                 both (about 5 minutes on 2 cores)
#   bench/extraction.sh f1              the F1 only, then title, date and author accuracy
#                                       against the set's annotations (bench/metadata.py)
#   bench/extraction.sh speed [JMH options, e.g. -wi 1 -i 2]
#   bench/extraction.sh aeb             body F1 on ScrapingHub's article-extraction-benchmark
#                                       (a clone in ${GAZETTE_AEB:-../article-extraction-benchmark};
#                                       bench/aeb.py says how to get it)
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir=${GAZETTE_EVAL:-../shared/extraction-eval}
pages=target/eval-pages
what=${1:-all}
[[ $# -gt 0 ]] && shift

if [[ $what == aeb ]]; then
  exec python3 bench/aeb.py ${GAZETTE_AEB:+"$GAZETTE_AEB"}
fi
if [[ ! -d $pages ]]; then
  python3 "$eval_dir/score.py" --unpack "$pages" >&2
fi
if [[ $what == all || $what == f1 ]]; then
  ./gazette extract "$pages" > target/eval-results.jsonl
  python3 "$eval_dir/score.py" target/eval-results.jsonl
  GAZETTE_EVAL="$eval_dir" python3 bench/metadata.py target/eval-results.jsonl
fi
if [[ $what == all || $what == speed ]]; then
  mvn -q -B -DskipTests test-compile >&2
  mvn -q -B dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.classpath >&2
  java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    org.openjdk.jmh.Main ExtractionBench -p pages="$(realpath "$pages")" \
    -rf json -rff target/jmh-ExtractionBench.json "$@"
fi
