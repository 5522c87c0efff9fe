#!/usr/bin/env python3
"""Loopback upstream for scripts/load.sh: the bench feeds served the way bench/README.md says.

Three threaded HTTP servers, each listening on one port of every address 127.0.0.1 … 127.0.0.HOSTS
(Sluice allows only a few fetches in flight per host, so runs meant to fetch at once need hosts
of their own; binding each loopback address keeps everything off other interfaces). Both serve
the bench files by name and ignore the query string, so `F1.xml?n=7` is a distinct URL for
Sluice but the same file:
  * fast:    answers at once;
  * trickle: sends the body in pieces of 1,024 bytes with 100 ms after each (T1 takes ~512 s),
             with a correct Content-Length;
  * slow:    waits 200 ms, then sends the whole body (the latency of P3's upstreams).
Usage: upstream.py BENCH_DIR PORTS_FILE REQUEST_LOG HOSTS
Writes "<fast port> <trickle port> <slow port>" to PORTS_FILE once all listen; appends "<mode> <path>"
to REQUEST_LOG for every request (the memory phase counts upstream fetches with it).
"""
import gzip
import http.server
import os
import socketserver
import sys
import threading
import time
from urllib.parse import urlsplit

PIECE = 1024
PAUSE_S = 0.1
LATENCY_S = 0.2


def load_files(bench_dir):
    files = {}
    for name in os.listdir(bench_dir):
        path = os.path.join(bench_dir, name)
        if name.endswith(".xml"):
            with open(path, "rb") as f:
                files[name] = f.read()
        elif name.endswith(".xml.gz"):  # T1.xml is stored compressed in the repository
            with gzip.open(path, "rb") as f:
                files[name[:-3]] = f.read()
    return files


def handler(files, mode, log, log_lock):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            name = urlsplit(self.path).path.lstrip("/")
            with log_lock:
                log.write(mode + " " + self.path + "\n")
                log.flush()
            body = files.get(name)
            if mode == "slow":
                time.sleep(LATENCY_S)
            if body is None:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml" if "Atom" not in name else "application/atom+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                if mode != "trickle":
                    self.wfile.write(body)
                    return
                for start in range(0, len(body), PIECE):
                    self.wfile.write(body[start:start + PIECE])
                    self.wfile.flush()
                    time.sleep(PAUSE_S)
            except (BrokenPipeError, ConnectionResetError):
                pass  # Sluice gave up at its deadline: expected for the trickle server

        def log_message(self, *args):
            pass  # requests go to REQUEST_LOG instead

    return Handler


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 512  # 100 runs connect at once; the default backlog of 5 would stall them

    def server_bind(self):
        # HTTPServer's own looks up the address's host name (socket.getfqdn): ~50 ms per address.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]


def bind_all(hosts, handler_class):
    """Servers on one port of 127.0.0.1 … 127.0.0.<hosts>; a new port if one address has it taken."""
    for _ in range(20):
        first = Server(("127.0.0.1", 0), handler_class)
        servers = [first]
        try:
            for k in range(2, hosts + 1):
                servers.append(Server((f"127.0.0.{k}", first.server_address[1]), handler_class))
            return servers
        except OSError:
            for s in servers:
                s.server_close()
    raise SystemExit("upstream.py: found no port free on every loopback address")


def main():
    bench_dir, ports_file, log_path, hosts = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    files = load_files(bench_dir)
    log = open(log_path, "a", encoding="utf-8")
    lock = threading.Lock()
    ports = []
    for mode in ("fast", "trickle", "slow"):
        servers = bind_all(hosts, handler(files, mode, log, lock))
        ports.append(servers[0].server_address[1])
        for s in servers:
            threading.Thread(target=s.serve_forever, daemon=True).start()
    tmp = ports_file + ".tmp"
    with open(tmp, "w") as f:
        f.write(" ".join(map(str, ports)) + "\n")
    os.replace(tmp, ports_file)  # whole line or nothing, for the script polling it
    threading.Event().wait()


if __name__ == "__main__":
    main()
