"""Reads Sluice's outputs of the conformance documents as feed readers do and compares them with
the expectations of each case (see README.md beside this file).

Usage: check.py MANIFEST REPORT
MANIFEST is JSON written by FeedConformanceTest: a list of cases, each with "case", "server",
"items" (the expectations) and "outputs" ({"rss": path, "atom": path, "json": path}). REPORT gets
one JSON object per line and case: {"case", "checks", "failed": [messages]}. RSS and Atom are read
with feedparser without its own sanitising or URL resolution, so what is checked is what Sluice
wrote; a document feedparser calls ill-formed ("bozo") fails its case. Debian's feedparser 6.0
has no JSON Feed support, so the JSON Feed is read with the json module.
"""
import datetime
import hashlib
import html
import html.parser
import json
import re
import sys
import time
import uuid

import feedparser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SPACE = re.compile(r"[ \t\n\r\f]+")
AROUND_TAG = re.compile(r" ?(<[^>]*>) ?")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
UNTITLED = "Untitled item"
CONTENT_TYPES = {"rss": "application/rss+xml; charset=utf-8", "atom": "application/atom+xml; charset=utf-8"}


class Canonical(html.parser.HTMLParser):
    """HTML in one spelling: lower-case names, sorted attributes, references decoded and re-escaped."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []

    def handle_starttag(self, tag, attrs):
        attributes = "".join(f' {name}="{html.escape(value or "", quote=True)}"' for name, value in sorted(attrs))
        self.out.append(f"<{tag}{attributes}>")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.out.append(f"</{tag}>")

    def handle_endtag(self, tag):
        if tag not in VOID:
            self.out.append(f"</{tag}>")

    def handle_data(self, data):
        self.out.append(html.escape(data, quote=False))


def canonical_html(value):
    if value is None:
        return ""
    parser = Canonical()
    parser.feed(value)
    parser.close()
    text = SPACE.sub(" ", "".join(parser.out))
    return AROUND_TAG.sub(r"\1", text).strip()


def text_of(value):
    """The text a reader shows for HTML (for JSON Feed's plain-text summary)."""
    stripped = re.sub(r"<[^>]*>", " ", value or "")
    return SPACE.sub(" ", html.unescape(stripped)).strip()


def plain(value):
    return SPACE.sub(" ", value or "").strip()


def when(parsed):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed) if parsed else None


def atom_id(expected):
    """The id the Atom output carries for an item identity (AtomWriter.iri)."""
    if SCHEME.match(expected) and " " not in expected and len(expected) > expected.index(":") + 1:
        return expected
    digest = bytearray(hashlib.md5(expected.encode("utf-8")).digest())
    digest[6] = (digest[6] & 0x0F) | 0x30
    digest[8] = (digest[8] & 0x3F) | 0x80
    return "urn:uuid:" + str(uuid.UUID(bytes=bytes(digest)))


def xml_items(path, fmt):
    d = feedparser.parse(path, response_headers={"content-type": CONTENT_TYPES[fmt]},
                         sanitize_html=False, resolve_relative_uris=False)
    if d.bozo:
        raise ValueError(f"feedparser reads the {fmt} output as ill-formed: {d.bozo_exception!r}")
    items = []
    for e in d.entries:
        content = e.get("content")
        published = e.get("published_parsed")
        updated = e.get("updated_parsed")
        # feedparser fills "link" from an id or guid that looks like a URL; a reader's link is the
        # alternate link the output actually has
        alternates = [l.get("href") for l in e.get("links", []) if l.get("rel", "alternate") == "alternate"]
        items.append({
            "title": e.get("title"),
            "link": alternates[0] if alternates else None,
            "id": e.get("id"),
            "date": when(published) or when(updated),
            # Atom requires <updated>, so an undated item carries the feed's date there: only
            # <published> tells whether it had a date of its own.
            "published_only": when(published),
            "body": content[0].value if content else e.get("summary"),
            "summary": e.get("summary") if content else None,
        })
    return items


