#!/usr/bin/env python3
"""CPU seconds per JVM thread group of a running `gazette crawl` (not a test; issue 9).

Waits for the java process whose command line runs `gazette.jar crawl`, reads
/proc/PID/task/*/stat every 0.2 s until it exits, and prints the CPU (user + sys) of its
threads summed by name with digits folded (crawler-#, C# CompilerThre...). Start it, then the
crawl (e.g. bench/crawl.sh 1 4:4) in another shell or in the background:

    python3 bench/thread-cpu.py > /tmp/thr.txt & bench/crawl.sh 1 4:4; cat /tmp/thr.txt
"""
import collections, os, re, subprocess, time

pid=None
while pid is None:
    out=subprocess.run(["pgrep","-f","^java .*gazette.jar crawl"],capture_output=True,text=True).stdout.split()
    if out: pid=out[0]
    else: time.sleep(0.05)
last={}
tck=os.sysconf('SC_CLK_TCK')
while os.path.exists(f"/proc/{pid}"):
    try:
        for t in os.listdir(f"/proc/{pid}/task"):
            try:
                s=open(f"/proc/{pid}/task/{t}/stat").read()
                name=s[s.index('(')+1:s.rindex(')')]
                f=s[s.rindex(')')+2:].split()
                last[t]=(name,(int(f[11])+int(f[12]))/tck)
            except Exception: pass
    except Exception: pass
    time.sleep(0.2)
agg=collections.Counter()
import re
for t,(n,c) in last.items(): agg[re.sub(r'\d+','#',n)]+=c
tot=sum(agg.values())
print(f"total {tot:.1f}s")
for n,c in agg.most_common(25): print(f"{n:30s} {c:6.1f}")
