#!/usr/bin/env python3
"""Fires GET requests for every URL of a file at once (one thread each, released together) and
reports how each was answered: used by `scripts/load.sh pathological` for the 100 runs in flight.

Usage: fire.py URL_FILE LIMIT_MS RESULT_FILE
URL_FILE has "<label> <url>" per line. Writes "<label> <status> <ms> <items>" per URL to
RESULT_FILE (status 0 = no HTTP answer within 60 s) and prints a summary line per label kind
(the label's first word) to stdout.
"""
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request

TIMEOUT_S = 60


def fetch(url, start, result):
    start.wait()
    began = time.monotonic()
    status, items = 0, 0
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT_S) as r:
            body = r.read()
            status = r.status
    except urllib.error.HTTPError as e:
        body, status = e.read(), e.code
    except OSError:
        body = b""
    result.extend([status, (time.monotonic() - began) * 1000, body.count(b"<item>") + body.count(b"<item ")])


def main():
    url_file, limit_ms, result_file = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    jobs = [l.split(None, 1) for l in open(url_file, encoding="utf-8") if l.strip()]
    start = threading.Barrier(len(jobs))
    results = [[] for _ in jobs]
    threads = [threading.Thread(target=fetch, args=(url.strip(), start, res)) for (_, url), res in zip(jobs, results)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with open(result_file, "w") as f:
        for (label, _), (status, ms, items) in zip(jobs, results):
            f.write(f"{label} {status} {ms:.0f} {items}\n")
    kinds = sorted({label.split("-")[0] for label, _ in jobs})
    for kind in kinds:
        rows = [r for (label, _), r in zip(jobs, results) if label.split("-")[0] == kind]
        answered = [r for r in rows if r[0] != 0]
        ok = [r for r in rows if r[0] == 200]
        times = [r[1] for r in answered] or [0]
        late = sum(1 for r in rows if r[0] == 0 or r[1] > limit_ms)
        print(f"{kind}: {len(answered)}/{len(rows)} answered ({len(ok)} HTTP 200) in median "
              f"{statistics.median(times):.0f} ms, max {max(times):.0f} ms ({late} over {limit_ms:.0f} ms), "
              f"items {','.join(map(str, sorted({r[2] for r in ok}))) or '-'}")


if __name__ == "__main__":
    main()
