"""Reads Sluice outputs the way feed readers do, and checks the three formats agree.

Usage: feedcheck.py RSS ATOM JSON
RSS and Atom go through Python's feedparser (exit 1 when it reports the document ill-formed,
"bozo"). Debian's feedparser 6.0 has no JSON Feed support, so the JSON Feed is read with the json
module against the JSON Feed 1.1 fields. Titles, links, ids and dates must be the same in all
three. Prints the item count and the detected versions on success.
"""
import datetime
import json
import sys
import feedparser


def xml_entries(path, content_type):
    # Local files carry no Content-Type; give feedparser the one Sluice serves.
    d = feedparser.parse(path, response_headers={"content-type": content_type})
    if d.bozo:
        raise SystemExit(f"{path}: feedparser reports a problem: {d.bozo_exception!r}")
    return [(e.get("title"), e.get("link"), e.get("id"),
             tuple(e.published_parsed)[:6] if e.get("published_parsed") else None) for e in d.entries], d.version


def json_entries(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    if doc.get("version") != "https://jsonfeed.org/version/1.1":
        raise SystemExit(f"{path}: not JSON Feed 1.1: version {doc.get('version')!r}")
    out = []
    for item in doc["items"]:
        date = item.get("date_published")
        when = None
        if date:
            parsed = datetime.datetime.fromisoformat(date.replace("Z", "+00:00")).astimezone(datetime.timezone.utc)
            when = parsed.timetuple()[:6]
        out.append((item.get("title"), item.get("url"), item.get("id"), when))
    return out, "json11"


rss, rss_v = xml_entries(sys.argv[1], "application/rss+xml; charset=utf-8")
atom, atom_v = xml_entries(sys.argv[2], "application/atom+xml; charset=utf-8")
json_feed, json_v = json_entries(sys.argv[3])
for name, other in (("atom", atom), ("json", json_feed)):
    if other != rss:
        diff = next(((a, b) for a, b in zip(rss, other) if a != b), None)
        raise SystemExit(f"{name} differs from rss: {len(rss)} vs {len(other)} items; first difference {diff}")
print(len(rss), rss_v, atom_v, json_v)
