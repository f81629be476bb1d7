#!/usr/bin/env python3
"""Body F1 of `gazette extract` on ScrapingHub's article-extraction-benchmark (181 news and blog
pages with their article bodies), scored by the benchmark's own evaluate.py (F1 of 4-word
shingles, averaged over pages), beside the extractors whose outputs the benchmark ships.

  git clone https://github.com/scrapinghub/article-extraction-benchmark ../article-extraction-benchmark
  bench/extraction.sh aeb            (or: python3 bench/aeb.py ../article-extraction-benchmark)

The pages are given to `gazette extract` as HTML files, one record each, as the other
extractors get them; the page's address is not used. Python 3 standard library only.
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
    bench = Path(sys.argv[1] if len(sys.argv) > 1 else "../article-extraction-benchmark")
    root = Path(__file__).resolve().parent.parent
    if not (bench / "ground-truth.json").is_file():
        sys.exit(f"{bench}: not a checkout of scrapinghub/article-extraction-benchmark "
                 "(no ground-truth.json)")
    pages = root / "target" / "aeb-pages"
    pages.mkdir(parents=True, exist_ok=True)
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf8"))
    for key in truth:
        page = pages / f"{key}.html"
        if not page.exists():
            page.write_bytes(gzip.decompress((bench / "html" / f"{key}.html.gz").read_bytes()))
    results = root / "target" / "aeb-results.jsonl"
    with results.open("wb") as out:
        subprocess.run([str(root / "gazette"), "extract", str(pages)], stdout=out, check=True)
    bodies = {}
    for line in results.open(encoding="utf8"):
        record = json.loads(line)
        key = Path(record["url"]).name.removesuffix(".html")
        bodies[key] = record.get("body") or ""
    prediction = {key: {"articleBody": bodies.get(key, "")} for key in truth}
    (root / "target" / "aeb-gazette.json").write_text(json.dumps(prediction), encoding="utf8")

    spec = importlib.util.spec_from_file_location("evaluate", bench / "evaluate.py")
    evaluate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(evaluate)
    random.seed(1)
    rows = [("gazette", evaluate.evaluate(truth, prediction, 1000))]
    for name in BASELINES:
        path = bench / "output" / f"{name}.json"
        if path.is_file():
            other, _version = evaluate.load_prediction(path)
            rows.append((name, evaluate.evaluate(truth, other, 1000)))
    print(f"{len(truth)} pages, {sum(1 for k in truth if k in bodies)} with a record")
    print(f"{'':<16} {'F1':<13}  {'precision':<13}  {'recall':<13}")
    for name, m in rows:
        print(f"{name:<16} {m['f1']:.3f} ± {m['f1_std']:.3f}  {m['precision']:.3f} ± "
              f"{m['precision_std']:.3f}  {m['recall']:.3f} ± {m['recall_std']:.3f}")


if __name__ == "__main__":
    main()
