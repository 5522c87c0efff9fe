#!/usr/bin/env python3
"""Pipes for scripts/load.sh, one Sluice export entry ({"title", "public", "pipe"}) per line,
ready for `sluice import`. Built from the bench pipes in src/test/resources/bench/pipes with
the bench ports rewritten to the script's upstream server (upstream.py), which listens on
127.0.0.1 … 127.0.0.HOSTS. Sluice lets only 2 fetches per host be in flight, so pipes meant to
fetch at once are spread over those hosts.

  pipes.py BENCH_DIR p2 FAST                    P2 (4 feeds on 127.0.0.1-4, combine, sort, unique, truncate)
  pipes.py BENCH_DIR p3 SLOW N                  N copies of P3 (8 feeds on 127.0.0.1-8, 200 ms latency
                                                each, combined); copy k fetches F<i>.xml?copy=<k>,
                                                so no copy finds another's downloads cached
  pipes.py BENCH_DIR pathological FAST TRICKLE N HOSTS
                                                N pipes T1.xml?n=<i> + Filter /(a+)+b/: even i
                                                trickled (PE), odd i fast (PEfast); pipes 2k and
                                                2k+1 share host k+1 (mod HOSTS)
  pipes.py BENCH_DIR feeds FAST N HOSTS         N pipes, each one Feed of F1.xml?n=<i> (P1 shape)
  pipes.py BENCH_DIR hook HOOK_ID               a Webhook block into the Output
"""
import json
import os
import sys


def bench_pipe(bench_dir, name):
    with open(os.path.join(bench_dir, "pipes", name + ".json"), encoding="utf-8") as f:
        return json.load(f)


def with_feed_url(pipe, url):
    for block in pipe["blocks"]:
        if block["type"] == "FeedBlock":
            block["userinputs"][0] = url
    return pipe


def line(title, pipe):
    return json.dumps({"title": title, "public": True, "pipe": pipe}, separators=(",", ":"))


def main():
    bench_dir, kind, *args = sys.argv[1:]
    out = []
    if kind == "p2":
        fast = args[0]
        pipe = bench_pipe(bench_dir, "P2")
        for block in pipe["blocks"]:
            if block["type"] == "FeedBlock":
                block["userinputs"][0] = block["userinputs"][0].replace(":8701/", f":{fast}/")
        out.append(line("P2", pipe))
    elif kind == "p3":
        slow, n = args[0], int(args[1])
        for k in range(1, n + 1):
            pipe = bench_pipe(bench_dir, "P3")
            for block in pipe["blocks"]:
                if block["type"] == "FeedBlock":
                    url = block["userinputs"][0].replace(":8702/", f":{slow}/")
                    block["userinputs"][0] = f"{url}?copy={k}"
            out.append(line(f"P3 copy {k}", pipe))
    elif kind == "pathological":
        fast, trickle, n, hosts = args[0], args[1], int(args[2]), int(args[3])
        for i in range(n):
            trickled = i % 2 == 0
            port, name = (trickle, "PE") if trickled else (fast, "PEfast")
            host = f"127.0.0.{1 + (i // 2) % hosts}"
            pipe = with_feed_url(bench_pipe(bench_dir, "PE"), f"http://{host}:{port}/T1.xml?n={i}")
            out.append(line(f"{name} {i}", pipe))
    elif kind == "feeds":
        fast, n, hosts = args[0], int(args[1]), int(args[2])
        for i in range(n):
            pipe = with_feed_url(bench_pipe(bench_dir, "P1"), f"http://127.0.0.{1 + i % hosts}:{fast}/F1.xml?n={i}")
            out.append(line(f"F1 {i}", pipe))
    elif kind == "hook":
        hook = args[0]
        pipe = {"blocks": [
            {"id": "output", "type": "OutputBlock", "name": "Output", "userinputs": [""],
             "inputs": [{"from": hook, "from_output_slot": 0}], "textinputs": []},
            {"id": hook, "type": "WebhookBlock", "name": "Webhook", "userinputs": ["", ""],
             "inputs": [], "textinputs": []}]}
        out.append(line("Webhook", pipe))
    else:
        sys.exit(f"pipes.py: unknown kind {kind}")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
