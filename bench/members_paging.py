#!/usr/bin/env python3
"""Members-list paging cost against page depth.

Starts Larkspur from server/target/*-exec.jar on a fresh H2 data directory with a seed of N people, puts them
all in one chat through the public API (50 per call, as Feishu allows), then walks the members
list page by page and reports the latency of pages near the start, middle and end. With keyset
paging every page costs about the same wherever it is.

Usage: ./mvnw -q -DskipTests package && python3 bench/members_paging.py [members] [page_size]
"""
import concurrent.futures
import glob
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

MEMBERS = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
PAGE = int(sys.argv[2]) if len(sys.argv) > 2 else 100
APP_ID, SECRET, TENANT = "cli_b0b0b0b0b0b0b0b0", "bench-secret-0001", "be0c4be0c4be0c4b"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Api:
    def __init__(self, port):
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def call(self, method, path, body=None, token=None):
        headers = {"Content-Type": "application/json; charset=utf-8"}
        if token:
            headers["Authorization"] = "Bearer " + token
        self.conn.request(method, path, json.dumps(body) if body is not None else None, headers)
        resp = self.conn.getresponse()
        return json.loads(resp.read())


def main():
    jar = sorted(glob.glob("server/target/larkspur-*-exec.jar"))
    if not jar:
        sys.exit("build the jar first: ./mvnw -q -DskipTests package")
    data = tempfile.mkdtemp(prefix="larkspur-bench-")
    seed = os.path.join(data, "seed.yaml")
    with open(seed, "w") as f:
        f.write(f"tenants:\n  - tenant_key: {TENANT}\n    name: Bench\n    apps:\n")
        f.write(f"      - app_id: {APP_ID}\n        app_secret: {SECRET}\n        name: Bench Bot\n    users:\n")
        for i in range(MEMBERS):
            f.write(f"      - user_id: u{i}\n        name: Person {i}\n")
    port = free_port()
    env = dict(os.environ, LARKSPUR_DATA_DIR=data, LARKSPUR_SEED=seed, PORT=str(port),
               LARKSPUR_RATE_LIMIT_ENABLED="false", LARKSPUR_CHAT_MAX_MEMBERS=str(MEMBERS))
    started = time.time()
    server = subprocess.Popen(["java", "-jar", jar[-1]], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(600):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(1)
        print(f"server up with {MEMBERS} seeded people in {time.time() - started:.0f} s")
        api = Api(port)
        token = api.call("POST", "/open-apis/auth/v3/tenant_access_token/internal",
                         {"app_id": APP_ID, "app_secret": SECRET}).get("tenant_access_token")
        assert token, "the seeded app should have a token"
        chat = api.call("POST", "/open-apis/im/v1/chats", {"name": "Everyone"}, token)["data"]["chat_id"]

        def add(batch):
            return Api(port).call("POST", f"/open-apis/im/v1/chats/{chat}/members?member_id_type=user_id",
                                  {"id_list": [f"u{i}" for i in batch]}, token)["code"]

        t = time.time()
        batches = [range(i, min(i + 50, MEMBERS)) for i in range(0, MEMBERS, 50)]
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            codes = list(pool.map(add, batches))
        assert all(c == 0 for c in codes), set(codes)
        print(f"added {MEMBERS} members in {len(batches)} calls, {time.time() - t:.0f} s")

        api = Api(port)  # the first connection idled past the keep-alive timeout while members were added
        latencies, token_, seen = [], None, 0
        while True:
            path = f"/open-apis/im/v1/chats/{chat}/members?page_size={PAGE}" + (f"&page_token={token_}" if token_ else "")
            t = time.perf_counter()
            page = api.call("GET", path, token=token)["data"]
            latencies.append((time.perf_counter() - t) * 1000)
            seen += len(page["items"])
            if not page["has_more"]:
                break
            token_ = page["page_token"]
        assert seen == MEMBERS, (seen, MEMBERS)
        n = len(latencies)
        k = max(1, n // 10)
        parts = {"first 10%": latencies[:k], "middle 10%": latencies[n // 2 - k // 2: n // 2 + k // 2 + 1], "last 10%": latencies[-k:]}
        print(f"walked {n} pages of {PAGE} ({seen} members), member_total={page['member_total']}")
        for name, xs in parts.items():
            print(f"  {name:<11} median {statistics.median(xs):6.2f} ms   p90 {sorted(xs)[int(len(xs) * 0.9)]:6.2f} ms")
        print(f"  first page {latencies[0]:.2f} ms, last page {latencies[-1]:.2f} ms")
    finally:
        server.terminate()
        server.wait(30)
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
