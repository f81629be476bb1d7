#!/usr/bin/env python3
"""Body F1 of `gazette extract` on ScrapingHub's article-extraction-benchmark (181 news and blog
pages with their article bodies), scored by the benchmark's own evaluate.py (F1 of 4-word
shingles, averaged over pages), beside the extractors whose outputs the benchmark ships.

  git clone https://github.com/scrapinghub/article-extraction-benchmark ../article-extraction-benchmark
  bench/extraction.sh aeb            (or: python3 bench/aeb.py ../article-extraction-benchmark)

The pages are given to `gazette extract` as HTML files, as the other extractors get them (an
HTML file always gives an article or listing record; a page without one scores as empty); the
page's address is not used. Pages are unpacked once into target/aeb-pages (delete it to take
them from another clone). Python 3 standard library only.
"""
import gzip
import importlib.util
import json
import os
import random
import subprocess
import sys
from pathlib import Path

BASELINES = ["trafilatura", "go_trafilatura", "newspaper", "news_please", "readability_js",
             "readability", "goose3", "boilerpipe", "html-text"]


def main():
    root = Path(__file__).resolve().parent.parent
    bench = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "article-extraction-benchmark"
    if not (bench / "ground-truth.json").is_file():
        sys.exit(f"{bench}: not a clone of scrapinghub/article-extraction-benchmark (no "
                 "ground-truth.json); get one with\n  git clone "
                 f"https://github.com/scrapinghub/article-extraction-benchmark {bench}")
    pages = root / "target" / "aeb-pages"
    pages.mkdir(parents=True, exist_ok=True)
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf8"))
    for key in truth:
        page = pages / f"{key}.html"
        if not page.exists():
            page.write_bytes(gzip.decompress((bench / "html" / f"{key}.html.gz").read_bytes()))
    results = root / "target" / "aeb-results.jsonl"
    with results.open("wb") as out:
        status = subprocess.run([str(root / "gazette"), "extract", str(pages)], stdout=out).returncode
    if status != 0:  # 1: some page could not be read; the others' records are still scored
        print(f"gazette extract exited with {status}; see its messages above", file=sys.stderr)
    bodies = {}
    kinds = {}
    for line in results.open(encoding="utf8"):
        record = json.loads(line)
        key = Path(record["url"]).name.removesuffix(".html")
        bodies[key] = record.get("body") or ""
        kinds[record.get("type")] = kinds.get(record.get("type"), 0) + 1
    prediction = {key: {"articleBody": bodies.get(key, "")} for key in truth}
    (root / "target" / "aeb-gazette.json").write_text(json.dumps(prediction), encoding="utf8")

    spec = importlib.util.spec_from_file_location("evaluate", bench / "evaluate.py")
    evaluate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(evaluate)
    random.seed(1)  # the same bootstrap samples for every row
    rows = [("gazette", evaluate.evaluate(truth, prediction, 1000))]
    for name in BASELINES:
        path = bench / "output" / f"{name}.json"
        if path.is_file():
            other, _version = evaluate.load_prediction(path)
            random.seed(1)
            rows.append((name, evaluate.evaluate(truth, other, 1000)))
    with_body = sum(1 for k in truth if bodies.get(k))
    print(f"{len(truth)} pages: records {dict(sorted(kinds.items()))}, {with_body} with a body")
    print(f"{'':<16} {'F1':<13}  {'precision':<13}  {'recall':<13}")
    for name, m in rows:
        print(f"{name:<16} {m['f1']:.3f} ± {m['f1_std']:.3f}  {m['precision']:.3f} ± "
              f"{m['precision_std']:.3f}  {m['recall']:.3f} ± {m['recall_std']:.3f}")


if __name__ == "__main__":
    main()