def json_items(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    if doc.get("version") != "https://jsonfeed.org/version/1.1":
        raise ValueError(f"the JSON output is not JSON Feed 1.1: version {doc.get('version')!r}")
    items = []
    for item in doc.get("items", []):
        date = item.get("date_published") or item.get("date_modified")
        if date:
            parsed = datetime.datetime.fromisoformat(date.replace("Z", "+00:00")).astimezone(datetime.timezone.utc)
            date = parsed.strftime("%Y-%m-%dT%H:%M:%SZ")
        body = item.get("content_html")
        if body is None and item.get("content_text") is not None:
            body = html.escape(item["content_text"], quote=False)
        items.append({"title": item.get("title"), "link": item.get("url"), "id": item.get("id"), "date": date,
                      "published_only": date,
                      "body": body, "summary_text": item.get("summary")})
    return items


def compare(fmt, index, want, got, failed):
    """Counts the checks of one expected item against one output item; appends failures."""
    checks = 0
    where = f"{fmt} item {index}"

    def fail(field, expected, actual):
        failed.append(f"{where} {field}: expected {expected!r}, got {actual!r}")

    if "title" in want:
        checks += 1
        actual = plain(got["title"])
        if want["title"] is None:
            if actual not in ("", UNTITLED):
                fail("title", None, actual)
        elif actual != plain(want["title"]):
            fail("title", plain(want["title"]), actual)
    if "link" in want:
        checks += 1
        if (got["link"] or None) != (want["link"] or None):
            fail("link", want["link"], got["link"])
    if "id" in want and want["id"] is not None:
        checks += 1
        expected = atom_id(want["id"]) if fmt == "atom" else want["id"]
        if got["id"] != expected:
            fail("id", expected, got["id"])
    if "date" in want:
        checks += 1
        actual = got["published_only"] if fmt == "atom" and want["date"] is None else got["date"]
        if actual != want["date"]:
            fail("date", want["date"], actual)
    if "body" in want:
        checks += 1
        if canonical_html(got["body"]) != canonical_html(want["body"]):
            fail("body", canonical_html(want["body"]), canonical_html(got["body"]))
    if "summary" in want and want["summary"] is not None:
        checks += 1
        if fmt == "json":
            if plain(got["summary_text"]) != text_of(want["summary"]):
                fail("summary", text_of(want["summary"]), got["summary_text"])
        elif canonical_html(got["summary"]) != canonical_html(want["summary"]):
            fail("summary", canonical_html(want["summary"]), canonical_html(got["summary"]))
    return checks


def substitute(value, server):
    if isinstance(value, str):
        return value.replace("{server}", server)
    if isinstance(value, dict):
        return {k: substitute(v, server) for k, v in value.items()}
    if isinstance(value, list):
        return [substitute(v, server) for v in value]
    return value


def check(case):
    expected = substitute(case["items"], case["server"])
    checks, failed = 0, []
    for fmt in ("rss", "atom", "json"):
        checks += 1  # the output is readable and has the right number of items
        try:
            got = json_items(case["outputs"][fmt]) if fmt == "json" else xml_items(case["outputs"][fmt], fmt)
        except (ValueError, OSError) as e:
            failed.append(f"{fmt}: {e}")
            checks += sum(len(w) for w in expected)
            failed.extend(f"{fmt}: unchecked" for w in expected for _ in w)
            continue
        if len(got) != len(expected):
            failed.append(f"{fmt}: {len(got)} items, expected {len(expected)}")
        for i, want in enumerate(expected):
            if i < len(got):
                checks += compare(fmt, i, want, got[i], failed)
            else:
                checks += len(want)
                failed.extend(f"{fmt} item {i}: missing" for _ in want)
    return {"case": case["case"], "checks": checks, "failed": failed}  # one message per failed check


def main():
    manifest, report = sys.argv[1], sys.argv[2]
    with open(manifest, encoding="utf-8") as f:
        cases = json.load(f)
    with open(report, "w", encoding="utf-8") as out:
        for case in cases:
            out.write(json.dumps(check(case)) + "\n")


if __name__ == "__main__":
    main()
