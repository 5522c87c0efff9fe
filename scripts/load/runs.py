#!/usr/bin/env python3
"""Runs one one-Feed pipe per feed URL through POST /api/run, a few at a time, and counts the runs
whose answer had no item or reported an error: used by scripts/closing-upstream.sh.

Usage: runs.py BASE TOKEN URL_FILE CONCURRENCY
Prints "runs=N empty=N errors=N" and, for the first few failures, the error the run reported.
"""
import json
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor


def run(base, token, url):
    pipe = {"blocks": [
        {"id": "output", "type": "OutputBlock", "userinputs": [""],
         "inputs": [{"from": "feed000001", "from_output_slot": 0}], "textinputs": []},
        {"id": "feed000001", "type": "FeedBlock", "userinputs": [url], "inputs": [], "textinputs": [{}]}]}
    request = urllib.request.Request(base + "/api/run", data=json.dumps({"pipe": pipe}).encode(),
                                     headers={"Authorization": "Bearer " + token,
                                              "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as answer:
        body = json.load(answer)
    errors = "; ".join(e.get("message", "") for e in body.get("errors", []))
    return url, len(body.get("items", [])), errors


def main():
    base, token, url_file, concurrency = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    urls = [line.strip() for line in open(url_file, encoding="utf-8") if line.strip()]
    with ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(lambda u: run(base, token, u), urls))
    empty = [r for r in results if r[1] == 0]
    errors = [r for r in results if r[2]]
    print(f"runs={len(results)} empty={len(empty)} errors={len(errors)}")
    for url, _, error in errors[:5]:
        print(f"  {url}: {error}")


if __name__ == "__main__":
    main()
