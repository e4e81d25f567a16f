#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""serve_load.py - roll-call taps against a running showup serve over loopback.

usage: serve_load.py LOGIN-URL SESSION-PATH CONNECTIONS TAPS SECONDS

Signs in with the one-time link, reads the roll-call page for its form token
and people, then sends TAPS roll-call POSTs (each one changes the record, so
each is a write) over CONNECTIONS keep-alive connections, stopping after
SECONDS at most. Prints the writes a second and the latency percentiles.
"""
import http.client
import re
import sys
import threading
import time
import urllib.parse


def main():
    login, path, conns, taps, limit = sys.argv[1], sys.argv[2], int(sys.argv[3]), \
        int(sys.argv[4]), float(sys.argv[5])
    url = urllib.parse.urlsplit(login)
    host, port = url.hostname, url.port
    c = http.client.HTTPConnection(host, port, timeout=10)
    c.request("POST", url.path, body=b"",
              headers={"Content-Type": "application/x-www-form-urlencoded"})
    r = c.getresponse()
    r.read()
    cookie = r.getheader("Set-Cookie").split(";")[0]
    c.request("GET", path, headers={"Cookie": cookie})
    page = c.getresponse().read().decode()
    token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    emails = re.findall(r'name="email" value="([^"]+)"', page)
    c.close()
    if not emails:
        sys.exit("serve_load: nobody on the roll call page")

    latencies, failures, lock = [], [], threading.Lock()
    deadline = time.monotonic() + limit
    per = taps // conns

    def worker(k):
        conn = http.client.HTTPConnection(host, port, timeout=10)
        people = emails[k::conns]   # each connection its own people
        mine, bad = [], 0
        for i in range(per):
            if time.monotonic() > deadline:
                break
            email = people[i % len(people)]
            # the answer alternates per person, so every tap changes the record
            status = "present" if (i // len(people)) % 2 == 0 else "no-show"
            body = urllib.parse.urlencode({"csrf": token, "email": email, "status": status})
            t0 = time.perf_counter()
            conn.request("POST", path + "/mark", body=body, headers={
                "Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
            resp = conn.getresponse()
            resp.read()
            mine.append(time.perf_counter() - t0)
            bad += resp.status != 303
        conn.close()
        with lock:
            latencies.extend(mine)
            failures.append(bad)

    start = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(k,)) for k in range(conns)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000

    print(f"{len(latencies)} taps in {wall:.2f} s over {conns} connections: "
          f"{len(latencies) / wall:.0f} writes a second, p50 {pct(50):.1f} ms, "
          f"p99 {pct(99):.1f} ms, max {latencies[-1] * 1000:.1f} ms, {sum(failures)} refused "
          f"(goal 500 writes a second, p99 50 ms)"
          f"{'' if len(latencies) / wall >= 500 and pct(99) <= 50 else '  MISS'}")
    sys.exit(1 if sum(failures) else 0)


if __name__ == "__main__":
    main()
