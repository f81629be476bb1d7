#!/usr/bin/env python3
"""Where a gazette crawl spends its time, from a JFR recording (bench/crawl.sh's profile run).

    python3 bench/jfr-costs.py RECORDING.jfr [THREAD-PREFIX [SKIP-SECONDS]]
                                 (default prefix: crawler-; SKIP-SECONDS: leave out the first
                                 seconds of the recording, e.g. the first of several crawls)

Reads the recording with `jfr print --json` (the jfr of $JFR, else of $JAVA_HOME, else on PATH;
a newer JDK's jfr reads Java 17 recordings too) and prints:

  1. CPU seconds per thread (jdk.ThreadCPULoad: each sample's user + system share of the machine,
     times the sample interval, times the hardware threads), so the JIT compiler threads and the
     crawler threads can be compared; GC threads are not Java threads: their pauses are printed;
  2. the crawler threads' samples by cost: jdk.ExecutionSample (threads running Java code) and
     jdk.NativeMethodSample (threads in native code: zlib, file and socket I/O, waits), the
     latter weighted by the ratio of the two sampling periods (profile.jfc: 10 ms and 20 ms).
     A sample goes to the first category of COSTS with a frame anywhere on its stack, so time
     in java.util.HashMap under jsoup's tree builder counts as "jsoup parse", and resolving a
     link (java.net.URL) under the extractor counts as "URL handling"; samples whose top frame
     waits (Object.wait, park, sleep, socket reads) are listed apart, as they are not CPU;
  3. the methods most often on top of the crawler threads' running (not waiting) samples;
  4. within extraction, the calls below gazette's PageRecords (outermost first) and the innermost
     gazette classes; within the state store, the CaptureStore methods.
"""
import collections
import json
import os
import shutil
import statistics
import subprocess
import sys

# (name, frame prefixes); first match on the stack wins, so the order matters
COSTS = [
    ("WARC gzip (Deflater, CRC32)", ["java.util.zip.Deflater", "java.util.zip.CRC32",
                                     "java.util.zip.DeflaterOutputStream",
                                     "org.apache.commons.compress.compressors.gzip"]),
    ("digests (SHA-1 of records and payloads)", ["sun.security.provider.", "java.security.MessageDigest"]),
    ("logging", ["ch.qos.logback.", "org.slf4j."]),
    ("state store (H2, Hikari, gazette store)", ["org.h2.", "com.zaxxer.hikari.", "org.gazette.store."]),
    ("frontier (crawler4j frontier, Berkeley DB JE)", ["com.sleepycat.", "edu.uci.ics.crawler4j.frontier."]),
    ("jsoup parse (HTML to DOM)", ["org.jsoup.parser."]),
    ("URL handling (normalise, resolve, scope)", [
        "java.net.URI.", "java.net.URL.", "java.net.URLStreamHandler", "crawlercommons.filters.",
        "org.gazette.crawl.UrlNormalizer", "org.gazette.crawl.ScopeRules", "org.gazette.crawl.CrawlTraps",
        "org.jsoup.nodes.Node.absUrl", "org.jsoup.internal.StringUtil.resolve",
        "edu.uci.ics.crawler4j.url."]),
    ("charset detection", ["org.gazette.charset.", "org.mozilla.universalchardet."]),
    ("JSON output", ["com.fasterxml.jackson.", "org.gazette.records.Json"]),
    ("extraction (gazette extract/records, jsoup select and text)", [
        "org.gazette.extract.", "org.gazette.records.", "org.jsoup."]),
    ("WARC records, files (other than gzip, digests)", ["org.gazette.archive."]),
    ("HTTP fetch (gazette fetch, politeness, robots)", ["org.gazette.fetch.", "org.apache.http.",
                                                        "java.net.Socket", "sun.nio.ch."]),
    ("crawl glue (crawler4j crawler, gazette crawl)", ["edu.uci.ics.crawler4j.", "org.gazette.crawl."]),
]
WAITS = [
    ("waiting: network (socket read, connect, poll)", [
        "sun.nio.ch.SocketDispatcher.read", "sun.nio.ch.Net.poll", "sun.nio.ch.Net.connect",
        "java.net.SocketInputStream.socketRead", "sun.nio.ch.NioSocketImpl.park",
        "sun.nio.ch.EPoll.wait"]),
    ("waiting: file sync (fsync)", ["sun.nio.ch.FileDispatcherImpl.force", "java.io.FileDescriptor.sync"]),
    ("waiting: locks, queues, sleeps (frontier, politeness)", [
        "java.lang.Object.wait", "jdk.internal.misc.Unsafe.park", "java.lang.Thread.sleep",
        "java.lang.Thread.yield"]),
]


def jfr_tool():
    if os.environ.get("JFR"):
        return os.environ["JFR"]
    if os.environ.get("JAVA_HOME"):
        return os.path.join(os.environ["JAVA_HOME"], "bin", "jfr")
    return shutil.which("jfr") or "jfr"


