#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""growth.py - each command of showup that reads a whole cohort, run at two sizes four
times apart in the same run; fails (exit 1) when one takes more than 6 times the CPU
time at four times the size (an exponent above 1.3: a loop inside a loop, a query that
reads the whole table for each person). Times are user + system CPU seconds of the
command alone (not wall time: the machine is shared), the best of --runs runs, the
small and the large size taken in turn so that a slower minute hits both alike.

  growth.py [--runs R] [--scale F] [--only NAME]...
      the commands of $SHOWUP on data from tests/bench/gen.py; --scale multiplies
      every size (the small size must still take a good part of a second)
  growth.py --command 'SHELL COMMAND WITH {n}' --size N [--runs R]
      any command at n = N and n = 4N, judged the same way: the check's own test

A cohort of P people x S sessions grows four times as P x 2 and S x 2, so a cost
quadratic in either shows. Prints one line a command; the limit with --limit.
"""
import argparse
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
GEN = os.path.join(HERE, "..", "bench", "gen.py")
SMTPD = os.path.join(HERE, "..", "cli", "smtpd.py")
PYTHON = "/usr/bin/python3"
NOW = "2026-11-22T00:00:00Z"

# What each command is measured on: a kind of data (see prepare) at a small size (the
# large one is four times as much), showup's arguments ({dir}: the data's folder), and
# the database each run starts from, a copy of the data as prepared (None: the command
# only reads, the data as prepared itself). Databases: roster.db (people and sessions,
# no attendance yet), ready.db (all imported), planned.db (ready.db's notices planned).
COMMANDS = [
    ("attendance import", "cohort", (2000, 100),
     ["attendance", "import", "g", "{dir}/attendance.csv"], "roster.db"),
    ("attendance export", "cohort", (2000, 100),
     ["attendance", "export", "g", "-o", "{dir}/export.csv"], None),
    ("status", "cohort", (2000, 100), ["status", "g"], None),
    ("attendance show", "cohort", (2000, 100), ["attendance", "show", "g"], None),
    ("report attendance", "cohort", (2000, 100),
     ["report", "attendance", "g", "-o", "{dir}/a.pdf", "--date", "2026-11-21"], None),
    ("report commitment", "cohort", (250, 50),
     ["report", "commitment", "g", "-o", "{dir}/c.pdf", "--date", "2026-11-21"], None),
    ("session pairs", "cohort", (2000, 20),
     ["session", "pairs", "g", "--at", "2027-01-04 18:00", "--every", "week", "--count",
      "20"], "roster.db"),
    ("attendance from-meeting", "meeting", (25000,),
     ["attendance", "from-meeting", "g:1", "{dir}/zoom.csv"], "ready.db"),
    ("notices plan", "notices", (5000,), ["notices", "plan", "g"], "ready.db"),
    ("notices plan, invitations", "tell", (250, 10), ["notices", "plan", "g"], "ready.db"),
    ("notices send (SMTP)", "notices", (500,), ["notices", "send", "g"], "planned.db"),
]


def larger(size):
    """The size four times as large: both dimensions doubled, or the one times four."""
    return tuple(2 * d for d in size) if len(size) == 2 else (4 * size[0],)


def cpu_of(argv, env, shell=False):
    """Runs argv and returns its CPU seconds (user + system, its children too); exits
    with its stderr when it fails: a command that fails cannot be judged."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run(argv, env=env, shell=shell, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        sys.exit("growth: '%s' exited %d: %s" % (argv if shell else " ".join(argv),
                                                 p.returncode, p.stderr.decode().strip()))
    return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def judge(name, small, large, t_small, t_large, limit):
    """Prints the verdict line of one command; returns True if it grew within limit."""
    ratio = t_large / max(t_small, 1e-6)
    ok = ratio <= limit
    print("%-26s %12s %7.3f s  %12s %7.3f s  %5.2fx  %s" % (
        name, small, t_small, large, t_large, ratio,
        "ok" if ok else "FAIL (more than %gx)" % limit), flush=True)
    return ok


def best_pair(run_small, run_large, runs):
    """Times the small and the large run in turn, runs times; the best of each."""
    small, large = [], []
    for _ in range(runs):
        small.append(run_small())
        large.append(run_large())
    return min(small), min(large)


def showup(env, *args):
    """Runs a setup step of showup; stops the check with its message if it fails."""
    p = subprocess.run([env["SHOWUP"], *args], env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE)
    if p.returncode != 0:
        sys.exit("growth: showup %s: %s" % (" ".join(args), p.stderr.decode().strip()))


def gen(*args):
    """Writes generated data with tests/bench/gen.py."""
    subprocess.run([PYTHON, GEN, *map(str, args)], check=True)


