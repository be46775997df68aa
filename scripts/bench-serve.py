#!/usr/bin/env python3
"""Preview latency: time from saving a page to the reload event reaching the browser.

    scripts/bench-serve.py [--root DIR] [--kommune SLUG] [--file REL] [--runs 30] [--bin PATH]

Starts `veiviser serve --port 0`, subscribes to its event stream like the browser does,
then edits one content file RUNS times and measures, for each save, the time until the
`reload` event arrives. Prints p50/p90/max in milliseconds.

A Markdown file gets a new paragraph at the end of its body (a body-only update: only the
pages made from it are rendered again). Any other file (YAML) gets a comment line: its
bytes change but not what it says, so the preview rebuilds with its manifest and renders
again the kommuner that file is an input of (one kommune, or every kommune inheriting a
base), and takes the others over.
"""
import argparse
import http.client
import os
import statistics
import subprocess
import sys
import threading
import time
import queue

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--root", default=REPO)
    p.add_argument("--kommune")
    p.add_argument("--file", default="content/fjordvik/index.md", help="file to edit, relative to --root")
    p.add_argument("--runs", type=int, default=30)
    p.add_argument("--bin", default=os.path.join(REPO, "target/release/veiviser"))
    args = p.parse_args()

    cmd = [args.bin, "serve", "--port", "0", "--root", args.root]
    if args.kommune:
        cmd += ["--kommune", args.kommune]
    env = dict(os.environ, VEIVISER_LANG="en")
    server = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    try:
        url = None
        initial = []
        for line in server.stdout:
            if line.startswith("Built "):
                initial.append(line.strip())
            if "http://" in line:
                url = line[line.index("http://"):].strip()
                break
        host = url[len("http://"):].rstrip("/")
        events = queue.Queue()

        def listen():
            conn = http.client.HTTPConnection(host)
            conn.request("GET", "/__veiviser/events")
            resp = conn.getresponse()
            while True:
                line = resp.fp.readline()
                if not line:
                    return
                if line.startswith(b"event: reload"):
                    events.put(time.perf_counter())

        threading.Thread(target=listen, daemon=True).start()
        # The server's own account of each update ("Updated 1 page in 12 ms").
        updates = []

        def log():
            for line in server.stdout:
                if line.startswith(("Updated ", "Built ")) and " in " in line:
                    updates.append(line.strip())

        threading.Thread(target=log, daemon=True).start()
        time.sleep(1.0)
        path = os.path.join(args.root, args.file)
        original = open(path, encoding="utf-8").read()
        samples = []
        try:
            for i in range(args.runs):
                while not events.empty():
                    events.get_nowait()
                edit = f"\n\nEndring {i}.\n" if path.endswith(".md") else f"\n# Endring {i}\n"
                with open(path, "w", encoding="utf-8") as f:
                    f.write(original + edit)
                start = time.perf_counter()
                arrived = events.get(timeout=30)
                samples.append((arrived - start) * 1000)
                time.sleep(0.3)
        finally:
            with open(path, "w", encoding="utf-8") as f:
                f.write(original)
        samples.sort()
        p90 = samples[int(len(samples) * 0.9) - 1]
        print(f"runs={len(samples)} p50={statistics.median(samples):.0f} ms p90={p90:.0f} ms max={samples[-1]:.0f} ms")
        def ms(kind):
            return sorted(int(u.rsplit(" in ", 1)[1].split()[0]) for u in updates if u.startswith(kind))
        if initial:
            print(f"initial build: {initial[0]}")
        for kind, what in (("Updated ", "body-only updates"), ("Built ", "rebuilds with the manifest")):
            inside = ms(kind)
            if inside:
                print(f"server-side time of {len(inside)} {what} (without the 25 ms debounce): "
                      f"p50={statistics.median(inside):.0f} ms max={inside[-1]} ms")
        try:
            hwm = [l for l in open(f"/proc/{server.pid}/status") if l.startswith("VmHWM")][0].split()[1]
            print(f"server peak RSS: {int(hwm) // 1024} MB")
        except OSError:
            pass
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    sys.exit(main())
