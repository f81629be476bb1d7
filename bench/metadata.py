#!/usr/bin/env python3
"""Metadata accuracy of `gazette extract` on ../shared/extraction-eval: title, published day and
author against the set's human annotations (evaldata.json's `title`, `date`, `author`), which the
set's score.py does not score. Standard library only; uses score.py to match lines to pages.

    python3 bench/metadata.py RESULTS.jsonl [title|date|author [N]]   # scores, then N misses

How each field counts as right (lenient, as the annotations vary in form):
- title: equal to ours after NFKC, whitespace folding and lower-casing, or one contains the other;
- date: our `published` falls on the annotated day (the first ten characters agree);
- author: one of our `authors` is inside the annotated string, or the joined list inside it, or
  the reverse.
"""
import json
import os
import re
import sys
import unicodedata

EVAL = os.environ.get("GAZETTE_EVAL",
                      os.path.join(os.path.dirname(__file__), "..", "..", "shared", "extraction-eval"))
sys.path.insert(0, EVAL)
import score  # noqa: E402  (the set's own scorer, for its page matching)


def norm(s):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", s or "")).strip().lower()


def main(argv):
    if not argv:
        sys.exit(__doc__)
    sets = score.load_sets(EVAL, only="trafilatura")
    index = score.Index(sets)
    folder = sets[0].folder
    gold = {v["file"]: v for v in json.load(open(os.path.join(folder, "evaldata.json"))).values()}
    renamed = {}
    with open(os.path.join(folder, "renamed.tsv"), encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 2:
                renamed[cols[1]] = cols[0]
    records = {}
    with open(argv[0], encoding="utf-8") as f:
        for line in f:
            o = json.loads(line)
            page = index.find(o) if "body" in o else None
            if page and page.id not in records:
                records[page.id] = o
    right = {"title": [0, 0], "date": [0, 0], "author": [0, 0]}
    misses = {k: [] for k in right}
    for pid, o in sorted(records.items()):
        g = gold.get(pid) or gold.get(renamed.get(pid, ""))
        if not g:
            continue
        if g.get("title"):
            ours = o.get("title")
            ok = bool(ours) and (norm(g["title"]) in norm(ours) or norm(ours) in norm(g["title"]))
            tally(right, misses, "title", ok, (pid, g["title"], ours))
        if g.get("date"):
            ok = (o.get("published") or "")[:10] == g["date"][:10]
            tally(right, misses, "date", ok, (pid, g["date"], o.get("published"), o.get("modified")))
        if g.get("author"):
            want = g["author"] if isinstance(g["author"], str) else " ; ".join(g["author"])
            names = [a for a in (o.get("authors") or []) if a]
            joined = " ; ".join(names)
            ok = bool(names) and (norm(want) in norm(joined) or norm(joined) in norm(want)
                                  or any(norm(a) in norm(want) for a in names))
            tally(right, misses, "author", ok, (pid, want, joined))
    for field, (r, n) in right.items():
        print(f"{field}: {r}/{n} right ({r / n:.3f})")
    if len(argv) > 1:
        for miss in misses[argv[1]][: int(argv[2]) if len(argv) > 2 else 40]:
            print("  ", miss)


def tally(right, misses, field, ok, miss):
    right[field][1] += 1
    if ok:
        right[field][0] += 1
    else:
        misses[field].append(miss)


if __name__ == "__main__":
    main(sys.argv[1:])