def prepare(kind, size, d, env):
    """Fills folder d with the data of 'kind' at 'size' and its databases (COMMANDS)."""
    def db(name):
        return dict(env, SHOWUP_DB=os.path.join(d, name))

    showup(db("ready.db"), "init")
    if kind == "cohort":
        gen(d, size[0], size[1], "g")
        people = "participants.csv"
    elif kind == "tell":
        gen("tell", d, "g", size[0], size[1])
        people = "people.csv"
    else:
        gen(kind, d, "g", *size, *((max(size[0] // 50, 1),) if kind == "meeting" else ()))
        people = "people.csv"
    showup(db("ready.db"), "cohort", "import", d + "/cohort.csv")
    showup(db("ready.db"), "participant", "import", "g", d + "/" + people)
    showup(db("ready.db"), "session", "import", "g", d + "/sessions.csv")
    if kind == "cohort":
        shutil.copyfile(os.path.join(d, "ready.db"), os.path.join(d, "roster.db"))
        showup(db("ready.db"), "attendance", "import", "g", d + "/attendance.csv")
    elif kind == "notices":
        showup(db("ready.db"), "attendance", "import", "g", d + "/att.csv")
        shutil.copyfile(os.path.join(d, "ready.db"), os.path.join(d, "planned.db"))
        showup(db("planned.db"), "notices", "plan", "g")
    elif kind == "tell":
        showup(db("ready.db"), "policy", "set", "g", "invitations", "on")


class Sink:
    """A loopback SMTP server (tests/cli/smtpd.py, keeping no message) for the sends,
    kept while the check runs, and the config that points showup at it."""

    def __init__(self, root, env):
        self.dir = os.path.join(root, "smtp")
        os.makedirs(self.dir)
        self.proc = subprocess.Popen([PYTHON, SMTPD, self.dir, "--discard"],
                                     env=dict(env, SMTPD_SECONDS="86400"),
                                     stderr=subprocess.DEVNULL)
        port = os.path.join(self.dir, "port")
        for _ in range(200):
            if os.path.exists(port) or self.proc.poll() is not None:
                break
            time.sleep(0.05)
        if not os.path.exists(port):
            sys.exit("growth: the SMTP server (tests/cli/smtpd.py) did not start")
        cfg = os.path.join(env["XDG_CONFIG_HOME"], "showup")
        os.makedirs(cfg)
        with open(os.open(os.path.join(cfg, "config"), os.O_WRONLY | os.O_CREAT, 0o600),
                  "w") as f:
            f.write("[smtp]\nurl = smtp://127.0.0.1:%s\ntls = none\n" % open(port).read())

    def stop(self):
        """Stops the server."""
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait()


def size_label(size):
    """A size as people read it: "2,000 x 100"."""
    return " x ".join("{:,}".format(d) for d in size)


def check_commands(args, env, root):
    """Measures each command of COMMANDS (or those --only names); True if all are ok."""
    chosen = [c for c in COMMANDS if not args.only or c[0] in args.only]
    unknown = set(args.only or ()) - {c[0] for c in COMMANDS}
    if unknown:
        sys.exit("growth: no command named '%s'" % sorted(unknown)[0])
    sink = Sink(root, env) if any(c[4] == "planned.db" for c in chosen) else None
    ready, ok = {}, True
    try:
        for name, kind, base, argv, start in chosen:
            base = tuple(max(1, int(d * args.scale)) for d in base)
            runs = []
            for size in (base, larger(base)):
                key = (kind, size)
                if key not in ready:
                    ready[key] = os.path.join(root, "%s-%s" % (kind, "x".join(map(str, size))))
                    os.makedirs(ready[key])
                    prepare(kind, size, ready[key], env)
                runs.append(runner(ready[key], argv, start, env))
            t_small, t_large = best_pair(runs[0], runs[1], args.runs)
            ok &= judge(name, size_label(base), size_label(larger(base)), t_small, t_large,
                        args.limit)
    finally:
        if sink:
            sink.stop()
    return ok


def runner(d, argv, start, env):
    """Returns a function that runs argv once on the data in d, on a fresh copy of
    database 'start' (None: on ready.db itself), and returns its CPU seconds."""
    db = os.path.join(d, "run.db" if start else "ready.db")
    full = [env["SHOWUP"]] + [a.replace("{dir}", d) for a in argv]

    def run():
        if start:
            for leftover in (db + "-wal", db + "-shm"):
                if os.path.exists(leftover):
                    os.unlink(leftover)
            shutil.copyfile(os.path.join(d, start), db)
        return cpu_of(full, dict(env, SHOWUP_DB=db))
    return run


def check_command(args, env):
    """Measures one shell command at --size and four times it; True if it is ok."""
    def at(n):
        return lambda: cpu_of(args.command.replace("{n}", str(n)), env, shell=True)
    t_small, t_large = best_pair(at(args.size), at(4 * args.size), args.runs)
    return judge(args.command, "{:,}".format(args.size), "{:,}".format(4 * args.size),
                 t_small, t_large, args.limit)


def main():
    """Runs the check that the arguments ask for; the exit status: 0 ok, 1 failed."""
    p = argparse.ArgumentParser(description="how the commands' cost grows with the input")
    p.add_argument("--runs", type=int, default=3, help="the best of this many runs (3)")
    p.add_argument("--scale", type=float, default=1.0, help="every size times this")
    p.add_argument("--limit", type=float, default=6.0, help="the most growth allowed (6)")
    p.add_argument("--only", action="append", help="only this command (again for more)")
    p.add_argument("--command", help="a shell command of {n} to measure instead")
    p.add_argument("--size", type=int, default=1000, help="--command's small n (1000)")
    args = p.parse_args()
    began = time.monotonic()
    root = tempfile.mkdtemp(prefix="showup-growth-", dir=os.environ.get("TMPDIR"))
    env = dict(os.environ, SHOWUP_NOW=NOW, HOME=root,
               XDG_CONFIG_HOME=os.path.join(root, "config"))
    try:
        if args.command:
            ok = check_command(args, env)
        else:
            if "SHOWUP" not in env:
                sys.exit("growth: SHOWUP must name the built binary")
            ok = check_commands(args, env, root)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print("growth: %s in %.0f s" % ("all within %gx" % args.limit if ok else "FAILED",
                                     time.monotonic() - began))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
