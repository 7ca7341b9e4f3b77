#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""bench/echo.py: `make bench-echo`, the epoll echo server written with
iosafe (examples/epoll_echo.c) against the same server with bare ints
(bench/epoll_echo_bare.c), under one loopback load (bench/echo_client.c).

Each round runs both servers one after the other, the order alternating
from round to round (rotated, so that a drift in the machine's load falls
on both): a server is started on an ephemeral port of 127.0.0.1 (its
"listening on 127.0.0.1:N" line says which), the client runs its bounded
load against it (CONNECTIONS connections, SIZE-byte requests, REQUESTS in
all, at most SECONDS), and the server exits once the client's connections
have closed.  Printed: each round's requests per second, each server's
median, and the ratio iosafe / bare of the medians and the median of the
rounds' ratios (1.00: the same throughput); also each server's CPU time
per request (user + system, from wait4's rusage), and, from one more run
of each under callgrind, the server's user-space instructions per request
(exact, where the wall-clock figures carry the machine's load).
"""
import argparse
import os
import re
import statistics
import subprocess
import sys


def run_server(server, client, args, wrap=()):
    """One run: the client's requests per second and the server's CPU
    seconds (user, system).  wrap: a command the server runs under
    (valgrind)."""
    pin = None
    if args.cpu is not None:
        def pin():
            os.sched_setaffinity(0, {args.cpu})
    proc = subprocess.Popen(list(wrap) + [server, "-p", "0", "-c", str(args.connections), "-t", "10"],
                            stdout=subprocess.PIPE, text=True, preexec_fn=pin)
    try:
        line = proc.stdout.readline()
        m = re.search(r"listening on 127\.0\.0\.1:(\d+)", line)
        if not m:
            raise RuntimeError(f"{server}: no 'listening on' line (got {line!r})")
        out = subprocess.run([client, m.group(1), str(args.connections), str(args.size),
                              str(args.requests), str(args.seconds)],
                             capture_output=True, text=True, timeout=args.seconds + 10,
                             preexec_fn=pin)
        if out.returncode != 0:
            raise RuntimeError(f"{client} against {server} failed: {out.stderr.strip()}")
        m = re.search(r"requests (\d+) seconds ([0-9.]+) rps ([0-9.]+)", out.stdout)
        if not m:
            raise RuntimeError(f"{client}: unexpected output {out.stdout!r}")
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise RuntimeError(f"{server} exited with {proc.returncode}")
        return float(m.group(3)), usage.ru_utime, usage.ru_stime
    finally:
        if proc.returncode is None:
            proc.kill()
            proc.wait()


def instructions(server, client, args, out):
    """User-space instructions the server executes in main() (its whole
    serving loop: the setup's few calls included) under the same load,
    counted by callgrind; the kernel's work is not counted."""
    run_server(server, client, args,
               wrap=[args.valgrind, "--tool=callgrind", "--toggle-collect=main",
                     f"--callgrind-out-file={out}", "-q"])
    with open(out) as f:
        for line in f:
            if line.startswith("summary:"):
                return int(line.split()[1])
    raise RuntimeError(f"{out}: no callgrind summary")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bare", required=True, help="the bare-int server")
    ap.add_argument("--iosafe", required=True, help="the iosafe server")
    ap.add_argument("--client", required=True, help="bench/echo_client")
    ap.add_argument("--rounds", type=int, default=11)
    ap.add_argument("--connections", type=int, default=8)
    ap.add_argument("--size", type=int, default=64)
    ap.add_argument("--requests", type=int, default=40000)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--valgrind", default="valgrind",
                    help="for one more run of each under callgrind ('' to skip it)")
    ap.add_argument("--workdir", default=".", help="where callgrind's files go")
    ap.add_argument("--cpu", type=int, default=None,
                    help="run the server and the client on this one CPU (sched_setaffinity)")
    args = ap.parse_args()

    servers = {"bare": args.bare, "iosafe": args.iosafe}
    rps = {"bare": [], "iosafe": []}
    cpu = {"bare": [], "iosafe": []}
    print(f"\nbench-echo: epoll echo server, iosafe (examples/epoll_echo.c) against bare ints "
          f"(bench/epoll_echo_bare.c)")
    print(f"load: bench/echo_client, 127.0.0.1, {args.connections} connections, "
          f"{args.size}-byte requests, {args.requests} requests a run, {args.rounds} rounds rotated\n")
    print(f"{'round':>5}  {'order':<12} {'bare rps':>10} {'iosafe rps':>11} {'ratio':>6}")
    for r in range(args.rounds):
        order = ["bare", "iosafe"] if r % 2 == 0 else ["iosafe", "bare"]
        got = {}
        for name in order:
            got[name], ut, st = run_server(servers[name], args.client, args)
            rps[name].append(got[name])
            cpu[name].append((ut + st) / args.requests)
        print(f"{r + 1:>5}  {order[0] + ' first':<12} {got['bare']:>10.0f} {got['iosafe']:>11.0f} "
              f"{got['iosafe'] / got['bare']:>6.3f}")
    mb, mi = statistics.median(rps["bare"]), statistics.median(rps["iosafe"])
    ratios = [i / b for i, b in zip(rps["iosafe"], rps["bare"])]
    cb, ci = statistics.median(cpu["bare"]), statistics.median(cpu["iosafe"])
    print(f"\nmedian requests/s: bare {mb:.0f}, iosafe {mi:.0f}")
    print(f"ratio iosafe/bare: of the medians {mi / mb:.3f}, median of the rounds {statistics.median(ratios):.3f} "
          f"(rounds {min(ratios):.3f} .. {max(ratios):.3f})")
    print(f"server CPU per request (user+sys): bare {cb * 1e6:.2f} us, iosafe {ci * 1e6:.2f} us, "
          f"ratio {ci / cb:.3f}" if cb > 0 else "server CPU per request: too small to measure")
    if args.valgrind:
        ib = instructions(args.bare, args.client, args, os.path.join(args.workdir, "echo-bare.callgrind"))
        ii = instructions(args.iosafe, args.client, args, os.path.join(args.workdir, "echo-iosafe.callgrind"))
        print(f"server user-space instructions per request (callgrind, one run each): "
              f"bare {ib / args.requests:.1f}, iosafe {ii / args.requests:.1f}, ratio {ii / ib:.3f}")
    print("goal: requests/s ratio within 0.98 .. 1.02")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (RuntimeError, subprocess.TimeoutExpired) as e:
        print(f"bench-echo: {e}", file=sys.stderr)
        sys.exit(1)
