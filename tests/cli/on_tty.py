#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""on_tty.py COMMAND ARGS... - runs a command with its standard streams on a
pseudo-terminal, prints everything it wrote there, and exits with its status."""
import os
import pty
import sys


def main():
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(sys.argv[1], sys.argv[1:])
    out = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    _, status = os.waitpid(pid, 0)
    sys.stdout.write(out.decode("utf-8", "replace"))
    sys.exit(os.waitstatus_to_exitcode(status))


main()
