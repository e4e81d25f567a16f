#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""rollcall.py SHOWUP REF KEYS... - runs `showup rollcall REF` on a pseudo-terminal,
typing each KEYS argument once the previous output has settled, and prints all
the program wrote. Exits with the program's exit status (124 on a time-out)."""
import os
import select
import subprocess
import sys
import time


def drain(fd, quiet=0.3, limit=10.0):
    """Reads what the program writes until it has been quiet for a moment."""
    out = b""
    end = time.time() + limit
    while time.time() < end:
        ready, _, _ = select.select([fd], [], [], quiet)
        if not ready:
            break
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    return out


def main():
    showup, ref, keys = sys.argv[1], sys.argv[2], sys.argv[3:]
    master, slave = os.openpty()
    proc = subprocess.Popen([showup, "rollcall", ref], stdin=slave, stdout=slave,
                            stderr=slave, close_fds=True)
    os.close(slave)
    out = drain(master)
    for key in keys:
        os.write(master, key.encode().decode("unicode_escape").encode("latin-1"))
        out += drain(master)
    try:
        rc = proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        rc = 124
    out += drain(master, quiet=0.1, limit=1)
    sys.stdout.write(out.decode("utf-8", "replace"))
    sys.exit(rc)


main()