def events(recording, names, depth=256):
    out = subprocess.run([jfr_tool(), "print", "--json", "--stack-depth", str(depth),
                          "--events", ",".join(names), recording],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["recording"]["events"]


def frame_name(f):
    return f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"]


def thread_name(e):
    t = e["values"].get("sampledThread") or e["values"].get("eventThread") or {}
    return t.get("javaName") or t.get("osName") or "?"


def seconds(iso):
    # 2026-11-26T22:06:10.660568056Z -> seconds of the day, enough for intervals within a run
    t = iso.split("T")[1].rstrip("Z")
    h, m, s = t.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def main():
    if len(sys.argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        sys.exit(2)
    recording = sys.argv[1]
    prefix = sys.argv[2] if len(sys.argv) > 2 else "crawler-"
    skip = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0

    # 1. CPU per thread
    meta = events(recording, ["jdk.CPUInformation", "jdk.ThreadCPULoad", "jdk.GarbageCollection",
                              "jdk.ThreadStart"], depth=1)
    hw = next((e["values"]["hwThreads"] for e in meta if e["type"] == "jdk.CPUInformation"), 1)
    t0 = min(seconds(e["values"]["startTime"]) for e in meta) + skip
    loads = collections.defaultdict(list)
    started = {}
    for e in meta:
        v = e["values"]
        if e["type"] == "jdk.ThreadCPULoad" and seconds(v["startTime"]) >= t0:
            loads[thread_name(e)].append((seconds(v["startTime"]), v["user"] + v["system"]))
        elif e["type"] == "jdk.ThreadStart":
            started[thread_name(e)] = seconds(v["startTime"])
    times = sorted(t for samples in loads.values() for t, _ in samples)
    gaps = [b - a for a, b in zip(times, times[1:]) if b - a > 0.5]
    interval = statistics.median(gaps) if gaps else 1.0
    # a load is the thread's share of the machine since its previous sample, or since it started
    # (a thread that lived 6 ms shows a high load over those 6 ms, not over a whole interval)
    cpu = {}
    for t, s in loads.items():
        s.sort()
        total_t = 0.0
        previous = None
        for when, load in s:
            since = previous if previous is not None else max(t0, started.get(t, when - interval))
            total_t += load * min(interval, max(0.0, when - since)) * hw
            previous = when
        cpu[t] = total_t
    total = sum(cpu.values())
    print(f"CPU by thread (jdk.ThreadCPULoad about every {interval:.0f} s, {hw} hardware threads): "
          f"{total:.1f} s in Java threads and the JIT")
    groups = collections.defaultdict(float)
    for t, s in cpu.items():
        g = ("crawler threads" if t.startswith(prefix) else
             "JIT compiler threads" if "CompilerThread" in t else t)
        groups[g] += s
    for g, s in sorted(groups.items(), key=lambda x: -x[1])[:8]:
        print(f"  {g:<55} {s:6.1f} s  {100 * s / total:5.1f} %")
    pauses = [e["values"]["sumOfPauses"] for e in meta if e["type"] == "jdk.GarbageCollection"
              and seconds(e["values"]["startTime"]) >= t0]

    def dur(x):  # JFR's JSON writes durations as ISO-8601 ("PT0.0042S") or as nanoseconds
        return float(x[2:-1]) if isinstance(x, str) else x / 1e9
    print(f"  GC: {len(pauses)} collections, {sum(dur(p) for p in pauses):.2f} s of pauses "
          f"(GC threads are not Java threads: not above)")

    # 2. crawler threads by cost
    samples = events(recording, ["jdk.ExecutionSample", "jdk.NativeMethodSample"])
    weight = {"jdk.ExecutionSample": 1.0, "jdk.NativeMethodSample": 2.0}  # 10 ms and 20 ms
    cost = collections.Counter()
    wait = collections.Counter()
    top = collections.Counter()
    paths = collections.Counter()
    inner = collections.Counter()
    store = collections.Counter()
    for e in samples:
        if not thread_name(e).startswith(prefix) or seconds(e["values"]["startTime"]) < t0:
            continue
        st = e["values"].get("stackTrace")
        if not st:
            continue
        frames = [frame_name(f) for f in st["frames"]]
        w = weight[e["type"]]
        name = next((n for n, ps in WAITS if any(frames[0].startswith(p) for p in ps)), None)
        if name:
            wait[name] += w
            continue
        name = next((n for n, ps in COSTS if any(f.startswith(p) for f in frames for p in ps)),
                    "other")
        cost[name] += w
        top[frames[0]] += w
        ours = [f for f in frames if f.startswith(("org.gazette.extract.", "org.gazette.records."))]
        if name.startswith("extraction") and ours:
            paths[" > ".join(f.replace("org.gazette.", "") for f in reversed(ours[-3:]))] += w
            inner[ours[0].rsplit(".", 1)[0].replace("org.gazette.", "")] += w
        if name.startswith("state store"):
            calls = [f for f in frames if f.startswith("org.gazette.store.CaptureStore.")]
            store[calls[-1].replace("org.gazette.store.", "") if calls else "other"] += w
    busy = sum(cost.values())
    allw = busy + sum(wait.values())
    print(f"\ncrawler threads ({prefix}*), running: {busy:.0f} weighted samples "
          f"({100 * busy / allw:.0f} % of their samples; the rest waited)")
    for n, c in cost.most_common():
        print(f"  {n:<62} {100 * c / busy:5.1f} %")
    print("crawler threads, waiting (share of all their samples):")
    for n, c in wait.most_common():
        print(f"  {n:<62} {100 * c / allw:5.1f} %")
    print("\ntop methods of the crawler threads' running samples:")
    for n, c in top.most_common(15):
        print(f"  {n:<90} {100 * c / busy:5.1f} %")
    print("\nextraction, by its outermost gazette calls (share of the running samples):")
    for n, c in paths.most_common(10):
        print(f"  {n:<110} {100 * c / busy:5.1f} %")
    print("extraction, by the innermost gazette class:")
    for n, c in inner.most_common(12):
        print(f"  {n:<60} {100 * c / busy:5.1f} %")
    print("state store, by CaptureStore method:")
    for n, c in store.most_common(6):
        print(f"  {n:<60} {100 * c / busy:5.1f} %")


if __name__ == "__main__":
    main()
